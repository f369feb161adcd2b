/**
 * Places a recognised expression on the calendar and writes its TIMEX3 value.
 *
 * Names that recur ("Tuesday", "April", "winter", "the third quarter", "Christmas") are resolved
 * against the publication date: an explicit "last"/"next"/"this past" decides; otherwise the tense of
 * the governing verb does (past: the latest occurrence that has begun; future: the next one not yet
 * over; neither: the nearest). Without a publication date nothing is guessed: the value keeps
 * TIMEX3 placeholders (XXXX-04, XXXX-WXX-2), and Date.now() is never consulted.
 */
import type { TimeType } from '../../types.ts';
import {
  dayNumber, daysInMonth, easter, formatDay, formatMonth, formatWeek, fromDayNumber, fromMonthIndex, isValidDate,
  monthIndex, nthWeekdayOfMonth, pad2, pad4, weekday,
} from './calendar.ts';
import { SEASON_START_MONTH, type Season } from './lexicon.ts';
import type { CalendarSem, Match, Sem } from './semantics.ts';
import type { Tense } from './tense.ts';

export type ResolveContext = {
  /** Publication date as a day number. */
  anchor?: number;
  /** Tense of the governing verb; asked for only when a recurring name needs it. */
  tense: () => Tense;
  /** The day the text last talked about, for "the next day" and "ended the day". */
  refDay?: number;
  /** A day named in the same sentence, for a clock time given without one ("16:15 UTC"). */
  sentenceDay?: () => number | undefined;
};

export type Resolved = { value: string; type: TimeType; mod?: string };

/** How far before the publication date a future-tense month or date may still fall (runs, ongoing periods). */
const FUTURE_LOOKBACK_DAYS = 31;

/** A candidate occurrence of a recurring name, as a closed interval of day numbers. */
type Occurrence = { start: number; end: number; value: string };

export function resolve(m: Match, rc: ResolveContext): Resolved {
  const r = resolveSem(m.sem, rc);
  return m.mod ? { ...r, mod: m.mod } : r;
}

function resolveSem(sem: Sem, rc: ResolveContext): Resolved {
  switch (sem.k) {
    case 'fixed':
      return { value: sem.value, type: sem.type };
    case 'shift':
      return { value: withTod(shiftValue(sem.unit, sem.n, rc.anchor), sem.tod), type: sem.tod ? 'TIME' : 'DATE' };
    case 'ago':
      return { value: agoValue(sem.unit, sem.n, rc.anchor), type: 'DATE' };
    case 'ref': {
      const base = rc.refDay ?? rc.anchor;
      const v = base === undefined ? 'XXXX-XX-XX' : formatDay(base + sem.n);
      return { value: withTod(v, sem.tod), type: sem.tod ? 'TIME' : 'DATE' };
    }
    case 'cal':
      return resolveCalendar(sem, rc);
  }
}

function withTod(v: string, tod?: string): string {
  return tod ? `${v}T${tod}` : v;
}

function shiftValue(unit: string, n: number, anchor?: number): string {
  if (anchor === undefined) {
    return ({ day: 'XXXX-XX-XX', week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', quarter: 'XXXX-QX', half: 'XXXX-HX', year: 'XXXX', decade: 'XXX', century: 'XX' } as Record<string, string>)[unit]!;
  }
  const { y, m } = fromDayNumber(anchor);
  switch (unit) {
    case 'day':
      return formatDay(anchor + n);
    case 'week':
      return formatWeek(anchor + 7 * n);
    case 'month': {
      const t = fromMonthIndex(monthIndex(y, m) + n);
      return formatMonth(t.y, t.m);
    }
    case 'quarter': {
      const qi = y * 4 + Math.floor((m - 1) / 3) + n;
      return `${pad4(Math.floor(qi / 4))}-Q${(qi % 4) + 1}`;
    }
    case 'half': {
      const hi = y * 2 + (m > 6 ? 1 : 0) + n;
      return `${pad4(Math.floor(hi / 2))}-H${(hi % 2) + 1}`;
    }
    case 'year':
      return pad4(y + n);
    case 'decade':
      return String(Math.floor(y / 10) + n);
    case 'century':
      return pad2(Math.floor(y / 100) + n);
  }
  return 'XXXX-XX-XX';
}

function agoValue(unit: string, n: number, anchor?: number): string {
  if (anchor === undefined) {
    return ({ Y: 'XXXX', DE: 'XXX', CE: 'XX', M: 'XXXX-XX', Q: 'XXXX-QX' } as Record<string, string>)[unit] ?? 'XXXX-XX-XX';
  }
  const { y, m } = fromDayNumber(anchor);
  switch (unit) {
    case 'Y':
      if (!Number.isInteger(n)) return agoValue('M', n * 12, anchor);
      return pad4(y - n);
    case 'DE':
      return String(Math.floor((y - 10 * n) / 10));
    case 'CE':
      return pad2(Math.floor((y - 100 * n) / 100));
    case 'Q':
      return agoValue('M', n * 3, anchor);
    case 'M': {
      if (!Number.isInteger(n)) return formatDay(anchor - Math.round(n * 30.4));
      const t = fromMonthIndex(monthIndex(y, m) - n);
      return formatMonth(t.y, t.m);
    }
    case 'W':
      return formatDay(anchor - Math.round(7 * n));
    case 'D':
      return formatDay(anchor - Math.round(n));
    case 'H':
      // hours ago: whole days back, as far as a publication date can tell
      return formatDay(anchor - Math.floor(n / 24));
    default:
      return formatDay(anchor);
  }
}

function holidayDay(h: string, y: number): number {
  switch (h) {
    case 'XMAS': return dayNumber(y, 12, 25);
    case 'XMASEVE': return dayNumber(y, 12, 24);
    case 'BOXINGDAY': return dayNumber(y, 12, 26);
    case 'NEWYEAR': return dayNumber(y, 1, 1);
    case 'NEWYEARSEVE': return dayNumber(y, 12, 31);
    case 'VALENTINE': return dayNumber(y, 2, 14);
    case 'HALLOWEEN': return dayNumber(y, 10, 31);
    case 'EASTER': return easter(y);
    case 'GOODFRIDAY': return easter(y) - 2;
    case 'EASTERMONDAY': return easter(y) + 1;
    case 'THANKSGIVING': return nthWeekdayOfMonth(y, 11, 4, 4);
  }
  return dayNumber(y, 1, 1);
}
const FIXED_HOLIDAY_PLACEHOLDER: Record<string, string> = {
  XMAS: 'XXXX-12-25', XMASEVE: 'XXXX-12-24', BOXINGDAY: 'XXXX-12-26', NEWYEAR: 'XXXX-01-01', NEWYEARSEVE: 'XXXX-12-31',
  VALENTINE: 'XXXX-02-14', HALLOWEEN: 'XXXX-10-31',
};

function seasonInterval(y: number, s: Season): [number, number] {
  const start = SEASON_START_MONTH[s];
  const startDay = dayNumber(y, start, 1);
  const endMonth = fromMonthIndex(monthIndex(y, start) + 2);
  return [startDay, dayNumber(endMonth.y, endMonth.m, daysInMonth(endMonth.y, endMonth.m))];
}

/** Occurrences of a calendar name in the years around the anchor, in time order. */
function occurrences(sem: CalendarSem, anchor: number): Occurrence[] {
  const out: Occurrence[] = [];
  const ay = fromDayNumber(anchor).y;
  if (sem.weekend) {
    const saturday = anchor - ((weekday(anchor) - 6 + 7) % 7);
    for (let k = -2; k <= 2; k++) {
      const sat = saturday + 7 * k;
      out.push({ start: sat, end: sat + 1, value: `${formatWeek(sat)}-WE` });
    }
    return out;
  }
  if (sem.wd !== undefined && sem.m === undefined) {
    const base = anchor - ((weekday(anchor) - sem.wd + 7) % 7);
    for (let k = -2; k <= 2; k++) out.push({ start: base + 7 * k, end: base + 7 * k, value: formatDay(base + 7 * k) });
    return out;
  }
  for (let y = ay - 2; y <= ay + 2; y++) {
    if (sem.m !== undefined && sem.d !== undefined) {
      if (isValidDate(y, sem.m, sem.d)) out.push({ start: dayNumber(y, sem.m, sem.d), end: dayNumber(y, sem.m, sem.d), value: formatDay(dayNumber(y, sem.m, sem.d)) });
    } else if (sem.m !== undefined) {
      out.push({ start: dayNumber(y, sem.m, 1), end: dayNumber(y, sem.m, daysInMonth(y, sem.m)), value: formatMonth(y, sem.m) });
    } else if (sem.season) {
      const [s, e] = seasonInterval(y, sem.season);
      out.push({ start: s, end: e, value: `${pad4(y)}-${sem.season}` });
    } else if (sem.quarter !== undefined) {
      const sm = (sem.quarter - 1) * 3 + 1;
      out.push({ start: dayNumber(y, sm, 1), end: dayNumber(y, sm + 2, daysInMonth(y, sm + 2)), value: `${pad4(y)}-Q${sem.quarter}` });
    } else if (sem.half !== undefined) {
      const sm = sem.half === 1 ? 1 : 7;
      out.push({ start: dayNumber(y, sm, 1), end: dayNumber(y, sm + 5, daysInMonth(y, sm + 5)), value: `${pad4(y)}-H${sem.half}` });
    } else if (sem.holiday) {
      const d = holidayDay(sem.holiday, y);
      out.push({ start: d, end: d, value: formatDay(d) });
    }
  }
  return out;
}

/** The occurrence the text means, from an explicit direction or else the tense. */
function pick(occ: Occurrence[], anchor: number, sem: CalendarSem, tense: () => Tense): Occurrence | undefined {
  if (!occ.length) return undefined;
  const current = occ.find((o) => o.start <= anchor && anchor <= o.end);
  const latestBefore = (limit: number) => [...occ].reverse().find((o) => o.start < limit);
  const earliestAfter = (limit: number) => occ.find((o) => o.start > limit);
  if (sem.dir === 'last') return latestBefore(current ? current.start : anchor);
  if (sem.dir === 'next') return earliestAfter(current ? current.end : anchor);
  if (sem.dir === 'this' && (sem.wd !== undefined || sem.weekend) && sem.m === undefined) {
    // "this weekend" in "took place this weekend" is the one just gone; otherwise the one in the current week
    const t = tense();
    if (t === 'past' || t === 'perfect') return [...occ].reverse().find((o) => o.start <= anchor);
    if (t === 'future') return occ.find((o) => o.end >= anchor);
    const monday = anchor - weekday(anchor) + 1;
    return occ.find((o) => o.start >= monday && o.start <= monday + 6);
  }
  if (sem.dir === 'this' && sem.quarter === undefined && sem.season === undefined && sem.half === undefined && sem.m !== undefined) {
    const y = fromDayNumber(anchor).y;
    return occ.find((o) => fromDayNumber(o.start).y === y);
  }
  let t = tense();
  if (t === 'perfect') t = sem.wd !== undefined && sem.m === undefined ? 'past' : 'none';
  if (t === 'past') return [...occ].reverse().find((o) => o.start <= anchor);
  // "the exhibit is to run from January 23" a few days after it opened: a future verb may look back a little
  if (t === 'future') return occ.find((o) => o.end >= anchor - (sem.wd !== undefined || sem.weekend ? 0 : FUTURE_LOOKBACK_DAYS));
  // no tense to go by: the nearest occurrence; a tie goes to the one in the anchor's year
  let best: Occurrence | undefined;
  let bestDistance = Infinity;
  const ay = fromDayNumber(anchor).y;
  for (const o of occ) {
    const dist = o.start > anchor ? o.start - anchor : o.end < anchor ? anchor - o.end : 0;
    const tieBreak = dist === bestDistance && fromDayNumber(o.start).y === ay;
    if (dist < bestDistance || tieBreak) (best = o), (bestDistance = dist);
  }
  return best;
}

function placeholder(sem: CalendarSem): string {
  if (sem.weekend) return 'XXXX-WXX-WE';
  if (sem.m !== undefined && sem.d !== undefined) return `XXXX-${pad2(sem.m)}-${pad2(sem.d)}`;
  if (sem.m !== undefined) return `XXXX-${pad2(sem.m)}`;
  if (sem.season) return `XXXX-${sem.season}`;
  if (sem.quarter !== undefined) return `XXXX-Q${sem.quarter}`;
  if (sem.half !== undefined) return `XXXX-H${sem.half}`;
  if (sem.holiday) return FIXED_HOLIDAY_PLACEHOLDER[sem.holiday] ?? 'XXXX-XX-XX';
  if (sem.wd !== undefined) return `XXXX-WXX-${sem.wd}`;
  return 'XXXX-XX-XX';
}

function datePart(sem: CalendarSem, rc: ResolveContext): string | undefined {
  if (sem.decade !== undefined) return String(sem.decade);
  const year = sem.y ? ('abs' in sem.y ? sem.y.abs : rc.anchor !== undefined ? fromDayNumber(rc.anchor).y + sem.y.rel : undefined) : undefined;
  const hasName = sem.m !== undefined || sem.season !== undefined || sem.quarter !== undefined || sem.half !== undefined ||
    sem.holiday !== undefined || sem.wd !== undefined || !!sem.weekend;
  if (!hasName) {
    if (sem.y) return year === undefined ? 'XXXX' : sem.fiscal ? `FY${year}` : pad4(year);
    return undefined;
  }
  if (sem.y) {
    if (year === undefined) return placeholder(sem);
    if (sem.m !== undefined && sem.d !== undefined) return isValidDate(year, sem.m, sem.d) ? formatDay(dayNumber(year, sem.m, sem.d)) : placeholder(sem);
    if (sem.m !== undefined) return formatMonth(year, sem.m);
    if (sem.season) return `${pad4(year)}-${sem.season}`;
    if (sem.quarter !== undefined) return `${sem.fiscal ? 'FY' : ''}${pad4(year)}-Q${sem.quarter}`;
    if (sem.half !== undefined) return `${sem.fiscal ? 'FY' : ''}${pad4(year)}-H${sem.half}`;
    if (sem.holiday) return formatDay(holidayDay(sem.holiday, year));
    return pad4(year);
  }
  if (rc.anchor === undefined) return placeholder(sem);
  const o = pick(occurrences(sem, rc.anchor), rc.anchor, sem, rc.tense);
  return o ? o.value : placeholder(sem);
}

function resolveCalendar(sem: CalendarSem, rc: ResolveContext): Resolved {
  let date = datePart(sem, rc);
  if (sem.clock) {
    if (date === undefined) {
      const day = rc.sentenceDay?.() ?? rc.anchor;
      date = day === undefined ? 'XXXX-XX-XX' : formatDay(day);
    }
    const { h, min, zone } = sem.clock;
    return { value: `${date}T${pad2(h)}:${pad2(min)}${zone ?? ''}`, type: 'TIME' };
  }
  if (sem.tod) return { value: `${date ?? 'XXXX-XX-XX'}T${sem.tod}`, type: 'TIME' };
  return { value: date ?? 'XXXX-XX-XX', type: 'DATE' };
}
