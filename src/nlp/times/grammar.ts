/**
 * The grammar of English time expressions, read over the tokens of one line of a sentence.
 *
 * Each production starts at a token and returns the longest expression it can read there, or
 * null; the scanner keeps the longest reading at each position and moves past it. Spans follow
 * TimeML: a governing preposition stays outside ("on Tuesday" → "Tuesday"), a determiner that
 * belongs to the time noun comes inside ("the third quarter", "the past decade"), and so do
 * approximators and positions, which become the TIMEX3 mod ("nearly five months", "late April").
 */
import type { Tok } from './tokens.ts';
import type { CalendarSem, Direction, Match, Sem, ShiftUnit, YearRef } from './semantics.ts';
import {
  AMBIGUOUS_MONTHS, APPROXIMATORS, DAY_QUALIFIERS, DECADE_WORDS, FREQUENCY_ADVERBS, MEASURE_WORDS, MONTHS,
  MONTH_ABBREVIATIONS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, POSITION_ADJECTIVES, POSITION_NOUNS, REFERENCE_WORDS,
  SEASONS, TENS_WORDS, TIME_ZONES, UNITS, VAGUE_QUANTIFIERS, WEEKDAYS, WEEKDAY_PLURALS, YEAR_MODIFIED_PLURALS,
  type Unit,
} from './lexicon.ts';
import { isValidDate } from './calendar.ts';

/** Universal POS tag of the wink token starting at a character offset, when there is one. */
export type PosAt = (offset: number) => string | undefined;

type Quantity = { n: number | 'X'; to: number };
type UnitRead = { unit: Unit; plural: boolean; to: number; factor: number; qualified: boolean };

const DIRECTIONS = new Map<string, Direction>([
  ['last', 'last'], ['previous', 'last'], ['past', 'last'], ['next', 'next'], ['coming', 'next'],
  ['upcoming', 'next'], ['this', 'this'], ['current', 'this'],
]);
const YEAR_PREPOSITIONS = new Set([
  'in', 'since', 'from', 'until', 'till', 'by', 'of', 'before', 'after', 'during', 'between', 'and', 'to', 'through',
  'circa', 'c', 'year', 'early', 'late', 'mid', 'around', 'or', 'throughout',
]);
const NOT_YEAR_BEFORE = new Set([
  '$', '€', '£', '¥', '#', 'no', 'number', 'flight', 'route', 'room', 'model', 'version', 'article', 'section',
  'resolution', 'paragraph', 'highway', 'bus', 'page', 'pages', 'about', 'some', 'nearly', 'almost', 'over', 'than',
  'roughly', 'approximately', 'least', 'estimated', 'us', 'usd', 'eur', 'gbp', 'rs', 'code', 'boeing', 'airbus',
]);
const AMPM = new Map<string, boolean>([['am', false], ['pm', true], ['a.m.', false], ['p.m.', true]]);
const NEWS_FIGURE_NOUNS = new Set(['profit', 'profits', 'results', 'earnings', 'sales', 'revenue', 'revenues', 'loss', 'losses', 'growth', 'net', 'output', 'gdp']);
const DAY_CLOSING_VERBS = new Set([
  'end', 'ended', 'ending', 'ends', 'finish', 'finished', 'finishing', 'finishes', 'close', 'closed', 'closing',
  'closes', 'start', 'started', 'starting', 'starts', 'open', 'opened', 'opening', 'opens', 'begin', 'began',
  'beginning', 'begins',
]);
/** Capitalised words that may stand before a month name at the start of a sentence ("In May"). */
const MONTH_LEADS = new Set(['in', 'on', 'by', 'since', 'until', 'till', 'during', 'from', 'of', 'before', 'after', 'through', 'throughout', 'and', 'or', 'but', 'as', 'that', 'every', 'each', 'then', 'that', 'for', 'around']);
const SEASON_LEADS = new Set(['the', 'this', 'last', 'next', 'past', 'in', 'during', 'early', 'late', 'mid', 'and', 'or', 'by', 'until', 'since', 'through', 'of', 'coming']);
const CLAUSE_END = new Set([',', '.', ';', ':', ')', '"', '”', '’', "'", '?', '!', '—', '–', 'and', 'or', 'but', 'when', 'as', 'because', 'while', 'after', 'before', 'until', '']);
const HOLIDAYS = new Map<string, string>([
  ['christmas', 'XMAS'], ['halloween', 'HALLOWEEN'], ['thanksgiving', 'THANKSGIVING'], ['easter', 'EASTER'],
]);

/** "two consecutive quarters", "three straight years": the unit is unchanged. */
const SPAN_PREPOSITIONS = new Set(['over', 'in', 'for', 'during', 'through', 'throughout', 'across']);
const SUCCESSION = new Set(['consecutive', 'straight', 'successive', 'more', 'full', 'long']);
/** Words after which "a quarter" is a period of time rather than a fraction. */
const QUARTER_AS_TIME = new Set(['for', 'in', 'within', 'than', 'over', 'after', 'before', 'per', 'every', 'each', 'of']);
const unitLetter = (u: Unit) => (u === 'MIN' ? 'M' : u);
const isTimeUnit = (u: Unit) => u === 'S' || u === 'MIN' || u === 'H';

/** TIMEX3 duration value: P2Y, PT30M, PXW; decades and centuries in years when counted. */
export function durationValue(n: number | 'X', unit: Unit): string {
  if (n === 'X') return `P${isTimeUnit(unit) ? 'T' : ''}X${unitLetter(unit)}`;
  let u = unit;
  let v = n;
  if (u === 'DE') (u = 'Y'), (v = n * 10);
  else if (u === 'CE') (u = 'Y'), (v = n * 100);
  if (!Number.isInteger(v)) {
    // "one and a half years" reads better as P18M than P1.5Y; keep the decimal where no smaller unit fits
    if (u === 'Y' && Number.isInteger(v * 12)) (u = 'M'), (v = v * 12);
    else if (u === 'D' && Number.isInteger(v * 24)) (u = 'H'), (v = v * 24);
    else if (u === 'H' && Number.isInteger(v * 60)) (u = 'MIN'), (v = v * 60);
    else if (u === 'MIN' && Number.isInteger(v * 60)) (u = 'S'), (v = v * 60);
  }
  return `P${isTimeUnit(u) ? 'T' : ''}${v}${unitLetter(u)}`;
}

// The grammar reads one run of tokens at a time: `scan` sets this state and the productions below
// read it. Module-level functions rather than closures keep a call to `scan` from re-creating them.
let toks: Tok[] = [];
let n = 0;
let posAt: PosAt = () => undefined;
const RANGE_DASHES = new Set(['-', '–', '—', '/']);
const SENTENCE_OPENERS = new Set(['.', '!', '?', '"', '“', '‘', '(']);

const APPROXIMATORS_BY_FIRST = new Map<string, [string[], string][]>();
for (const a of APPROXIMATORS) APPROXIMATORS_BY_FIRST.set(a[0][0]!, [...(APPROXIMATORS_BY_FIRST.get(a[0][0]!) ?? []), a]);

/** Every word a production can start from; a token outside it (and not a digit) is passed over at once. */
const STARTERS = new Set<string>([
  ...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys(), ...WEEKDAYS.keys(), ...WEEKDAY_PLURALS.keys(), ...SEASONS.keys(),
  ...UNITS.keys(), ...NUMBER_WORDS.keys(), ...ORDINALS.keys(), ...VAGUE_QUANTIFIERS, ...DIRECTIONS.keys(),
  ...REFERENCE_WORDS.keys(), ...FREQUENCY_ADVERBS.keys(), ...POSITION_ADJECTIVES.keys(), ...POSITION_NOUNS.keys(),
  ...DECADE_WORDS.keys(), ...APPROXIMATORS_BY_FIRST.keys(), ...HOLIDAYS.keys(),
  'the', 'that', 'these', 'every', 'each', 'per', 'a', 'an', 'half', 'couple', 'dozens', 'hundreds', 'thousands',
  'earlier', 'later', 'fiscal', 'fy', 'q', 'noon', 'midday', 'midnight', 'recent', 'multi', 'following', 'today',
  'yesterday', 'tomorrow', 'tonight', 'new', 'good', 'boxing', 'valentine', "'", '‘', '’',
]);

function canStart(i: number): boolean {
  const l = toks[i]!.l;
  const c = l.charCodeAt(0);
  return (c >= 48 && c <= 57) || STARTERS.has(l);
}

function L(i: number): string {
  return i >= 0 && i < n ? toks[i]!.l : '';
}
function T(i: number): string {
  return i >= 0 && i < n ? toks[i]!.t : '';
}
function tok(i: number): Tok | undefined {
  return toks[i];
}
/** Token i is written against token i-1 with no space. */
function glued(i: number): boolean {
  return i > 0 && i < n && !toks[i]!.sp;
}
function isInt(i: number): boolean {
  return i >= 0 && i < n && !Number.isNaN(toks[i]!.int);
}
function pos(i: number): string | undefined {
  return i >= 0 && i < n ? posAt(toks[i]!.s) : undefined;
}
function startsSentence(i: number): boolean {
  return i === 0 || SENTENCE_OPENERS.has(T(i - 1));
}

// ---------- numbers ----------
function numberAt(i: number, allowArticle: boolean): Quantity | null {
  const t = tok(i);
  if (!t) return null;
  const l = t.l;
  if (/^\d{1,3}(,\d{3})+$/.test(l) || /^\d+(\.\d+)?$/.test(l)) {
    const v = +l.replace(/,/g, '');
    if (L(i + 1) === 'and' && L(i + 2) === 'a' && L(i + 3) === 'half') return { n: v + 0.5, to: i + 4 };
    return { n: v, to: i + 1 };
  }
  if (allowArticle && (l === 'a' || l === 'an')) {
    if (L(i + 1) === 'couple' && L(i + 2) === 'of') return { n: 2, to: i + 3 };
    if (L(i + 1) === 'few') return { n: 'X', to: i + 2 };
    if (L(i + 1) === 'dozen') return { n: 12, to: i + 2 };
    if (L(i + 1) === 'half') return null;
    return { n: 1, to: i + 1 };
  }
  if (l === 'couple' && L(i + 1) === 'of') return { n: 2, to: i + 2 };
  if (l === 'half' && (L(i + 1) === 'a' || L(i + 1) === 'an')) return { n: 0.5, to: i + 2 };
  if ((l === 'dozens' || l === 'hundreds' || l === 'thousands') && L(i + 1) === 'of') return { n: 'X', to: i + 2 };
  if (VAGUE_QUANTIFIERS.has(l)) return { n: 'X', to: i + 1 };
  const w = NUMBER_WORDS.get(l);
  if (w === undefined) return null;
  let v = w;
  let j = i + 1;
  if (TENS_WORDS.has(l)) {
    // twenty-five, twenty five
    const k = L(j) === '-' && glued(j) ? j + 1 : j;
    const unitWord = NUMBER_WORDS.get(L(k));
    if (unitWord !== undefined && unitWord > 0 && unitWord < 10) (v += unitWord), (j = k + 1);
  }
  if (L(j) === 'hundred') (v *= 100), j++;
  if (L(j) === 'and' && L(j + 1) === 'a' && L(j + 2) === 'half') return { n: v + 0.5, to: j + 3 };
  return { n: v, to: j };
}

function unitAt(i: number): UnitRead | null {
  let j = i;
  let qualified = false;
  if (DAY_QUALIFIERS.has(L(j)) && UNITS.get(L(j + 1))?.unit === 'D') j++, (qualified = true);
  else if (SUCCESSION.has(L(j)) && UNITS.has(L(j + 1))) j++, (qualified = true);
  const u = UNITS.get(L(j));
  if (!u) return null;
  // "Days of Thunder", "Years and Years": capitalised unit words mid-sentence are names
  if (tok(j)!.cap && !startsSentence(j) && tok(j)!.t !== tok(j)!.t.toUpperCase()) {
    if (tok(j - 1)?.cap && !DIRECTIONS.has(L(j - 1)) && !NUMBER_WORDS.has(L(j - 1)) && !VAGUE_QUANTIFIERS.has(L(j - 1))) return null;
  }
  const factor = L(j) === 'fortnight' || L(j) === 'fortnights' ? 2 : 1;
  return { unit: u.unit, plural: u.plural, to: j + 1, factor, qualified };
}

/** A quantity of time: "two years", "a day", "several weeks", "fifty-year", "27-year-old", "one and a half hours". */
function duration(i: number): (Match & { unit: Unit; n: number | 'X' }) | null {
  // adjectival compound written as one word: "year-long", "month-long"
  const single = UNITS.get(L(i));
  if (single && !single.plural && L(i + 1) === '-' && glued(i + 1) && L(i + 2) === 'long' && glued(i + 2)) {
    return mk(i, i + 3, single.unit, 1);
  }
  if (L(i) === 'multi' && L(i + 1) === '-' && glued(i + 1)) {
    const u = UNITS.get(L(i + 2));
    if (u && glued(i + 2)) return mk(i, i + 3, u.unit, 'X');
  }
  const q = numberAt(i, true);
  if (!q) return null;
  let j = q.to;
  const hyphen = L(j) === '-' && glued(j) && tok(j + 1) && glued(j + 1);
  if (hyphen) j++;
  const u = unitAt(j);
  if (!u) return null;
  const article = L(i) === 'a' || L(i) === 'an';
  if (article && u.unit === 'S') return null; // "a second term"
  // "a quarter of the votes", "about a quarter, of its dealers", "three quarters of voters" are fractions
  if (u.unit === 'Q' && !u.qualified && (L(u.to) === 'of' || (L(u.to) === ',' && L(u.to + 1) === 'of') || (article && !QUARTER_AS_TIME.has(L(i - 1))))) return null;
  if (q.n === 'X' && !u.plural && !hyphen) return null; // "some day", "many a year"
  // "World Cup 2018 day five": a year before a singular unit; "a 2000 year old tradition" is fine
  if (!u.plural && !hyphen && tok(i)!.l.length === 4 && typeof q.n === 'number' && q.n >= 1000 && !/^(a|an|the)$/.test(L(i - 1)) && L(u.to) !== 'old' && L(u.to) !== '-') return null;
  if (L(i) === 'some' && !u.plural) return null;
  let to = u.to;
  let nv: number | 'X' = q.n === 'X' ? 'X' : q.n * u.factor;
  // "an hour and a half", "a year and a half"
  if (L(to) === 'and' && L(to + 1) === 'a' && L(to + 2) === 'half' && typeof nv === 'number') (nv += 0.5), (to += 3);
  if (hyphen || (L(to) === '-' && glued(to))) {
    // "27-year-old", "two-week-long": the compound continues
    if (L(to) === '-' && glued(to) && (L(to + 1) === 'old' || L(to + 1) === 'long') && glued(to + 1)) to += 2;
  }
  return mk(i, to, u.unit, nv);
}
function mk(from: number, to: number, unit: Unit, nv: number | 'X') {
  return { from, to, unit, n: nv, sem: { k: 'fixed', value: durationValue(nv, unit), type: 'DURATION' } as Sem };
}

/** A bare plural unit of time, "for years", "weeks of talks": a vague duration. */
function barePlural(i: number): Match | null {
  const u = UNITS.get(L(i));
  if (!u || !u.plural) return null;
  if (tok(i)!.cap && !startsSentence(i)) return null;
  const prev = L(i - 1);
  if (prev === '-' || isInt(i - 1) || NUMBER_WORDS.has(prev) || prev === 'these' || prev === 'those' || prev === 'this') return null;
  // "over the years" is a vague duration; "the years that followed" points back at a known period
  if (prev === 'the' && !SPAN_PREPOSITIONS.has(L(i - 2))) return null;
  if (L(i + 1) === 'old' || L(i + 1) === 'later' || L(i + 1) === 'earlier') return null;
  if (u.unit === 'Q' || u.unit === 'S') return null; // "quarters" are also living quarters; "seconds" are helpings
  return { from: i, to: i + 1, sem: { k: 'fixed', value: durationValue('X', u.unit), type: 'DURATION' } };
}

// ---------- calendar names ----------
function monthAt(i: number, bare: boolean): { m: number; to: number } | null {
  const t = tok(i);
  if (!t) return null;
  const full = MONTHS.get(t.l);
  if (full !== undefined) {
    if (!t.cap) return null;
    if (AMBIGUOUS_MONTHS.has(t.l)) {
      const next = tok(i + 1);
      const numberFollows = !!next && /^\d/.test(next.t);
      if (!numberFollows) {
        if (!bare) return null;
        if (t.l === 'may' && pos(i) === 'AUX') return null;
        if (t.l === 'may' && startsSentence(i)) return null;
        // "April Ryan", "Theresa May", "Women's March": a capitalised neighbour makes it a name
        if (next && next.cap && !WEEKDAYS.has(next.l) && !MONTHS.has(next.l)) return null;
        const prev = tok(i - 1);
        if (prev && prev.cap && !MONTH_LEADS.has(prev.l) && !DIRECTIONS.has(prev.l) && !POSITION_ADJECTIVES.has(prev.l)) return null;
        if (prev && (prev.l === "'" || prev.l === '’' || prev.l === 's')) return null;
        if (t.l === 'march' && (pos(i) === 'VERB' || prev?.l === 'to')) return null;
      }
    }
    return { m: full, to: i + 1 };
  }
  const abbr = MONTH_ABBREVIATIONS.get(t.l);
  if (abbr !== undefined && t.cap) {
    let j = i + 1;
    if (L(j) === '.' && glued(j)) j++;
    // abbreviations only before a day or a year: "Jan" alone is a name
    if (tok(j) && /^\d/.test(tok(j)!.t)) return { m: abbr, to: j };
  }
  return null;
}

function dayAt(i: number): { d: number; to: number } | null {
  const t = tok(i);
  if (!t) return null;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(t.l);
  if (!m) return null;
  const d = +m[1]!;
  if (d < 1 || d > 31) return null;
  // "June 17-19", "June 5,000": a longer number or a range is not a plain day
  if (L(i + 1) === ',' && glued(i + 1) && isInt(i + 2) && glued(i + 2)) return null;
  return { d, to: i + 1 };
}

function yearAt(i: number): { y: number; to: number } | null {
  const t = tok(i);
  if (!t || t.l.length !== 4 || Number.isNaN(t.int)) return null;
  if (t.int < 1000 || t.int > 2999) return null;
  if (L(i + 1) === '%' || (L(i + 1) === ',' && glued(i + 1) && isInt(i + 2))) return null;
  return { y: t.int, to: i + 1 };
}

/** "2009", "last year", "this year", "next year", "the year": the year part of "June of last year". */
function yearRefAt(i: number): { y: YearRef; to: number } | null {
  const y = yearAt(i);
  if (y) return { y: { abs: y.y }, to: y.to };
  const d = DIRECTIONS.get(L(i));
  if (d && L(i + 1) === 'year' && L(i) !== 'past' && L(i) !== 'coming') return { y: { rel: d === 'last' ? -1 : d === 'next' ? 1 : 0 }, to: i + 2 };
  if (L(i) === 'the' && L(i + 1) === 'year' && !isInt(i + 2)) return { y: { rel: 0 }, to: i + 2 };
  if (L(i) === 'the' && L(i + 1) === 'same' && L(i + 2) === 'year') return null;
  return null;
}

function withYear(j: number, sem: CalendarSem): { sem: CalendarSem; to: number } {
  // "June 2025", "June, 2025", "June of 2025", "June of last year", "June last year"
  let y = yearAt(j);
  if (y) return { sem: { ...sem, y: { abs: y.y } }, to: y.to };
  if (L(j) === ',' && (y = yearAt(j + 1))) return { sem: { ...sem, y: { abs: y.y } }, to: y.to };
  if (L(j) === 'of') {
    const r = yearRefAt(j + 1);
    if (r) return { sem: { ...sem, y: r.y }, to: r.to };
  }
  const d = DIRECTIONS.get(L(j));
  if (d && L(j + 1) === 'year' && (L(j) === 'last' || L(j) === 'next' || L(j) === 'this')) {
    return { sem: { ...sem, y: { rel: d === 'last' ? -1 : d === 'next' ? 1 : 0 } }, to: j + 2 };
  }
  return { sem, to: j };
}

function monthDate(i: number): Match | null {
  const mm = monthAt(i, true);
  if (!mm) return null;
  const day = dayAt(mm.to);
  if (day && isValidDate(2000, mm.m, day.d)) {
    let j = day.to;
    let y = yearAt(j);
    if (!y && L(j) === ',' && (y = yearAt(j + 1))) j = y.to;
    else if (y) j = y.to;
    return { from: i, to: j, sem: { k: 'cal', m: mm.m, d: day.d, ...(y ? { y: { abs: y.y } } : {}) } };
  }
  const r = withYear(mm.to, { k: 'cal', m: mm.m });
  return { from: i, to: r.to, sem: r.sem };
}

function dayMonth(i: number): Match | null {
  const day = dayAt(i);
  if (!day) return null;
  let j = day.to;
  if (L(j) === 'of') j++;
  const mm = monthAt(j, false) ?? (AMBIGUOUS_MONTHS.has(L(j)) && tok(j)!.cap ? { m: MONTHS.get(L(j))!, to: j + 1 } : null);
  if (!mm || !isValidDate(2000, mm.m, day.d)) return null;
  if (isInt(i - 1) || L(i - 1) === '$') return null;
  let k = mm.to;
  let y = yearAt(k);
  if (!y && L(k) === ',' && (y = yearAt(k + 1))) k = y.to;
  else if (y) k = y.to;
  return { from: i, to: k, sem: { k: 'cal', m: mm.m, d: day.d, ...(y ? { y: { abs: y.y } } : {}) } };
}

function numericDate(i: number): Match | null {
  const t = tok(i)!;
  // ISO 8601: 2025-06-17
  if (t.l.length === 4 && isInt(i) && L(i + 1) === '-' && glued(i + 1) && isInt(i + 2) && glued(i + 2) && L(i + 3) === '-' && glued(i + 3) && isInt(i + 4) && glued(i + 4)) {
    const y = t.int;
    const m = tok(i + 2)!.int;
    const d = tok(i + 4)!.int;
    if (tok(i + 2)!.l.length === 2 && isValidDate(y, m, d)) return { from: i, to: i + 5, sem: { k: 'cal', y: { abs: y }, m, d } };
  }
  const m = /^(\d{1,4})([/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(t.l);
  if (!m) return null;
  let a = +m[1]!;
  let b = +m[3]!;
  let y = +m[4]!;
  let mo: number;
  let d: number;
  if (m[1]!.length === 4) [y, mo, d] = [a, b, +m[4]!];
  else {
    if (m[4]!.length === 2) y += y < 50 ? 2000 : 1900;
    if (a > 12) [d, mo] = [a, b];
    else if (b > 12) [mo, d] = [a, b];
    else if (m[2] === '/') [mo, d] = [a, b]; // slashes: American month-first unless impossible
    else [d, mo] = [a, b];
  }
  if (!isValidDate(y, mo, d)) return null;
  return { from: i, to: i + 1, sem: { k: 'cal', y: { abs: y }, m: mo, d } };
}

function weekdayExpr(i: number): Match | null {
  const wd = WEEKDAYS.get(L(i));
  if (wd === undefined) return null;
  let j = i + 1;
  // "Saturday Morning Breakfast Cereal", "Bloody Sunday Inquiry": a weekday inside a run of capitalised words names something
  if (tok(j)?.cap && tok(j + 1)?.cap && !MONTHS.has(L(j)) && !MONTHS.has(L(j + 1))) return null;
  // "Tuesday, June 17, 2025", "Tuesday 17 June"
  const k = L(j) === ',' ? j + 1 : j;
  const date = monthDate(k) ?? dayMonth(k);
  if (date && date.sem.k === 'cal' && date.sem.d !== undefined) {
    return { from: i, to: date.to, sem: { ...date.sem, wd } };
  }
  const sem: CalendarSem = { k: 'cal', wd };
  const tod = PARTS_OF_DAY.get(L(j));
  if (tod && L(j) !== 'overnight') (sem.tod = tod), j++;
  return { from: i, to: j, sem };
}

function clockExpr(i: number): Match | null {
  const t = tok(i)!;
  let h: number | undefined;
  let min = 0;
  let j = i + 1;
  let pm: boolean | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.)$/.exec(t.l))) {
    h = +m[1]!;
    min = m[2] ? +m[2] : 0;
    pm = AMPM.get(m[3]!);
  } else if ((m = /^(\d{1,2})([:.])(\d{2})$/.exec(t.l))) {
    h = +m[1]!;
    min = +m[3]!;
    if (m[2] === '.' && ampmAt(j) === null) return null;
    // a chapter and verse ("John 3:16") or a score follows a name; a clock time follows "at", "by", "from"...
    const prev = tok(i - 1);
    if (prev?.cap && !startsSentence(i - 1) && ampmAt(j) === null && !TIME_ZONES.has(L(j))) return null;
  } else if (isInt(i) && t.int <= 12 && t.l.length <= 2) {
    const a = ampmAt(j);
    if (a !== null) h = t.int;
    else if (L(j) === 'o' && (L(j + 1) === "'" || L(j + 1) === '’') && L(j + 2) === 'clock') (h = t.int), (j += 3);
    else return null;
  } else if (t.l === 'noon' || t.l === 'midday') {
    h = 12;
  } else if (t.l === 'midnight') {
    h = 24;
  } else return null;
  if (h === undefined || h > 24 || min > 59) return null;
  const a = ampmAt(j);
  if (a) (pm = a.pm), (j = a.to);
  if (pm !== undefined) {
    if (h < 1 || h > 12) return null;
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
  }
  let zone: string | undefined;
  const z = TIME_ZONES.get(L(j));
  if (z && (tok(j)!.t === tok(j)!.t.toUpperCase())) (zone = z), j++;
  else if (L(j) === 'local' && L(j + 1) === 'time') j += 2;
  const sem: CalendarSem = { k: 'cal', clock: { h, min, ...(zone ? { zone } : {}) } };
  // "12:00 UTC Monday": TimeML keeps a directly following day in the same expression
  const wd = WEEKDAYS.get(L(j));
  if (wd !== undefined) (sem.wd = wd), j++;
  return { from: i, to: j, sem };
}
function ampmAt(j: number): { pm: boolean; to: number } | null {
  const direct = AMPM.get(L(j));
  if (direct !== undefined) return { pm: direct, to: j + 1 };
  if ((L(j) === 'a' || L(j) === 'p') && L(j + 1) === '.' && glued(j + 1) && L(j + 2) === 'm' && glued(j + 2)) {
    const to = L(j + 3) === '.' && glued(j + 3) ? j + 4 : j + 3;
    return { pm: L(j) === 'p', to };
  }
  return null;
}

/** The second year of a range written with a dash: "2010-2015", "the 2010-11 season". */
function yearRangeTail(i: number): Match | null {
  if (!glued(i) || !RANGE_DASHES.has(L(i - 1)) || !glued(i - 1)) return null;
  const first = tok(i - 2);
  if (!first || first.l.length !== 4 || Number.isNaN(first.int) || first.int < 1000) return null;
  const t = tok(i)!;
  if (t.l.length === 4 && t.int > first.int && t.int - first.int < 200) return { from: i, to: i + 1, sem: { k: 'cal', y: { abs: t.int } } };
  if (t.l.length === 2 && !Number.isNaN(t.int) && t.int === (first.int + 1) % 100) return { from: i, to: i + 1, sem: { k: 'cal', y: { abs: first.int + 1 } } };
  return null;
}

function yearExpr(i: number): Match | null {
  const tail = yearRangeTail(i);
  if (tail) return tail;
  const y = yearAt(i);
  if (!y) return null;
  const prev = L(i - 1);
  const next = tok(i + 1);
  // glued to what precedes: part of a code or a range, except "mid-2026", "end-2024"
  if (i > 0 && glued(i) && !/^['‘’(\[]$/.test(prev) && !(prev === '-' && (L(i - 2) === 'mid' || L(i - 2) === 'end'))) return null;
  if (NOT_YEAR_BEFORE.has(prev) || (prev === 'to' && L(i - 2) === 'up')) return null;
  const temporalLead = YEAR_PREPOSITIONS.has(prev) || MONTHS.has(prev);
  const prevTok = tok(i - 1);
  if (prevTok?.cap && !temporalLead && !startsSentence(i - 1) && next?.cap && !MONTHS.has(next.l) && !WEEKDAYS.has(next.l)) return null;
  if (y.y < 1900 || y.y > 2100) {
    if (!temporalLead) return null;
  }
  if (next) {
    if (next.l === '-' && glued(i + 1) && tok(i + 2) && /^[a-z]/.test(tok(i + 2)!.l)) return null; // "2000-strong"
    if (MEASURE_WORDS.has(next.l)) return null;
    if (!temporalLead && !next.cap && next.l.length > 3 && next.l.endsWith('s') && !next.l.endsWith('ss') && !YEAR_MODIFIED_PLURALS.has(next.l) && pos(i + 1) === 'NOUN') return null;
  }
  // "the 2024 fiscal year"
  if (L(i + 1) === 'fiscal' && L(i + 2) === 'year') return { from: i, to: i + 3, sem: { k: 'fixed', value: `FY${y.y}`, type: 'DATE' } };
  return { from: i, to: y.to, sem: { k: 'cal', y: { abs: y.y } } };
}

function theYearExpr(i: number, the: boolean): Match | null {
  if (!the || L(i) !== 'year') return null;
  const y = yearAt(i + 1);
  return y ? { from: i, to: y.to, sem: { k: 'cal', y: { abs: y.y } } } : null;
}

function decadeExpr(i: number, the: boolean): Match | null {
  let j = i;
  if ((L(j) === "'" || L(j) === '‘' || L(j) === '’') && tok(j + 1) && glued(j + 1)) j++;
  const m = /^(\d{2}|\d{4})s$/.exec(L(j));
  if (m) {
    const digits = m[1]!;
    const v = digits.length === 4 ? +digits : (+digits >= 30 ? 1900 : 2000) + +digits;
    if (v % 10 !== 0 || v < 1000 || v > 2990) return null;
    if (digits.length === 2 && !the && j === i && !POSITION_ADJECTIVES.has(L(i - 1))) return null; // "in their 90s" is an age
    return { from: i, to: j + 1, sem: { k: 'cal', decade: v / 10 } };
  }
  // "the 1930's": an apostrophe before the s, read as a decade only after "the" ("2012's budget" is a possessive)
  const y = tok(i);
  if (the && y && y.l.length === 4 && y.int % 10 === 0 && (L(i + 1) === "'" || L(i + 1) === '’') && glued(i + 1) && L(i + 2) === 's' && glued(i + 2)) {
    return { from: i, to: i + 3, sem: { k: 'cal', decade: y.int / 10 } };
  }
  const w = DECADE_WORDS.get(L(i));
  if (w !== undefined && (the || POSITION_ADJECTIVES.has(L(i - 1)))) return { from: i, to: i + 1, sem: { k: 'cal', decade: 190 + w } };
  return null;
}

function ordinalAt(i: number): { n: number; to: number } | null {
  const m = /^(\d{1,2})(st|nd|rd|th)$/.exec(L(i));
  if (m) return { n: +m[1]!, to: i + 1 };
  if (TENS_WORDS.has(L(i)) && L(i + 1) === '-' && glued(i + 1) && glued(i + 2)) {
    const o = ORDINALS.get(L(i + 2));
    if (o !== undefined && o < 10) return { n: NUMBER_WORDS.get(L(i))! + o, to: i + 3 };
  }
  const o = ORDINALS.get(L(i));
  return o !== undefined ? { n: o, to: i + 1 } : null;
}

function centuryExpr(i: number): Match | null {
  const o = ordinalAt(i);
  if (!o) return null;
  let j = o.to;
  if (L(j) === '-' && glued(j)) j++;
  if (L(j) !== 'century') return null;
  if (o.n < 1 || o.n > 30) return null;
  return { from: i, to: j + 1, sem: { k: 'fixed', value: String(o.n - 1).padStart(2, '0'), type: 'DATE' } };
}

function quarterExpr(i: number, the: boolean): Match | null {
  let j = i;
  let fiscal = false;
  if (L(j) === 'fiscal') (fiscal = true), j++;
  // Q3, Q3 2025
  if (L(j) === 'q' && tok(j)!.cap && isInt(j + 1) && glued(j + 1) && tok(j + 1)!.int >= 1 && tok(j + 1)!.int <= 4) {
    const r = withYear(j + 2, { k: 'cal', quarter: tok(j + 1)!.int });
    return { from: i, to: r.to, sem: r.sem };
  }
  let o = ordinalAt(j);
  if (!o && (L(j) === 'last' || L(j) === 'final')) o = { n: -1, to: j + 1 };
  if (!o) return null;
  let k = o.to;
  const hyphen = L(k) === '-' && glued(k);
  if (hyphen) k++;
  if (L(k) === 'fiscal' && !fiscal) (fiscal = true), k++;
  const word = L(k);
  if (word !== 'quarter' && word !== 'half') return null;
  if (word === 'quarter' && (o.n < -1 || o.n > 4 || o.n === 0)) return null;
  if (word === 'half' && o.n !== 1 && o.n !== 2 && o.n !== -1) return null;
  const base: CalendarSem = { k: 'cal', ...(fiscal ? { fiscal } : {}) };
  const after = k + 1;
  if (L(after) === 'of') {
    const r = yearRefAt(after + 1);
    if (!r) return null;
    const part = o.n === -1 ? (word === 'quarter' ? 4 : 2) : o.n;
    return { from: i, to: r.to, sem: { ...base, ...(word === 'quarter' ? { quarter: part } : { half: part }), y: r.y } };
  }
  if (o.n === -1) return null; // "the last quarter" is a relative expression, read elsewhere
  if (word === 'half') {
    // "first-half profit": only the financial compound, since "the second half" is usually a match
    if (hyphen && NEWS_FIGURE_NOUNS.has(L(after))) return { from: i, to: after, sem: { ...base, half: o.n } };
    return null;
  }
  if (!the && !hyphen && !fiscal) return null; // "a third quarter" of something
  const r = withYear(after, { ...base, quarter: o.n });
  return { from: i, to: r.to, sem: r.sem };
}

function fiscalExpr(i: number): Match | null {
  if (L(i) === 'fiscal') {
    let j = i + 1;
    if (L(j) === 'year') j++;
    const y = yearAt(j);
    if (y) return { from: i, to: y.to, sem: { k: 'fixed', value: `FY${y.y}`, type: 'DATE' } };
    return null;
  }
  if (L(i) === 'fy' && tok(i)!.t === 'FY') {
    const t = tok(i + 1);
    if (t && /^\d{2}$|^\d{4}$/.test(t.l)) {
      const y = t.l.length === 2 ? 2000 + +t.l : +t.l;
      return { from: i, to: i + 2, sem: { k: 'fixed', value: `FY${y}`, type: 'DATE' } };
    }
  }
  return null;
}

function seasonExpr(i: number, the: boolean, dir?: Direction): Match | null {
  const s = SEASONS.get(L(i));
  if (!s) return null;
  const t = tok(i)!;
  const prev = L(i - 1);
  const yearAfter = yearAt(i + 1) ?? (L(i + 1) === 'of' ? yearRefAt(i + 2) : null);
  if (!yearAfter && !dir && !the && !SEASON_LEADS.has(prev)) return null;
  // "Arab Spring", "Prague Spring"
  if (t.cap && !startsSentence(i) && tok(i - 1)?.cap && !startsSentence(i - 1)) return null;
  if (!yearAfter && !dir) {
    const nextPos = pos(i + 1);
    // attributive use names a kind of thing, not a time: "winter storm", "summer camp"
    if (nextPos === 'NOUN' || nextPos === 'PROPN') return null;
    if (s === 'FA' && !CLAUSE_END.has(L(i + 1))) return null; // "the fall of the city", "the fall in prices"
    if (L(i + 1) === 'of' && s !== 'FA') return null;
  }
  const r = withYear(i + 1, { k: 'cal', season: s, ...(dir ? { dir } : {}) });
  return { from: i, to: r.to, sem: r.sem };
}

function holidayExpr(i: number): Match | null {
  const t = tok(i)!;
  if (!t.cap) return null;
  if (tok(i - 1)?.cap && !startsSentence(i - 1) && !DIRECTIONS.has(L(i - 1)) && !POSITION_ADJECTIVES.has(L(i - 1))) return null;
  let h: string | undefined;
  let j = i + 1;
  if (t.l === 'new' && L(j) === 'year' && (L(j + 1) === "'" || L(j + 1) === '’') && L(j + 2) === 's') {
    j += 3;
    if (L(j) === 'eve') (h = 'NEWYEARSEVE'), j++;
    else if (L(j) === 'day') (h = 'NEWYEAR'), j++;
    else h = 'NEWYEAR';
  } else if (t.l === 'good' && L(j) === 'friday') (h = 'GOODFRIDAY'), j++;
  else if (t.l === 'boxing' && L(j) === 'day') (h = 'BOXINGDAY'), j++;
  else if (t.l === 'valentine' && (L(j) === "'" || L(j) === '’') && L(j + 1) === 's' && L(j + 2) === 'day') (h = 'VALENTINE'), (j += 3);
  else if ((h = HOLIDAYS.get(t.l))) {
    if (h === 'XMAS' && L(j) === 'eve') (h = 'XMASEVE'), j++;
    else if ((h === 'XMAS' || h === 'THANKSGIVING') && L(j) === 'day') j++;
    else if (h === 'EASTER' && (L(j) === 'sunday' || L(j) === 'day')) j++;
    else if (h === 'EASTER' && L(j) === 'monday') (h = 'EASTERMONDAY'), j++;
    if (pos(j) === 'NOUN' && !yearAt(j)) return null; // "Christmas tree", "Easter egg"
  }
  if (!h) return null;
  const r = withYear(j, { k: 'cal', holiday: h });
  return { from: i, to: r.to, sem: r.sem };
}

/** last/next/this/past/coming + a name or unit: "last week", "next Tuesday", "the past five years". */
function relativeExpr(i: number, the: boolean): Match | null {
  let j = i;
  let dir = DIRECTIONS.get(L(j));
  let word = L(j);
  if (L(j) === 'this' && L(j + 1) === 'past') (dir = 'last'), (word = 'this past'), j++;
  if (L(j) === 'following' && the) (dir = undefined), (word = 'following');
  if (!dir && word !== 'following') return null;
  j++;
  const from = i;
  // durations: "the past five years", "the next four years", "the coming weeks", "the next few days"
  const q = numberAt(j, false);
  if (q && (the || word === 'past' || word === 'last' || word === 'next' || word === 'coming') && word !== 'this' && word !== 'current') {
    const u = unitAt(q.to);
    if (u && (u.plural || q.n === 1)) {
      return { from, to: u.to, sem: { k: 'fixed', value: durationValue(q.n === 'X' ? 'X' : q.n * u.factor, u.unit), type: 'DURATION' } };
    }
  }
  if (word === 'following') {
    if (L(j) === 'day') return { from, to: j + 1, sem: { k: 'ref', n: 1 } };
    return null;
  }
  const u = unitAt(j);
  if (u) {
    if (u.plural) {
      if (word === 'this' || word === 'current') return null;
      return { from, to: u.to, sem: { k: 'fixed', value: durationValue('X', u.unit), type: 'DURATION' } };
    }
    const step = dir === 'last' ? -1 : dir === 'next' ? 1 : 0;
    const SHIFT_UNITS: Partial<Record<Unit, ShiftUnit | 'day'>> = { W: 'week', M: 'month', Q: 'quarter', Y: 'year', DE: 'decade', CE: 'century', D: 'day' };
    const unitName = SHIFT_UNITS[u.unit];
    if (!unitName) return null;
    if (unitName === 'day') {
      if (word === 'previous' && the) return { from, to: u.to, sem: { k: 'ref', n: -1 } };
      if (word === 'next' && the) return { from, to: u.to, sem: { k: 'ref', n: 1 } };
      return null;
    }
    // "the past year" is the twelve months up to now; "last year" is the calendar year before this one
    if (the && (word === 'past' || word === 'last') && unitName !== 'quarter') {
      return { from, to: u.to, sem: { k: 'fixed', value: durationValue(1, u.unit), type: 'DURATION' } };
    }
    if (word === 'past' && !the) return null;
    return { from, to: u.to, sem: { k: 'shift', unit: unitName, n: step } };
  }
  if (L(j) === 'weekend') return { from, to: j + 1, sem: { k: 'cal', weekend: true, dir: dir! } };
  if (word === 'past' || word === 'current' || word === 'upcoming' || word === 'previous') {
    if (word !== 'past' || L(i - 1) !== 'this') {
      // "past Tuesday" without "this" and "current April" are not idiomatic
      if (word !== 'upcoming' && word !== 'previous') return null;
    }
  }
  const wd = WEEKDAYS.get(L(j));
  if (wd !== undefined) {
    const sem: CalendarSem = { k: 'cal', wd, dir: dir! };
    let to = j + 1;
    const tod = PARTS_OF_DAY.get(L(to));
    if (tod && L(to) !== 'overnight') (sem.tod = tod), to++;
    return { from, to, sem };
  }
  const mm = monthAt(j, true);
  if (mm) return { from, to: mm.to, sem: { k: 'cal', m: mm.m, dir: dir! } };
  const season = seasonExpr(j, false, dir);
  if (season) return { ...season, from };
  if (L(j) === 'night' && (word === 'last')) return { from, to: j + 1, sem: { k: 'shift', unit: 'day', n: -1, tod: 'NI' } };
  const tod = PARTS_OF_DAY.get(L(j));
  if (tod && word === 'this') return { from, to: j + 1, sem: { k: 'shift', unit: 'day', n: 0, tod } };
  return null;
}

function deicticExpr(i: number, the: boolean): Match | null {
  const l = L(i);
  let n: number | undefined;
  let tod: string | undefined;
  if (l === 'today') n = 0;
  else if (l === 'yesterday') n = -1;
  else if (l === 'tomorrow') n = 1;
  else if (l === 'tonight') (n = 0), (tod = 'NI');
  else if (the && l === 'day' && L(i + 1) === 'before' && L(i + 2) === 'yesterday') return { from: i, to: i + 3, sem: { k: 'shift', unit: 'day', n: -2 } };
  else if (the && l === 'day' && L(i + 1) === 'after' && L(i + 2) === 'tomorrow') return { from: i, to: i + 3, sem: { k: 'shift', unit: 'day', n: 2 } };
  if (n === undefined) return null;
  if (tok(i)!.cap && !startsSentence(i) && tok(i - 1)?.cap) return null; // "Good Morning America Today"
  let to = i + 1;
  const p = PARTS_OF_DAY.get(L(to));
  if (p && !tod && L(to) !== 'overnight') (tod = p), to++;
  return { from: i, to, sem: { k: 'shift', unit: 'day', n, ...(tod ? { tod } : {}) } };
}

function referenceExpr(i: number, the: boolean): Match | null {
  const l = L(i);
  const v = REFERENCE_WORDS.get(l);
  if (v) {
    if (the) return null;
    if (l === 'now' && L(i + 1) === '-' && glued(i + 1)) return null; // "the now-cancelled deal"
    if (l === 'now' && (L(i - 1) === 'every' || (L(i + 1) === 'and' && (L(i + 2) === 'then' || L(i + 2) === 'again')))) return null;
    if (l === 'formerly' || l === 'previously') return null;
    return { from: i, to: i + 1, sem: { k: 'fixed', value: v, type: 'DATE' } };
  }
  if (l === 'these' && L(i + 1) === 'days') return { from: i, to: i + 2, sem: { k: 'fixed', value: 'PRESENT_REF', type: 'DATE' } };
  if (l === 'recent' && (UNITS.get(L(i + 1))?.plural || L(i + 1) === 'times')) {
    return { from: i, to: i + 2, sem: { k: 'fixed', value: 'PAST_REF', type: 'DATE' } };
  }
  if (!the) return null;
  if (l === 'past' && CLAUSE_END.has(L(i + 1))) return { from: i, to: i + 1, sem: { k: 'fixed', value: 'PAST_REF', type: 'DATE' } };
  if (l === 'future' && L(i + 1) !== 'of' && CLAUSE_END.has(L(i + 1))) return { from: i, to: i + 1, sem: { k: 'fixed', value: 'FUTURE_REF', type: 'DATE' } };
  if (l === 'present' && CLAUSE_END.has(L(i + 1)) && L(i - 2) !== 'the') return { from: i, to: i + 1, sem: { k: 'fixed', value: 'PRESENT_REF', type: 'DATE' } };
  if ((l === 'long' || l === 'near' || l === 'short' || l === 'medium') && L(i + 1) === 'term') {
    return { from: i, to: i + 2, sem: { k: 'fixed', value: 'FUTURE_REF', type: 'DATE' } };
  }
  if (l === 'time' && L(i + 1) === 'being') return { from: i, to: i + 2, sem: { k: 'fixed', value: 'PRESENT_REF', type: 'DATE' } };
  return null;
}

/** "every month", "each year", "per week", "weekly", "on Mondays", "$800 a month". */
function setExpr(i: number): Match | null {
  const l = L(i);
  if (l === 'every' || l === 'each') {
    let j = i + 1;
    let step: number | 'X' = 1;
    if (L(j) === 'other') (step = 2), j++;
    const q = numberAt(j, false);
    if (q && q.n !== 'X') (step = typeof step === 'number' ? q.n * (step === 2 ? 2 : 1) : step), (j = q.to);
    const u = unitAt(j);
    if (u) {
      if (u.unit === 'S' && step === 1 && L(j) === 'second') return null;
      return { from: i, to: u.to, sem: { k: 'fixed', value: durationValue(typeof step === 'number' ? step * u.factor : step, u.unit), type: 'SET' } };
    }
    const wd = WEEKDAYS.get(L(j));
    if (wd !== undefined) return { from: i, to: j + 1, sem: { k: 'fixed', value: `XXXX-WXX-${wd}`, type: 'SET' } };
    const mm = monthAt(j, true);
    if (mm) return { from: i, to: mm.to, sem: { k: 'fixed', value: `XXXX-${String(mm.m).padStart(2, '0')}`, type: 'SET' } };
    const s = SEASONS.get(L(j));
    if (s) return { from: i, to: j + 1, sem: { k: 'fixed', value: `XXXX-${s}`, type: 'SET' } };
    const tod = PARTS_OF_DAY.get(L(j));
    if (tod) return { from: i, to: j + 1, sem: { k: 'fixed', value: `TXX${tod}`.replace('TXX', 'T'), type: 'SET' } };
    return null;
  }
  if (l === 'per' || ((l === 'a' || l === 'an') && rateBefore(i))) {
    const u = unitAt(i + 1);
    if (u && !u.plural && u.unit !== 'Q') return { from: i, to: u.to, sem: { k: 'fixed', value: durationValue(u.factor, u.unit), type: 'SET' } };
    return null;
  }
  const f = FREQUENCY_ADVERBS.get(l);
  if (f) {
    if (tok(i)!.cap && !startsSentence(i)) return null; // "Daily Mail", "The Weekly Standard"
    return { from: i, to: i + 1, sem: { k: 'fixed', value: f, type: 'SET' } };
  }
  const wd = WEEKDAY_PLURALS.get(l);
  if (wd !== undefined) return { from: i, to: i + 1, sem: { k: 'fixed', value: `XXXX-WXX-${wd}`, type: 'SET' } };
  return null;
}
/** "15 a year", "$800 a month", "twice a week": a rate, so "a month" is a frequency, not a month. */
function rateBefore(i: number): boolean {
  const p = tok(i - 1);
  if (!p) return false;
  if (/\d/.test(p.l) || p.l === 'once' || p.l === 'twice' || p.l === 'times' || p.l === 'thrice') return true;
  if (NUMBER_WORDS.has(p.l) || p.l === 'million' || p.l === 'billion' || p.l === 'thousand' || p.l === 'hundred') return true;
  return false;
}

/** A day relative to the day under discussion: "ended the day", "the next day", "that day". */
function refDayExpr(i: number, the: boolean): Match | null {
  const l = L(i);
  if (the && l === 'day' && DAY_CLOSING_VERBS.has(L(i - 2))) return { from: i, to: i + 1, sem: { k: 'ref', n: 0 } };
  if (the && l === 'same' && L(i + 1) === 'day') return { from: i, to: i + 2, sem: { k: 'ref', n: 0 } };
  if (l === 'that' && L(i + 1) === 'day' && CLAUSE_END.has(L(i + 2))) return { from: i, to: i + 2, sem: { k: 'ref', n: 0 } };
  const tod = PARTS_OF_DAY.get(L(i + 1));
  if (l === 'that' && tod && L(i + 1) !== 'overnight') return { from: i, to: i + 2, sem: { k: 'ref', n: 0, tod } };
  return null;
}

/**
 * With `the` the expression must be one whose noun the determiner belongs to ("the 1990s",
 * "the third quarter", "the weekend", "the 17th of June"); in "the September 11 attacks" or
 * "the 2008 elections" it belongs to the noun after the date and stays outside.
 */
function calendarCore(i: number, the: boolean): Match | null {
  return the
    ? longest([
        L(i + 1) === 'of' ? dayMonth(i) : null, decadeExpr(i, true), quarterExpr(i, true), seasonExpr(i, true),
        relativeExpr(i, true), centuryExpr(i), theYearExpr(i, true), weekendExpr(i),
      ])
    : longest([
        numericDate(i), monthDate(i), dayMonth(i), weekdayExpr(i), yearExpr(i), decadeExpr(i, false),
        quarterExpr(i, false), seasonExpr(i, false), relativeExpr(i, false), deicticExpr(i, false), holidayExpr(i),
        centuryExpr(i),
      ]);
}
/** "the weekend": which one is left to tense, like a bare weekday. */
function weekendExpr(i: number): Match | null {
  return L(i) === 'weekend' ? { from: i, to: i + 1, sem: { k: 'cal', weekend: true } } : null;
}

/** "late April", "early 2024", "mid-June", "the end of last year", "earlier this month", "late in the day". */
function positionExpr(i: number, the: boolean): Match | null {
  const l = L(i);
  const adj = POSITION_ADJECTIVES.get(l);
  if (adj) {
    let j = i + 1;
    if (L(j) === '-' && glued(j)) j++;
    if (L(j) === 'in' && L(j + 1) === 'the') return inThe(i, j + 2, adj);
    const inner = calendarCore(j, false) ?? (L(j) === 'the' ? calendarCore(j + 1, true) : null);
    if (!inner || !datelike(inner.sem)) return null;
    return { from: i, to: inner.to, sem: inner.sem, mod: adj };
  }
  if (l === 'earlier' || l === 'later') {
    const j = i + 1;
    if (L(j) === 'in' && L(j + 1) === 'the') return inThe(i, j + 2, undefined);
    const inner = relativeExpr(j, false) ?? deicticExpr(j, false);
    if (!inner || (inner.sem.k !== 'shift' && inner.sem.k !== 'cal')) return null;
    return { from: i, to: inner.to, sem: inner.sem };
  }
  let j = i;
  if (l === 'end' && L(i + 1) === '-' && glued(i + 1)) {
    const inner = calendarCore(i + 2, false);
    if (inner && datelike(inner.sem) && glued(i + 2)) return { from: i, to: inner.to, sem: inner.sem, mod: 'END' };
    return null;
  }
  const noun = POSITION_NOUNS.get(l);
  if (!noun || L(j + 1) !== 'of') return null;
  if (!the && tok(i)!.cap === false && !startsSentence(i) && !/^(by|at|until|since|from|before|after|in|to|till)$/.test(L(i - 1))) return null;
  j += 2;
  let inner: Match | null = null;
  if (L(j) === 'the') {
    const unitWord = L(j + 1);
    const unitName = ({ year: 'year', month: 'month', week: 'week', decade: 'decade', century: 'century', quarter: 'quarter' } as const)[unitWord as 'year'];
    if (unitName && !isInt(j + 2) && L(j + 2) !== '-') inner = { from: j, to: j + 2, sem: { k: 'shift', unit: unitName, n: 0 } };
    else inner = calendarCore(j + 1, true);
  } else inner = calendarCore(j, false);
  if (!inner || !datelike(inner.sem)) return null;
  return { from: i, to: inner.to, sem: inner.sem, mod: noun };
}
function inThe(from: number, j: number, mod: string | undefined): Match | null {
  const w = L(j);
  if (w === 'day') return { from, to: j + 1, sem: { k: 'ref', n: 0 }, ...(mod ? { mod } : {}) };
  const unitName = ({ week: 'week', month: 'month', year: 'year' } as const)[w as 'week'];
  if (!unitName) return null;
  return { from, to: j + 1, sem: { k: 'shift', unit: unitName, n: 0 }, ...(mod ? { mod } : {}) };
}
function datelike(sem: Sem): boolean {
  if (sem.k === 'cal') return sem.clock === undefined;
  return sem.k === 'shift' || (sem.k === 'fixed' && sem.type === 'DATE' && !sem.value.endsWith('_REF'));
}

/** "about two years", "nearly five months", "more than a decade", "around 3 p.m." */
function approxExpr(i: number): Match | null {
  for (const [words, mod] of APPROXIMATORS_BY_FIRST.get(L(i)) ?? []) {
    let ok = true;
    for (let k = 0; k < words.length; k++) if (L(i + k) !== words[k]) (ok = false);
    if (!ok) continue;
    const j = i + words.length;
    if (words[0] === 'some' && !/^\d/.test(L(j)) && !NUMBER_WORDS.has(L(j))) return null;
    const d = duration(j);
    if (d && (isInt(j) || /^\d/.test(L(j)) || NUMBER_WORDS.has(L(j)) || L(j) === 'a' || L(j) === 'an' || L(j) === 'half' || L(j) === 'couple')) {
      const ago = L(d.to) === 'ago' ? agoOf(d) : null;
      if (ago) return { ...ago, from: i, mod };
      return { from: i, to: d.to, sem: d.sem, mod };
    }
    if (mod === 'APPROX' && words[0] !== 'some') {
      const c = clockExpr(j);
      if (c) return { from: i, to: c.to, sem: c.sem, mod };
    }
    return null;
  }
  return null;
}

function agoOf(d: Match & { unit: Unit; n: number | 'X' }): Match | null {
  if (d.n === 'X') return { from: d.from, to: d.to + 1, sem: { k: 'fixed', value: 'PAST_REF', type: 'DATE' } };
  return { from: d.from, to: d.to + 1, sem: { k: 'ago', unit: d.unit, n: d.n } };
}

function durationOrAgo(i: number): Match | null {
  const d = duration(i);
  if (!d) {
    const bare = barePlural(i);
    // "years ago": long enough to be past, too vague to date
    if (bare && L(bare.to) === 'ago') return { from: i, to: bare.to + 1, sem: { k: 'fixed', value: 'PAST_REF', type: 'DATE' } };
    return bare ?? sharedUnit(i);
  }
  if (L(d.to) === 'ago') return agoOf(d);
  const startWord = L(i);
  // "a year" after a figure is a rate ("15 a year"): leave it to the set reading
  if ((startWord === 'a' || startWord === 'an') && rateBefore(i)) return null;
  // "1,500 to 2,000 jobs" is no duration; neither is "one day" meaning "some day" in the future
  return d;
}

/** "60 or 90 days", "between two and three years": the first number borrows the unit of the second. */
function sharedUnit(i: number): Match | null {
  const q = numberAt(i, false);
  if (!q || q.n === 'X' || !(L(q.to) === 'or' || L(q.to) === 'and' || L(q.to) === 'to')) return null;
  const second = numberAt(q.to + 1, false);
  if (!second || second.n === 'X') return null;
  const u = unitAt(second.to);
  if (!u || !u.plural) return null;
  return { from: i, to: q.to, sem: { k: 'fixed', value: durationValue(q.n * u.factor, u.unit), type: 'DURATION' } };
}

function core(i: number, the: boolean): Match | null {
  const c = longest([
    calendarCore(i, the), the ? null : clockExpr(i), the ? null : fiscalExpr(i), referenceExpr(i, the),
    refDayExpr(i, the), positionExpr(i, the), deicticExpr(i, the),
    the ? null : setExpr(i), the ? null : approxExpr(i), durationOrAgo(i),
  ]);
  if (c && the && c.sem.k === 'fixed' && c.sem.type === 'DURATION' && !/^(past|last|next|coming|first|following)$/.test(L(i))) {
    // "the two years" and "the years" are anaphoric; the determiner belongs to a larger noun phrase
    if (!UNITS.get(L(i))?.plural || !SPAN_PREPOSITIONS.has(L(i - 2))) return null;
  }
  return c;
}

function best(i: number): Match | null {
  if (!canStart(i)) return null;
  const plain = core(i, false);
  if (L(i) === 'the' || L(i) === 'that') {
    const withThe = L(i) === 'the' ? core(i + 1, true) : null;
    const fromThe = withThe ? { ...withThe, from: i } : null;
    const that = L(i) === 'that' ? refDayExpr(i, false) : null;
    return longest([plain, fromThe, that]);
  }
  return plain;
}

export function scan(run: Tok[], posLookup: PosAt): Match[] {
  toks = run;
  n = run.length;
  posAt = posLookup;
  const out: Match[] = [];
  let i = 0;
  while (i < n) {
    const m = best(i);
    if (m && m.to > m.from) {
      out.push(m);
      i = m.to;
    } else i++;
  }
  return out;
}

function longest(ms: (Match | null)[]): Match | null {
  let b: Match | null = null;
  for (const m of ms) if (m && (!b || m.to > b.to)) b = m;
  return b;
}
