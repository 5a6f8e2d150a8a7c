import { usePermission } from '@aftercare/admin-kit';
import { graphql } from '@aftercare/admin-kit/gql';
import { useQuery } from '@urql/vue';
import type { SelectOption } from 'naive-ui';
import { computed } from 'vue';

const DeskTeams = graphql(`
  query ServiceDeskTeamsForCases {
    serviceDeskTeams {
      id
      name
      members {
        staffUserId
        absent
        staffUser {
          id
          name
        }
      }
    }
  }
`);
const DeskStaff = graphql(`
  query ServiceDeskStaffForCases {
    staffUsers(take: 100) {
      items {
        id
        name
        active
      }
    }
  }
`);

/** A choice in a select: value and already readable label. */
export type Option = SelectOption & { value: string; label: string };

/**
 * Teams and agents to filter by and assign to: the service desk's teams, and active staff users
 * (when the user may list staff; otherwise the members of the teams).
 */
export function useDeskPeople() {
  const canListStaff = usePermission('core.staff.read');
  const teams = useQuery({ query: DeskTeams });
  const staff = useQuery({ query: DeskStaff, pause: computed(() => !canListStaff.value) });
  const teamOptions = computed<Option[]>(() => (teams.data.value?.serviceDeskTeams ?? []).map((t) => ({ value: t.id, label: t.name })));
  const agentOptions = computed<Option[]>(() => {
    const byId = new Map<string, string>();
    for (const s of staff.data.value?.staffUsers.items ?? []) if (s.active) byId.set(s.id, s.name);
    for (const t of teams.data.value?.serviceDeskTeams ?? [])
      for (const m of t.members) if (m.staffUser && !byId.has(m.staffUser.id)) byId.set(m.staffUser.id, m.staffUser.name);
    return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  });
  return { teamOptions, agentOptions };
}
