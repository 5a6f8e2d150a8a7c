import { graphql } from '@aftercare/admin-kit/gql';
import { useQuery } from '@urql/vue';
import type { SelectOption } from 'naive-ui';
import { computed } from 'vue';

const DeskTeams = graphql(`
  query ServiceDeskTeamsForCases {
    serviceDeskTeams {
      id
      name
    }
  }
`);

/** A choice in a select: value and already readable label. */
export type Option = SelectOption & { value: string; label: string };

/** The service desk's teams, to filter by and assign to (people come from admin-kit's `StaffPicker`). */
export function useDeskTeams() {
  const teams = useQuery({ query: DeskTeams });
  const teamOptions = computed<Option[]>(() => (teams.data.value?.serviceDeskTeams ?? []).map((t) => ({ value: t.id, label: t.name })));
  return { teamOptions };
}
