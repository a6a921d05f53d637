import { z } from 'zod';
import type { Gateway } from './gateway.ts';
import { provinceKey } from './keys.ts';
import { parseEvidenceList, parseNodeRow, readRows } from './read-rows.ts';
import type { EvidenceRow, NodeRow, ReadOptions } from './read-rows.ts';

/**
 * Time series of the figures reports state about provinces. A roll-up follows `MERGED_INTO`
 * to today's province and sums the merged provinces' latest figure per time, so a researcher
 * can compare a post-2025 province with what its parts reported before.
 */

export type StatisticPoint = { time: string | null; province: string; statistic: NodeRow; evidence: EvidenceRow | null; report: string | null };
export type StatisticTotal = { time: string; value: number; provinces: string[]; complete: boolean };
export type StatisticSeries = { metric: string; unit: string; points: StatisticPoint[]; totals: StatisticTotal[] };

/** Units whose values add up across provinces (averages and rates do not). */
const ADDITIVE_UNITS = new Set(['count', 'billion_vnd', 'members', 'people']);

const rowSchema = z.object({
  today: z.string(),
  provinces: z.array(z.string()),
  province: z.string(),
  statistic: z.unknown().nullable(),
  report: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

/** The series per metric for a province (null when the province is unknown), optionally rolled up over merged provinces. */
export async function readStatisticSeries(
  gateway: Gateway,
  request: { province: string; metric?: string | null; rollUp: boolean },
  options: ReadOptions = {},
): Promise<StatisticSeries[] | null> {
  const rows = (
    await readRows(
      gateway,
      'api/statistics',
      { provinceKey: provinceKey(request.province), metric: request.metric ?? null, rollUp: request.rollUp },
      options,
    )
  ).map((row) => rowSchema.parse(row));
  if (rows.length === 0) return null;
  const provinces = rows[0]?.provinces ?? [];
  const byMetric = new Map<string, StatisticPoint[]>();
  for (const row of rows) {
    if (row.statistic === null) continue;
    const statistic = parseNodeRow(row.statistic);
    const [evidence] = parseEvidenceList(statistic.evidence);
    const point = { time: statistic.period ?? row.publishedAt, province: row.province, statistic, evidence: evidence ?? null, report: row.report };
    const metric = statistic.metric ?? 'unknown';
    byMetric.set(metric, [...(byMetric.get(metric) ?? []), point]);
  }
  return [...byMetric.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([metric, points]) => {
      const sorted = points.sort(comparePoints);
      const unit = sorted[0]?.statistic.unit ?? '';
      const totals = request.rollUp && ADDITIVE_UNITS.has(unit) ? sumPerTime(sorted, provinces) : [];
      return { metric, unit, points: sorted, totals };
    });
}

function comparePoints(a: StatisticPoint, b: StatisticPoint): number {
  if (a.time !== b.time) return a.time === null ? 1 : b.time === null ? -1 : a.time.localeCompare(b.time);
  return a.province.localeCompare(b.province) || a.statistic.key.localeCompare(b.statistic.key);
}

/** Per time: each province's latest figure up to that time (by year), summed. */
function sumPerTime(points: StatisticPoint[], provinces: string[]): StatisticTotal[] {
  const dated = points.filter((p): p is StatisticPoint & { time: string } => p.time !== null);
  const years = [...new Set(dated.map((p) => p.time.slice(0, 4)))].sort();
  return years.map((year) => {
    const latest = new Map<string, number>();
    for (const point of dated) {
      if (point.time.slice(0, 4) <= year && point.statistic.value != null) latest.set(point.province, point.statistic.value);
    }
    const contributing = [...latest.keys()].sort();
    return {
      time: year,
      value: [...latest.values()].reduce((sum, v) => sum + v, 0),
      provinces: contributing,
      complete: provinces.every((p) => latest.has(p)),
    };
  });
}
