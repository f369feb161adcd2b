/**
 * The time a figure describes, as a closed range of days, and how it was decided: a time the text
 * states next to the figure ("at the end of 2023"), else the day the figure was said (a count "as
 * of" that day), else the publication date. Values are TIMEX3 as the times stage writes them.
 */
import type { TimeExpr } from '../types.ts';

export type Granularity = 'day' | 'week' | 'month' | 'season' | 'quarter' | 'half' | 'year' | 'decade';

export type DayRange = { start: string; end: string; granularity: Granularity };

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A TIMEX3 date value as the days it covers; undefined for unresolved or non-date values. */
export function timexRange(value: string, mod?: string): DayRange | undefined {
  let m: RegExpExecArray | null;
  let r: DayRange | undefined;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) r = { start: `${m[1]}-${m[2]}-${m[3]}`, end: `${m[1]}-${m[2]}-${m[3]}`, granularity: 'day' };
  else if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    // ISO week: the Monday of week 1 is the Monday on or before 4 January
    const y = +m[1]!;
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (+m[2]! - 1) * 7 * 864e5);
    r = { start: iso(monday), end: iso(new Date(monday.getTime() + 6 * 864e5)), granularity: 'week' };
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    r = { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDay(+m[1]!, +m[2]!))}`, granularity: 'month' };
  } else if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = +m[2]!;
    r = { start: `${m[1]}-${pad(q * 3 - 2)}-01`, end: `${m[1]}-${pad(q * 3)}-${pad(lastDay(+m[1]!, q * 3))}`, granularity: 'quarter' };
  } else if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    r = m[2] === '1' ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30`, granularity: 'half' } : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31`, granularity: 'half' };
  } else if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) {
    const y = +m[1]!;
    const s = m[2]!;
    r =
      s === 'SP' ? { start: `${y}-03-01`, end: `${y}-05-31`, granularity: 'season' }
      : s === 'SU' ? { start: `${y}-06-01`, end: `${y}-08-31`, granularity: 'season' }
      : s === 'WI' ? { start: `${y}-12-01`, end: `${y + 1}-02-${pad(lastDay(y + 1, 2))}`, granularity: 'season' }
      : { start: `${y}-09-01`, end: `${y}-11-30`, granularity: 'season' };
  } else if ((m = /^(\d{4})$/.exec(value))) r = { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, granularity: 'year' };
  else if ((m = /^(\d{3})X?$/.exec(value))) r = { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31`, granularity: 'decade' };
  if (!r) return undefined;
  return mod ? narrow(r, mod) : r;
}

/** "the end of 2023" is its last quarter, "early 2024" its first: enough to keep growth apart from disagreement. */
function narrow(r: DayRange, mod: string): DayRange {
  const s = Date.parse(r.start);
  const e = Date.parse(r.end) + 864e5;
  const span = e - s;
  if (span <= 864e5) return r;
  const part = r.granularity === 'year' || r.granularity === 'decade' ? span / 4 : span / 3;
  switch (mod.toUpperCase()) {
    case 'END':
    case 'LATE':
      return { ...r, start: iso(new Date(e - part)) };
    case 'START':
    case 'EARLY':
      return { ...r, end: iso(new Date(s + part - 864e5)) };
    case 'MID':
      return { ...r, start: iso(new Date(s + part)), end: iso(new Date(e - part - 864e5)) };
    default:
      return r;
  }
}

export function dayShift(day: string, days: number): string {
  return iso(new Date(Date.parse(day.slice(0, 10)) + days * 864e5));
}

/** Overlap of two ranges, each widened by `slackDays` on both sides. */
export function rangesMeet(a: { start: string; end: string }, b: { start: string; end: string }, slackDays = 0): boolean {
  if (!slackDays) return a.start <= b.end && b.start <= a.end;
  return dayShift(a.start, -slackDays) <= b.end && dayShift(b.start, -slackDays) <= a.end;
}

const FALLBACK_YEAR = /\b(?:in|during|by|for|of|since|throughout|through|at)\s+(?:(?:the\s+)?(end|start|beginning|middle|close)\s+of\s+|(late|early|mid-?)\s*)?((?:19|20)\d{2})\b(?![-–/]?\d)/gi;
const FALLBACK_RELATIVE = /\b(?:at\s+the\s+(end|start)\s+of\s+)?(last|this|previous|past)\s+year\b/gi;

/**
 * Times stated in text[from, to) when the times stage found none there: explicit years and
 * "last year"/"this year" against the year the statement was made. Kept deliberately small; the
 * times stage is the real source of periods.
 */
export function fallbackTimes(text: string, from: number, to: number, anchorYear?: number): TimeExpr[] {
  const out: TimeExpr[] = [];
  const s = text.slice(from, to);
  FALLBACK_YEAR.lastIndex = 0;
  for (let m = FALLBACK_YEAR.exec(s); m; m = FALLBACK_YEAR.exec(s)) {
    const mod = m[1] ? (/end|close/i.test(m[1]) ? 'END' : /middle/i.test(m[1]) ? 'MID' : 'START') : m[2] ? (/late/i.test(m[2]) ? 'END' : /early/i.test(m[2]) ? 'START' : 'MID') : undefined;
    const at = from + m.index + m[0].lastIndexOf(m[3]!);
    out.push({ start: at, end: at + 4, text: m[3]!, value: m[3]!, type: 'DATE', ...(mod ? { mod } : {}) });
  }
  if (anchorYear) {
    FALLBACK_RELATIVE.lastIndex = 0;
    for (let m = FALLBACK_RELATIVE.exec(s); m; m = FALLBACK_RELATIVE.exec(s)) {
      const year = /this/i.test(m[2]!) ? anchorYear : anchorYear - 1;
      const at = from + m.index;
      out.push({ start: at, end: at + m[0].length, text: m[0], value: String(year), type: 'DATE', ...(m[1] ? { mod: /end/i.test(m[1]) ? 'END' : 'START' } : {}) });
    }
  }
  return out;
}

/**
 * A date said, when it can be one: resolvable, and not after the article was published (what an
 * article reports was said before it went out; a later date is a misread "in May").
 */
export function saidDate(said: string | undefined, published: string | undefined): string | undefined {
  if (!said) return undefined;
  const r = timexRange(said);
  if (!r) return undefined;
  if (published && /^\d{4}-\d{2}-\d{2}/.test(published) && r.start > published.slice(0, 10)) return undefined;
  return said;
}
