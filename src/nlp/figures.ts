/**
 * Stage: figures, the numbers in an article that count or measure something.
 *
 * For each sentence it looks only at tokens that can begin an amount (digits, currency signs,
 * number words, magnitude words), reads the amount at character level (figures/amount.ts), throws
 * out numbers that name or date things rather than count them, then reads the hedge, the counted
 * noun phrase and the rate from the tokens around it (figures/phrase.ts). Finally it links old and
 * new values of a change ("fell from 34,000 to 11,000") and marks amounts that are only intended
 * ("will send 5,000 troops").
 *
 * Numbers inside the times stage's expressions are never figures; because that stage may miss
 * some, years, days of the month, clock times and durations are also recognised here.
 */
import type { Figure, Qualifier, TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';
import type { Sentence, Token } from './segment.ts';
import { currencyBefore, readAmount, readUnit, type Amount } from './figures/amount.ts';
import {
  CHANGE_LEMMAS,
  CHANGE_NOUNS,
  CLOCK_WORDS,
  COMMIT_LEMMAS,
  CURRENCY_CODES,
  FURNITURE_NOUNS,
  HYPHEN_COUNT_WORDS,
  IDENTIFIER_NOUNS,
  INTENT_LEMMAS,
  INTENT_MODIFIERS,
  MODALS,
  MONTHS,
  SCALE_WORDS,
  SMALL_NUMBERS,
  TENS,
  TIME_UNITS,
  VAGUE_DETERMINERS,
  VAGUE_PLURALS,
  YEAR_PREPOSITIONS,
} from './figures/lexicon.ts';
import { countedPhrase, isPlural, lower, qualifierAfter, qualifierBefore, rateAfter } from './figures/phrase.ts';

/** Prepositions that put a hedged year in time: "until at least 2030", "by around 2035". */
const TIME_PREPOSITIONS = new Set(['until', 'till', 'by', 'since', 'before', 'after', 'in', 'from', 'through', 'to', 'during']);

const SPACED_DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'], ['NZ', 'NZD'], ['A', 'AUD'], ['AU', 'AUD'], ['C', 'CAD'], ['CA', 'CAD'], ['HK', 'HKD'], ['S', 'SGD'], ['NT', 'TWD'],
]);

/** Words that may begin an amount; anything else is skipped with one Set lookup. */
const STARTERS: ReadonlySet<string> = new Set([
  ...SMALL_NUMBERS.keys(), ...TENS.keys(), ...SCALE_WORDS.keys(), ...VAGUE_PLURALS, ...VAGUE_DETERMINERS, 'half', 'a', 'an', 'dozen',
]);
const AFTER_A: ReadonlySet<string> = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', 'few', 'third', 'quarter', 'half']);

type Draft = Omit<Figure, 'id' | 'changedFrom'> & {
  /** Token indices of the amount itself and of the whole figure, for linking. */
  amountFirst: number;
  amountEnd: number;
  first: number;
  last: number;
  changedFrom?: Draft;
};

export function extractFigures(ctx: StageContext, earlier: { times: TimeExpr[] }): Figure[] {
  const { seg } = ctx;
  const times = indexTimes(earlier.times);
  const furniture = verblessShortParagraphs(seg.tokens, seg.sentences);
  const names = numbersUsedAsNames(seg.text, seg.tokens);
  const drafts: Draft[] = [];
  for (const sentence of seg.sentences) {
    const inSentence: Draft[] = [];
    let i = sentence.tokenStart;
    while (i < sentence.tokenEnd) {
      const found = maybeStartsAmount(seg.tokens, i, sentence.tokenEnd) ? readFigure(seg.text, seg.tokens, sentence, i, times, names) : null;
      if (!found) {
        i++;
        continue;
      }
      if (found.draft && !(furniture.has(sentence.paragraph) && !found.draft.unit && !found.draft.counts)) {
        inSentence.push(found.draft);
      }
      i = Math.max(i + 1, found.next);
    }
    linkChanges(seg.tokens, inSentence);
    for (const d of inSentence) if (isPlanned(seg.tokens, sentence, d, inSentence)) d.modality = 'planned';
    drafts.push(...inSentence);
  }
  return finish(drafts);
}

/** Cheap test on one token: could an amount begin here? */
function maybeStartsAmount(tokens: Token[], i: number, end: number): boolean {
  const t = tokens[i]!;
  const c = t.text.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (t.kind === 'currency' || CURRENCY_CODES.has(t.text)) return true;
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  const w = t.text.toLowerCase();
  if (!STARTERS.has(w)) {
    // wink keeps "four-thousand-100" and "twenty-five" as one word now and then
    const dash = w.indexOf('-');
    if (dash < 0 || !(SMALL_NUMBERS.has(w.slice(0, dash)) || TENS.has(w.slice(0, dash)))) return false;
  }
  if (w === 'a' || w === 'an') return i + 1 < end && AFTER_A.has(lower(tokens[i + 1]!));
  return true;
}

type Found = { draft: Draft | null; next: number };

/** Token index of the first token starting at or after `offset`, searching forward from `from`. */
function tokenAfter(tokens: Token[], from: number, offset: number, end: number): number {
  let k = from;
  while (k < end && tokens[k]!.start < offset) k++;
  return k;
}

/** Time spans sorted by start, with the furthest end reached so far, so overlap tests stop early. */
type TimeIndex = { spans: TimeExpr[]; maxEnd: number[] };

function indexTimes(times: TimeExpr[]): TimeIndex {
  const spans = [...times].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  spans.forEach((t, k) => maxEnd.push(Math.max(t.end, k > 0 ? maxEnd[k - 1]! : 0)));
  return { spans, maxEnd };
}

function overlapsTime(index: TimeIndex, start: number, end: number): boolean {
  const { spans, maxEnd } = index;
  // the first span starting at or after `end` cannot overlap, nor can any after it
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && maxEnd[k]! > start; k--) if (spans[k]!.end > start) return true;
  return false;
}

function isYearShaped(a: Amount, text: string): boolean {
  return a.bare && a.value !== null && a.value >= 1000 && a.value <= 2100 && a.numberEnd - a.start === 4 && /^\d{4}$/.test(text.slice(a.start, a.numberEnd));
}

/** Reads the figure whose amount starts at token i, or says how far to skip when it is not one. */
function readFigure(text: string, tokens: Token[], sentence: Sentence, i: number, times: TimeIndex, names: Set<string>): Found | null {
  const limit = sentence.end;
  const tok = tokens[i]!;
  let amount = readAmount(text, tok.start, limit, { allowA: true });
  if (!amount) return null;
  const ceil = sentence.tokenEnd;
  const floor = sentence.tokenStart;
  const prev = i > floor ? tokens[i - 1]! : undefined;
  const prevLower = prev ? lower(prev) : '';

  if (amount.bare && names.has(text.slice(amount.start, amount.numberEnd))) return null; // "737" after "Boeing 737" earlier

  // --- ranges: "10,000-12,000", "between 3 and 7 percent", "two or three", "10 to 12 people"
  let min: number | undefined;
  let max: number | undefined;
  const joined = readRangeEnd(text, tokens, i, amount, limit, floor, prevLower);
  if (joined && 'notAFigureUntil' in joined) return { draft: null, next: tokenAfter(tokens, i, joined.notAFigureUntil, ceil) };
  if (joined) {
    min = joined.min;
    max = joined.max;
    amount = joined.amount;
  }

  let currencyFirst = -1;
  if (amount.unit && prev && /^[A-Z]{1,3}$/.test(prev.text)) {
    const joinedSign = prev.end === amount.start ? currencyBefore(text, prev.start, limit) : null;
    if (joinedSign) {
      // "CA$": wink split the letters from the sign
      amount = { ...amount, unit: joinedSign.unit };
      currencyFirst = i - 1;
    } else if (amount.unit === 'USD' && text[amount.start] === '$' && prev.end + 1 >= amount.start && SPACED_DOLLAR_PREFIXES.has(prev.text)) {
      // "NZ $ 26 million": the country letters were written apart from the sign
      amount = { ...amount, unit: SPACED_DOLLAR_PREFIXES.get(prev.text)! };
      currencyFirst = i - 1;
    }
  }

  const after = tokenAfter(tokens, i, amount.end, ceil);
  const skip: Found = { draft: null, next: after };
  const next = after < ceil ? tokens[after]! : undefined;
  const charAfter = text[amount.end];

  // only the number itself: a unit such as "kilometres per hour" may hold a time expression of its own
  if (overlapsTime(times, amount.start, amount.numberEnd)) return skip;
  if (namesDatesOrLabels(amount, { text, tokens, i, floor, ceil, after, names }, min !== undefined)) return skip;
  if (amount.ambiguousM) amount = settleMillionOrMetres(amount, next);

  // --- hyphenated compounds: "4,000-strong", "3.5-inch", but not "two-state", "10-point", "41-year"
  let postQualifier: Qualifier | undefined;
  let phraseFrom = after;
  let describesWhole = false;
  if (charAfter === '-' && /[A-Za-z]/.test(text[amount.end + 1] ?? '')) {
    const word = /^[A-Za-z]+/.exec(text.slice(amount.end + 1, amount.end + 24))![0]!.toLowerCase();
    const wordEnd = amount.end + 1 + word.length;
    if (TIME_UNITS.has(word)) return { draft: null, next: tokenAfter(tokens, i, wordEnd, ceil) };
    if (word === 'odd') postQualifier = 'approximately';
    else if (word === 'plus') postQualifier = 'more than';
    else if (!amount.unit && readUnit(text, amount.end + 1, limit)) {
      const u = readUnit(text, amount.end + 1, limit)!;
      amount = { ...amount, unit: u.unit, end: u.end };
    } else if (!HYPHEN_COUNT_WORDS.has(word)) return { draft: null, next: tokenAfter(tokens, i, wordEnd, ceil) };
    else describesWhole = true; // "a 4,000-strong force", "the 47-member council": the noun is the whole that has this many
    phraseFrom = tokenAfter(tokens, i, wordEnd, ceil);
  } else if (charAfter === '+' && !/\d/.test(text[amount.end + 1] ?? '')) {
    postQualifier = 'more than';
    phraseFrom = tokenAfter(tokens, i, amount.end + 1, ceil);
  }
  // "six months", "three days later": durations belong to the times stage
  if (!amount.unit && phraseFrom < ceil && TIME_UNITS.has(lower(tokens[phraseFrom]!))) return { draft: null, next: phraseFrom + 1 };

  // --- words around the amount
  const pre = qualifierBefore(tokens, i, floor);
  const post = postQualifier ? null : qualifierAfter(tokens, phraseFrom, ceil);
  if (post) phraseFrom = post.next;
  let first = pre ? pre.first : currencyFirst >= 0 ? currencyFirst : i;
  // the words that open a range belong to it: "between 3 and 7 percent", "from 10 to 12 people"
  if (min !== undefined && first > floor && (prevLower === 'between' || prevLower === 'from') && !pre) first--;
  if (first > floor && lower(tokens[first - 1]!) === 'the') first--;
  const theBefore = first < (pre ? pre.first : i);

  if (amount.singleWord && amount.value === 1 && !pre && !amount.unit && min === undefined) return skip; // "one official said"
  if (amount.singleWord && amount.value === 2 && theBefore && !pre) return skip; // "the two countries": a pair named before
  if (charAfter === ')' && !text.slice(Math.max(0, amount.start - 2), amount.start).includes('(')) return skip; // list markers "1)"

  let counts: string | undefined;
  let last = Math.max(after - 1, i);
  if (phraseFrom - 1 > last) last = phraseFrom - 1;
  // money and measures name their unit, not a counted noun: "$40 billion contract" is not a count of contracts
  if (!amount.unit) {
    const np = countedPhrase(text, tokens, phraseFrom, ceil, names);
    if (np) {
      if (TIME_UNITS.has(lower(tokens[np.head]!)) || TIME_UNITS.has(lower(tokens[np.countsFirst]!))) {
        return { draft: null, next: np.head + 1 };
      }
      const countsSingular = np.singularHead && (amount.value ?? 0) > 1 && min === undefined && !amount.vague && !describesWhole;
      if (countsSingular && amount.bare) {
        // "the 737 airliner", "a 300 page report": the number modifies a singular noun; it names or sizes, not counts
        return { draft: null, next: np.head + 1 };
      }
      if (!countsSingular) {
        // a worded number before a singular noun ("how did you two meet") counts something, but not that noun
        counts = text.slice(tokens[np.countsFirst]!.start, tokens[np.head]!.end);
        last = np.head;
      }
    }
  }
  let per: string | undefined;
  const rate = rateAfter(tokens, last + 1, ceil);
  if (rate) {
    per = rate.per;
    last = rate.last;
  }

  const qualifier: Qualifier = amount.vague ? 'vague' : min !== undefined ? 'range' : (pre?.qualifier ?? post?.qualifier ?? postQualifier ?? 'exact');
  const start = tokens[first]!.start < amount.start ? tokens[first]!.start : amount.start;
  // the token holding the amount's end may run past it ("20m." is one token); only words after the amount extend the span
  const end = last >= after ? Math.max(amount.end, tokens[last]!.end) : amount.end;
  const draft: Draft = {
    start,
    end,
    text: text.slice(start, end),
    value: amount.vague || min !== undefined ? null : roundValue(amount.value!),
    ...(min !== undefined ? { min: roundValue(min), max: roundValue(max!) } : {}),
    qualifier,
    ...(amount.unit ? { unit: amount.unit } : {}),
    ...(counts ? { counts } : {}),
    ...(per ? { per } : {}),
    ...(amount.vague ? { vague: amount.vague } : {}),
    amountFirst: i,
    amountEnd: after,
    first,
    last,
  };
  return { draft, next: last + 1 };
}

/** Binary floating point turns 3.5 * 1e9 into 3500000000.0000005; news never means that. */
function roundValue(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Where an amount sits: the sentence's token bounds and the first token after the amount. */
type Around = { text: string; tokens: Token[]; i: number; floor: number; ceil: number; after: number; names: Set<string> };

/**
 * Numbers that date, time, name, label or lay out the page rather than count: days of the month,
 * years, clock times, phone numbers and codes, "Resolution 2397", "page 3 of 10", "12 comments".
 */
function namesDatesOrLabels(amount: Amount, at: Around, isRange: boolean): boolean {
  const { text, tokens, i, floor, ceil, after, names } = at;
  const prev = i > floor ? tokens[i - 1] : undefined;
  const prevLower = prev ? lower(prev) : '';
  const next = after < ceil ? tokens[after] : undefined;
  const nextLower = next ? lower(next) : '';
  const charBefore = text[amount.start - 1];
  const charAfter = text[amount.end];
  const digitAfter = (k: number) => /\d/.test(text[amount.end + k] ?? '');

  if ((charAfter === ':' || charAfter === '/') && digitAfter(1)) return true; // 3:30, 24/7, 9/11, 3/4
  if (charBefore === '-' || charBefore === '/' || charBefore === '+') return true; // "Su-27", "+44"
  if (charBefore === '[' && charAfter === ']') return true; // citation marks
  if (!amount.unit && amount.digits && CLOCK_WORDS.has(nextLower)) return true; // "3 pm", "1500 GMT"
  if (amount.bare && amount.value !== null && amount.value >= 1 && amount.value <= 31 && Number.isInteger(amount.value) &&
      (MONTHS.has(prevLower) || MONTHS.has(nextLower) || (nextLower === 'of' && after + 1 < ceil && MONTHS.has(lower(tokens[after + 1]!))))) {
    return true; // "June 17", "17 June", "the 17th of June"
  }
  if (isYearShaped(amount, text) && !isRange) {
    // a hedge alone does not make it a count ("until at least 2014", "around 2020"); a plural noun after it does
    const pre = qualifierBefore(tokens, i, floor);
    const np = countedPhrase(text, tokens, after, ceil, names);
    const pluralNoun = np !== null && isPlural(tokens[np.head]!) && !lower(tokens[np.head]!).endsWith('ing');
    const timeWord = pre ? pre.first > floor && TIME_PREPOSITIONS.has(lower(tokens[pre.first - 1]!)) : YEAR_PREPOSITIONS.has(prevLower);
    if (!pluralNoun || timeWord || MONTHS.has(prevLower)) return true;
  }
  if (!amount.bare) return isIdentifier(tokens, i, floor, amount, text) || (!amount.unit && FURNITURE_NOUNS.has(nextLower));
  if (prevLower === ',' && i - 3 >= floor && tokens[i - 2]!.kind === 'number' && MONTHS.has(lower(tokens[i - 3]!))) return true; // June 17, 2025
  if (charAfter === '-' && digitAfter(1)) return true; // codes like 555-0143
  // runs of bare numbers are phone numbers and codes ("020 7946 0958"), but "18 777s" is a count of models
  if (/^[ \u00a0]\d+(?![\dA-Za-z])/.test(text.slice(amount.end, amount.end + 12))) return true;
  if (prev && /^\d+$/.test(prev.text) && amount.start - prev.end <= 1) return true;
  if (prev?.text === '(' && next?.text === ')' && tokens[after + 1]?.kind === 'number') return true; // "(202) 555"
  if (text[amount.start] === '0' && amount.numberEnd - amount.start > 1) return true; // "001", "007": codes keep their zeros
  if (isIdentifier(tokens, i, floor, amount, text)) return true;
  // "page 3 of 10": the total of a label is a label too
  if (prevLower === 'of' && i - 3 >= floor && tokens[i - 2]!.kind === 'number' && IDENTIFIER_NOUNS.has(lower(tokens[i - 3]!))) return true;
  return FURNITURE_NOUNS.has(nextLower); // "12 comments", "5 min read"
}

/**
 * After the first amount: a second one joined by a dash, "to", "and" (after "between") or "or".
 * Returns the merged range, where to skip to when the pair is a score, a span of years or a code, or null.
 */
function readRangeEnd(
  text: string,
  tokens: Token[],
  i: number,
  a: Amount,
  limit: number,
  floor: number,
  prevLower: string,
): { amount: Amount; min: number; max: number } | { notAFigureUntil: number } | null {
  if (a.vague || a.value === null) return null;
  // the unit may be written once after both numbers ("30-40%") or after each ("5% to 7%", "$10m-$12m")
  const connectorAt = (at: number) => /^([ \t\u00a0]*)(-|–|—|to|and|or)([ \t\u00a0]*)/.exec(text.slice(at, at + 8));
  let joinAt = a.numberEnd;
  let m = connectorAt(joinAt);
  if (!m && a.end > a.numberEnd) {
    joinAt = a.end;
    m = connectorAt(joinAt);
  }
  if (!m) return null;
  const connector = m[2]!;
  const dash = connector === '-' || connector === '–' || connector === '—';
  if (!dash && !(m[1] && m[3])) return null;
  const bStart = joinAt + m[0].length;
  const b = readAmount(text, bStart, limit);
  if (!b || b.vague || b.value === null) return null;
  const notAFigure = { notAFigureUntil: b.end };
  if (a.bare && b.bare && isYearShaped(a, text) && isYearShaped(b, text)) return notAFigure; // "from 2009 to 2011", "2000 - 2050"
  if (connector === '-' && (m[1] || m[3])) return null; // " - " is punctuation, not a range
  if (dash && text[b.numberEnd] === '-' && /\d/.test(text[b.numberEnd + 1] ?? '')) return notAFigure; // 555-123-4567
  if (dash && a.bare && isYearShaped(a, text)) return notAFigure; // 2024-25, 1939-1945
  if (connector === 'and' && prevLower !== 'between') return null;
  if (connector === 'or' && !(a.singleWord || (a.value < 100 && b.value < 100)) ) return null;
  // after a unit, only a second amount in the same unit continues the range: "5% to 7%", not "3.2% or 37 points"
  if (joinAt > a.numberEnd && (connector === 'or' || b.unit !== a.unit)) return null;
  if (connector === 'to' && hasChangeCue(tokens, i, floor)) return null; // "rose from 3 to 5" is a change, not a range
  // scale and unit written once for both ends: "3-4 million", "$10-12 million", "between three and seven percent"
  let low = a.value;
  if (a.scale === 1 && b.scale > 1 && a.base <= b.base) low = a.base * b.scale;
  const unit = a.unit ?? b.unit;
  if (a.unit && b.unit && a.unit !== b.unit) return null;
  if (!(low < b.value)) {
    // "5-0", "3 – 2": scores and tallies, written high first
    return dash && a.bare && b.bare ? notAFigure : null;
  }
  const merged: Amount = {
    ...a,
    end: b.end,
    numberEnd: b.numberEnd,
    value: b.value,
    ...(unit ? { unit } : {}),
    bare: false,
    singleWord: false,
  };
  return { amount: merged, min: low, max: b.value };
}

/** A change verb or noun shortly before token i: "rose from", "a drop from", "cut ... from". */
function hasChangeCue(tokens: Token[], i: number, floor: number): boolean {
  for (let k = i - 1; k >= floor && k >= i - 8; k--) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'ADV' || t.pos === 'ADP' ? CHANGE_LEMMAS.has(t.lemma) : t.pos === 'NOUN' && CHANGE_NOUNS.has(t.lemma)) return true;
    if (t.text === '.' || t.text === ';') break;
  }
  return false;
}

/**
 * A number that names something: "Resolution 2397", "Flight 200", "Boeing 737", "page 3", "No. 1".
 * Grouped thousands ("Russia 5,000") are always counts: names do not use them.
 */
function isIdentifier(tokens: Token[], i: number, floor: number, a: Amount, text: string): boolean {
  if (i <= floor) return false;
  const prev = tokens[i - 1]!;
  const lp = lower(prev);
  if (IDENTIFIER_NOUNS.has(lp) && (a.digits || a.singleWord) && !a.unit) return true;
  // "the Big Three": a capitalised number word inside a name
  if (a.singleWord && /^[A-Z]/.test(text[a.start]!) && prev.pos === 'PROPN' && /^[A-Z]/.test(prev.text)) return true;
  if (a.unit || !a.digits || /,/.test(text.slice(a.start, a.numberEnd))) return false;
  if (prev.end !== a.start && !/^\s+$/.test(text.slice(prev.end, a.start))) return false;
  if (prev.kind === 'currency' || CURRENCY_CODES.has(prev.text) || MONTHS.has(lp)) return false;
  const capitalised = /^[A-Z]/.test(prev.text) || /^[a-z]+[A-Z]/.test(prev.text);
  if (prev.pos === 'PROPN' && capitalised) return true;
  // English counts stand before their noun; a bare number right after one labels it ("police posts 542")
  if (a.bare && prev.pos === 'NOUN' && !NUMBER_AFTER_NOUN.has(lp) && !lp.endsWith('ing')) return true;
  // "posts 542 and 543": the second label of a pair is a label too
  if (a.bare && (lp === 'and' || lp === 'or' || lp === ',') && i - 2 > floor && /^\d+$/.test(tokens[i - 2]!.text)) {
    const before = tokens[i - 2]!;
    const again = readAmount(text, before.start, before.end);
    if (again && isIdentifier(tokens, i - 2, floor, again, text)) return true;
  }
  return false;
}

/** Nouns a bare number may follow and still count or measure: "at age 80", "a total 500" (and gerunds, "killing 107"). */
const NUMBER_AFTER_NOUN = new Set(['age', 'total', 'tally', 'toll', 'count', 'score', 'population', 'turnout', 'height', 'weight']);

/**
 * Digit strings the document uses as names of things ("Boeing 737", "A380", "777s"): when the same
 * string appears bare elsewhere ("five new 737 aircraft") it is that name again, not a count.
 * Only three or more digits, so "iPhone 4" does not make every later 4 a name.
 */
function numbersUsedAsNames(text: string, tokens: Token[]): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(MODEL_SHAPES)) names.add(m[1] ?? m[2]!);
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    const c = t.text.charCodeAt(0);
    if (c < 48 || c > 57 || t.text.length < 3 || !/^\d+$/.test(t.text)) continue;
    const p = tokens[k - 1]!;
    if (p.pos === 'PROPN' && /^[A-Z]/.test(p.text) && p.end + 1 === t.start && !MONTHS.has(lower(p)) && p.kind !== 'currency' &&
        !CURRENCY_CODES.has(p.text) && p.sentence === t.sentence && !/^[ \u00a0]?[,.]\d/.test(text.slice(t.end, t.end + 2))) {
      names.add(t.text);
    }
  }
  return names;
}

/** "777s" (a model in the plural) and "A380", "MH-370" (letters glued to digits). */
const MODEL_SHAPES = /(?<![\d,.])(\d{3,})s\b|\b[A-Z]{1,3}-?(\d{3,})/g;

/** "20m": million when a noun follows ("20m people"), metres otherwise ("a 20m wall"). */
function settleMillionOrMetres(a: Amount, next: Token | undefined): Amount {
  const { ambiguousM: _drop, ...rest } = a;
  if (next && next.pos === 'NOUN' && next.lemma !== lower(next)) return rest;
  return { ...rest, value: a.base, scale: 1, unit: 'm' };
}

/** Paragraphs of a few tokens with no verb: bylines, captions, counters, share bars. */
function verblessShortParagraphs(tokens: Token[], sentences: Sentence[]): Set<number> {
  const size = new Map<number, number>();
  const hasVerb = new Set<number>();
  for (const s of sentences) {
    size.set(s.paragraph, (size.get(s.paragraph) ?? 0) + (s.tokenEnd - s.tokenStart));
    if (hasVerb.has(s.paragraph)) continue;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const p = tokens[k]!.pos;
      if (p === 'VERB' || p === 'AUX') {
        hasVerb.add(s.paragraph);
        break;
      }
    }
  }
  const out = new Set<number>();
  for (const [p, n] of size) if (n <= 8 && !hasVerb.has(p)) out.add(p);
  return out;
}

/**
 * Old and new values of one change, in the orders news writes them:
 * "from 34,000 to 11,000", "to 17% from 14%", "17%, up from 14%".
 */
function linkChanges(tokens: Token[], drafts: Draft[]): void {
  for (let k = 0; k + 1 < drafts.length; k++) {
    const a = drafts[k]!;
    const b = drafts[k + 1]!;
    const between = tokens.slice(a.last + 1, b.first).map(lower);
    const before = a.first > 0 ? lower(tokens[a.first - 1]!) : '';
    const joinedBy = between.join(' ');
    if (before === 'from' && joinedBy === 'to') link(b, a);
    else if (before === 'to' && joinedBy === 'from') link(a, b);
    else if (/^(?:, )?(?:up|down) from$/.test(joinedBy) || joinedBy === ', from' || /^(?:, )?(?:an? )?(?:increase|decrease|rise|drop|fall) from$/.test(joinedBy)) link(a, b);
  }
}

function link(newer: Draft, older: Draft): void {
  newer.changedFrom = older;
  // "from 34,000 to 11,000 troops": what the new value counts, the old one counted too
  if (!older.unit && !older.counts) {
    if (newer.unit) older.unit = newer.unit;
    if (newer.counts) older.counts = newer.counts;
  }
  if (!newer.unit && !newer.counts) {
    if (older.unit) newer.unit = older.unit;
    if (older.counts) newer.counts = older.counts;
  }
}

/**
 * Intended rather than existing: the amount is the object of a verb under "will"/"would" or of an
 * infinitive after a verb of intent ("agreed to send", "plans to deploy", "is to receive"), of a
 * verb of commitment ("pledged $5 billion"), is modified as planned ("a proposed 3,000"), or is
 * the subject of a future ("5,000 troops will arrive", "the 2,000 workers to be sent").
 */
function isPlanned(tokens: Token[], sentence: Sentence, d: Draft, all: Draft[]): boolean {
  const floor = sentence.tokenStart;
  const ceil = sentence.tokenEnd;
  // "would lie 300 km from the border": a distance or size placing something, not an amount handed over
  if (d.last + 1 < ceil && LOCATING_WORDS.has(lower(tokens[d.last + 1]!))) return false;
  // "a planned 5,000-strong force"
  let k = d.first - 1;
  if (k >= floor && INTENT_MODIFIERS.has(lower(tokens[k]!)) && (tokens[k]!.pos === 'ADJ' || (k - 1 >= floor && tokens[k - 1]!.pos === 'DET'))) return true;

  // the verb this amount is the object of, skipping determiners, adverbs and coordinated figures
  while (k >= floor && k >= d.first - 10) {
    const t = tokens[k]!;
    const earlierFigure = all.find((o) => o !== d && o.last === k);
    if (earlierFigure) {
      k = earlierFigure.first - 1;
      continue;
    }
    if (t.pos === 'VERB') break;
    if (t.pos === 'DET' || t.pos === 'ADV' || t.pos === 'CCONJ' || t.text === ',' || t.pos === 'PART') {
      k--;
      continue;
    }
    k = -1;
  }
  if (k >= floor && k >= d.first - 10 && tokens[k]!.pos === 'VERB') {
    const verb = tokens[k]!;
    if (COMMIT_LEMMAS.has(verb.lemma)) return true;
    let m = k - 1;
    while (m >= floor && (tokens[m]!.pos === 'ADV' || lower(tokens[m]!) === 'not' || lower(tokens[m]!) === "n't" || lower(tokens[m]!) === 'be')) m--;
    if (m >= floor) {
      const before = tokens[m]!;
      if (MODALS.has(lower(before))) return true;
      if (lower(before) === 'to') {
        let n = m - 1;
        while (n >= floor && tokens[n]!.pos === 'ADV') n--;
        if (n >= floor && (INTENT_LEMMAS.has(tokens[n]!.lemma) || INTENT_LEMMAS.has(lower(tokens[n]!)))) return true;
      }
    }
  }

  // the amount as subject of a future: "5,000 troops will arrive", "the workers to be sent"
  let f = d.last + 1;
  while (f < ceil && tokens[f]!.pos === 'ADV') f++;
  if (f < ceil) {
    const w = lower(tokens[f]!);
    // "1,200 staff will be hired": a passive future; "5,200 delegates will attend" are people who exist
    if (MODALS.has(w) && f + 2 < ceil && lower(tokens[f + 1]!) === 'be' && /(?:ed|en|wn|ne|t)$/.test(lower(tokens[f + 2]!)) && tokens[f + 2]!.pos === 'VERB') return true;
    if (w === 'to' && f + 1 < ceil && lower(tokens[f + 1]!) === 'be') return true;
    if ((w === 'is' || w === 'are' || w === 'was' || w === 'were') && f + 1 < ceil) {
      const w2 = lower(tokens[f + 1]!);
      if (w2 === 'to' || ((w2 === 'due' || w2 === 'set' || w2 === 'expected' || w2 === 'scheduled' || w2 === 'planned' || w2 === 'slated') &&
          f + 2 < ceil && lower(tokens[f + 2]!) === 'to')) {
        return true;
      }
    }
  }
  return false;
}

const LOCATING_WORDS = new Set(['from', 'away', 'north', 'south', 'east', 'west', 'off', 'long', 'wide', 'high', 'deep', 'tall', 'above', 'below', 'across']);

function finish(drafts: Draft[]): Figure[] {
  drafts.sort((a, b) => a.start - b.start);
  const ids = new Map<Draft, string>();
  drafts.forEach((d, n) => ids.set(d, `f${n + 1}`));
  return drafts.map((d) => {
    const { amountFirst: _a, amountEnd: _b, first: _f, last: _l, changedFrom, ...rest } = d;
    const figure: Figure = { id: ids.get(d)!, ...rest };
    if (changedFrom) figure.changedFrom = ids.get(changedFrom)!;
    return figure;
  });
}
