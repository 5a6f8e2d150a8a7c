import { graphql } from '@aftercare/admin-kit/gql';
import { useQuery } from '@urql/vue';
import { computed } from 'vue';

const DeskTeams = graphql(`
  query ServiceDeskTeamsForCases {
    serviceDeskTeams {
      id
      name
    }
  }
`);

/** The service desk's teams, to filter by and assign to (people come from admin-kit's `StaffPicker`). */
export function useDeskTeams() {
  const teams = useQuery({ query: DeskTeams });
  const teamOptions = computed(() => (teams.data.value?.serviceDeskTeams ?? []).map((t) => ({ value: t.id, label: t.name })));
  return { teamOptions };
}
