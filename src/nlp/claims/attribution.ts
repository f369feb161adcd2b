/**
 * Finds attributions — source, cue, content — in segmented text, working on token indices.
 *
 * The grammar is the one news writing uses, read off the order of the three parts around a cue:
 *   forward      SOURCE CUE (recipient) CONTENT          "The minister said (that) ..."
 *   backward     CONTENT, SOURCE CUE | CONTENT, CUE SOURCE  "..., the minister said." / "..., said Ms. Ruiz."
 *   parenthetical CONTENT, SOURCE CUE, CONTENT           "The talks, she said, will resume."
 *   participle   MAIN CLAUSE, CUE-ing CONTENT             "..., saying that ..."
 *   according    according to SOURCE, CONTENT | CONTENT, according to SOURCE
 * Contents are clipped where a sibling attribution begins (", when officials said ...") and a cue
 * inside another attribution's content is left alone: PolNeAR and analysts alike want the outer one.
 * Quoted sentences that follow an attribution and carry no cue of their own continue its content.
 */
import type { Segmented, Token } from '../segment.ts';
import {
  CHANNEL_NOUNS,
  CLAUSE_OPENERS,
  CUE_CHANNELS,
  CUE_VERBS,
  GROUP_ADVERBS_RIGHT,
  RECIPIENT_NOUNS,
  WEEKDAYS,
  MONTHS,
  followerClass,
  isParticiple,
  learnedCueRate,
  leadsInfinitiveCue,
  mayBeCue,
  adjectiveCueRate,
  particleInCue,
  type CueFrame,
} from './lexicon.ts';
import { findQuotes, isQuoteMark, type Quote } from './quotes.ts';
import { verifierFeatures, verifyAttributions } from './verify.ts';

/** Token range [start, end). */
export type Range = [number, number];

export type Attribution = {
  sentence: number;
  /** The head verb (or "according"). */
  head: number;
  cue: Range;
  source?: Range;
  content: Range[];
  negated: boolean;
  omission: boolean;
  /** How the parts were found; callers use it to date and resolve. */
  shape: 'forward' | 'backward' | 'parenthetical' | 'participle' | 'according';
};

type Doc = {
  seg: Segmented;
  tokens: Token[];
  lower: string[];
  /** Index into `quotes` of the quotation a token lies in, or -1. */
  inQuote: Int32Array;
  quotes: Quote[];
  /** Per token: OPENS when it is (part of) a quotation's opening mark, CLOSES for a closing one. */
  edge: Uint8Array;
  /** Per sentence: its token range, with closing quote marks the tagger split off moved back. */
  bounds: Int32Array;
};

const OPENS = 1;
const CLOSES = 2;
const QUOTE_CHARS = /^["“”'`‘’]+$/;

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'X']);
const NP_INNER_ADP = new Set(['of', 'for', 'at', 'from', 'with', 'on', 'in']);
const SIBLING_OPENERS = new Set([
  'when', 'while', 'as', 'but', 'and', 'whereas', 'although', 'though', 'after', 'before', 'because', 'since', 'even',
]);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);
/** Adverbial particles of phrasal cues: "pointed out", "shot back", "spoke up". */
const PHRASAL_PARTICLES = new Set(['out', 'back', 'up']);
const PERCEPTION = new Set(['see', 'hear', 'watch', 'show', 'find', 'notice', 'observe', 'spot']);
const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no']);
const END_PUNCT = new Set(['.', '!', '?', '…']);
const WITHHOLDING_VERBS = new Set([
  'comment', 'say', 'confirm', 'discuss', 'elaborate', 'specify', 'identify', 'disclose', 'reveal', 'answer',
  'respond', 'give', 'provide', 'address', 'explain', 'mention', 'name', 'release', 'detail',
]);

export function findAttributions(seg: Segmented): Attribution[] {
  const doc = prepare(seg);
  return verifyAttributions(doc, attributionsOf(doc));
}

/**
 * Every attribution the rules find, before the learned verifier (verify.ts) looks at them, each with
 * the features it reads: what scripts/train-claim-verifier.ts learns from.
 */
export function unverifiedAttributions(seg: Segmented): { attribution: Attribution; features: string[] }[] {
  const doc = prepare(seg);
  return attributionsOf(doc).map((attribution) => ({ attribution, features: verifierFeatures(doc, attribution) }));
}

function attributionsOf(doc: Doc): Attribution[] {
  const { seg } = doc;
  const out: Attribution[] = [];
  for (const s of seg.sentences) {
    const lo = datelineEnd(doc, doc.bounds[2 * s.index]!, doc.bounds[2 * s.index + 1]!);
    const found = attributionsInSentence(doc, s.index, lo, doc.bounds[2 * s.index + 1]!);
    out.push(...found);
  }
  attachQuotedContinuations(doc, out);
  // fragments that touch (a quotation continued sentence by sentence) are one stretch of text
  for (const a of out) a.content = mergeTouching(a.content);
  return out;
}

/**
 * "SEOUL, Jan 22 (Meridian Wire) - ...", "WASHINGTON (AP) — ...": a dateline opening a story is
 * the wire's, not part of any sentence's content. Returns where the sentence proper begins.
 */
function datelineEnd(doc: Doc, lo: number, hi: number): number {
  const { tokens } = doc;
  const first = tokens[lo];
  const c = first?.text.charCodeAt(1) ?? 0;
  // cheap test first: the second letter of a dateline's city is a capital too
  if (!first || first.text.length < 2 || c < 65 || c > 90 || !/^\p{Lu}[\p{Lu}.'’-]*$/u.test(first.text)) return lo;
  for (let k = lo + 1; k < hi && k - lo <= 14; k++) {
    const t = tokens[k]!.text;
    if (t === '-' || t === '—' || t === '–' || t === '--') return k + 1 < hi && tokens[k]!.start > tokens[k - 1]!.end ? k + 1 : lo;
    if (tokens[k]!.pos === 'VERB' || END_PUNCT.has(t)) return lo;
  }
  return lo;
}

function anyIn(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (set.has(words[k]!)) return true;
  return false;
}

function mergeTouching(ranges: Range[]): Range[] {
  if (ranges.length < 2) return ranges;
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: Range[] = [sorted[0]!];
  for (const r of sorted.slice(1)) {
    const last = out[out.length - 1]!;
    if (r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function prepare(seg: Segmented): Doc {
  const tokens = seg.tokens;
  const quotes = findQuotes(seg.text, seg.paragraphs);
  const inQuote = new Int32Array(tokens.length).fill(-1);
  const edge = new Uint8Array(tokens.length);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    if (q < quotes.length && quotes[q]!.start <= t.start && t.end <= quotes[q]!.end) {
      inQuote[i] = q;
      if (t.start === quotes[q]!.start) edge[i] = OPENS;
      else if (t.end === quotes[q]!.end && QUOTE_CHARS.test(t.text)) edge[i] = CLOSES;
    }
  }
  // a two-character mark ('') may come as two tokens: the second half opens, the first half closes
  for (let i = 1; i < tokens.length; i++) {
    if (edge[i - 1] === OPENS && !edge[i] && QUOTE_CHARS.test(tokens[i]!.text) && QUOTE_CHARS.test(tokens[i - 1]!.text) && tokens[i]!.start === tokens[i - 1]!.end) edge[i] = OPENS;
  }
  for (let i = tokens.length - 2; i >= 0; i--) {
    if (edge[i + 1] === CLOSES && !edge[i] && QUOTE_CHARS.test(tokens[i]!.text) && tokens[i]!.end === tokens[i + 1]!.start && inQuote[i] === inQuote[i + 1]) edge[i] = CLOSES;
  }
  // the tagger ends a sentence inside a closing '' ("... see.' | ' He said"): give the mark back
  const bounds = new Int32Array(seg.sentences.length * 2);
  seg.sentences.forEach((s, n) => {
    bounds[2 * n] = s.tokenStart;
    bounds[2 * n + 1] = s.tokenEnd;
  });
  for (let n = 1; n < seg.sentences.length; n++) {
    let k = bounds[2 * n]!;
    while (k < bounds[2 * n + 1]! && edge[k] === CLOSES && inQuote[k - 1] === inQuote[k]) k++;
    // ... and begins one in the mark that opens the next quotation ("... East. ' | 'They ...")
    while (k - 1 > bounds[2 * n - 2]! && edge[k - 1] === OPENS && inQuote[k - 1] === inQuote[k]) k--;
    if (k !== bounds[2 * n]!) {
      bounds[2 * n - 1] = k;
      bounds[2 * n] = k;
    }
  }
  // the tagger ends a sentence after "(R-Fla.)" or inside '“You lie!” he yelled': a sentence that
  // opens in lower case, in the same paragraph, continues the one before (which then takes its tokens)
  let open = 0;
  for (let n = 1; n < seg.sentences.length; n++) {
    const k = bounds[2 * n]!;
    if (k < bounds[2 * n + 1]! && /^[a-z]/.test(tokens[k]!.text) && seg.sentences[n]!.paragraph === seg.sentences[open]!.paragraph && bounds[2 * open + 1] === k) {
      bounds[2 * open + 1] = bounds[2 * n + 1]!;
      bounds[2 * n] = bounds[2 * n + 1]!;
    } else open = n;
  }
  return { seg, tokens, lower: tokens.map((t) => t.text.toLowerCase()), inQuote, quotes, edge, bounds };
}

const opens = (doc: Doc, k: number) => doc.edge[k] === OPENS;
const closes = (doc: Doc, k: number) => doc.edge[k] === CLOSES;
/** A quotation mark: paired by findQuotes, or a stray mark that opened a quote to the paragraph end. */
const isMark = (doc: Doc, k: number) => doc.edge[k] !== 0 || isQuoteMark(doc.tokens[k]?.text ?? '');

/**
 * wink now and then tags a reporting verb as a noun ("Six in 10 say ...", "records show",
 * "who support Sanders", "Viguerie notes that"). A cue verb right after a subject it agrees with,
 * in lower case, and followed by what a verb takes (an object, a clause), is read as the verb.
 */
function mistaggedVerb(doc: Doc, i: number, lo: number, frame: CueFrame | undefined): boolean {
  const { tokens, lower } = doc;
  const t = tokens[i]!;
  if (t.pos !== 'NOUN' || t.text !== lower[i] || i === lo) return false;
  const prev = tokens[i - 1]!;
  const p = lower[i - 1]!;
  const next = tokens[i + 1];
  // "30 states", "the reports": a plural after a number or determiner is the noun it looks like
  if (/s$/.test(t.text) && (prev.pos === 'NUM' || prev.pos === 'DET' || prev.pos === 'ADJ')) return false;
  // "state media", "the say-so": a noun right after makes it the noun it was tagged as
  if (next && ((next.pos === 'NOUN' && !(frame && !frame.inverts && /s$/.test(next.text))) || next.text === '-' || next.pos === 'CCONJ')) return false;
  // "... in Western states.": before a full stop only the inverted order reads as a verb ("..., Hong says.")
  if ((!next || next.pos === 'PUNCT') && !isMark(doc, i + 1) && next?.text !== ':' && !backwardSubject(doc, i - 1, lo)) return false;
  // "..., records show." closes its sentence after a short subject, whatever the verb; otherwise
  // what follows must be what a verb takes, for verbs of saying too ("in swing states trying to
  // hold ...": held-out train cue 67.58 -> 67.69, 52 fewer false cues)
  if (next && !((next.pos === 'PUNCT' && END_PUNCT.has(next.text) && backwardSubject(doc, i - 1, lo)) || next.pos === 'PROPN' || next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'NUM' || next.pos === 'ADJ' || next.pos === 'SCONJ' || CLAUSE_OPENERS.has(lower[i + 1]!) || isMark(doc, i + 1) || next.text === ':' || (next.pos === 'NOUN' && /s$/.test(next.text)))) return false;
  const third = /[^s]s$/.test(t.text);
  // "news", "crisis", "census", "politics" end in s without being plural
  const plural = (prev.pos === 'NOUN' || prev.pos === 'PROPN') && /[^s']s$/.test(prev.text) && !/(us|is|ics|news|series|species)$/i.test(prev.text);
  if (prev.pos === 'PROPN') {
    // "the Trump plan": a name used as a modifier, not a subject
    if (i - 2 >= lo && (tokens[i - 2]!.pos === 'DET' || lower[i - 2] === "'s" || lower[i - 2] === '’s') && !(i - 3 >= lo && tokens[i - 2]!.pos === 'PROPN')) return false;
    return third ? !plural : plural || !!frame?.inverts;
  }
  if (QUANTIFIER_HEADS.has(p) && prev.pos !== 'NOUN') return !third;
  if (prev.pos === 'PRON') return third ? /^(he|she|it|who|that)$/.test(p) : /^(they|we|i|you|who|that)$/.test(p);
  if (prev.pos === 'NUM') return !third;
  if (prev.pos === 'NOUN') return third ? !plural : plural;
  return false;
}

/** Whether the words before `end` (inclusive) are a short subject opened by a comma or a closing quote. */
function backwardSubject(doc: Doc, end: number, lo: number): boolean {
  for (let k = end; k >= lo && end - k < 6; k--) {
    const t = doc.tokens[k]!;
    if (t.text === ',' || closes(doc, k)) return k < end;
    if (!(t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'PRON' || t.pos === 'NUM')) return false;
  }
  return false;
}

type Candidate = { head: number; frame: CueFrame; according: boolean; learned: boolean; score: number; adjective?: boolean };

/** Learned cue rates above which a verb fires: lower for verbs the hand lexicon lists. */
const KNOWN_CUE_RATE = 0.3;
/** Followers that open what a verb of saying reports. */
const CLAUSE_FOLLOWERS = new Set(['that', 'wh', 'quote', 'colon']);
const NEW_CUE_RATE = 0.6;


/**
 * How confidently token i heads a cue: the counted rate of its lemma before this kind of word, a
 * fixed confidence for hand-listed verbs the table has too little evidence on; NaN where it does not.
 */
function cueScore(doc: Doc, i: number, lo: number, hi: number): number {
  const t = doc.tokens[i]!;
  if (!mayBeCue(t.lemma)) return NaN;
  const known = CUE_VERBS.get(t.lemma);
  // "self-described", "much-criticised": the second half of a compound is an adjective
  const prev = doc.tokens[i - 1];
  if (prev && i > lo && prev.text === '-' && prev.end === t.start) return NaN;
  const verb = t.pos === 'VERB' || mistaggedVerb(doc, i, lo, known);
  if (!verb) return NaN;
  // f: where what the verb takes begins
  let f = i + 1;
  let follower = followerClass(doc.tokens[f], doc.tokens[f + 1]);
  // "estimated last month that …", "warned on Tuesday that …": what the verb takes is read past a
  // time adjunct, as the cue's content is (skipAdjuncts)
  if (!CLAUSE_FOLLOWERS.has(follower)) {
    const j = skipAdjuncts(doc, f, hi);
    const past = j > f ? followerClass(doc.tokens[j], doc.tokens[j + 1]) : undefined;
    if (past && CLAUSE_FOLLOWERS.has(past)) [f, follower] = [j, past];
  }
  if (follower === 'inf' && leadsInfinitiveCue(t.lemma)) return NaN;
  const rate = learnedCueRate(t.lemma, follower);
  if (rate === undefined) return known ? 1 : NaN;
  // before a clause or quotation a counted verb is held to the hand lexicon's rate: the follower
  // already says much of what the lexicon would (cross-validated on train: 0.3 beat 0.6, 0.45
  // and 0.2)
  // ("would deepen that arrangement": a determiner "that" opens no clause)
  const determiner = follower === 'that' && doc.tokens[f + 1]?.pos === 'NOUN' && !/^(VERB|AUX|NOUN|PROPN|PART)$/.test(doc.tokens[f + 2]?.pos ?? '');
  const clause = CLAUSE_FOLLOWERS.has(follower) && !determiner;
  return rate < (known || clause ? KNOWN_CUE_RATE : NEW_CUE_RATE) ? NaN : rate;
}

/**
 * "spokeswoman Hope Hicks said", "chief executive Ian Read said": a capitalised word the tagger took
 * for a verb is part of a name when a name follows it after a common noun, or when it follows a
 * name and a verb of saying follows it.
 */
function nameWord(doc: Doc, i: number, lo: number): boolean {
  const { tokens } = doc;
  const t = tokens[i]!;
  if (i === lo || !CAPITALISED.test(t.text) || t.text === t.text.toUpperCase()) return false;
  const prev = tokens[i - 1]!;
  const next = tokens[i + 1];
  if (next?.pos === 'PROPN' && (prev.pos === 'NOUN' || prev.pos === 'ADJ') && !CAPITALISED.test(prev.text)) return true;
  return prev.pos === 'PROPN' && !!next && (next.pos === 'VERB' || next.pos === 'AUX') && !!CUE_VERBS.get(next.lemma)?.inverts;
}

/**
 * "a group called Black Votes Matter", "a class called “Perception”": "called" right after a noun,
 * with only the name after it, names a thing and attributes nothing.
 */
function naming(doc: Doc, i: number, hi: number): boolean {
  const { tokens, lower } = doc;
  if (lower[i] !== 'called' || !(tokens[i - 1]?.pos === 'NOUN' || lower[i - 1] === 'one')) return false;
  let m = i + 1;
  if (tokens[m]?.pos === 'DET') m++;
  const first = m;
  if (doc.inQuote[m]! >= 0) {
    // a quoted name: the whole quotation
    const q = doc.inQuote[m]!;
    while (m < hi && doc.inQuote[m] === q) m++;
  } else {
    // a name: capitalised words (no quotation after it, which would make it an object and its label)
    while (m < hi && doc.inQuote[m]! < 0 && (tokens[m]!.pos === 'PROPN' || CAPITALISED.test(tokens[m]!.text) || tokens[m]!.text.startsWith('#'))) m++;
  }
  if (m === first || (m < hi && doc.inQuote[m]! >= 0)) return false;
  const next = tokens[m];
  return !next || next.pos === 'PUNCT' || next.pos === 'VERB' || next.pos === 'AUX' || lower[m] === 'which' || lower[m] === 'that' || (next.pos === 'ADP' && lower[m] !== 'as');
}

/** Adverbs of place that follow a subject rather than belong to its verb group. */
const LOCATIVE_ADVERBS = new Set(['here', 'there']);

/** Copulas before an adjective of stance: "is confident", "seemed skeptical", "remains hopeful". */
const COPULAS = new Set(['be', 'seem', 'remain', 'appear', 'feel', 'become', 'sound', 'grow', 'look', 'get', 'stay']);
/** Counted rate above which an adjective after a copula is read as a cue. */
const ADJECTIVE_CUE_RATE = 0.5;

/** The copula an adjective at `i` is predicated by (adverbs may stand between), or -1. */
function copulaBefore(doc: Doc, i: number, lo: number): number {
  let k = i - 1;
  while (k >= lo && doc.tokens[k]!.pos === 'ADV') k--;
  return k >= lo && COPULAS.has(doc.tokens[k]!.lemma) ? k : -1;
}

function adjectiveScore(doc: Doc, i: number, lo: number): number {
  if (copulaBefore(doc, i, lo) < 0) return NaN;
  const rate = adjectiveCueRate(doc.tokens[i]!.lemma, followerClass(doc.tokens[i + 1], doc.tokens[i + 2]));
  return rate !== undefined && rate >= ADJECTIVE_CUE_RATE ? rate : NaN;
}

/**
 * "Viguerie is upbeat about Cruz's chances", "Republicans were skeptical that ...": an adjective of
 * stance predicated of a source. The cue runs from the copula's verb group through the adjective
 * and the preposition that links it to what the source holds.
 */
function readAdjectiveCue(doc: Doc, head: number, sentence: number, lo: number, hi: number): Attribution | undefined {
  const { tokens, lower } = doc;
  const a = verbGroupStart(doc, copulaBefore(doc, head, lo), lo);
  let b = head + 1;
  if (b < hi && tokens[b]!.pos === 'ADP' && lower[b] !== 'that' && !(lower[b] === 'to' && (tokens[b + 1]?.pos === 'VERB' || tokens[b + 1]?.pos === 'AUX'))) b++;
  const end = trimEnd(doc, lo, hi);
  if (b >= end || tokens[b]!.pos === 'PUNCT' && !isMark(doc, b)) return undefined;
  let source = subjectBefore(doc, a, lo) ?? coordinatedSubject(doc, a, lo);
  // "it is unclear whether ...": an empty subject is no source
  if (source && source[1] - source[0] === 1 && /^(it|there)$/.test(lower[source[0]]!)) source = undefined;
  const negated = anyIn(lower, a, head, NEGATORS);
  return { sentence, head, cue: [a, b], source, content: [forwardContent(doc, b, end)], negated, omission: false, shape: 'forward' };
}

/** An "according to" phrase is a cue whatever surrounds it. */
const ACCORDING_CONFIDENCE = 20;
/** How much surer a cue inside another's content must be to stand in its place. */
const NEST_MARGIN = 3;

function attributionsInSentence(doc: Doc, sentence: number, lo: number, hi: number): Attribution[] {
  const { tokens, lower, inQuote } = doc;
  const candidates: Candidate[] = [];
  for (let i = lo; i < hi; i++) {
    if (inQuote[i]! >= 0) continue;
    if (lower[i] === 'according' && lower[i + 1] === 'to' && i + 2 < hi) {
      candidates.push({ head: i, frame: {}, according: true, learned: false, score: ACCORDING_CONFIDENCE });
      continue;
    }
    // other cues are verbs (or nouns the tagger took for them) and adjectives of stance
    const pos = tokens[i]!.pos;
    if (!(pos === 'VERB' || pos === 'NOUN' || pos === 'ADJ')) continue;
    if (tokens[i]!.pos === 'ADJ') {
      const rate = adjectiveScore(doc, i, lo);
      if (!Number.isNaN(rate)) candidates.push({ head: i, frame: {}, according: false, learned: true, score: rate, adjective: true });
      continue;
    }
    const score = cueScore(doc, i, lo, hi);
    if (Number.isNaN(score) || naming(doc, i, hi)) continue;
    if (nameWord(doc, i, lo)) continue;
    const known = CUE_VERBS.get(tokens[i]!.lemma);
    const frame = known ?? {};
    // "wants to build": the second verb is part of the first one's content; but "declined to
    // comment", "went on to say" are one cue, read from the verb of saying
    const prev = candidates[candidates.length - 1];
    if (prev && !prev.according && lower[i - 1] === 'to' && i - 1 > prev.head && i - 1 - prev.head <= 2) {
      if (!(known?.inverts || known?.omissible)) continue;
      candidates.pop();
    }
    candidates.push({ head: i, frame, according: false, learned: learnedCueRate(tokens[i]!.lemma, 'np') !== undefined, score });
  }
  // "Graham: Trump's rhetoric is destroying the party": a headline's speaker holds every verb after
  // the colon, cue or not
  const headline = headlineSpeaker(doc, sentence, lo, hi) ?? dashSpeaker(doc, sentence, lo, hi);
  if (headline) return [headline];
  if (!candidates.length) {
    const poll = pollFrame(doc, sentence, lo, hi);
    return poll ? [poll] : [];
  }

  const accepted: Attribution[] = [];
  const confidence = new Map<Attribution, number>();
  const poll = pollFrame(doc, sentence, lo, hi);
  if (poll) {
    accepted.push(poll);
    confidence.set(poll, ACCORDING_CONFIDENCE);
  }
  for (const c of candidates) {
    // a cue inside an accepted attribution's content is nested in it, unless a clause boundary
    // makes it a sibling (", when officials said ...", ", saying ..."), or it is far the surer cue
    // of the two ("If the bill passes, ... Hong said": "passes" reports nothing)
    // "“...,” the judge said, according to the Post": the report holds the judge's words; PolNeAR
    // (25 to 2 on train) marks only the outer attribution
    if (c.according && !isClauseStart(doc, c.head, lo) && accepted.length) {
      const outer = readAccording(doc, c.head, sentence, lo, hi);
      if (outer) {
        accepted.length = 0;
        accepted.push(outer);
        confidence.set(outer, c.score);
        continue;
      }
    }
    const holder = accepted.find((a) => a.content.some(([s, e]) => c.head >= s && c.head < e));
    if (holder) {
      let cut = siblingBoundary(doc, holder, c.head, lo);
      if (cut < 0) cut = sayingSibling(doc, holder, c, lo);
      if (cut >= 0) clipContent(holder, cut);
      else if (c.score > confidence.get(holder)! + NEST_MARGIN || closingReport(doc, c.head, lo, hi)) accepted.splice(accepted.indexOf(holder), 1);
      else continue;
    }
    const a = c.according ? readAccording(doc, c.head, sentence, lo, hi) : c.adjective ? readAdjectiveCue(doc, c.head, sentence, lo, hi) : readVerbCue(doc, c, sentence, lo, hi, accepted);
    if (!a) continue;
    // a backward content may not swallow an earlier attribution of the same sentence, unless it
    // closes the sentence as its report: then the earlier one is nested in it
    if (accepted.length && a.shape === 'backward' && closingReport(doc, c.head, lo, hi)) {
      for (let n = accepted.length - 1; n >= 0; n--) {
        const cue = accepted[n]!.cue;
        if (a.content.some(([s, e]) => cue[0] >= s && cue[1] <= e)) accepted.splice(n, 1);
      }
    }
    const prior = accepted[accepted.length - 1];
    // '“…,” said Lionel Ruiz, a consultant who said he would not vote for her.': a cue in the
    // relative clause of an inverted source is an attribution of its own, and the source ends
    // before the clause (PolNeAR train marks these apart; for verbs of saying only: with every cue
    // verb the clause split cost source and content on held-out train)
    if (prior?.source && CUE_VERBS.get(tokens[a.head]!.lemma)?.inverts && prior.cue[1] <= prior.source[0] && a.cue[0] > prior.source[0] && a.cue[1] <= prior.source[1]) {
      const rel = relativeOpening(doc, prior.source[0], a.cue[0]);
      if (rel > prior.source[0]) prior.source = [prior.source[0], rel];
    }
    if (prior) {
      const priorEnd = Math.max(prior.cue[1], prior.source?.[1] ?? 0, ...prior.content.map((r) => r[1]));
      a.content = a.content
        .map(([s, e]): Range => [Math.max(s, s < priorEnd && e > priorEnd ? skipBoundary(doc, priorEnd, e) : s), e])
        .filter(([s, e]) => e > s && !(e <= priorEnd));
      if (!a.content.length) continue;
    }
    accepted.push(a);
    confidence.set(a, c.score);
  }
  return accepted;
}

/**
 * "..., Fiorina said Monday." / "..., said one strategist.": a cue that closes its sentence after a
 * comma or quotation, with its source beside it, reports everything before it — including any cue
 * there, which is then nested in it.
 */
function closingReport(doc: Doc, head: number, lo: number, hi: number): boolean {
  const { tokens, lower } = doc;
  const end = trimEnd(doc, lo, hi);
  const a = verbGroupStart(doc, head, lo);
  const opensBefore = (k: number) => k >= lo && (tokens[k]!.text === ',' || closes(doc, k));
  // what follows the cue: nothing, a weekday, or (inverted) the source
  let k = skipAdjuncts(doc, head + 1, end);
  while (k < end && (WEEKDAYS.has(lower[k]!) || tokens[k]!.pos === 'ADV')) k++;
  // "..., a lawmaker said on Wednesday, the clearest sign yet ...": a comment may trail the report
  if (k === end || (tokens[k]!.text === ',' && k > head)) {
    const source = subjectBefore(doc, a, lo);
    return !!source && source[1] - source[0] <= 6 && opensBefore(source[0] - 1);
  }
  if (!opensBefore(a - 1)) return false;
  const source = inverseSource(doc, k, end);
  return !!source && source[1] >= end;
}

/**
 * "In a Des Moines Register poll released Sunday, Cruz led by ten points": a poll or survey that
 * opens the sentence is the source of what follows its comma (and of any "said" inside it).
 */
function pollFrame(doc: Doc, sentence: number, lo: number, hi: number): Attribution | undefined {
  const { tokens, lower } = doc;
  if (lower[lo] !== 'in' || doc.inQuote[lo]! >= 0) return undefined;
  let k = lo + 1;
  let artifact = false;
  while (k < hi && k - lo <= 16 && tokens[k]!.text !== ',' && !END_PUNCT.has(tokens[k]!.text)) {
    if (POLLS.has(lower[k]!) && tokens[k]!.pos === 'NOUN') artifact = true;
    k++;
  }
  const end = trimEnd(doc, lo, hi);
  if (!artifact || tokens[k]?.text !== ',' || k + 1 >= end) return undefined;
  return { sentence, head: lo, cue: [lo, lo + 1], source: [lo + 1, k], content: [[k + 1, end]], negated: false, omission: false, shape: 'according' };
}

const POLLS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling']);

/**
 * "Graham: Trump's rhetoric is destroying the party" — headlines and standfirsts give the speaker,
 * a colon, and what was said. Only at a paragraph's start, with a short capitalised name.
 */
function headlineSpeaker(doc: Doc, sentence: number, lo: number, hi: number): Attribution | undefined {
  const { tokens, seg } = doc;
  const s = seg.sentences[sentence]!;
  const paragraph = seg.paragraphs[s.paragraph];
  if (!paragraph || paragraph.start !== s.start) return undefined;
  let k = lo;
  while (k < hi && k - lo < 6 && tokens[k]!.text !== ':' && (CAPITALISED.test(tokens[k]!.text) || tokens[k]!.pos === 'PART' || (tokens[k]!.text === '-' && k > lo && tokens[k]!.start === tokens[k - 1]!.end))) k++;
  if (k === lo || k >= hi - 1 || tokens[k]!.text !== ':') return undefined;
  const end = trimEnd(doc, k + 1, hi);
  if (end <= k + 1) return undefined;
  // "The Latest: ...", "Q: ...", "Clinton: 1,769": a label, an interview's turn, a tally — what a
  // speaker says has a verb in it or is quoted, and the speaker is a name, not "the"/"a" something
  if (tokens[lo]!.pos === 'DET' || tokens[lo]!.text.length < 2 && k === lo + 1) return undefined;
  // "Breaking:", "Revealed:", "Wow:", "Just Leaked:", "Contributing:": a kicker or a credit line
  // ends in a verb, an interjection or an adverb; a speaker ends in a name or a noun
  const last = tokens[k - 1]!.pos;
  if ((last === 'VERB' || last === 'INTJ' || last === 'ADV')) return undefined;
  let said = isMark(doc, k + 1);
  // a headline in title case hides its verbs from the tagger ("Populist Anger Appeals to ...")
  let words = 0;
  let capitals = 0;
  for (let j = k + 1; j < end && !said; j++) {
    said = tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX';
    if (/\p{L}/u.test(tokens[j]!.text)) {
      words++;
      if (CAPITALISED.test(tokens[j]!.text)) capitals++;
    }
  }
  if (!said && !(words >= 3 && capitals >= 0.75 * words)) return undefined;
  return { sentence, head: k, cue: [k, k + 1], source: [lo, k], content: [[k + 1, end]], negated: false, omission: false, shape: 'backward' };
}

/**
 * "Pollsters agree - Ann Lee: “…”": a round-up names each voice after a dash, then a colon and
 * the quotation (PolNeAR train marks 7 of the 8).
 */
function dashSpeaker(doc: Doc, sentence: number, lo: number, hi: number): Attribution | undefined {
  const { tokens } = doc;
  for (let d = lo + 1; d < hi - 3; d++) {
    if (!DASHES.has(tokens[d]!.text) && tokens[d]!.text !== '-') continue;
    let k = d + 1;
    while (k < hi && k - d <= 5 && CAPITALISED.test(tokens[k]!.text) && tokens[k]!.pos !== 'VERB') k++;
    if (k === d + 1 || tokens[k]?.text !== ':' || !isMark(doc, k + 1)) continue;
    const end = trimEnd(doc, k + 1, hi);
    if (end <= k + 2) return undefined;
    return { sentence, head: k, cue: [k, k + 1], source: [d + 1, k], content: [[k + 1, end]], negated: false, omission: false, shape: 'backward' };
  }
  return undefined;
}

/** Where a cue at `at`, inside `holder`'s content, starts a sibling clause: the index to clip at, or -1. */
function siblingBoundary(doc: Doc, holder: Attribution, at: number, lo: number): number {
  const { tokens, lower } = doc;
  const group = verbGroupStart(doc, at, lo);
  // "praised the plan and said ...": a verb coordinated with the holder's, in the same form, is a
  // second act of the same source, not part of what the first one conveyed
  // ... unless what the holder conveys is itself a clause the verb may continue ("says he is proud
  // and expects to win"); a verb of saying is a new act of its source either way
  const conj = group - 1;
  const start = holder.content[0]?.[0] ?? at;
  const saying = !!CUE_VERBS.get(tokens[at]!.lemma)?.inverts;
  // ('declaring it “a super Tuesday” and said ...': after a quotation the next act of the source
  // begins, whatever its form)
  const afterQuote = (closes(doc, conj - 1) || (tokens[conj - 1]?.text === ',' && closes(doc, conj - 2)));
  if (conj > lo && COORDINATORS.has(lower[conj]!) && (formOf(doc, at) === formOf(doc, holder.head) || afterQuote) && start < conj && (saying || afterQuote || !finiteVerbIn(doc, start, conj))) {
    return tokens[conj - 1]!.text === ',' ? conj - 1 : conj;
  }
  // "... his Iowa win as he urges ...": a subordinate clause with a cue of its own closes a content
  // that is a noun phrase; one that is a clause keeps it ("says he knew little before he announced")
  const subject = subjectBefore(doc, group, lo);
  if (subject) {
    const opener = subject[0] - 1;
    if (opener > lo && SUBORDINATORS.has(lower[opener]!) && start + 1 < opener && !finiteVerbIn(doc, start, opener)) {
      return tokens[opener - 1]!.text === ',' ? opener - 1 : opener;
    }
  }
  // walk left from the cue over its subject (a few words; taggers err on them) to clause punctuation
  let k = at - 1;
  let steps = 0;
  while (k > lo && steps < 10) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';' || t.text === '—' || t.text === '–' || t.text === '(') break;
    k--;
    steps++;
  }
  if (k <= lo || steps >= 10) return -1;
  const punct = tokens[k]!.text;
  // "Barkley, who said he votes, said ...": the relative clause closes at the comma before the verb
  if (punct === ',' && holder.source && /^(who|which)$/i.test(doc.tokens[holder.source[0]]!.text) && group === k + 1) return k;
  const next = lower[k + 1] ?? '';
  // ', claiming ...' and '“... party,” claiming ...': the comma may sit inside the closing mark
  const quoted = k + 2 === at && closes(doc, k + 1);
  const participle = (k + 1 === at || quoted) && isParticiple(tokens[at]!.text);
  if (participle && quoted && holder.content.some(([s, e]) => s < k && e > k)) return at;
  if (!(participle || punct === ';' || SIBLING_OPENERS.has(next) || lower[k + 1] === 'according')) return -1;
  if (holder.content.every(([s]) => k <= s)) return -1;
  return k;
}

/**
 * A cue verb outside the verbs of saying starts a sibling after a comma or coordinator from this
 * counted rate on (cross-validated on train: 0.8 and 0.9 alike, 0.7 and 0.5 lower).
 */
const SIBLING_CUE_RATE = 0.8;
/**
 * A gerund after "by" speaks for the main clause's subject from this counted rate on ("by citing
 * a poll" 0.98, but "by claiming a share of the salaries" 0.70 takes rather than says).
 */
const BY_GERUND_RATE = 0.8;
/**
 * "…, a woman in Worcester told him she worries …", "… resettlement program and Trump says …": a
 * verb of saying (or a cue as sure as one) with a subject of its own, after a comma or "and"/"but"
 * inside another attribution's content, starts a sibling: the holder's content ends before it.
 * PolNeAR never nests attributions, and on train such a verb after a comma is a cue of its own two
 * times in three. Returns the cut, or -1.
 */
function sayingSibling(doc: Doc, holder: Attribution, c: Candidate, lo: number): number {
  const { tokens, lower } = doc;
  if (c.according || c.adjective) return -1;
  if (!CUE_VERBS.get(tokens[c.head]!.lemma)?.inverts && c.score < SIBLING_CUE_RATE) return -1;
  const subject = subjectBefore(doc, verbGroupStart(doc, c.head, lo), lo);
  if (!subject || /^(who|which|that|whom|whose)$/.test(lower[subject[0]]!)) return -1;
  let cut = subject[0];
  const before = lower[cut - 1] ?? '';
  if (!(before === ',' || before === 'and' || before === 'but')) return -1;
  while (cut - 1 > lo && (COORDINATORS.has(lower[cut - 1]!) || tokens[cut - 1]!.text === ',')) cut--;
  return holder.content.some(([s, e]) => s < cut && e > cut) ? cut : -1;
}

const COORDINATORS = new Set(['and', 'but', 'then']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
/** Openers of a fronted adverbial clause: "If ...,", "When ...,". */
const FRONTED = new Set(['if', 'when', 'while', 'as', 'although', 'though', 'because', 'after', 'before', 'since', 'unless', 'once', 'whether', 'until']);
/** Openers of adverbial clauses: what follows them is the reporter's framing, not the content. */
const SUBORDINATORS = new Set(['as', 'while', 'when', 'whereas', 'because', 'after', 'before', 'although', 'though', 'since', 'until', 'than']);

/** Prepositions that open a fronted participle clause: "After saying ...", "By calling ...". */
const FRONTING_PREPOSITIONS = new Set(['after', 'before', 'while', 'since', 'upon', 'by', 'in', 'when', 'without']);

/** Openers of an adverbial clause that follows a cue rather than being what it reports. */
const ADVERBIAL_OPENERS = new Set(['when', 'after', 'before', 'while', 'as', 'because', 'since', 'although', 'though', 'once', 'until']);

/** "“...,” Christie said": a short subject between a closing quote (and comma) and the verb group at `a`. */
function sourceAfterQuote(doc: Doc, a: number, lo: number): boolean {
  const source = subjectBefore(doc, a, lo);
  if (!source) return false;
  const k = source[0] - 1;
  return k >= lo && (closes(doc, k) || (doc.tokens[k]!.text === ',' && closes(doc, k - 1)));
}

/** Whether [from, to) holds a finite verb: a clause rather than a noun phrase. */
function finiteVerbIn(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    if (doc.lower[k - 1] === 'to' || (t.pos === 'VERB' && formOf(doc, k) === 'ing')) continue;
    return true;
  }
  return false;
}

/** The inflection of a verb: base, -s, -ing or past; coordinated verbs of one subject share it. */
function formOf(doc: Doc, i: number): string {
  const l = doc.lower[i]!;
  if (l === doc.tokens[i]!.lemma) return 'base';
  if (l.endsWith('ing')) return 'ing';
  if (l.endsWith('s') && !l.endsWith('ss')) return 's';
  return 'past';
}

/**
 * The subject of a verb coordinated with an earlier one ("rubbed his chin, and then said ..."):
 * the subject of the nearest earlier verb that has one, within the sentence.
 */
function coordinatedSubject(doc: Doc, group: number, lo: number): Range | undefined {
  const { tokens, lower } = doc;
  let k = group - 1;
  while (k > lo && (lower[k] === 'then' || lower[k] === 'also')) k--;
  if (k <= lo || !COORDINATORS.has(lower[k]!)) return undefined;
  // the first verb of the same form with a subject: the main clause's, not one inside its content
  // ("He said his attacks have given ... and said ...")
  const form = formOf(doc, group + skipToVerb(doc, group));
  let from = k - 1;
  // quotations on the way are stepped over: 'declared “What a night!” and said ...'
  while (from > lo && k - from < 40 && tokens[from - 1]!.text !== ';') from--;
  for (let j = from; j < k; j++) {
    const t = tokens[j]!;
    if (t.pos !== 'VERB' || doc.inQuote[j]! >= 0 || formOf(doc, j) !== form) continue;
    const subject = subjectBefore(doc, verbGroupStart(doc, j, lo), lo);
    if (subject) return subject;
  }
  // "survived five years in prison and says ...": a finite verb of another tense, when the
  // sentence's first verb is it and has a subject
  if (form === 's' || form === 'past') {
    for (let j = from; j < k; j++) {
      const t = tokens[j]!;
      if ((t.pos !== 'VERB' && t.pos !== 'AUX') || doc.inQuote[j]! >= 0) continue;
      const f = formOf(doc, j);
      if (t.pos === 'VERB' && f !== 's' && f !== 'past') return undefined;
      return subjectBefore(doc, verbGroupStart(doc, j, lo), lo);
    }
  }
  return undefined;
}

/** Offset from a verb group's start to its verb. */
function skipToVerb(doc: Doc, group: number): number {
  let k = group;
  while (k < doc.tokens.length && doc.tokens[k]!.pos !== 'VERB' && k - group < 6) k++;
  return doc.tokens[k]?.pos === 'VERB' ? k - group : 0;
}

function verbGroupStart(doc: Doc, head: number, lo: number): number {
  let a = head;
  while (a - 1 >= lo && (doc.tokens[a - 1]!.pos === 'AUX' || (doc.tokens[a - 1]!.pos === 'ADV' && !quantifierHead(doc, a - 1, lo)) || NEGATORS.has(doc.lower[a - 1]!))) a--;
  return a;
}

function clipContent(a: Attribution, cut: number): void {
  a.content = a.content.map(([s, e]): Range => [s, Math.min(e, cut)]).filter(([s, e]) => e > s);
}

function skipBoundary(doc: Doc, from: number, to: number): number {
  let k = from;
  while (k < to && (doc.tokens[k]!.pos === 'PUNCT' || SIBLING_OPENERS.has(doc.lower[k]!))) k++;
  return k;
}

function readAccording(doc: Doc, head: number, sentence: number, lo: number, hi: number): Attribution | undefined {
  const { tokens } = doc;
  const cue: Range = [head, head + 2];
  const srcStart = head + 2;
  let srcEnd = srcStart;
  // the source may carry participles ("a poll released Monday", "data compiled by ..."); a verb in
  // the base or -s form is the content's own, except where the tagger, misled by "to", took the
  // source's first word or a modifier for one ("according to exit polls", "to company documents")
  while (
    srcEnd < hi &&
    tokens[srcEnd]!.text !== ',' &&
    tokens[srcEnd]!.text !== ';' &&
    !END_PUNCT.has(tokens[srcEnd]!.text) &&
    !(tokens[srcEnd]!.pos === 'VERB' && (formOf(doc, srcEnd) === 'base' || formOf(doc, srcEnd) === 's') && srcEnd > srcStart && tokens[srcEnd + 1]?.pos !== 'NOUN')
  ) srcEnd++;
  if (srcEnd === srcStart) return undefined;
  const end = trimEnd(doc, lo, hi);
  let content: Range;
  if (isClauseStart(doc, head, lo)) {
    // "According to X, CONTENT"
    if (tokens[srcEnd]?.text !== ',') return undefined;
    content = [srcEnd + 1, end];
  } else {
    // "CONTENT, according to X" — or "CONTENT according to X"; a quotation may have opened earlier
    let e = head;
    if (tokens[e - 1]?.text === ',') e--;
    content = contentBefore(doc, head, lo) ?? [lo, e];
    if (srcEnd < end) {
      // "CONTENT, according to X, CONTENT"
      if (tokens[srcEnd]?.text === ',') content = [lo, e];
    }
  }
  if (content[1] <= content[0]) return undefined;
  return { sentence, head, cue, source: [srcStart, srcEnd], content: [content], negated: false, omission: false, shape: 'according' };
}

/** True when only connectives or punctuation stand between the sentence start and `at`. */
function isClauseStart(doc: Doc, at: number, lo: number): boolean {
  for (let k = lo; k < at; k++) {
    const t = doc.tokens[k]!;
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ' || (t.pos === 'ADV' && k === lo)) continue;
    return false;
  }
  return true;
}

function readVerbCue(
  doc: Doc,
  c: Candidate,
  sentence: number,
  lo: number,
  hi: number,
  accepted: Attribution[],
): Attribution | undefined {
  const { tokens, lower } = doc;
  const head = c.head;
  const frame = c.frame;

  // verb group to the left: auxiliaries, negation, adverbs, and verbs that lead to this one
  let a = head;
  while (a - 1 >= lo) {
    const t = tokens[a - 1]!;
    const l = lower[a - 1]!;
    // "here"/"there" after a subject place it ("workers here said"): PolNeAR keeps them out (7 of 8)
    if (t.pos === 'AUX' || NEGATORS.has(l) || l === 'having' || (t.pos === 'ADV' && l === t.text && !CLAUSE_OPENERS.has(l) && !LOCATIVE_ADVERBS.has(l) && !quantifierHead(doc, a - 1, lo))) a--;
    // "Cruz and Rubio have both urged", "the ministers all agreed": a quantifier floated off the
    // subject stands in the verb group (PolNeAR keeps it in the cue)
    else if (FLOATING.has(l) && a - 2 >= lo && /^(PROPN|NOUN|PRON|AUX)$/.test(tokens[a - 2]!.pos)) a--;
    // "has since said", "have long argued": the perfect's adverb, whatever the tagger made of it
    // (PolNeAR train keeps the auxiliary in the cue 35 of 35 times)
    else if ((l === 'since' || l === 'long') && a - 2 >= lo && tokens[a - 2]!.lemma === 'have' && tokens[a - 2]!.pos === 'AUX') a--;
    // "made it clear that ...": the whole phrase is the cue (16 of 16 on train)
    else if (lower[head] === 'clear' && a === head && l === 'it' && a - 2 >= lo && tokens[a - 2]!.lemma === 'make') a -= 2;
    else if (lower[head] === 'clear' && a === head && t.lemma === 'make') a--;
    else break;
  }
  a = chainStart(doc, a, lo);
  // to the right: adverbs, particles, "Tuesday", "in a statement", a colon
  let b = head + 1;
  if (b < hi && GROUP_ADVERBS_RIGHT.has(lower[b]!)) b++;
  let particle = '';
  if (b < hi && isParticle(doc, head, b, frame)) {
    particle = lower[b]!;
    b++;
    // "wrote on Facebook", "said on CNN": the platform named after "on" goes with it
    // ("called on Congress to act" addresses someone: the name is followed by what is asked)
    if (particle === 'on' && b < hi && tokens[b]!.pos === 'PROPN' && !WEEKDAYS.has(lower[b]!) && (b + 1 >= hi || tokens[b + 1]!.pos === 'PUNCT' || lower[b + 1] === 'that')) b++;
  }
  // "..., he said Tuesday." keeps the day in the cue about half the time in PolNeAR, "said Tuesday
  // that ..." less often: the day goes with the cue only where no content follows
  if (frame.inverts && b < hi && WEEKDAYS.has(lower[b]!) && (b + 1 >= hi || tokens[b + 1]!.pos === 'PUNCT')) b++;
  b = absorbChannel(doc, b, hi);
  if (b < hi && tokens[b]!.text === ':') b++;
  const negated = anyIn(lower, a, head, NEGATORS);
  const colon = tokens[b - 1]!.text === ':';

  // a participle after a form of "be": "was reported", "can be seen", "is known"
  const form = lower[head]!;
  const passive = form !== tokens[head]!.lemma && !form.endsWith('ing') && !/[^s]s$/.test(form) && anyIn(lower, a, head, BE_FORMS);
  const agent = passive ? agentAfter(doc, lower[b - 1] === 'by' ? b - 1 : b, hi) : undefined;
  // "Kim can be seen embracing ...": a passive of perception with no one perceiving reports nothing
  if (passive && !agent && PERCEPTION.has(tokens[head]!.lemma)) return undefined;

  let after = agent ? agent[1] : b;
  if (frame.recipient) after = skipRecipient(doc, after, hi);
  else if (particle === 'on') {
    // "called on Congress to act": the one called on is addressed, not part of what is asked
    const k = skipRecipient(doc, after, hi);
    if (lower[k] === 'to' || lower[k] === 'that') after = k;
  }
  // "said earlier (this week) that ...": the adverb kept out of the cue is no content either
  if (after + 1 < hi && lower[after] === 'earlier') after++;
  after = skipAdjuncts(doc, after, hi);
  if (after < hi && tokens[after]!.text === ',' && opens(doc, after + 1)) after++;
  // "said, however, that ...": a parenthetical adverb between cue and content
  if (after + 2 < hi && tokens[after]!.text === ',' && tokens[after + 1]!.pos === 'ADV' && tokens[after + 2]!.text === ',') after += 3;

  let end = trimEnd(doc, lo, hi);
  // "If voters believe X, the party will ...": a cue inside a fronted adverbial clause reports
  // only as far as the comma that closes the clause
  if (FRONTED.has(lower[lo]!) && nextComma(doc, lo, a) < 0) {
    const comma = nextComma(doc, after + 1, end);
    if (comma > 0) end = comma;
  }
  let hasForward = after < end && tokens[after]!.text !== ',' && !END_PUNCT.has(tokens[after]!.text);
  // "“...,” Christie said when asked whether ...": after a quotation, an adverbial clause is no content
  if (hasForward && (closes(doc, a - 1) || (tokens[a - 1]?.text === ',' && closes(doc, a - 2)) || sourceAfterQuote(doc, a, lo)) && ADVERBIAL_OPENERS.has(lower[after]!)) hasForward = false;
  // "said during a rally in Ohio." is not content; "said at a rally that ..." has it after the adjunct
  if (hasForward && !colon && tokens[after]!.pos === 'ADP' && !CLAUSE_OPENERS.has(lower[after]!) && !frame.particles?.includes(lower[after]!)) {
    const that = clauseAfterAdjunct(doc, after, end);
    if (that >= 0) after = that;
    else if (frame.inverts) hasForward = false;
  }

  if (frame.needsClause && !c.learned && hasForward && !colon && !isMark(doc, after)) {
    const o = lower[after]!;
    const infinitive = o !== 'to' || tokens[after + 1]?.pos === 'VERB' || tokens[after + 1]?.pos === 'AUX';
    if (!(CLAUSE_OPENERS.has(o) && infinitive) && !artifactSubject(doc, a, lo)) return undefined;
  }

  // ", saying ..." or "embracing him and telling him ...": the main clause's subject speaks
  const participle = isParticiple(tokens[head]!.text) && a === head && (tokens[head - 1]?.text === ',' || (closes(doc, head - 1) && tokens[head - 2]?.text === ',') || (DASHES.has(tokens[head - 1]?.text ?? '') && head - 1 > lo) || (lower[head - 1] === 'and' && precededByParticiple(doc, head - 1, lo)));
  const cue: Range = [a, b];
  const omission = negated && (frame.omissible === true || WITHHOLDING_VERBS.has(tokens[head]!.lemma));
  const refusal = (k: number) => tokens[k]!.lemma === 'decline' || tokens[k]!.lemma === 'refuse';
  const declines =
    (refusal(head) && lower[head + 1] === 'to' && WITHHOLDING_VERBS.has(tokens[head + 2]?.lemma ?? '')) ||
    (lower[head - 1] === 'to' && head - 2 >= a && refusal(head - 2) && WITHHOLDING_VERBS.has(tokens[head]!.lemma));
  const base = { sentence, head, cue, negated: negated || declines, omission: omission || declines };

  // "X said:" closing its sentence introduces the quotation that follows
  if (colon && after >= end) {
    const next = quotationAfter(doc, hi);
    if (!next) return undefined;
    const source = subjectBefore(doc, a, lo);
    return { ...base, source, content: [next], shape: 'forward' };
  }

  // "..., said Dr. Ruiz, the mayor's spokeswoman." — the source follows an inverted cue
  const afterComma = tokens[a - 1] && (tokens[a - 1]!.text === ',' || closes(doc, a - 1));
  // right after a quotation any cue verb may invert ('“…?” asked Bill Bennett', '“…,” mused X')
  const quoteInverts = (closes(doc, a - 1) || (tokens[a - 1]?.text === ',' && closes(doc, a - 2)));
  if ((frame.inverts || quoteInverts) && afterComma && !participle && !CLAUSE_OPENERS.has(lower[after] ?? '')) {
    // ("“…?” asked Bill Bennett": after a quotation the name is the asker, not the one asked)
    const source = inverseSource(doc, quoteInverts && frame.recipient ? b : after, end);
    // (the source may run up to the next quotation where the tagger did not end the sentence:
    // '…,” said Rachel Woolard, 20, of Jacksonville, Fla. “She …')
    if (source && (source[1] >= end || tokens[source[1]]!.text === ',' || (opens(doc, source[1]) && END_PUNCT.has(tokens[source[1] - 1]!.text.slice(-1))))) {
      const before = contentBefore(doc, a, lo);
      if (before) {
        const content: Range[] = [before];
        if (source[1] < end && opens(doc, source[1])) {
          content.push([source[1], end]);
          return { ...base, source, content, shape: 'backward' };
        }
        const tail = parentheticalTail(doc, source[1], end);
        if (tail) content.push(tail);
        return { ...base, source, content, shape: tail ? 'parenthetical' : 'backward' };
      }
    }
  }

  if (participle) {
    if (!hasForward) return undefined;
    const content = forwardContent(doc, after, end, tokens[head]!.lemma);
    const prior = accepted[accepted.length - 1];
    const source = prior?.source ?? sentenceSubject(doc, lo, a);
    return { ...base, source, content: [content], shape: 'participle' };
  }

  // passive with an agent: "The plan was rejected by the council" — the subject is the content
  if (agent) {
    const subject = subjectBefore(doc, a, lo);
    if (subject && !hasForward) return { ...base, source: agent, content: [subject], shape: 'backward' };
  }

  if (hasForward) {
    const leadSource = agent ?? (passive ? undefined : subjectBefore(doc, a, lo) ?? coordinatedSubject(doc, a, lo));
    // "when asked whether ...": the question put to the sentence's speaker, who goes unnamed here
    const whenAsked = !leadSource && ADVERBIAL_OPENERS.has(lower[a - 1] ?? '') && a - 1 >= lo;
    // "After saying he was nervous, the man ...", "Having announced that ..., the judge ...": an
    // active participle clause fronting the sentence speaks for the main clause's subject
    const fronted = !leadSource && (isClauseStart(doc, a, lo) || (a - 1 === lo && FRONTING_PREPOSITIONS.has(lower[lo]!))) && (formOf(doc, head) === 'ing' || lower[a] === 'having');
    let source: Range | undefined = leadSource;
    if (fronted) {
      const comma = nextComma(doc, after, trimEnd(doc, lo, hi));
      if (comma > 0) source = sentenceSubject(doc, comma + 1, hi);
    }
    // "… defended the ban by citing a poll …": a gerund after "by" is how the main clause's
    // subject acted, and speaks for it
    if (!source && !passive && a === head && lower[a - 1] === 'by' && a - 1 > lo && formOf(doc, head) === 'ing' && c.score >= BY_GERUND_RATE) {
      source = sentenceSubject(doc, lo, a - 1);
      if (source && source[1] <= a - 1) return { ...base, source, content: [forwardContent(doc, after, end, tokens[head]!.lemma)], shape: 'forward' };
      source = undefined;
    }
    // "a union that has endorsed him", "the industries that oppose the rule": a cue in a relative
    // clause opened by "that" describes its noun more often than PolNeAR marks it (40 of 141 on
    // train, held-out)
    if (lower[a - 1] === 'that' && (!source || (source[1] - source[0] === 1 && source[0] === a - 1))) return undefined;
    if (!source && !passive && !relativeSubject(doc, a, lo) && !whenAsked) {
      // a bare verb with no subject in reach is more often not an attribution ("Asked about ...")
      if (!(tokens[a - 1]?.text === ',' || a === lo)) return undefined;
    }
    let content: Range[] = [forwardContent(doc, after, end, tokens[head]!.lemma)];
    if ((!leadSource && isClauseStart(doc, a, lo)) || whenAsked || fronted) {
      // a fronted participial clause ("Asked about the plan, the minister said ...") ends at its comma
      const comma = nextComma(doc, after, end);
      if (comma < 0 && !whenAsked) return undefined;
      content = [[after, comma < 0 ? content[0]![1] : comma]];
    }
    // "As the Post observed, ..." has its content after the comma, not before
    // a split quotation: `"Judge," I said, "I have never ..."`
    const lead = source ? source[0] : a;
    const opener = splitQuoteBefore(doc, lead, lo);
    if (opener) content.unshift(opener);
    return { ...base, source, content, shape: 'forward' };
  }

  // backward: the content stands before the source and cue
  const source = subjectBefore(doc, a, lo);
  if (!source) return undefined;
  // "As the Post observed, CONTENT": the content follows
  if (lower[source[0] - 1] === 'as' && tokens[b]?.text === ',') {
    if (b + 1 < end) return { ...base, source, content: [[b + 1, end]], shape: 'forward' };
    return undefined;
  }
  const before = contentBefore(doc, source[0], lo);
  if (!before) return undefined;
  const content: Range[] = [before];
  const tail = parentheticalTail(doc, Math.max(source[1], b), end);
  if (tail) content.push(tail);
  return { ...base, source, content, shape: tail ? 'parenthetical' : 'backward' };
}

const TIME_SPANS = /^(years?|months?|weeks?|days?|decades?|hours?|minutes?|moment|while|time|past|weekend)$/;

/** Whether the word at b, right after a cue verb, belongs to the cue ("called for", "pointed out"). */
function isParticle(doc: Doc, head: number, b: number, frame: CueFrame): boolean {
  const t = doc.tokens[b]!;
  const word = doc.lower[b]!;
  if (t.pos === 'NOUN' || (word === 'to' && (doc.tokens[b + 1]?.pos === 'VERB' || doc.tokens[b + 1]?.pos === 'AUX'))) return false;
  // "estimated on Monday that ...", "said in March": a preposition opening a date is no particle
  const next = doc.lower[b + 1] ?? '';
  if ((word === 'on' || word === 'in') && (WEEKDAYS.has(next) || MONTHS.has(next) || /^\d/.test(next))) return false;
  // "has argued for years that ...": a stretch of time is no part of the cue
  if (TIME_SPANS.test(doc.lower[b + 1] ?? '') || (TIME_SPANS.test(doc.lower[b + 2] ?? '') && /^(the|a|many|several|some|two|three)$/.test(doc.lower[b + 1] ?? ''))) return false;
  // "believes about 4,000 ...": before a number it means "some", not what the belief is about
  if (doc.tokens[b + 1]?.pos === 'NUM' && (word === 'about' || word === 'around' || word === 'over')) return false;
  if (t.pos === 'ADP' || t.pos === 'ADV' || t.pos === 'PART') {
    const counted = particleInCue(doc.tokens[head]!.lemma, word);
    if (counted !== undefined) return counted;
  }
  return !!frame.particles?.includes(word) || PHRASAL_PARTICLES.has(word);
}

/**
 * "tried to say", "is likely to say", "went on to say", "declined to comment": a verb reached
 * through an infinitive carries the verbs before it into its cue (PolNeAR keeps them together).
 */
function chainStart(doc: Doc, a: number, lo: number): number {
  const { tokens, lower } = doc;
  while (a - 2 >= lo && lower[a - 1] === 'to' && doc.inQuote[a - 2]! < 0) {
    let k = a - 2;
    // "went on to say", "set out to prove"
    if ((lower[k] === 'on' || lower[k] === 'out' || lower[k] === 'up') && k - 1 >= lo && tokens[k - 1]!.pos === 'VERB') k--;
    const p = tokens[k]!.pos;
    if (!(p === 'VERB' || p === 'ADJ' || (p === 'AUX' && tokens[k]!.lemma !== 'be')) || CAPITALISED.test(tokens[k]!.text) && k === lo) break;
    a = verbGroupStart(doc, k, lo);
  }
  return a;
}

function nextComma(doc: Doc, from: number, end: number): number {
  for (let k = from; k < end; k++) if (doc.tokens[k]!.text === ',' && doc.inQuote[k]! < 0) return k;
  return -1;
}

/** Polls show, studies find, records indicate: documents report what they contain. */
const ARTIFACTS = new Set([
  'poll', 'survey', 'study', 'report', 'record', 'data', 'figure', 'analysis', 'research', 'video', 'document',
  'filing', 'statistic', 'result', 'number', 'estimate', 'audit', 'review', 'investigation', 'footage', 'photo',
  'image', 'map', 'chart', 'memo', 'email', 'letter', 'transcript', 'assessment', 'projection', 'model',
]);

function artifactSubject(doc: Doc, at: number, lo: number): boolean {
  const np = subjectBefore(doc, at, lo);
  return !!np && ARTIFACTS.has(doc.tokens[np[1] - 1]!.lemma);
}

/** A quotation ending just before `at` (and its comma): the first half of a split quote. */
function splitQuoteBefore(doc: Doc, at: number, lo: number): Range | undefined {
  let k = at - 1;
  if (k >= lo && doc.tokens[k]!.text === ',') k--;
  if (k < lo || !closes(doc, k)) return undefined;
  const q = doc.inQuote[k]!;
  if (q < 0) return undefined;
  const first = firstTokenAt(doc, doc.quotes[q]!.start);
  return first < k ? [first, k + 1] : undefined;
}

/** "said at a rally in Ohio that ...": where the clause begins after a prepositional adjunct, or -1. */
function clauseAfterAdjunct(doc: Doc, from: number, end: number): number {
  for (let k = from; k < end && k - from < 10; k++) {
    const t = doc.tokens[k]!;
    if (t.text === ',' || t.pos === 'VERB' || t.pos === 'AUX') return -1;
    if (doc.lower[k] === 'that' && t.pos !== 'DET') return k;
    if (t.text === ':' && k + 1 < end) return k + 1;
    // "said for weeks he was the only one": a subject pronoun after the adjunct opens the clause
    if (k > from + 1 && SUBJECT_PRONOUNS.has(doc.lower[k]!) && (doc.tokens[k + 1]?.pos === 'VERB' || doc.tokens[k + 1]?.pos === 'AUX')) return k;
  }
  return -1;
}

/** The quotation opening the sentence after the one ending at token `hi`. */
function quotationAfter(doc: Doc, hi: number): Range | undefined {
  const t = doc.tokens[hi];
  if (!t || !opens(doc, hi)) return undefined;
  const q = doc.inQuote[hi]!;
  if (q < 0) return undefined;
  const last = lastTokenBefore(doc, doc.quotes[q]!.end);
  return last >= hi ? [hi, last + 1] : undefined;
}

/** "in a statement", "in a news release": the channel goes with the cue (those PolNeAR counts in it). */
function absorbChannel(doc: Doc, b: number, hi: number): number {
  const { tokens, lower } = doc;
  if (lower[b] !== 'in') return b;
  let k = b + 1;
  if (k < hi && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'PRON')) k++;
  for (let n = 0; n < 3 && k < hi; n++, k++) {
    if (CUE_CHANNELS.has(lower[k]!)) return k + 1;
    if (CHANNEL_NOUNS.has(lower[k]!)) return b;
    if (!(tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NUM')) break;
  }
  return b;
}

/** The person addressed: "told reporters", "telling him", "told The Times". */
function skipRecipient(doc: Doc, b: number, hi: number): number {
  const { tokens, lower } = doc;
  const t = tokens[b];
  if (!t) return b;
  if (t.pos === 'PRON' && /^(him|her|them|me|us|you|it)$/.test(lower[b]!)) return b + 1;
  let k = b;
  if (tokens[k]?.pos === 'DET') k++;
  const from = k;
  while (k < hi && k - b < 6 && (tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ' || nominal(tokens[k]!))) {
    if (k > from && tokens[k]!.pos === 'PROPN' && tokens[k - 1]!.pos === 'NOUN') break;
    k++;
  }
  if (k === from) return b;
  const nounish = tokens[k - 1]!.pos === 'PROPN' || RECIPIENT_NOUNS.has(tokens[k - 1]!.lemma) || tokens[k - 1]!.pos === 'NOUN';
  if (!nounish) return b;
  // "told lawmakers on Wednesday, as ...": a time adjunct may stand between the one told and what follows
  const j = skipAdjuncts(doc, k, hi);
  const next = tokens[j];
  if (!next) return k;
  const nl = lower[j]!;
  if (CLAUSE_OPENERS.has(nl) || isMark(doc, j) || next.text === ':' || next.text === ',' || END_PUNCT.has(next.text)) return k;
  if (j === k && (next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'DET')) return k;
  return b;
}

/** Time and place adjuncts between cue and content: "said on Tuesday that", "said last week that". */
function skipAdjuncts(doc: Doc, b: number, hi: number): number {
  const { tokens, lower } = doc;
  let k = b;
  for (;;) {
    if (k < hi && WEEKDAYS.has(lower[k]!)) {
      k++;
      continue;
    }
    if (k + 1 < hi && (lower[k] === 'on' || lower[k] === 'last' || lower[k] === 'this' || lower[k] === 'earlier' || lower[k] === 'late' || lower[k] === 'early')) {
      if (WEEKDAYS.has(lower[k + 1]!) || /^(week|month|year|night|morning|evening|afternoon|weekend)$/.test(lower[k + 1]!)) {
        k += 2;
        continue;
      }
    }
    if (k + 1 < hi && lower[k] === 'in' && tokens[k + 1]!.pos === 'PROPN' && /^[A-Z]/.test(tokens[k + 1]!.text) && CLAUSE_OPENERS.has(lower[k + 2] ?? '')) {
      k += 2;
      continue;
    }
    break;
  }
  return k;
}

/** The sentence end, less its final punctuation unless that sits inside a quotation. */
function trimEnd(doc: Doc, lo: number, hi: number): number {
  let e = hi;
  while (e > lo && (END_PUNCT.has(doc.tokens[e - 1]!.text) || doc.tokens[e - 1]!.text === ')' && false) && doc.inQuote[e - 1]! < 0) e--;
  return e;
}

/** Verbs that characterise: "described the workers as two brigades" attributes what follows "as". */
const CHARACTERISING = new Set(['describe', 'characterize', 'characterise', 'portray', 'depict', 'label', 'brand', 'dismiss', 'hail']);

function forwardContent(doc: Doc, from: number, end: number, lemma = ''): Range {
  if (CHARACTERISING.has(lemma)) {
    for (let k = from + 1; k < end - 1; k++) {
      if (doc.lower[k] === 'as' && doc.inQuote[k]! < 0) {
        from = k + 1;
        break;
      }
      // the object may hold a verb ("the workers to be sent there as ..."), not a clause break
      if (doc.tokens[k]!.text === ',' || doc.tokens[k]!.text === ';' || doc.inQuote[k]! >= 0) break;
    }
  }
  end = channelCut(doc, from, end);
  return forwardContentRaw(doc, from, end);
}

/**
 * "did not mention the plan in a Wednesday report on the talks": the channel closing a content
 * belongs to the act of saying, not to what was said.
 */
function channelCut(doc: Doc, from: number, end: number): number {
  for (let k = from + 2; k < end - 1; k++) {
    if (doc.inQuote[k]! >= 0 || !(doc.lower[k] === 'in' || doc.lower[k] === 'during')) continue;
    let j = k + 1;
    if (doc.tokens[j]!.pos === 'DET' || doc.tokens[j]!.pos === 'PRON') j++;
    for (let n = 0; n < 3 && j < end; n++, j++) {
      if (CHANNEL_NOUNS.has(doc.lower[j]!) && doc.lower[j] !== 'call' && doc.lower[j] !== 'address') return k;
      const p = doc.tokens[j]!.pos;
      if (!(p === 'ADJ' || p === 'PROPN' || p === 'NOUN' || p === 'NUM')) break;
    }
  }
  return end;
}

function forwardContentRaw(doc: Doc, from: number, end: number): Range {
  // a quotation opened here may run on past the sentence
  const q = doc.inQuote[from]!;
  if (q >= 0 && opens(doc, from)) {
    const quote = doc.quotes[q]!;
    const last = lastTokenBefore(doc, quote.end);
    if (last + 1 > end && quoteCoversTail(doc, from, end)) return [from, last + 1];
  }
  // "a few facts: “Of its voters, ...": a quotation opened inside the content and still open at
  // the sentence end carries the content on to where it closes
  const tail = doc.inQuote[end - 1]!;
  if (end - 1 > from && tail >= 0 && doc.quotes[tail]!.start > doc.tokens[from]!.start) {
    const last = lastTokenBefore(doc, doc.quotes[tail]!.end);
    if (last + 1 > end && quoteCoversTail(doc, firstTokenAt(doc, doc.quotes[tail]!.start), end)) return [from, last + 1];
  }
  return [from, Math.min(clauseEnd(doc, from, end), objectEnd(doc, from, end))];
}

/**
 * Where a content that is a noun phrase ("praised the plan", "endorsed his candidacy") ends: with
 * the phrase, when a comma, a conjunction or a time preposition follows it ("endorsed his candidacy
 * after he won ..."), as PolNeAR train has it three times in four; else `end`.
 */
function objectEnd(doc: Doc, from: number, end: number): number {
  const { tokens, lower } = doc;
  const first = tokens[from]!;
  if (doc.inQuote[from]! >= 0 || !(NP_POS.has(first.pos) || (first.pos === 'PRON' && OBJECT_PRONOUNS.has(lower[from]!)))) return end;
  let k = from;
  while (k < end) {
    const t = tokens[k]!;
    const l = lower[k]!;
    if (NP_POS.has(t.pos) || t.pos === 'PART' || t.text === '-' || (t.pos === 'PRON' && (k === from || POSSESSIVES.has(l)))) k++;
    else if ((l === 'of' || l === 'and' || l === 'or') && k + 1 < end && (NP_POS.has(tokens[k + 1]!.pos) || tokens[k + 1]!.pos === 'PRON')) k++;
    else break;
  }
  while (k > from + 1 && WEEKDAYS.has(lower[k - 1]!)) k--;
  if (k >= end || k === from) return end;
  const next = tokens[k]!;
  if (next.text === ',' || next.pos === 'CCONJ' || OBJECT_CLOSERS.has(lower[k]!)) return k;
  return end;
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it', 'me', 'us', 'you', 'himself', 'herself', 'themselves', 'itself']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
/** Prepositions that, after an object, open an adverbial of time rather than more of the content. */
const OBJECT_CLOSERS = new Set(['after', 'during', 'before', 'until', 'since', 'amid']);

const CLAUSE_BREAKS = new Set([';', '—', '–', '--']);
const DASHES = new Set(['—', '–', '--']);
const TRAILING_CLAUSE = new Set(['which', 'and', 'but', 'so', 'yet', 'whereas', 'while']);
/** Words after a comma that close an indirect content whatever follows them (counted on PolNeAR train). */
const CLOSING_CLAUSE = new Set(['which', 'who', 'while', 'whereas', 'although', 'though', 'despite', 'where']);

/**
 * Where an indirect content ends short of the sentence end. Attribution guidelines (and readers)
 * take only what is clearly attributed: a clause after a semicolon or dash, a non-restrictive
 * ", which ..." and a coordinated ", and ..." clause are more often the reporter's than the source's.
 */
function clauseEnd(doc: Doc, from: number, end: number): number {
  for (let k = from + 1; k < end; k++) {
    if (doc.inQuote[k]! >= 0) continue;
    const t = doc.tokens[k]!.text;
    if (CLAUSE_BREAKS.has(t)) return k;
    if (t !== ',' || k + 2 >= end || doc.inQuote[k + 1]! >= 0) continue;
    const word = doc.lower[k + 1]!;
    if (CLOSING_CLAUSE.has(word)) return k;
    // ", and the council ...", ", but said ..." open a clause of their own; ", but also ..." does not
    const next = doc.tokens[k + 2]!.pos;
    if (TRAILING_CLAUSE.has(word) && (next === 'PRON' || next === 'DET' || next === 'PROPN' || next === 'NOUN' || next === 'NUM' || ((word === 'and' || word === 'but') && (next === 'VERB' || next === 'AUX')))) return k;
    // ", drawing boos from the crowd": a participle clause is the reporter's comment
    const after = doc.tokens[k + 1]!;
    if (after.pos === 'VERB' && after.text === word && word !== after.lemma && (word.endsWith('ing') || word.endsWith('ed'))) return k;
  }
  return end;
}

function quoteCoversTail(doc: Doc, from: number, end: number): boolean {
  const q = doc.inQuote[from]!;
  for (let k = from; k < end; k++) if (doc.inQuote[k] !== q) return false;
  return true;
}

function lastTokenBefore(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The noun phrase ending just before `at` (its subject), with a nominal appositive if one intervenes. */
function subjectBefore(doc: Doc, at: number, lo: number): Range | undefined {
  const { tokens, lower } = doc;
  let k = at - 1;
  // "Trump on Tuesday said", "the ministry last week said"
  if (k - 1 >= lo && WEEKDAYS.has(lower[k]!) && /^(on|last|this)$/.test(lower[k - 1]!)) k -= 2;
  // "Ortiz, however, said": a parenthetical adverb between its commas
  if (k - 2 > lo && tokens[k]!.text === ',' && tokens[k - 1]!.pos === 'ADV' && tokens[k - 2]!.text === ',') {
    const np = nounPhraseBefore(doc, k - 2, lo);
    if (np) return np;
  }
  if (k < lo) return undefined;
  // "Volunteers here said": the place goes with the subject, not with the verb
  if (k - 1 >= lo && LOCATIVE_ADVERBS.has(lower[k]!) && (tokens[k - 1]!.pos === 'NOUN' || tokens[k - 1]!.pos === 'PROPN')) {
    const np = nounPhraseBefore(doc, k, lo);
    if (np) return [np[0], k + 1];
  }
  if (DASHES.has(tokens[k]!.text)) {
    // "Jason Sims — a teacher from Mount Pleasant — says": the appositive and its dashes go with the name
    let p = k - 1;
    while (p > lo && !DASHES.has(tokens[p]!.text) && !END_PUNCT.has(tokens[p]!.text) && k - p < 20) p--;
    if (p <= lo || !DASHES.has(tokens[p]!.text) || tokens[p]!.text !== tokens[k]!.text) return undefined;
    const np = nounPhraseBefore(doc, p, lo);
    return np ? [np[0], k + 1] : undefined;
  }
  if (tokens[k]!.text === ',') {
    // "Shoigu, a close aide to the president, said" / "Shoigu, who ..., said" / "Ruiz, D-Ore., said"
    let p = k - 1;
    while (p > lo && tokens[p]!.text !== ',' && !(END_PUNCT.has(tokens[p]!.text) && !abbreviationDot(doc, p)) && !isMark(doc, p)) p--;
    if (p <= lo || tokens[p]!.text !== ',') return undefined;
    const np = nounPhraseBefore(doc, p, lo);
    if (!np) return undefined;
    const first = tokens[p + 1]!;
    const relative = /^(who|which|whose|that)$/i.test(first.text);
    if (relative) return np;
    // "Rubio, speaking at a rally in Miami, said": the participle phrase is circumstance, not source
    if (first.pos === 'VERB' && (formOf(doc, p + 1) === 'ing' || formOf(doc, p + 1) === 'past')) return np;
    // "X, his chief of staff,", "Mr. Ito, of the central bank,", "..., Josh Earnest," (a name the
    // tagger read as a verb)
    if (!(first.pos === 'DET' || first.pos === 'ADJ' || first.pos === 'NOUN' || first.pos === 'PROPN' || first.pos === 'NUM' || nominal(first) || POSSESSIVES.has(lower[p + 1]!) || lower[p + 1] === 'of')) return undefined;
    // the appositive may hold a relative clause of its own ("the icon who founded the institute")
    for (let i = p + 1; i < k; i++) {
      if (/^(who|which|that|whose)$/.test(lower[i]!)) break;
      if ((tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX') && !nominal(tokens[i]!)) return undefined;
    }
    return [np[0], k + 1];
  }
  return nounPhraseBefore(doc, k + 1, lo);
}

/** The full stop of an abbreviation ("Ore.", "Calif."): glued to a short capitalised word. */
function abbreviationDot(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  const prev = doc.tokens[k - 1];
  return t.text === '.' && !!prev && prev.end === t.start && prev.text.length <= 5 && CAPITALISED.test(prev.text);
}

/**
 * Where a name's relative clause ("…, who said …", "a consultant who …") opens between from and
 * to, the comma before it included; -1 if none.
 */
function relativeOpening(doc: Doc, from: number, to: number): number {
  for (let k = to - 1; k > from; k--) {
    if (/^(who|whose)$/.test(doc.lower[k]!)) return doc.tokens[k - 1]!.text === ',' ? k - 1 : k;
  }
  return -1;
}

/** "which said", "who claimed": the relative pronoun is the source as written. */
function relativeSubject(doc: Doc, at: number, lo: number): boolean {
  return at - 1 >= lo && /^(who|which|that)$/.test(doc.lower[at - 1]!);
}

/** A noun phrase ending at `end` (exclusive), scanning left. */
function nounPhraseBefore(doc: Doc, end: number, lo: number): Range | undefined {
  const { tokens, lower } = doc;
  let k = end - 1;
  if (k < lo) return undefined;
  const headTok = tokens[k]!;
  if (headTok.pos === 'PRON') return [k, k + 1];
  // "the National Intelligence Service (국가정보원)": a gloss in brackets closes the name
  if (headTok.text === ')') {
    let p = k - 1;
    while (p > lo && tokens[p]!.text !== '(' && k - p <= 8) p--;
    if (tokens[p]?.text === '(' && p - 1 >= lo && nominal(tokens[p - 1]!)) {
      const np = nounPhraseBefore(doc, p, lo);
      return np ? [np[0], end] : undefined;
    }
  }
  // "those surveyed say", "voters polled said": a participle closing the phrase
  const reduced = headTok.pos === 'VERB' && formOf(doc, k) === 'past' && k - 1 >= lo && (lower[k - 1] === 'those' || (tokens[k - 1]!.pos === 'NOUN' && /s$/.test(lower[k - 1]!)));
  // "26% say": a percentage stands for the people it counts
  const percent = (j: number) => tokens[j]!.text === '%' && j - 1 >= lo && tokens[j - 1]!.pos === 'NUM';
  if (!(nominal(headTok) || reduced || quantifierHead(doc, k, lo) || headTok.pos === 'NUM' || percent(k) || (headTok.pos === 'PUNCT' && headTok.text === ')') || adjectiveHead(doc, k, lo))) return undefined;
  let start = k;
  k--;
  while (k >= lo) {
    const t = tokens[k]!;
    const l = lower[k]!;
    if (NP_POS.has(t.pos) || nominal(t) || percent(k) || (t.pos === 'PART' && (l === "'s" || l === '’s')) || t.text === '-' || t.text === '&') {
      start = k;
      k--;
      continue;
    }
    // "the self-described reformer": any word joined to the phrase by a hyphen belongs to it
    const hyphenAfter = tokens[k + 1]?.text === '-' && tokens[k + 1]!.start === t.end;
    const hyphenBefore = k - 1 >= lo && tokens[k - 1]!.text === '-' && tokens[k - 1]!.end === t.start;
    if (hyphenAfter || hyphenBefore) {
      start = k;
      k--;
      continue;
    }
    // "border officials": a bare verb form before a noun, with no subject of its own before it
    if (t.pos === 'VERB' && l === t.lemma && k + 1 < end && tokens[k + 1]!.pos === 'NOUN' && (k === lo || /^(DET|ADP|SCONJ|PUNCT|CCONJ|ADV)$/.test(tokens[k - 1]!.pos))) {
      start = k;
      k--;
      continue;
    }
    if (t.pos === 'PRON' && /^(his|her|its|their|our|my|your)$/.test(l)) {
      start = k;
      k--;
      break;
    }
    if (t.text === ')' ) {
      // "Sen. Bernie Sanders (I-Vt.)"
      let p = k;
      while (p > lo && tokens[p]!.text !== '(') p--;
      if (tokens[p]!.text !== '(' || k - p > 6) break;
      start = p;
      k = p - 1;
      continue;
    }
    if ((NP_INNER_ADP.has(l) || l === 'and') && k - 1 >= lo && (tokens[k - 1]!.pos === 'NOUN' || tokens[k - 1]!.pos === 'PROPN' || (l === 'of' && (QUANTIFIERS.has(lower[k - 1]!) || percent(k - 1))))) {
      start = k;
      k--;
      continue;
    }
    if (t.pos === 'ADV' && /^(former|then|now|also)$/.test(l) && k + 1 <= end) {
      start = k;
      k--;
      continue;
    }
    break;
  }
  // a phrase may not open on a preposition or conjunction left dangling by the scan
  while (start < end && (NP_INNER_ADP.has(lower[start]!) || lower[start] === 'and')) start++;
  if (start >= end) return undefined;
  if (tokens[start]!.text === '(' ) return undefined;
  return [start, end];
}

const CAPITALISED = /^\p{Lu}/u;

/**
 * "the self-described democratic socialist said": an adjective closing a phrase that a determiner
 * or possessive opens is the noun the tagger missed.
 */
function adjectiveHead(doc: Doc, k: number, lo: number): boolean {
  const { tokens, lower } = doc;
  if (tokens[k]!.pos !== 'ADJ') return false;
  let j = k - 1;
  while (j >= lo && k - j <= 5 && (tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'NOUN' || tokens[j]!.text === '-' || (tokens[j]!.pos === 'VERB' && tokens[j - 1]?.text === '-'))) j--;
  return j >= lo && j < k && (tokens[j]!.pos === 'DET' || POSSESSIVES.has(lower[j]!) || lower[j] === 'one') && !/^(this|that|these|those|all|both|each|some|any|no)$/.test(lower[j]!);
}

/**
 * Nouns and names. wink tags a capitalised name at the start of a sentence as a verb now and then
 * ("Cook said ..."); right before a cue, a capitalised word is far likelier a name than a verb.
 */
function nominal(t: Token): boolean {
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'X') return true;
  // ... and a capitalised "adverb" ("Jolly said") is a name unless it is one of the usual openers
  return ((t.pos === 'VERB' || t.pos === 'ADJ') && CAPITALISED.test(t.text)) || (t.pos === 'ADV' && CAPITALISED.test(t.text) && !OPENING_ADVERBS.has(t.text.toLowerCase()));
}

/** Words that head a phrase with "of": "most of those surveyed", "many of the delegates". */
/** "Many fear ...", "a third said ...": a quantifier standing for the people it counts. */
function quantifierHead(doc: Doc, k: number, lo: number): boolean {
  const prev = doc.tokens[k - 1];
  if (doc.lower[k] === 'another') return k === lo || !prev || prev.pos === 'PUNCT' || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || prev.pos === 'ADV';
  return QUANTIFIER_HEADS.has(doc.lower[k]!) && (k === lo || !prev || prev.pos === 'DET' || prev.pos === 'PUNCT' || prev.pos === 'CCONJ');
}

/** Quantifiers floated off a subject into its verb group: "have both urged", "all agreed". */
const FLOATING = new Set(['both', 'all', 'each']);

/** Quantifiers that head a subject on their own. */
const QUANTIFIER_HEADS = new Set(['many', 'most', 'some', 'others', 'few', 'several', 'both', 'all', 'half', 'third', 'quarter', 'majority']);

const QUANTIFIERS = new Set(['most', 'many', 'some', 'all', 'half', 'none', 'each', 'few', 'several', 'both', 'one', 'two', 'three', 'majority', 'percent', 'any']);

const OPENING_ADVERBS = new Set([
  'however', 'also', 'then', 'later', 'still', 'now', 'here', 'there', 'meanwhile', 'instead', 'yet', 'so', 'even', 'just',
  'only', 'separately', 'finally', 'earlier', 'recently', 'previously', 'again', 'already', 'once', 'often', 'never', 'always',
  'indeed', 'thus', 'therefore', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'similarly', 'likewise', 'otherwise',
  'anyway', 'perhaps', 'maybe', 'certainly', 'clearly', 'obviously', 'apparently', 'reportedly', 'allegedly', 'today', 'tonight',
]);

/** "... said Dr. Jane Ruiz, the mayor's spokeswoman." — the source after an inverted cue. */
function inverseSource(doc: Doc, from: number, end: number): Range | undefined {
  const { tokens, lower } = doc;
  if (from >= end) return undefined;
  const first = tokens[from]!;
  // a capitalised word the tagger took for a verb opens a name ("said Concord resident Whit Symms")
  // ("said Will Doyle": a capitalised auxiliary before a name is the name's)
  const nameAux = (i: number) => tokens[i]!.pos === 'AUX' && CAPITALISED.test(tokens[i]!.text) && tokens[i + 1]?.pos === 'PROPN';
  if (!(first.pos === 'PROPN' || first.pos === 'NOUN' || first.pos === 'DET' || first.pos === 'ADJ' || first.pos === 'PRON' || first.pos === 'NUM' || nominal(first) || nameAux(from))) return undefined;
  // the name itself carries no verb: "said one candidate he likes is ..." is a forward content
  // (an adjectival participle between determiner and noun is no verb: "one unaligned strategist")
  for (let i = from; i < end && tokens[i]!.text !== ','; i++) {
    const t = tokens[i]!;
    // "said the man who built the harbour": the verbs of a relative clause are the name's own
    if (i > from && /^(who|whom|whose)$/.test(lower[i]!)) break;
    const attributive = t.pos === 'VERB' && i > from && (tokens[i + 1]?.pos === 'NOUN' || tokens[i + 1]?.pos === 'PROPN' || tokens[i + 1]?.pos === 'ADJ');
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !nominal(t) && !attributive && !nameAux(i)) return undefined;
  }
  let k = from;
  while (k < end) {
    const t = tokens[k]!;
    if (t.text === ',' && k + 1 < end && (SIBLING_OPENERS.has(lower[k + 1]!) || isParticiple(tokens[k + 1]!.text) && tokens[k + 1]!.pos === 'VERB' || isMark(doc, k + 1))) break;
    if (isMark(doc, k)) {
      // a title quoted inside the description ('the author of “Hacked World Order,” who ...') is
      // part of it; a quotation after a comma is what was said next
      if (opens(doc, k) && k > from && tokens[k - 1]!.text !== ',' && !END_PUNCT.has(tokens[k - 1]!.text.slice(-1))) {
        let j = k + 1;
        while (j < end && j - k <= 12 && !closes(doc, j)) j++;
        if (j < end && closes(doc, j)) {
          k = j + 1;
          continue;
        }
      }
      break;
    }
    k++;
  }
  while (k > from && (tokens[k - 1]!.text === ',' || tokens[k - 1]!.pos === 'PUNCT' && tokens[k - 1]!.text !== ')' && tokens[k - 1]!.text !== '.')) k--;
  return k > from ? [from, k] : undefined;
}

/** A passive cue's agent: "was announced by the ministry". */
function agentAfter(doc: Doc, b: number, hi: number): Range | undefined {
  if (doc.lower[b] !== 'by') return undefined;
  let k = b + 1;
  while (k < hi && NP_POS.has(doc.tokens[k]!.pos)) k++;
  return k > b + 1 ? [b + 1, k] : undefined;
}

/** The content that precedes a postposed source and cue, ending at the comma or quote before them. */
function contentBefore(doc: Doc, leftEdge: number, lo: number): Range | undefined {
  const { tokens, inQuote } = doc;
  let e = leftEdge;
  if (e - 1 >= lo && tokens[e - 1]!.text === ',') e--;
  if (e <= lo && !(e - 1 >= 0 && inQuote[e - 1]! >= 0)) return undefined;
  const lastTok = tokens[e - 1];
  if (!lastTok) return undefined;
  let start = lo;
  const q = inQuote[e - 1]!;
  if (q >= 0 && closes(doc, e - 1)) {
    // the quotation may have opened sentences earlier
    const first = firstTokenAt(doc, doc.quotes[q]!.start);
    start = Math.min(start, first);
  } else if (inQuote[lo]! >= 0 && lo > 0 && inQuote[lo - 1] === inQuote[lo]) {
    start = firstTokenAt(doc, doc.quotes[inQuote[lo]!]!.start);
  }
  if (e <= start) return undefined;
  return [start, e];
}

function firstTokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "The talks, she said, will resume": after the source and cue, a comma and more of the content. */
function parentheticalTail(doc: Doc, from: number, end: number): Range | undefined {
  const { tokens, lower } = doc;
  let k = from;
  // "said on Tuesday," — a time adjunct may close the cue
  k = skipAdjuncts(doc, k, end);
  if (k >= end || tokens[k]!.text !== ',') return undefined;
  k++;
  if (k >= end) return undefined;
  const l = lower[k]!;
  if (SIBLING_OPENERS.has(l) || (isParticiple(tokens[k]!.text) && tokens[k]!.pos === 'VERB') || l === 'according' || l === 'which' || l === 'who') return undefined;
  if (tokens[k]!.pos === 'ADP' || tokens[k]!.pos === 'SCONJ') return undefined;
  return [k, end];
}

function precededByParticiple(doc: Doc, at: number, lo: number): boolean {
  for (let k = at - 1; k >= lo && at - k <= 8; k--) {
    if (doc.tokens[k]!.pos === 'VERB' && isParticiple(doc.tokens[k]!.text)) return true;
    if (doc.tokens[k]!.text === ',') return false;
  }
  return false;
}

/** The subject of a sentence's main clause, for ", saying ..." */
function sentenceSubject(doc: Doc, lo: number, hi: number): Range | undefined {
  const { tokens } = doc;
  let k = lo;
  // skip an opening adverbial that ends in a comma ("On Wednesday, ...", "In a video shown by ..., ")
  const fronted = tokens[lo]!.pos === 'ADP' || tokens[lo]!.pos === 'SCONJ' || tokens[lo]!.pos === 'ADV';
  for (let i = lo; i < (fronted ? hi : Math.min(hi, lo + 8)); i++) {
    if (!fronted && (tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX')) break;
    if (tokens[i]!.text === ',' && doc.inQuote[i]! < 0) {
      k = i + 1;
      break;
    }
  }
  while (k < hi && tokens[k]!.pos === 'CCONJ') k++;
  let e = k;
  while (e < hi && (NP_POS.has(tokens[e]!.pos) || tokens[e]!.pos === 'PART' || (tokens[e]!.pos === 'PRON' && e === k))) {
    if (tokens[e]!.pos === 'PRON' && e === k) {
      e++;
      break;
    }
    e++;
  }
  return e > k ? [k, e] : undefined;
}

/**
 * Quoted sentences that carry no cue of their own continue the content of the attribution just
 * before them: `"...," she said. "These cases take patience."`
 */
function attachQuotedContinuations(doc: Doc, found: Attribution[]): void {
  const { seg, tokens, inQuote } = doc;
  const bySentence = new Map<number, Attribution>();
  for (const a of found) bySentence.set(a.sentence, a);
  let last: Attribution | undefined;
  let lastSentence = -10;
  for (const s of seg.sentences) {
    const own = bySentence.get(s.index);
    if (own) {
      last = own;
      lastSentence = s.index;
      continue;
    }
    if (!last || s.index !== lastSentence + 1) continue;
    const prevSentence = seg.sentences[s.index - 1]!;
    if (s.paragraph - prevSentence.paragraph > 1) continue;
    const first = doc.bounds[2 * s.index]!;
    const end = trimEnd(doc, first, doc.bounds[2 * s.index + 1]!);
    if (first >= end || (!opens(doc, first) && inQuote[first]! < 0)) continue;
    let allQuoted = true;
    for (let k = first; k < end; k++) if (inQuote[k]! < 0) allQuoted = false;
    if (!allQuoted) continue;
    // already inside the content (a multi-sentence quotation taken whole)?
    if (last.content.some(([a, b]) => first >= a && first < b)) {
      lastSentence = s.index;
      continue;
    }
    if (!last.content.some(([a, b]) => inQuote[a] !== -1 || inQuote[b - 1] !== -1)) continue;
    last.content.push([first, end]);
    lastSentence = s.index;
  }
}
