/**
 * A figure as a point on a series: its measure, the range of values its qualifier allows, the
 * period it describes, when and by whom it was said. Built from one document and its extraction,
 * with no access to the rest of the ledger.
 */
import type { Claim, Extraction, Figure, Span, TimeExpr } from '../types.ts';
import { compareKey, describeFigures, isScoped, scopeKey, seriesKey, seriesLabel, type FigureMeasure } from './measure.ts';
import { fallbackTimes, saidDate, timexRange, type DayRange } from './period.ts';
import { clauseAround, digitsOf, misgrouped } from './text.ts';

export type PeriodBasis = 'stated' | 'said' | 'published' | 'unknown';

export type Point = {
  figureId: string;
  measure: FigureMeasure;
  series: string;
  scope: string;
  compare: string;
  label: string;
  scoped: boolean;
  text: string;
  start: number;
  end: number;
  value: number | null;
  min?: number;
  max?: number;
  qualifier: Figure['qualifier'];
  /** The values the figure allows once its qualifier is read: "about 8,000" is 6,800–9,200; null is unbounded. */
  lo: number | null;
  hi: number | null;
  comparable: boolean;
  digits: string;
  misgrouped: boolean;
  period?: string;
  range?: DayRange;
  basis: PeriodBasis;
  said?: string;
  claimId?: string;
};

/** How far a qualifier lets a figure stretch. "About" in news rounds to the nearest significant step, so ±15 %. */
export function interval(f: Pick<Figure, 'value' | 'min' | 'max' | 'qualifier'>): { lo: number | null; hi: number | null } | undefined {
  if (f.qualifier === 'vague') return undefined;
  if (f.qualifier === 'range' || (f.value === null && f.min !== undefined)) {
    if (f.min === undefined && f.max === undefined) return undefined;
    return { lo: f.min ?? null, hi: f.max ?? null };
  }
  const v = f.value;
  if (v === null || !Number.isFinite(v)) return undefined;
  switch (f.qualifier) {
    case 'exact': {
      // a round number is usually rounded even without "about"
      const round = v >= 100 && v % 100 === 0;
      const slack = round ? 0.05 : 0.005;
      return { lo: v * (1 - slack), hi: v * (1 + slack) };
    }
    case 'approximately':
      return { lo: v * 0.85, hi: v * 1.15 };
    case 'at most':
      return { lo: 0, hi: v };
    case 'less than':
      return { lo: 0, hi: v * 0.999 };
    case 'at least':
      return { lo: v, hi: null };
    case 'more than':
      return { lo: v * 1.001, hi: null };
    default:
      return undefined;
  }
}

const SPEECH_BEFORE = /\b(?:said|says|say|told|tells|announced|reported|estimated|stated|added|wrote|confirmed|released|published|briefed|briefing|report|statement)\s*(?:on|in|at|last|this|earlier)?\s*$/i;
/** "up from roughly 4,000 last year": the time says when the earlier figure was given, not what it describes. */
const EARLIER_FIGURE = /\b(?:up|down|rising|falling|rose|fell)\s+from\s*$|\bcompare[sd]?\s+with\s*$|\bthan\s*$|\bfrom\s*$/i;

type Stated = { time: TimeExpr; asSaid: boolean };

/**
 * The time stated with the figure. Only times in the figure's own clause count, and inside a claim
 * only those in the content (a time beside the speech verb is when it was said). After the figure
 * the time must come before the next comma: "12,000 workers are in Russia, three times its figure
 * of a year ago" says nothing about when the 12,000 were counted.
 */
function statedTime(text: string, f: Figure, times: TimeExpr[], anchorYear: number | undefined, content?: Span): Stated | undefined {
  let [c0, c1] = clauseAround(text, f.start, f.end);
  if (content) {
    c0 = Math.max(c0, content.start);
    c1 = Math.min(c1, content.end);
  }
  const comma = text.slice(f.end, c1).search(/,(?!\d)/);
  const afterLimit = comma < 0 ? c1 : f.end + comma;
  // a relative clause set off by commas before the figure is about someone else: "Shoigu, who was
  // minister until last year, described the 5,000 …"
  const asides: [number, number][] = [];
  const before = text.slice(c0, f.start);
  const ASIDE = /,\s+(?:who|whose|which|where)\b[^,]*,/g;
  for (let m = ASIDE.exec(before); m; m = ASIDE.exec(before)) asides.push([c0 + m.index, c0 + m.index + m[0].length]);
  const inAside = (t: TimeExpr) => asides.some(([a, b]) => t.start >= a && t.end <= b);
  const usable = (t: TimeExpr) =>
    t.start >= c0 && t.end <= c1 && !(t.start < f.end && t.end > f.start) && (t.start < f.start || t.end <= afterLimit) && !inAside(t);
  let inClause = times.filter((t) => usable(t) && (t.type === 'DATE' || t.type === 'TIME'));
  if (!inClause.length) inClause = fallbackTimes(text, c0, c1, anchorYear).filter(usable);
  const candidates = inClause.filter((t) => !SPEECH_BEFORE.test(text.slice(Math.max(c0, t.start - 30), t.start)) && timexRange(t.value, t.mod));
  if (!candidates.length) return undefined;
  const after = candidates.filter((t) => t.start >= f.end).sort((a, b) => a.start - b.start)[0];
  const time = after ?? candidates.sort((a, b) => b.end - a.end)[0]!;
  return { time, asSaid: !!after && EARLIER_FIGURE.test(text.slice(Math.max(c0, f.start - 40), f.start)) };
}

export type DocInfo = { text: string; published?: string };

/** The points of one document: every figure with a measure, in document order. */
export function pointsOf(doc: DocInfo, x: Pick<Extraction, 'figures' | 'claims' | 'times'>): Point[] {
  const measures = describeFigures({ text: doc.text, extraction: x });
  const claimOf = new Map<string, Claim>();
  for (const c of x.claims) for (const id of c.figures) if (!claimOf.has(id)) claimOf.set(id, c);
  const out: Point[] = [];
  for (const f of x.figures) {
    const m = measures.get(f.id);
    if (!m) continue;
    const claim = (f.claim ? x.claims.find((c) => c.id === f.claim) : undefined) ?? claimOf.get(f.id);
    const said = saidDate(claim?.said, doc.published);
    const anchorYear = Number((said ?? doc.published ?? '').slice(0, 4)) || undefined;
    const content = claim?.content.find((s) => s.start <= f.start && s.end >= f.end);
    const stated = statedTime(doc.text, f, x.times, anchorYear, content);
    const t = stated?.time;
    let period: string | undefined;
    let range: DayRange | undefined;
    let basis: PeriodBasis = 'unknown';
    if (t && stated.asSaid) {
      period = t.value;
      range = timexRange(t.value, t.mod);
      basis = 'said';
      m.why.push(`an earlier figure given ${t.value} (“${t.text}”): a count as of then`);
    } else if (t) {
      period = t.value + (t.mod ? ` (${t.mod.toLowerCase()})` : '');
      range = timexRange(t.value, t.mod);
      basis = 'stated';
      m.why.push(`describes ${t.value}${t.mod ? ' ' + t.mod.toLowerCase() : ''} (“${t.text}”)`);
    } else if (said) {
      period = said;
      range = timexRange(said);
      basis = 'said';
      m.why.push(`no time stated with it: a count as of when it was said (${said})`);
    } else if (doc.published) {
      period = doc.published.slice(0, 10);
      range = timexRange(period);
      basis = 'published';
      m.why.push(`no time stated and no date said: as of publication (${period})`);
    }
    const iv = m.part ? undefined : interval(f);
    out.push({
      figureId: f.id,
      measure: m,
      series: seriesKey(m),
      scope: scopeKey(m),
      compare: compareKey(m),
      label: seriesLabel(m),
      scoped: isScoped(m),
      text: f.text,
      start: f.start,
      end: f.end,
      value: f.value,
      ...(f.min !== undefined ? { min: f.min } : {}),
      ...(f.max !== undefined ? { max: f.max } : {}),
      qualifier: f.qualifier,
      lo: iv?.lo ?? null,
      hi: iv?.hi ?? null,
      comparable: !!iv,
      digits: digitsOf(f.text),
      misgrouped: misgrouped(f.text),
      ...(period ? { period } : {}),
      ...(range ? { range } : {}),
      basis,
      ...(said ? { said } : {}),
      ...(claim ? { claimId: claim.id } : {}),
    });
  }
  return out;
}
