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
 * The state changes of a claim or repair order (core's status history) as timeline entries: the
 * state reached, the move, who made it and why.
 */
export function useHistoryTimeline(entries: MaybeRefOrGetter<readonly HistoryEntryData[] | undefined>, kind: 'claims' | 'repairs') {
  const { t } = useI18n();
  const code = useCodeLabel();
  const state = (s: string) => code(`warranty.${kind}.states`, s.toUpperCase());
  return computed<TimelineItem[]>(() =>
    (toValue(entries) ?? []).map((e) => {
      const move = e.fromStatus ? `${state(e.fromStatus)} → ${state(e.toStatus)}` : null;
      const who = e.actor ? t('warranty.claims.by', { who: e.actor }) : null;
      return {
        id: e.id,
        at: e.at,
        title: state(e.toStatus),
        description: [move, who, e.reason].filter(Boolean).join(' · ') || null,
        tone: TONES[e.toStatus] ?? 'info',
      };
    }),
  );
}
