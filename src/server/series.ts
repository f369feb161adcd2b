/**
 * A figure series as the timeline shows it: the ledger's own series (src/link/, decided at ingest),
 * each point placed at the time its figure refers to (the period it names, else the day it was said
 * or published), and marked only where the ledger recorded a conflict. Nothing is judged here: a
 * 2023 estimate repeated in 2025 sits in 2023, and two points are "in conflict" only when linking said
 * so, for the reasons it gave.
 */
import type { Ledger } from '../store/ledger.ts';
import type { ConflictRow, SeriesSummary, TimelinePoint } from '../link/types.ts';

/** Points drawn on one timeline: the latest ones when a series has more. */
export const TIMELINE_POINTS = 300;
/** Conflicts described on one timeline; a point in more of them still says how many. */
export const TIMELINE_CONFLICTS = 200;

export type ChartPoint = TimelinePoint & {
  /** Where the point is drawn: the middle of the period the figure refers to (ms since 1970, UTC). */
  time?: number;
  /** The period's first and last day (ms); equal for a figure as of one day. */
  from?: number;
  to?: number;
  /** The sentence the figure stands in, from the article's text. */
  sentence?: string;
};

/** One side of a conflict as the timeline lists it: the side's value and its points, with their index on the chart when drawn. */
export type ConflictSideView = ConflictRow['sides'][number] & { drawn: (number | null)[] };
export type ConflictView = Omit<ConflictRow, 'sides'> & { sides: [ConflictSideView, ConflictSideView] };

export type SeriesView = {
  series: SeriesSummary;
  why: string[];
  related: SeriesSummary[];
  /** Points in the series; `points` has the latest TIMELINE_POINTS of them, in time order. */
  total: number;
  points: ChartPoint[];
  /** The ledger's conflicts that points on this timeline are a side of. */
  conflicts: ConflictView[];
};

const DAY = 86_400_000;

/** A day as YYYY-MM-DD, YYYY-MM or YYYY, as ms at its start (UTC); undefined for anything else. */
export function dayTime(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** Where a point is drawn, and the span of the period it refers to. */
export function placeInTime(p: Pick<TimelinePoint, 'periodStart' | 'periodEnd' | 'said' | 'published'>): { time?: number; from?: number; to?: number } {
  const from = dayTime(p.periodStart);
  const to = dayTime(p.periodEnd) ?? from;
  if (from === undefined || to === undefined) return {};
  return { from, to, time: Math.round((from + to) / 2 / DAY) * DAY };
}

/** What the x position stands for, in words: the period stated, or the day the figure was given as of. */
export function periodWords(p: Pick<TimelinePoint, 'period' | 'periodBasis' | 'periodStart'>): string {
  const when = p.period ?? p.periodStart ?? '';
  switch (p.periodBasis) {
    case 'stated':
      return when;
    case 'said':
      return `${when} (as of when said)`;
    case 'published':
      return `${when} (as of publication)`;
    default:
      return when || 'undated';
  }
}

/** The sentence around [start, end), found by punctuation alone (cheap enough for hundreds of points), clipped to `max`. */
export function sentenceAround(text: string, start: number, end: number, max = 240): string {
  const boundary = /[.!?][”"’')\]]*\s+(?=[“"‘'(\[]?[\p{Lu}\p{N}])|\n/gu;
  let from = Math.max(0, start - 400);
  let to = Math.min(text.length, end + 400);
  boundary.lastIndex = from;
  for (let m = boundary.exec(text); m && m.index < start; m = boundary.exec(text)) from = m.index + m[0].length;
  boundary.lastIndex = end;
  const after = boundary.exec(text);
  if (after && after.index < to) to = after.index + 1;
  let s = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (s.length > max) {
    // keep the figure in view: clip around it
    const at = Math.max(0, start - from - Math.floor((max - (end - start)) / 2));
    s = (at > 0 ? '…' : '') + s.slice(at, at + max - 2).trim() + '…';
  }
  return s;
}

const pointKey = (documentId: string, figureId: string) => `${documentId}\u0000${figureId}`;

/**
 * One series by key (or by a phrase naming its measure, or words of its label), with its latest points
 * placed in time and the ledger's conflicts among them; undefined when nothing matches.
 */
export async function seriesView(ledger: Pick<Ledger, 'seriesTimeline' | 'conflicts' | 'document'>, query: string): Promise<SeriesView | undefined> {
  const t = await ledger.seriesTimeline(query, { limit: TIMELINE_POINTS });
  if (!t) return undefined;
  const texts = new Map<string, string>();
  for (const id of new Set(t.points.map((p) => p.documentId))) {
    const doc = await ledger.document(id);
    if (doc) texts.set(id, doc.text);
  }
  const points: ChartPoint[] = t.points
    .map((p) => {
      const text = texts.get(p.documentId);
      return { ...p, ...placeInTime(p), ...(text ? { sentence: sentenceAround(text, p.start, p.end) } : {}) };
    })
    // the ledger gives them by period start; drawn and listed by the time they stand for
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.time ?? Infinity) - (b.p.time ?? Infinity) || a.i - b.i)
    .map(({ p }) => p);
  const ids = [...new Set(points.flatMap((p) => p.conflicts))].sort((a, b) => b - a).slice(0, TIMELINE_CONFLICTS);
  const rows = ids.length ? await ledger.conflicts({ ids, limit: ids.length }) : [];
  const index = new Map(points.map((p, i) => [pointKey(p.documentId, p.figureId), i]));
  const conflicts = rows.map((c): ConflictView => ({
    ...c,
    sides: c.sides.map((s) => ({ ...s, drawn: s.points.map((q) => index.get(pointKey(q.documentId, q.figureId)) ?? null) })) as [ConflictSideView, ConflictSideView],
  }));
  return { series: t.series, why: t.why, related: t.related, total: t.series.points, points, conflicts };
}

/** The conflicts a point is a side of, each with the other side's value: what its tooltip and table row say. */
export function pointConflicts(view: Pick<SeriesView, 'conflicts'>, i: number, p: Pick<ChartPoint, 'conflicts'>): { id: number; kind: ConflictRow['kind']; against: string; why: string[] }[] {
  const out: { id: number; kind: ConflictRow['kind']; against: string; why: string[] }[] = [];
  for (const id of p.conflicts) {
    const c = view.conflicts.find((x) => x.id === id);
    if (!c) continue;
    const mine = c.sides.findIndex((s) => s.drawn.includes(i));
    const against = mine === 0 ? c.sides[1].value : mine === 1 ? c.sides[0].value : `${c.sides[0].value} / ${c.sides[1].value}`;
    out.push({ id, kind: c.kind, against, why: c.why });
  }
  return out;
}
