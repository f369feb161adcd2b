/**
 * A figure series for the timeline: points in date order and the pairs that disagree. Until
 * cross-article linking records its own verdicts, disagreement is judged here from the figures alone,
 * by how news reports estimates: two figures on the same measure and unit, dated within a few weeks of
 * each other, from different sources, whose readings cannot both be true (their intervals do not
 * overlap, and not merely by rounding).
 */
import type { SeriesPoint } from '../store/ledger.ts';

/** Reports of the same situation a few weeks apart are comparable; further apart, the situation may have changed. */
export const CONFLICT_WINDOW_DAYS = 45;
/** "About 8,000" covers a tenth either side: closer readings are rounding, not disagreement. */
const APPROXIMATE_SLACK = 0.1;

export type TimelinePoint = SeriesPoint & {
  date?: string;
  time?: number;
  /** Indexes of the points this one conflicts with, the first MAX_LISTED of them; `conflictCount` has them all. */
  conflicts: number[];
  conflictCount: number;
};

/** A point that disagrees with hundreds of others lists the first few; the count says how many. */
export const MAX_LISTED = 20;

/** The date a figure stands for: when it was said, else when it was published; YYYY or YYYY-MM as the middle of that period. */
export function pointTime(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  if (mo === undefined) return Date.UTC(y, 6, 1);
  if (d === undefined) return Date.UTC(y, mo - 1, 15);
  return Date.UTC(y, mo - 1, d);
}

/** The values a figure allows, as [low, high]; undefined when it gives no number (vague magnitudes). */
export function interval(p: Pick<SeriesPoint, 'value' | 'min' | 'max' | 'qualifier'>): [number, number] | undefined {
  if (p.min !== undefined && p.max !== undefined) return [p.min, p.max];
  if (p.value === null) return undefined;
  const v = p.value;
  switch (p.qualifier) {
    case 'approximately':
      return [v * (1 - APPROXIMATE_SLACK), v * (1 + APPROXIMATE_SLACK)];
    case 'at least':
    case 'more than':
      return [v, Infinity];
    case 'at most':
    case 'less than':
      return [-Infinity, v];
    case 'vague':
      return undefined;
    default:
      return [v, v];
  }
}

/** Points in date order (undated last), each with the indexes of the points it conflicts with. */
export function timeline(points: SeriesPoint[]): TimelinePoint[] {
  const out: TimelinePoint[] = points
    .map((p) => {
      const date = p.said ?? p.published;
      return { ...p, date, time: pointTime(date), conflicts: [] as number[], conflictCount: 0 };
    })
    .sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity));
  const window = CONFLICT_WINDOW_DAYS * 86_400_000;
  // what each comparison needs, computed once per point: a series of hundreds of points close in
  // time compares every pair
  const spans = out.map((p) => interval(p));
  const sources = out.map((p) => p.source?.toLowerCase());
  const units = out.map((p) => `${p.unit ?? ''}|${p.per ?? ''}`);
  for (let x = 0; x < out.length && out[x]!.time !== undefined; x++) {
    const a = out[x]!;
    const ia = spans[x];
    if (!ia) continue;
    for (let y = x + 1; y < out.length && out[y]!.time !== undefined; y++) {
      const b = out[y]!;
      if (b.time! - a.time! > window) break;
      const ib = spans[y];
      if (!ib || !(ia[1] < ib[0] || ib[1] < ia[0])) continue;
      if (a.documentId === b.documentId || units[x] !== units[y] || (sources[x] && sources[x] === sources[y])) continue;
      if (a.conflictCount++ < MAX_LISTED) a.conflicts.push(y);
      if (b.conflictCount++ < MAX_LISTED) b.conflicts.push(x);
    }
  }
  return out;
}
