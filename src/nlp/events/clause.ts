/**
 * Just enough clause structure to code events: the auxiliaries and adverbs in front of a verb
 * (tense, negation, passive voice), the subject noun phrase before them, and where a clause ends.
 *
 * wink gives universal POS tags but no parse, so these are bounded left/right scans over one
 * sentence's tokens. Every scan has a fixed limit, which keeps the cost per trigger constant.
 */
import type { Segmented, Sentence, Token } from '../segment.ts';
import {
  ASPECTUAL,
  FUTURE_MODALS,
  HYPOTHETICAL_OPENERS,
  INTENT_MARKERS,
  NEGATIONS,
  PASSIVE_PRONE,
  SPECULATIVE_MODALS,
  SUBORDINATORS,
} from './lexicon.ts';

/** What the words around a verb say about its event. */
export type VerbGroup = {
  /** Index of the first token of the verb group; the subject ends just before it. */
  start: number;
  negated: boolean;
  /** Will/would/shall, or a plan ("plans to", "is ready to"). */
  future: boolean;
  /** Could/might/may/should/must. */
  speculative: boolean;
  passive: boolean;
  /** The verb is a to-infinitive or gerund; `governor` is the verb or adjective it depends on, if any. */
  dependent: boolean;
  governor?: number;
};

/**
 * Per-token marks from earlier stages: inside a time expression (scans step over "on Tuesday")
 * or inside a name (whatever POS wink gave "Cross" in "Red Cross", it is part of a noun phrase).
 */
export type TokenMarks = Uint8Array;
export const IN_TIME = 1;
export const IN_NAME = 2;

const BE = new Set(['be', 'is', 'was', 'were', 'are', 'am', 'been', 'being', "'re", '’re', "'s", '’s']);
/** "is opposed to", "is committed to": a state of the subject, not a passive. */
const STATIVE = new Set(['opposed', 'committed', 'prepared', 'determined', 'engaged', 'involved', 'concerned']);
/** Words the tagger may call prepositions that sit inside a verb group: "has since called for". */
const GROUP_ADVERBS = new Set(['since', 'already', 'also', 'now', 'just', 'still', 'yet', 'recently', 'again', 'once']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom']);
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const NP_PUNCT = new Set(['-', '.', '’', "'", '&']);
const DASHES = new Set(['—', '–', '--']);
const STOP_PUNCT = new Set([';', ':', '(', ')', '"', '“', '”', '?', '!']);

export const lower = (t: Token): string => t.text.toLowerCase();

/** Lower-case lemma; wink keeps capitals on some proper-noun-looking words and sentence-initial nouns. */
export function lemmaOf(t: Token): string {
  return t.lemma.toLowerCase();
}

/** A plural a tagger left unlemmatised (sentence-initial "Troops" tagged PROPN): a crude singular. */
export function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

const isParticiple = (t: Token): boolean => {
  const w = lower(t);
  return !w.endsWith('ing') && w !== t.lemma.toLowerCase();
};

export const isGerund = (t: Token): boolean => lower(t).endsWith('ing') && t.pos === 'VERB';

/** A verb in its dictionary form ("exchange", "send"), as opposed to "sent", "sends", "sending". */
const isBare = (t: Token): boolean => lower(t) === t.lemma.toLowerCase() && !lower(t).endsWith('ing');

/**
 * Reads the verb group to the left of the verb at `i`: auxiliaries, negation, adverbs and any
 * time expression standing between subject and verb ("The US on Thursday demanded").
 */
export function verbGroup(seg: Segmented, s: Sentence, i: number, marks: TokenMarks): VerbGroup {
  const g: VerbGroup = { start: i, negated: false, future: false, speculative: false, passive: false, dependent: false };
  const toks = seg.tokens;
  let sawAux = false;
  let j = i - 1;
  for (; j >= s.tokenStart && i - j <= 10; j--) {
    const t = toks[j]!;
    const w = lower(t);
    if (NEGATIONS.has(w)) {
      g.negated = true;
      continue;
    }
    if (marks[j]! & IN_TIME) continue;
    if (t.pos === 'AUX' || (t.pos === 'PART' && (w === "'s" || w === '’s'))) {
      if (FUTURE_MODALS.has(w)) g.future = true;
      else if (SPECULATIVE_MODALS.has(w)) g.speculative = true;
      else if (!sawAux && BE.has(w) && isParticiple(toks[i]!) && !STATIVE.has(lower(toks[i]!))) g.passive = true;
      sawAux = true;
      continue;
    }
    if ((t.pos === 'ADV' || GROUP_ADVERBS.has(w)) && w !== 'when' && w !== 'how' && w !== 'why' && w !== 'where') continue;
    if (w === 'to' && t.pos === 'PART') {
      g.dependent = true;
      const k = skipAdverbs(toks, j - 1, s.tokenStart);
      if (k >= s.tokenStart && (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'ADJ' || isVerbalIntentNoun(toks, k, s.tokenStart))) g.governor = k;
      j--;
      break;
    }
    break;
  }
  g.start = j + 1;
  // "at risk of being hacked", "for having criticised": an act named, not reported
  if (!g.dependent && g.start < i && g.start > s.tokenStart && (lower(toks[g.start]!) === 'being' || lower(toks[g.start]!) === 'having')) {
    const before = lower(toks[g.start - 1]!);
    if (before === 'of' || before === 'for') g.dependent = true;
  }
  if (!g.dependent && g.start === i && i > s.tokenStart) {
    const k = skipAdverbs(toks, i - 1, s.tokenStart);
    const before = k >= s.tokenStart ? toks[k]! : undefined;
    if (before && isGerund(toks[i]!)) {
      // a gerund right after another verb is that verb's complement: "did not mention sending";
      // after "of" it names an act ("the decision of sending troops"), after "for" a ground
      // ("arrested for collaborating"); right after a noun it describes that noun ("a resolution
      // censuring ...")
      if (before.pos === 'VERB') {
        g.dependent = true;
        g.governor = k;
      } else if (lower(before) === 'of' || lower(before) === 'for' || ((before.pos === 'NOUN' || before.pos === 'PROPN') && k === i - 1)) {
        g.dependent = true;
      }
    } else if (before && (before.pos === 'NOUN' || before.pos === 'PROPN') && k === i - 1 && isParticiple(toks[i]!)) {
      // a reduced relative: "soldiers killed by a roadside bomb", "civilians wounded in the
      // shelling" are passive
      const next = toks[i + 1];
      if (next && lower(next) === 'by' && !isMeans(toks[i + 2])) g.passive = true;
      else if (PASSIVE_PRONE.has(lemmaOf(toks[i]!)) && (!next || i + 1 >= s.tokenEnd || marks[i + 1]! & IN_TIME || ['ADP', 'PUNCT', 'ADV', 'SCONJ'].includes(next.pos))) g.passive = true;
    }
  }
  return g;
}

/** "retaliated by firing": "by" with a gerund gives the means, not an agent. */
function isMeans(t: Token | undefined): boolean {
  return !!t && lower(t).endsWith('ing') && (t.pos === 'VERB' || t.pos === 'NOUN');
}

/** "Greece plans to impose": a tagger may read the verb "plans" as a noun; no determiner before it means it is the verb. */
function isVerbalIntentNoun(toks: Token[], k: number, floor: number): boolean {
  const t = toks[k]!;
  if (t.pos !== 'NOUN' || !INTENT_MARKERS.has(t.lemma.toLowerCase()) || !lower(t).endsWith('s')) return false;
  const before = k - 1 >= floor ? toks[k - 1]! : undefined;
  return !!before && (before.pos === 'PROPN' || before.pos === 'NOUN' || before.pos === 'PRON') && !['its', 'their', 'his', 'her', 'our', 'my', 'your'].includes(lower(before));
}

function skipAdverbs(toks: Token[], j: number, floor: number): number {
  while (j >= floor && (toks[j]!.pos === 'ADV' || NEGATIONS.has(lower(toks[j]!)))) j--;
  return j;
}

/** How a dependent verb's governor shapes it: passes it through, makes it a plan, or neither. */
export function governorKind(seg: Segmented, governor: number): 'aspectual' | 'intent' | 'other' {
  const lem = lemmaOf(seg.tokens[governor]!);
  // "soldiers were being prepared to fight": someone readies them; it is no plan of theirs
  if (governor > 0 && lower(seg.tokens[governor - 1]!) === 'being') return 'other';
  if (ASPECTUAL.has(lem)) return 'aspectual';
  if (INTENT_MARKERS.has(lem) || INTENT_MARKERS.has(lower(seg.tokens[governor]!))) return 'intent';
  return 'other';
}

export type Subject =
  | { kind: 'np'; start: number; end: number }
  | { kind: 'pronoun'; index: number }
  | { kind: 'none' };

const NONE: Subject = { kind: 'none' };

function isNPToken(t: Token): boolean {
  switch (t.pos) {
    case 'NOUN':
    case 'PROPN':
    case 'ADJ':
    case 'DET':
    case 'NUM':
    case 'X':
      return true;
    case 'PART':
      return lower(t) === "'s" || lower(t) === '’s' || lower(t) === "'" || lower(t) === '’';
    case 'PUNCT':
      return NP_PUNCT.has(t.text);
    default:
      return false;
  }
}

/**
 * The subject of the verb whose group starts at `vgStart`: the noun phrase just before it,
 * stepping over an appositive or relative clause set off by commas ("Shoigu, a close aide to
 * Putin, met ..."), or, for a verb coordinated with an earlier one ("met X and agreed"), the
 * earlier verb's subject.
 */
export function subjectOf(seg: Segmented, s: Sentence, vgStart: number, marks: TokenMarks, depth = 0): Subject {
  const toks = seg.tokens;
  let j = vgStart - 1;
  if (j < s.tokenStart || depth > 3) return NONE;
  let t = toks[j]!;
  let w = lower(t);
  if (w === ',' || DASHES.has(w)) {
    const verb = toks[vgStart];
    if (verb && isGerund(verb)) return earlierSubject(seg, s, j, marks, depth);
    const open = matchingOpen(toks, j, s.tokenStart, w);
    if (open < 0) return NONE;
    // "The co-founder of Google, Sergey Brin, met ...": the aside is the name of the one who acts
    if (j - open > 1 && allNamed(marks, open + 1, j)) return { kind: 'np', start: open + 1, end: j };
    j = open - 1;
    if (j < s.tokenStart) return NONE;
    t = toks[j]!;
    w = lower(t);
  }
  if (RELATIVES.has(w) && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'SCONJ')) {
    j--;
    if (j >= s.tokenStart && lower(toks[j]!) === ',') j--;
    if (j < s.tokenStart) return NONE;
    t = toks[j]!;
    w = lower(t);
  }
  if (t.pos === 'CCONJ') return earlierSubject(seg, s, j, marks, depth);
  if (t.pos === 'PRON') return PRONOUN_SUBJECTS.has(w) ? { kind: 'pronoun', index: j } : NONE;
  // "The Nigerian Union of Teachers (NUT) announced": the bracketed short form is part of the name
  if (w === ')') {
    const open = findBack(toks, j - 1, s.tokenStart, '(', 8);
    if (open <= s.tokenStart) return NONE;
    j = open - 1;
    t = toks[j]!;
  }
  if (!(marks[j]! & IN_NAME) && (!isNPToken(t) || t.pos === 'DET' || (t.pos === 'PUNCT' && !NP_PUNCT.has(t.text)))) return NONE;
  let k = j;
  let end = j + 1;
  while (k - 1 >= s.tokenStart && j - k < 16) {
    const p = toks[k - 1]!;
    const pw = lower(p);
    if (marks[k - 1]! & IN_TIME) break;
    if (isNPToken(p) || marks[k - 1]! & IN_NAME) {
      k--;
      continue;
    }
    if (pw === ')') {
      const open = findBack(toks, k - 2, s.tokenStart, '(', 8);
      if (open <= s.tokenStart) break;
      k = open;
      continue;
    }
    const before = toks[k - 2];
    // "Palestinian police in Jericho confiscated", "Germany's ambassador to Russia said": the head acts
    if (end === j + 1 && PLACE_PREPOSITIONS.has(pw) && before && isNPToken(before) && isShortName(toks, marks, k, j)) {
      end = k - 1;
      k--;
      continue;
    }
    if (pw === 'of' && before && (before.pos === 'NOUN' || before.pos === 'NUM' || before.pos === 'PROPN' || before.pos === 'PRON')) {
      k--;
      continue;
    }
    if ((pw === 'and' || pw === '&') && before && (before.pos === 'PROPN' || before.pos === 'NOUN' || before.pos === 'ADJ')) {
      k--;
      continue;
    }
    break;
  }
  return { kind: 'np', start: k, end };
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'for']);

/** Tokens [from, to] are a name or a short proper-noun phrase ("in the West Bank"). */
function isShortName(toks: Token[], marks: TokenMarks, from: number, to: number): boolean {
  if (to - from > 5) return false;
  for (let m = from; m <= to; m++) {
    if (marks[m]! & IN_NAME || toks[m]!.pos === 'PROPN' || toks[m]!.pos === 'DET') continue;
    return false;
  }
  return true;
}

function allNamed(marks: TokenMarks, from: number, to: number): boolean {
  for (let m = from; m < to; m++) if (!(marks[m]! & IN_NAME)) return false;
  return true;
}

function findBack(toks: Token[], from: number, floor: number, text: string, limit: number): number {
  for (let k = from; k >= floor && from - k < limit; k--) if (toks[k]!.text === text) return k;
  return -1;
}

/** Index of the comma or dash opening the aside that `close` ends, when the aside looks like one. */
function matchingOpen(toks: Token[], close: number, floor: number, mark: string): number {
  const dash = DASHES.has(mark);
  for (let k = close - 1; k >= floor && close - k <= 30; k--) {
    const w = lower(toks[k]!);
    if (STOP_PUNCT.has(w)) return -1;
    if (dash ? DASHES.has(w) : w === ',') {
      const first = toks[k + 1];
      if (!first || k + 1 === close) return -1;
      const fw = lower(first);
      if (RELATIVES.has(fw) || fw === 'whose') return k;
      // a participial aside: "Predator attacks, occurring every three days, have killed ..."
      if (first.pos === 'VERB' && (isGerund(first) || isParticiple(first))) return k;
      if (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(first.pos)) {
        // an aside holds no finite verb of its own, apart from a relative clause
        for (let m = k + 1; m < close; m++) if (toks[m]!.pos === 'VERB' && !isParticiple(toks[m]!) && !isGerund(toks[m]!)) return -1;
        return k;
      }
      return -1;
    }
  }
  return -1;
}

/** Subject shared with the nearest earlier verb of the sentence: "met Kim and agreed", "opened fire, killing one". */
function earlierSubject(seg: Segmented, s: Sentence, from: number, marks: TokenMarks, depth: number): Subject {
  const toks = seg.tokens;
  for (let k = from - 1; k >= s.tokenStart && from - k <= 25; k--) {
    const t = toks[k]!;
    if (STOP_PUNCT.has(t.text)) return NONE;
    if (t.pos === 'VERB') {
      // "said ... and accused": a coordinated verb has the form of its partner, so a bare
      // "exchange" inside the first clause is not where the subject is found
      const partner = toks[from + 1] ?? t;
      if (isBare(t) !== isBare(partner) && !lower(partner).endsWith('ing')) continue;
      const g = verbGroup(seg, s, k, marks);
      if (g.dependent) {
        // a purpose clause ("opened fire to disperse them, killing one") is skipped for the verb it serves
        if (g.governor !== undefined) return earlierSubject(seg, s, g.governor + 1, marks, depth + 1);
        k = g.start;
        continue;
      }
      // after a passive ("was attacked by militiamen, killing 20") the doer is not the subject
      if (g.passive) return NONE;
      return subjectOf(seg, s, g.start, marks, depth + 1);
    }
  }
  return NONE;
}

/**
 * The clause a verb opens, seen from the right of its trigger: stops at strong punctuation, a
 * subordinate clause or a new finite verb coordinated with "and"; steps over asides between
 * commas or dashes. `through` lets a governor's clause run on into its complement ("that ...").
 */
export function clauseEnd(seg: Segmented, s: Sentence, from: number, limit: number, through = false): number {
  const toks = seg.tokens;
  const end = Math.min(s.tokenEnd, from + limit);
  for (let k = from; k < end; k++) {
    const t = toks[k]!;
    const w = lower(t);
    if (STOP_PUNCT.has(w)) return k;
    if (DASHES.has(w)) {
      const close = findForward(toks, k + 1, end, (x) => DASHES.has(lower(x)), 10);
      if (close < 0) return k;
      k = close;
      continue;
    }
    if (w === ',') {
      const next = toks[k + 1];
      if (!next) return k;
      // ", saying ...", ", which ...", ", while ..." start another clause
      if (next.pos === 'VERB' || RELATIVES.has(lower(next)) || SUBORDINATORS.has(lower(next)) || next.pos === 'CCONJ') return k;
      if (next.pos === 'PRON' && lower(next) !== 'its' && lower(next) !== 'their') return k;
      continue;
    }
    if ((t.pos === 'SCONJ' || t.pos === 'ADP') && SUBORDINATORS.has(w) && !(through && w === 'that')) {
      if (w === 'as' || w === 'since' || w === 'after' || w === 'before' || w === 'until') {
        // prepositional uses ("after talks", "as a result") do not open a clause
        if (isClauseOpening(toks, k + 1, end)) return k;
        continue;
      }
      return k;
    }
    if (w === 'that' && t.pos === 'SCONJ' && !through) return k;
    if (t.pos === 'CCONJ') {
      const next = skipAdverbsForward(toks, k + 1, end);
      if (next < end && (toks[next]!.pos === 'AUX' || (toks[next]!.pos === 'VERB' && lower(toks[next]!) !== toks[next]!.lemma.toLowerCase()))) return k;
    }
  }
  return end;
}

function isClauseOpening(toks: Token[], k: number, end: number): boolean {
  for (let m = k; m < end && m - k < 6; m++) {
    const t = toks[m]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return !isGerund(t);
    if (t.pos === 'PUNCT') return false;
  }
  return false;
}

function skipAdverbsForward(toks: Token[], k: number, end: number): number {
  while (k < end && (toks[k]!.pos === 'ADV' || NEGATIONS.has(lower(toks[k]!)))) k++;
  return k;
}

function findForward(toks: Token[], from: number, end: number, pred: (t: Token) => boolean, limit: number): number {
  for (let k = from; k < end && k - from < limit; k++) if (pred(toks[k]!)) return k;
  return -1;
}

/** The conjunction opening the clause whose subject starts at `subjectStart` ("before", "when"), if any. */
export function clauseOpener(seg: Segmented, s: Sentence, subjectStart: number): string | undefined {
  const toks = seg.tokens;
  for (let k = subjectStart - 1; k >= s.tokenStart && subjectStart - k <= 4; k--) {
    const t = toks[k]!;
    const w = lower(t);
    if (SUBORDINATORS.has(w) && (t.pos === 'SCONJ' || t.pos === 'ADP' || t.pos === 'ADV')) return w;
    if (w !== ',' && t.pos !== 'CCONJ' && t.pos !== 'DET' && t.pos !== 'ADV') return undefined;
  }
  return undefined;
}

/** True when the clause holding the subject starting at `subjectStart` is a condition or a question. */
export function isHypothetical(seg: Segmented, s: Sentence, subjectStart: number): boolean {
  const toks = seg.tokens;
  for (let k = subjectStart - 1; k >= s.tokenStart && subjectStart - k <= 4; k--) {
    const t = toks[k]!;
    const w = lower(t);
    if (HYPOTHETICAL_OPENERS.has(w)) return true;
    // "so that ...": a purpose, not a fact
    if (w === 'that' && k > s.tokenStart && lower(toks[k - 1]!) === 'so') return true;
    // "if either country was attacked", "whether or not the two sides meet"
    if (w !== ',' && w !== 'that' && t.pos !== 'CCONJ' && t.pos !== 'DET' && t.pos !== 'ADV') return false;
  }
  return false;
}
