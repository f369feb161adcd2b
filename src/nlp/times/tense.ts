/**
 * The tense of the verb that governs a time expression, read from wink's POS tags and lemmas.
 *
 * "on Tuesday" means the Tuesday before the publication date in "officials said on Tuesday" and
 * the one after it in "talks will resume on Tuesday". English puts a time adverbial after the verb
 * it modifies, or at the head of the clause before it; so we take the nearest finite verb group to
 * the left, and the nearest to the right when the expression opens the clause. Gerunds and
 * infinitives carry no tense and are passed over ("fought ... until expelling them in April").
 */
import type { Segmented, Token } from '../segment.ts';

/**
 * 'perfect' is the present perfect ("has met", "has been scheduled"): the event is past, but a date
 * beside it is as often a deadline still ahead, so only weekdays treat it as past.
 */
export type Tense = 'past' | 'perfect' | 'present' | 'future' | 'none';

const FUTURE_AUX = new Set(['will', "'ll", '’ll', 'shall', 'wo']);
const CONDITIONAL = new Set(['would', 'could', 'might', 'may', 'should', "'d", '’d']);
const PRESENT_MODAL = new Set(['can', 'ca', 'must']);
const BE_PRESENT = new Set(['am', 'is', 'are', "'s", "'re", "'m", '’s', '’re', '’m']);
const BE_PAST = new Set(['was', 'were']);
const HAVE_PRESENT = new Set(['has', 'have', "'ve", '’ve']);
/** Verbs whose past form is their base form: tense cannot be read off the word. */
const SAME_IN_PAST = new Set([
  'put', 'set', 'cut', 'hit', 'let', 'cost', 'read', 'spread', 'hurt', 'shut', 'quit', 'bet', 'cast', 'burst',
  'broadcast', 'forecast', 'upset', 'beat', 'bid',
]);
const CLAUSE_BREAKS = new Set([';', ':', '—', '–', '(', ')']);
/** Verbs of scheduling point forward whatever their own tense: "a hearing was scheduled for June 3". */
const SCHEDULING = new Set(['schedule', 'reschedule', 'plan', 'slate', 'postpone', 'delay', 'adjourn', 'expect']);

type Reading = Tense | 'nonfinite';

const isVerbal = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';

function mainVerbReading(tokens: Token[], k: number, from: number): Reading {
  const t = tokens[k]!;
  const lower = t.text.toLowerCase();
  const lemma = t.lemma.toLowerCase();
  if (lower.endsWith('ing') && lower !== lemma) return 'nonfinite';
  if (lower === lemma) {
    const prev = k > from ? tokens[k - 1]!.text.toLowerCase() : '';
    if (prev === 'to') return 'nonfinite';
    if (SAME_IN_PAST.has(lower)) return 'nonfinite';
    return 'present';
  }
  if (lower === lemma + 's' || lower === lemma + 'es' || (lemma.endsWith('y') && lower === lemma.slice(0, -1) + 'ies')) return 'present';
  return 'past';
}

/** Tense of the verb group whose first word is tokens[k]. */
function groupReading(tokens: Token[], k: number, from: number, to: number): Reading {
  const t = tokens[k]!;
  const lower = t.text.toLowerCase();
  const next = (o: number) => (k + o < to ? tokens[k + o]!.text.toLowerCase() : '');
  if (FUTURE_AUX.has(lower)) return 'future';
  if (CONDITIONAL.has(lower)) {
    // "would have", "may have been": a past possibility
    for (let o = 1; o <= 3 && k + o < to; o++) {
      const w = next(o);
      if (w === 'have' || w === "'ve" || w === '’ve') return 'past';
      if (!(tokens[k + o]!.pos === 'PART' || tokens[k + o]!.pos === 'ADV')) break;
    }
    return 'future';
  }
  if (PRESENT_MODAL.has(lower)) return 'present';
  if (t.pos === 'AUX' || t.lemma === 'be' || t.lemma === 'have' || t.lemma === 'do') {
    if (BE_PRESENT.has(lower)) {
      if (next(1) === 'going' && next(2) === 'to') return 'future';
      if (next(1) === 'to' || next(1) === 'due' || next(1) === 'set' || next(1) === 'scheduled' || next(1) === 'expected') return 'future';
      return 'present';
    }
    if (BE_PAST.has(lower)) return 'past';
    if (HAVE_PRESENT.has(lower)) {
      // "has met", "has been": perfect; "has a deadline", "has to": possession or obligation, present
      for (let o = 1; o <= 3 && k + o < to; o++) {
        const f = tokens[k + o]!;
        if (f.pos === 'VERB' || f.pos === 'AUX') return mainVerbReading(tokens, k + o, from) === 'past' || f.text.toLowerCase() === 'been' ? 'perfect' : 'present';
        if (!(f.pos === 'PART' || f.pos === 'ADV')) break;
      }
      return 'present';
    }
    if (lower === 'had') return 'past';
    if (lower === 'did') return 'past';
    if (lower === 'do' || lower === 'does') return 'present';
    if (lower === 'be' || lower === 'been' || lower === 'being') return 'nonfinite';
  }
  return mainVerbReading(tokens, k, from);
}

/** First word of the verb group that tokens[k] belongs to: auxiliaries, negation and short adverbs before it. */
function groupStart(tokens: Token[], k: number, from: number): number {
  let s = k;
  let j = k - 1;
  while (j >= from && s - j <= 3) {
    const t = tokens[j]!;
    if (t.pos === 'AUX') s = j;
    else if (!(t.pos === 'PART' || t.pos === 'ADV')) break;
    j--;
  }
  return s;
}

/** The group's reading, overridden to future when its main verb is one of scheduling. */
function readGroup(tokens: Token[], g: number, last: number, from: number, to: number): Reading {
  const r = groupReading(tokens, g, from, to);
  if (r !== 'nonfinite' && SCHEDULING.has(tokens[last]!.lemma.toLowerCase()) && tokens[last]!.pos === 'VERB') return 'future';
  return r;
}

/**
 * Tense governing the expression over tokens [startToken, endToken) of a sentence. A line break
 * ends the search as a full stop would: headlines and datelines carry no final punctuation.
 */
export function governingTense(seg: Segmented, sentenceIndex: number, startToken: number, endToken: number): Tense {
  const s = seg.sentences[sentenceIndex];
  if (!s) return 'none';
  const tokens = seg.tokens;
  const lineBreakBefore = (k: number) => k > s.tokenStart && seg.text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes('\n');
  // leftwards: the verb the adverbial follows
  let k = startToken - 1;
  if (startToken < s.tokenEnd && lineBreakBefore(startToken)) k = s.tokenStart - 1;
  while (k >= s.tokenStart) {
    const t = tokens[k]!;
    if (CLAUSE_BREAKS.has(t.text)) break;
    if (isVerbal(t)) {
      const g = groupStart(tokens, k, s.tokenStart);
      const r = readGroup(tokens, g, k, s.tokenStart, s.tokenEnd);
      if (r !== 'nonfinite') return r;
      k = g - 1;
      continue;
    }
    if (lineBreakBefore(k)) break;
    k--;
  }
  // rightwards: the adverbial opens its clause
  k = endToken;
  while (k < s.tokenEnd) {
    const t = tokens[k]!;
    if (CLAUSE_BREAKS.has(t.text) || lineBreakBefore(k)) break;
    if (isVerbal(t)) {
      let last = k;
      while (last + 1 < s.tokenEnd && (isVerbal(tokens[last + 1]!) || tokens[last + 1]!.pos === 'PART')) last++;
      const r = readGroup(tokens, k, last, s.tokenStart, s.tokenEnd);
      if (r !== 'nonfinite') return r;
      k = last;
    }
    k++;
  }
  return 'none';
}
