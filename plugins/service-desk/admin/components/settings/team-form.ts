import { graphql } from '@aftercare/admin-kit/gql';
import { useMutation } from '@urql/vue';

export const TEAM_MODES = ['MANUAL', 'ROUND_ROBIN', 'LEAST_LOADED'] as const;
export type TeamMode = (typeof TEAM_MODES)[number];
export interface TeamFormValues {
  name: string;
  autoAssign: TeamMode;
}

const SaveTeam = graphql(`
  mutation SaveServiceDeskTeam($input: ServiceDeskTeamInput!) {
    saveServiceDeskTeam(input: $input) {
      id
      name
      autoAssign
    }
  }
`);

/** A team's form values (blank for a new team) and the mutation that creates or changes it. */
export function useSaveTeam() {
  const mutation = useMutation(SaveTeam);
  return {
    mutation,
    values: (team?: { name: string; autoAssign: TeamMode } | null): TeamFormValues => ({
      name: team?.name ?? '',
      autoAssign: team?.autoAssign ?? 'MANUAL',
    }),
    save: (form: TeamFormValues, id: string | null) =>
      mutation.executeMutation({ input: { id, name: form.name.trim(), autoAssign: form.autoAssign } }),
  };
}
