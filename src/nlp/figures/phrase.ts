/**
 * The words around an amount, read over wink tokens: the hedge before it ("as many as"), the hedge
 * after it ("or more"), the noun phrase it counts ("5,000 construction workers"), and the rate it
 * is given at ("$800 a month"). Each function takes token indices bounded by the sentence and
 * returns token indices, so the stage can build spans from token offsets.
 */
import type { Token } from '../segment.ts';
import { INVARIANT_PLURALS, POST_QUALIFIERS, PRE_QUALIFIERS, RATE_ADVERBS, TIME_UNITS, type QualifierWord } from './lexicon.ts';

const PRE_BY_LENGTH = [...PRE_QUALIFIERS].sort((a, b) => b[0].length - a[0].length);

export function lower(t: Token): string {
  return t.text.toLowerCase();
}

/** The hedge that ends right before token `at` (exclusive), not reaching before `floor`. */
export function qualifierBefore(tokens: Token[], at: number, floor: number): { qualifier: QualifierWord; first: number } | null {
  for (const [words, qualifier] of PRE_BY_LENGTH) {
    const first = at - words.length;
    if (first < floor) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      if (lower(tokens[first + k]!) !== words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { qualifier, first };
  }
  return null;
}

/** The hedge that starts at token `at`: "or more", "or so". Returns the index after it. */
export function qualifierAfter(tokens: Token[], at: number, ceil: number): { qualifier: QualifierWord; next: number } | null {
  for (const [words, qualifier] of POST_QUALIFIERS) {
    if (words[0] === 'plus' || words[0] === 'odd') continue; // only glued: "200-plus", "5,000-odd"
    if (at + words.length > ceil) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      if (lower(tokens[at + k]!) !== words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { qualifier, next: at + words.length };
  }
  return null;
}

/** Words that start a time or comparison after a number, not a counted noun: "rose 15,000 last week". */
const NOT_COUNTED_FIRST = new Set(['last', 'next', 'previous', 'following', 'same', 'such', 'earlier', 'later']);

const COMPARATIVES = new Set(['more', 'fewer', 'less']);

const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter']);

/** Singular nouns a bare number may still measure: "the 5000 mark", "the 10,000 level". */
const LEVEL_NOUNS = new Set(['mark', 'level', 'threshold', 'barrier', 'milestone', 'figure', 'line']);

const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'these', 'those', 'this', 'that', 'all']);

export type NounPhrase = {
  /** First token of the whole phrase including "of the" for partitives. */
  first: number;
  /** First token of the counted words (after "of" and any determiner). */
  countsFirst: number;
  /** Last token of the phrase (its head), inclusive. */
  head: number;
  /** The head looks singular ("airliner", not "airliners" or "aircraft"), outside a partitive. */
  singularHead: boolean;
};

function isNounish(t: Token): boolean {
  return t.pos === 'NOUN' || t.pos === 'PROPN';
}

function glued(a: Token, b: Token): boolean {
  return a.end === b.start;
}

/**
 * The noun phrase an amount counts, starting at token `at`: adjectives, nouns and names up to the
 * last noun ("North Korean construction workers"), or after "of" for magnitudes and partitives
 * ("thousands of workers", "two of the engines"). Stops at anything that is not part of a noun phrase.
 */
export function countedPhrase(text: string, tokens: Token[], at: number, ceil: number, names: ReadonlySet<string>): NounPhrase | null {
  let j = at;
  const first = at;
  const partitive = j < ceil && lower(tokens[j]!) === 'of';
  if (partitive) {
    j++;
    if (j < ceil && DETERMINERS.has(lower(tokens[j]!))) j++;
  }
  // "3,000 more troops": the comparison belongs to the figure's span, not to what it counts
  if (j < ceil && COMPARATIVES.has(lower(tokens[j]!)) && j + 1 < ceil && isNounish(tokens[j + 1]!)) j++;
  const countsFirst = j;
  if (j < ceil && NOT_COUNTED_FIRST.has(lower(tokens[j]!))) return null;
  let head = -1;
  let taken = 0;
  while (j < ceil && taken < 8) {
    const t = tokens[j]!;
    const next = tokens[j + 1];
    // a line break ends the phrase: headlines and datelines run on without punctuation
    if (j > 0 && text.slice(tokens[j - 1]!.end, t.start).includes('\n')) break;
    if (NOT_COUNTED_FIRST.has(lower(t)) || SEASONS.has(lower(t))) break; // "900 soldiers next spring"
    if (t.pos === 'ADJ' || isNounish(t)) {
      if (taken === 0 && TIME_UNITS.has(lower(t))) return null;
      if (t.kind === 'number' || t.kind === 'currency' || t.kind === 'punctuation') break;
      // a name after a common noun is an apposition: "two veteran politicians Lee and Ho"
      if (t.pos === 'PROPN' && head >= 0 && tokens[head]!.pos === 'NOUN') break;
      // a tagger slip: "100,000 Greeks worship the gods" has a verb where a noun was guessed
      if (head >= 0 && t.pos === 'NOUN' && isPlural(tokens[head]!) && !isPlural(t) && next && (next.pos === 'DET' || next.pos === 'PRON')) break;
      if (isNounish(t)) head = j;
    } else if (t.text === '-' && next && j > countsFirst && glued(tokens[j - 1]!, t) && glued(t, next)) {
      // hyphenated modifiers: "mid-air tanker aircraft"
    } else if ((t.text === "'s" || t.text === '’s') && j > countsFirst && tokens[j - 1]!.pos === 'PROPN' && next &&
               (next.pos === 'ADJ' || isNounish(next))) {
      // possessive names inside a partitive: "of Boeing's larger planes"
    } else if (t.pos === 'VERB' && head < 0 && /(?:ing|ed)$/.test(t.text) && next && next.pos === 'NOUN') {
      // participles as modifiers before the noun: "refuelling tankers", "displaced people"
    } else if (t.pos === 'NUM' && j > countsFirst && /^\d+$/.test(t.text) && (tokens[j - 1]!.pos === 'PROPN' || names.has(t.text))) {
      // a model number inside the phrase: "Boeing 787 aircraft", "new 787 aircraft"
    } else break;
    j++;
    taken++;
  }
  if (head < 0) return null;
  const h = tokens[head]!;
  const lh = lower(h);
  const singularHead = !partitive && !isPlural(h) && !LEVEL_NOUNS.has(lh);
  return { first, countsFirst, head, singularHead };
}

/** Plural by form or by the lemmatiser ("workers", "men", "A320s"), or a noun the same in both numbers. */
export function isPlural(t: Token): boolean {
  const w = lower(t);
  if (INVARIANT_PLURALS.has(w)) return true;
  if (t.pos === 'PROPN') return /[^'’]s$/.test(t.text);
  return t.lemma !== w || w.endsWith('s');
}

const TIME_ANCHORS = new Set(['ago', 'earlier', 'before', 'later', 'after', 'previously', 'back']);
const RATE_ARTICLES = new Set(['a', 'an', 'per', 'each', 'every']);
const RATE_NOUNS_AFTER_ARTICLE = new Set(['head', 'person', 'capita', 'share', 'piece', 'unit', 'barrel', 'household', 'family', 'passenger', 'visit', 'trip', 'ticket']);

/** A rate after the amount or phrase: "a month", "per day", "per share", "annually". */
export function rateAfter(tokens: Token[], at: number, ceil: number): { per: string; last: number } | null {
  if (at >= ceil) return null;
  const t = tokens[at]!;
  const lt = lower(t);
  if (RATE_ADVERBS.has(lt)) return { per: RATE_ADVERBS.get(lt)!, last: at };
  if (t.text === '/' && at + 1 < ceil && glued(t, tokens[at + 1]!)) {
    const n = lower(tokens[at + 1]!);
    if (TIME_UNITS.has(n)) return { per: singular(n, tokens[at + 1]!.lemma), last: at + 1 };
    return null;
  }
  if (!RATE_ARTICLES.has(lt) || at + 1 >= ceil) return null;
  const n = tokens[at + 1]!;
  if (n.pos !== 'NOUN' && n.pos !== 'PROPN') return null;
  const ln = lower(n);
  if (lt !== 'per' && at + 2 < ceil && TIME_ANCHORS.has(lower(tokens[at + 2]!))) return null; // "14% a year ago" is when, not a rate
  if (lt === 'per' || TIME_UNITS.has(ln) || RATE_NOUNS_AFTER_ARTICLE.has(ln)) {
    return { per: singular(ln, n.lemma), last: at + 1 };
  }
  return null;
}

function singular(word: string, lemma: string): string {
  if (word === 'capita') return 'capita';
  return lemma || word;
}

