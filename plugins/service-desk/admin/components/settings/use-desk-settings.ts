import { graphql, type VariablesOf } from '@aftercare/admin-kit/gql';
import { useMutation, useQuery } from '@urql/vue';
import { computed } from 'vue';

/** What the settings pages read and what a save answers with: one selection for both. */
graphql(`
  fragment ServiceDeskSettingsFields on ServiceDeskSettings {
    version
    categories
    rootCauses
    compensationApprovalThresholdMinor
    compensationCurrency
    reopenWindowDays
    seriousKeywords
    defaultTeamId
    breachRaisesSeverity
    attachmentMaxBytes
    attachmentTypes
  }
`);
const DeskSettings = graphql(`
  query ServiceDeskSettingsForm {
    serviceDeskSettings {
      ...ServiceDeskSettingsFields
    }
  }
`);
const UpdateDeskSettings = graphql(`
  mutation UpdateServiceDeskSettings($input: ServiceDeskSettingsInput!) {
    updateServiceDeskSettings(input: $input) {
      ...ServiceDeskSettingsFields
    }
  }
`);

/**
 * The service desk settings and a `save(patch)` that sends the version they were read at, so a
 * change someone else saved in between is refused (CONFLICT) rather than overwritten. Pages show
 * that answer through AdminForm and offer `reload()`.
 */
export function useDeskSettings() {
  const q = useQuery({ query: DeskSettings, requestPolicy: 'cache-and-network' });
  const update = useMutation(UpdateDeskSettings);
  const settings = computed(() => q.data.value?.serviceDeskSettings ?? null);
  function save(patch: Omit<VariablesOf<typeof UpdateDeskSettings>['input'], 'expectedVersion'>) {
    return update.executeMutation({ input: { ...patch, expectedVersion: settings.value?.version ?? null } });
  }
  const reload = () => q.executeQuery({ requestPolicy: 'network-only' });
  return { query: q, settings, save, reload };
}
