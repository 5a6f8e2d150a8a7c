import type { ModelSummary } from './metrics.js';

/** A horizontal-label bar chart of one figure per model. */
export function barOption(
  rows: readonly ModelSummary[],
  value: (r: ModelSummary) => number | null,
  colour: string,
  format: (v: number) => string,
) {
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v == null ? '—' : format(v)) },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, overflow: 'truncate', width: 120 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: [{ type: 'bar', data: rows.map((r) => value(r)), itemStyle: { color: colour }, barMaxWidth: 40 }],
  };
}
