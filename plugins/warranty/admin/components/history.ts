import type { TimelineItem } from '@aftercare/admin-kit';
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import { useI18n } from 'vue-i18n';
import type { HistoryEntryData } from './fragments.js';
import { useCodeLabel } from './labels.js';

const TONES: Record<string, TimelineItem['tone']> = {
  approved: 'success',
  resolved: 'success',
  completed: 'success',
  rejected: 'error',
  cancelled: 'default',
  estimate_declined: 'error',
  info_requested: 'warning',
};

/**
 * The recorded changes of a claim or repair order as timeline entries: what happened (translated
 * under `warranty.claims.actions`), the state move and who did it.
 */
export function useHistoryTimeline(entries: MaybeRefOrGetter<readonly HistoryEntryData[] | undefined>, kind: 'claims' | 'repairs') {
  const { t } = useI18n();
  const code = useCodeLabel();
  const state = (s: string) => code(`warranty.${kind}.states`, s.toUpperCase());
  return computed<TimelineItem[]>(() =>
    (toValue(entries) ?? []).map((e) => {
      const move = e.toStatus ? (e.fromStatus ? `${state(e.fromStatus)} → ${state(e.toStatus)}` : state(e.toStatus)) : null;
      const who = e.actor ? t('warranty.claims.by', { who: e.actor }) : null;
      return {
        id: e.id,
        at: e.at,
        title: code('warranty.claims.actions', e.action),
        description: [move, who].filter(Boolean).join(' · ') || null,
        tone: e.toStatus ? (TONES[e.toStatus] ?? 'info') : 'default',
      };
    }),
  );
}
