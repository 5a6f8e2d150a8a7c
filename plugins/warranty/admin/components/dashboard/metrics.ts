import { graphql } from '@aftercare/admin-kit/gql';
import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';

/** The warranty metrics the dashboards show, by model (see the plugin README for the definitions). */
export const WARRANTY_METRICS = [
  'warranty.claim_rate',
  'warranty.repair_turnaround',
  'warranty.first_time_fix_rate',
  'warranty.cost_per_model',
] as const;

const MetricsQuery = graphql(`
  query WarrantyMetricsByModel($names: [String!]!, $from: DateTimeISO!, $to: DateTimeISO!, $interval: MetricInterval!, $timeZone: String!) {
    metrics(names: $names, from: $from, to: $to, interval: $interval, groupBy: "model", timeZone: $timeZone) {
      metric {
        name
        unit
      }
      points {
        bucket
        group
        value
        sampleSize
      }
    }
    productModels(take: 100) {
      items {
        id
        sku
        name
      }
    }
  }
`);

/** One model's figures over the whole period. */
export interface ModelSummary {
  modelId: string;
  label: string;
  /** Mean claim rate of the period's buckets, in %. */
  claimRate: number | null;
  /** Mean repair turnaround, minutes (weighted by repairs). */
  turnaroundMinutes: number | null;
  /** First-time fix rate, % (weighted by repairs). */
  firstTimeFix: number | null;
  /** Repairs completed as repaired that needed another repair within 30 days, %. */
  repeatRepairs: number | null;
  /** Parts and labour of warranty repairs, minor units. */
  cost: number;
  repairs: number;
}

type Point = { bucket: string; group?: string | null; value?: number | null; sampleSize?: number | null };

/** Mean of values weighted by their sample sizes; null without data. */
export function weightedMean(points: readonly Point[]): number | null {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    if (p.value == null) continue;
    const w = p.sampleSize ?? 1;
    sum += p.value * w;
    n += w;
  }
  return n ? sum / n : null;
}

/** Mean of bucket values (a rate per bucket, not per observation); null without data. */
export function plainMean(points: readonly Point[]): number | null {
  const v = points.map((p) => p.value).filter((x): x is number => x != null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

/** Fold the metric series into one summary per model, optionally only for some models. */
export function summarise(
  series: ReadonlyArray<{ metric: { name: string }; points: readonly Point[] }>,
  labels: ReadonlyMap<string, string>,
  onlyModels: readonly string[] = [],
): ModelSummary[] {
  const by = (name: string) => series.find((s) => s.metric.name === name)?.points ?? [];
  const ids = new Set<string>();
  for (const s of series) for (const p of s.points) if (p.group) ids.add(p.group);
  const keep = onlyModels.length ? new Set(onlyModels) : null;
  const of = (name: string, id: string) => by(name).filter((p) => p.group === id);
  return [...ids]
    .filter((id) => !keep || keep.has(id))
    .map((id) => {
      const ftf = weightedMean(of('warranty.first_time_fix_rate', id));
      return {
        modelId: id,
        label: labels.get(id) ?? id.slice(0, 8),
        claimRate: plainMean(of('warranty.claim_rate', id)),
        turnaroundMinutes: weightedMean(of('warranty.repair_turnaround', id)),
        firstTimeFix: ftf,
        repeatRepairs: ftf == null ? null : 100 - ftf,
        cost: of('warranty.cost_per_model', id).reduce((s, p) => s + (p.value ?? 0), 0),
        repairs: of('warranty.repair_turnaround', id).reduce((s, p) => s + (p.sampleSize ?? 0), 0),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The warranty metrics by model for a period, summarised per model, plus the claim-rate series for
 * a trend chart. Buckets are months for long periods, weeks for shorter ones.
 */
export function useWarrantyMetrics(range: Ref<{ from: Date; to: Date }>, models: Ref<readonly string[]>) {
  const interval = computed(() => ((range.value.to.getTime() - range.value.from.getTime()) / 86_400_000 > 92 ? 'month' : 'week'));
  const q = useQuery({
    query: MetricsQuery,
    variables: computed(() => ({
      names: [...WARRANTY_METRICS],
      from: range.value.from.toISOString(),
      to: range.value.to.toISOString(),
      interval: interval.value as 'month' | 'week',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    })),
  });
  const labels = computed(() => new Map((q.data.value?.productModels.items ?? []).map((m) => [m.id, `${m.sku} · ${m.name}`])));
  const summaries = computed(() => summarise(q.data.value?.metrics ?? [], labels.value, models.value));
  const claimTrend = computed(() => {
    const points = q.data.value?.metrics.find((s) => s.metric.name === 'warranty.claim_rate')?.points ?? [];
    const keep = new Set(summaries.value.map((s) => s.modelId));
    return points.filter((p) => p.group && keep.has(p.group));
  });
  return { query: q, summaries, claimTrend, labels, interval };
}
