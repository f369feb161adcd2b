/**
 * PLOVER 2.0 event coding: finds event triggers by lemma and part of speech, decides what the
 * words around them do to the event (negation, futurity, passive voice, a governing "agreed to"
 * or "demanded that"), and fills actor, recipient, place and time from the entities, times and
 * claims of earlier stages.
 *
 * Precision comes first: an event whose actor is wrong misleads an analyst more than a missing
 * one, so roles are filled only from clear syntactic positions, and events that did not happen
 * (negated, merely possible, asked about, purpose clauses) are not reported.
 */
import type { Claim, Entity, Event, TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';
import type { Segmented, Sentence, Token } from './segment.ts';
import {
  ARMED,
  COERCIVE,
  SPEECH_VERBS,
  COOPERATIVE,
  NOUN_SENSES,
  VERB_SENSES,
  VERBAL,
  WEAPON_MODES,
  WORD_CLASSES,
  type NounSense,
  type PloverType,
  type Sense,
  type WordClassName,
} from './events/lexicon.ts';
import {
  clauseEnd,
  clauseOpener,
  governorKind,
  isHypothetical,
  lemmaOf,
  lower,
  singular,
  subjectOf,
  verbGroup,
  type Subject,
  IN_NAME,
  IN_TIME,
  type TokenMarks,
  type VerbGroup,
} from './events/clause.ts';
import {
  claimHolding,
  cueSource,
  findAgent,
  findPlace,
  findRecipient,
  findWhen,
  indexMentions,
  lemmaIn,
  partiesIn,
  pronounSource,
  stateOf,
  tokenMarks,
  type MentionIndex,
} from './events/roles.ts';

/** How far after a verb its object is looked for. */
const OBJECT_WINDOW = 8;
/** How far a governor's complement reaches ("demanded that ... withdraw its troops from ..."). */
const GOVERNED_WINDOW = 25;
/** Particles that are part of the trigger's words ("called for", "stepped down"). */
const TRIGGER_PARTICLES = new Set(['for', 'off', 'up', 'down', 'out', 'back', 'fire', 'ablaze', 'with', 'on', 'upon']);
/** Particles that make a phrasal support verb ("carried out raids", "went on strike"). */
const SUPPORT_PARTICLES = new Set(['out', 'on', 'off', 'up', 'down', 'to']);

/** What the words before a verb say, once a dependent verb has been traced to its governor. */
type Analysis = {
  group: VerbGroup;
  /** The group whose subject and modality count (the governor's, for "began to withdraw"). */
  effective: VerbGroup;
  subject: Subject;
  future: boolean;
  /** The event is not asserted: a purpose clause or the complement of a verb that is no event. */
  unasserted: boolean;
};

type Candidate = {
  /** Trigger tokens [start, end). */
  start: number;
  end: number;
  /** The verb whose subject and voice the event takes. */
  head: number;
  sense: Sense;
  governed?: boolean;
  content?: Candidate;
  /** For a reported obligation ("said that X must ..."): X, who is asked. */
  obligated?: Subject;
};

type Ctx = {
  seg: Segmented;
  s: Sentence;
  marks: TokenMarks;
  ix: MentionIndex;
  analyses: Map<number, Analysis>;
  /** clauseEnd results, by (from, limit, through): the same windows are asked for by several senses. */
  ends: Map<number, number>;
};

function endOf(c: Ctx, from: number, limit: number, through = false): number {
  const key = from * 128 + limit * 2 + (through ? 1 : 0);
  let end = c.ends.get(key);
  if (end === undefined) {
    end = clauseEnd(c.seg, c.s, from, limit, through);
    c.ends.set(key, end);
  }
  return end;
}

export function extractEvents(
  ctx: StageContext,
  earlier: { entities: Entity[]; times: TimeExpr[]; claims: Claim[] },
): Event[] {
  const { seg } = ctx;
  if (seg.tokens.length === 0) return [];
  const ix = indexMentions(seg, earlier.entities);
  const marks = tokenMarks(seg, earlier.times, ix);
  const asState = stateOf(earlier.entities);
  const events: Event[] = [];
  for (const s of seg.sentences) {
    if (isQuestion(seg, s)) continue;
    const c: Ctx = { seg, s, marks, ix, analyses: new Map(), ends: new Map() };
    const candidates = findCandidates(c);
    if (candidates.length === 0) continue;
    absorbComplements(c, candidates);
    const inSentence: Omit<Event, 'id'>[] = [];
    for (const cand of candidates) {
      if (cand.governed) continue;
      const ev = codeEvent(c, cand, earlier.times, earlier.claims);
      if (!ev) continue;
      if (ev.actor) ev.actor = asState(ev.actor);
      if (ev.recipient) ev.recipient = asState(ev.recipient);
      if (ev.actor === ev.recipient) delete ev.recipient;
      if (!inSentence.some((o) => restates(o, ev))) inSentence.push(ev);
    }
    for (const ev of inSentence) events.push({ id: `v${events.length + 1}`, ...ev });
  }
  return events;
}

/** A question asks whether something happened; it reports nothing. */
function isQuestion(seg: Segmented, s: Sentence): boolean {
  for (let k = s.tokenEnd - 1; k >= s.tokenStart && s.tokenEnd - k <= 3; k--) {
    const w = seg.tokens[k]!.text;
    if (w === '?') return true;
    if (!QUOTES.has(w)) return false;
  }
  return false;
}

const QUOTES = new Set(['"', '”', '’', "'", '»', ')']);

/**
 * Within a sentence, a second trigger of the same type that adds no party is the same event told
 * again ("opened fire on the crowd, killing two"), not a new one.
 */
function restates(earlier: Omit<Event, 'id'>, later: Omit<Event, 'id'>): boolean {
  return (
    earlier.type === later.type &&
    (later.actor === undefined || later.actor === earlier.actor) &&
    (later.recipient === undefined || later.recipient === earlier.recipient)
  );
}

// ---------------------------------------------------------------------------------------------
// Finding triggers

function analyse(c: Ctx, head: number): Analysis {
  const cached = c.analyses.get(head);
  if (cached) return cached;
  const group = coordinatedInfinitive(c, head) ?? verbGroup(c.seg, c.s, head, c.marks);
  let effective = group;
  let future = group.future;
  let unasserted = false;
  const issuer = group.dependent && group.governor === undefined ? issuingVerb(c, head) : -1;
  if (issuer >= 0) {
    // "issued a statement condemning ...": the statement's issuer condemns
    effective = analyse(c, issuer).effective;
  } else if (group.dependent) {
    if (group.governor === undefined) unasserted = true;
    else {
      const kind = governorKind(c.seg, group.governor);
      if (kind === 'other') unasserted = true;
      else {
        // "began to withdraw", "plans to send": the governor carries subject, tense and negation
        effective = analyse(c, group.governor).effective;
        future = future || effective.future || kind === 'intent';
      }
    }
  }
  const subject = subjectOf(c.seg, c.s, effective.start, c.marks);
  const a: Analysis = { group, effective, subject, future, unasserted };
  c.analyses.set(head, a);
  return a;
}

const ISSUED_NOUNS = new Set(['statement', 'declaration', 'resolution', 'communique', 'communiqué', 'letter', 'message', 'note', 'decree', 'order']);

/** For a gerund right after a statement noun, the verb that issued the statement ("issued", "adopted"), or -1. */
function issuingVerb(c: Ctx, head: number): number {
  const toks = c.seg.tokens;
  const noun = toks[head - 1];
  if (!noun || head - 1 < c.s.tokenStart || !lower(toks[head]!).endsWith('ing') || !ISSUED_NOUNS.has(lemmaOf(noun))) return -1;
  for (let k = head - 2; k >= c.s.tokenStart && head - k <= 6; k--) {
    const t = toks[k]!;
    if (t.pos === 'VERB') return k;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.pos !== 'NUM') return -1;
  }
  return -1;
}

/** "to tighten sanctions and impose a blockade": a bare verb after "and" shares the infinitive before it. */
function coordinatedInfinitive(c: Ctx, head: number): VerbGroup | undefined {
  const toks = c.seg.tokens;
  const t = toks[head]!;
  if (head - 1 < c.s.tokenStart || toks[head - 1]!.pos !== 'CCONJ' || lower(t) !== lemmaOf(t)) return undefined;
  for (let k = head - 2; k >= c.s.tokenStart && head - k <= 12; k--) {
    const p = toks[k]!;
    if (p.pos === 'VERB') {
      const g = verbGroup(c.seg, c.s, k, c.marks);
      return g.dependent ? { ...verbGroup(c.seg, c.s, head, c.marks), dependent: true, governor: g.governor, start: g.start } : undefined;
    }
    if (p.text === ',' || p.text === ';') return undefined;
  }
  return undefined;
}

function findCandidates(c: Ctx): Candidate[] {
  const { seg, s } = c;
  const toks = seg.tokens;
  const byHead = new Map<number, Candidate>();
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = toks[i]!;
    let found = false;
    // a verb-looking word inside a name ("Red Cross", "Operation Desert Storm") triggers nothing
    if (c.marks[i]! & IN_NAME) continue;
    if ((t.pos === 'VERB' && !isCompoundModifier(c, i) && !isAdjectival(c, i)) || isMistaggedGerund(c, i)) {
      const senses = sensesOfVerb(c, i);
      for (const sense of senses ?? []) {
        const cand = verbCandidate(c, i, sense);
        if (cand) {
          byHead.set(i, cand);
          found = true;
          break;
        }
      }
    }
    if (!found && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB' || t.pos === 'ADJ')) {
      const senses = NOUN_SENSES.get(lemmaOf(t)) ?? (t.pos === 'PROPN' ? NOUN_SENSES.get(singular(lower(t))) : undefined);
      const cand = senses && nounCandidate(c, i, senses);
      // the noun says more than its support verb ("imposed sanctions" over "imposed")
      if (cand) byHead.set(cand.head, cand);
    }
    if (t.pos === 'AUX' && OBLIGATION.has(lower(t))) {
      const cand = mustCandidate(c, i);
      // keyed apart from verbs: the modal is no verb head of its own
      if (cand) byHead.set(-1 - i, cand);
    }
  }
  return [...byHead.values()].sort((a, b) => a.start - b.start);
}

const DEGREE = new Set(['very', 'so', 'too', 'extremely', 'more', 'most', 'less', 'least', 'quite', 'rather', 'increasingly', 'highly']);

/**
 * A verb form doing an adjective's or a noun's work: "an attacking style", "very threatening",
 * "as opposed to", or a noun the tagger read as a verb right after another verb ("has prompted
 * calls for").
 */
function isAdjectival(c: Ctx, i: number): boolean {
  const toks = c.seg.tokens;
  if (i === c.s.tokenStart) return false;
  const t = toks[i]!;
  const prev = toks[i - 1]!;
  const next = toks[i + 1];
  const w = lower(t);
  if (DEGREE.has(lower(prev))) return true;
  // "as opposed to", "as promised", "as agreed"
  if (lower(prev) === 'as' && !w.endsWith('ing') && w !== t.lemma.toLowerCase()) return true;
  if (w.endsWith('ing') && next && next.pos === 'NOUN' && i + 1 < c.s.tokenEnd && (prev.pos === 'DET' || prev.pos === 'ADJ' || lower(prev) === 'with')) return true;
  if (prev.pos === 'VERB' && !w.endsWith('ing') && w === t.lemma.toLowerCase()) return true;
  // "captured soldiers told interrogators": a participle before a noun, with no subject or
  // auxiliary before it, describes the noun
  if (!w.endsWith('ing') && w !== t.lemma.toLowerCase() && next?.pos === 'NOUN' && ['DET', 'ADJ', 'VERB', 'ADP'].includes(prev.pos)) return true;
  return false;
}

/** "Iranian-backed", "war-torn": a verb fused to a word by a hyphen modifies a noun; it reports no event. */
function isCompoundModifier(c: Ctx, i: number): boolean {
  const toks = c.seg.tokens;
  const dash = toks[i - 1];
  if (i - 2 < c.s.tokenStart || !dash || dash.text !== '-' || dash.end !== toks[i]!.start) return false;
  return !VERB_SENSES.has(`${lemmaOf(toks[i - 2]!)}-${lemmaOf(toks[i]!)}`);
}

const OBLIGATION = new Set(['must', 'should']);
/** Past forms of event verbs that are also nouns, which the tagger may read as nouns. */
const NOUN_LIKE_PASTS = new Map([['shot', 'shoot'], ['fought', 'fight'], ['struck', 'strike'], ['sent', 'send'], ['met', 'meet'], ['bombed', 'bomb'], ['shelled', 'shell']]);
const SAYING_NOUNS = new Set(['reminder', 'statement', 'warning', 'message', 'declaration', 'letter', 'resolution', 'communique', 'communiqué']);
const MUST_SENSE: Sense = { type: 'REQUEST', governs: 'request' };

/**
 * "Russia said that Sudan must return the helicopter": a reported obligation laid on someone else
 * is a demand by the speaker on that someone. The trigger runs from the modal to its verb.
 */
function mustCandidate(c: Ctx, i: number): Candidate | undefined {
  const { seg, s } = c;
  const toks = seg.tokens;
  let v = i + 1;
  while (v < s.tokenEnd && v - i <= 3 && (toks[v]!.pos === 'ADV' || toks[v]!.pos === 'PART')) v++;
  if (v >= s.tokenEnd || (toks[v]!.pos !== 'VERB' && toks[v]!.pos !== 'AUX')) return undefined;
  const subject = subjectOf(seg, s, i, c.marks);
  if (subject.kind === 'none') return undefined;
  if (subject.kind === 'pronoun' && ['we', 'i', 'you'].includes(lower(toks[subject.index]!))) return undefined;
  let k = (subject.kind === 'np' ? subject.start : subject.index) - 1;
  if (k >= s.tokenStart && lower(toks[k]!) === 'that') k--;
  while (k >= s.tokenStart && (c.marks[k]! & IN_TIME || toks[k]!.pos === 'ADV')) k--;
  if (k < s.tokenStart) return undefined;
  const sayer = toks[k]!;
  let head = -1;
  if (sayer.pos === 'VERB' && (SPEECH_VERBS.has(lemmaOf(sayer)) || VERB_SENSES.get(lemmaOf(sayer))?.some((x) => x.governs))) head = k;
  else if (sayer.pos === 'NOUN' && SAYING_NOUNS.has(lemmaOf(sayer))) {
    // "issued a stern reminder to Iraq that it must ...": the actor is whoever issued it
    for (let m = k - 1; m >= s.tokenStart && k - m <= 5; m--) if (toks[m]!.pos === 'VERB') {
      head = m;
      break;
    }
  }
  if (head < 0) return undefined;
  return { start: i, end: v + 1, head, sense: MUST_SENSE, obligated: subject };
}

/**
 * wink tags some verbs as nouns: a coordinated gerund ("killing one and arresting 12"), or a
 * past form that is also a noun between a subject and an object ("Police shot a man").
 */
function isMistaggedGerund(c: Ctx, i: number): boolean {
  const t = c.seg.tokens[i]!;
  if (t.pos !== 'NOUN' || i === c.s.tokenStart) return false;
  if (NOUN_LIKE_PASTS.has(lower(t))) {
    const prev = c.seg.tokens[i - 1]!;
    const next = c.seg.tokens[i + 1];
    return ['NOUN', 'PROPN', 'PRON'].includes(prev.pos) && !!next && ['DET', 'NUM', 'PROPN', 'PRON'].includes(next.pos);
  }
  if (!lower(t).endsWith('ing')) return false;
  const prev = lower(c.seg.tokens[i - 1]!);
  return (prev === 'and' || prev === ',' || prev === 'or') && gerundStem(lower(t)) !== undefined;
}

function gerundStem(w: string): string | undefined {
  const stem = w.slice(0, -3);
  for (const cand of [stem, `${stem}e`, stem.slice(0, -1)]) if (VERB_SENSES.has(cand)) return cand;
  return undefined;
}

function sensesOfVerb(c: Ctx, i: number): readonly Sense[] | undefined {
  const toks = c.seg.tokens;
  if (i - 2 >= c.s.tokenStart && toks[i - 1]!.text === '-') {
    const compound = VERB_SENSES.get(`${lemmaOf(toks[i - 2]!)}-${lemmaOf(toks[i]!)}`);
    if (compound) return compound;
  }
  const t = toks[i]!;
  if (t.pos === 'NOUN') {
    const past = NOUN_LIKE_PASTS.get(lower(t));
    if (past) return VERB_SENSES.get(past);
    const stem = gerundStem(lower(t));
    return stem ? VERB_SENSES.get(stem) : undefined;
  }
  return VERB_SENSES.get(lemmaOf(t));
}

/**
 * Whether a word of the classes occurs in [from, to). With `headsOnly`, a noun counts only as the
 * head of its compound: "weapons inspectors" are inspectors, not weapons.
 */
function hasClass(c: Ctx, from: number, to: number, classes: readonly WordClassName[] | undefined, headsOnly = false): boolean {
  if (!classes) return false;
  const toks = c.seg.tokens;
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (headsOnly && k + 1 < to && (t.pos === 'NOUN' || t.pos === 'PROPN') && toks[k + 1]!.pos === 'NOUN') continue;
    // "sent to the Rehabilitation Project Force" is no force, but "blocked the Europe Bridge" is a bridge
    const named = headsOnly && (c.marks[k]! & IN_NAME) !== 0;
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ' && t.pos !== 'VERB' && t.pos !== 'X') {
      // currency signs stand for money: "$5 million in aid"
      if (!(t.kind === 'currency' || t.pos === 'SYM') || !classes.includes('AID_GOODS')) continue;
      return true;
    }
    for (const name of classes) {
      if (named && name !== 'ROADS' && name !== 'PLACES' && name !== 'CLOSABLE') continue;
      if (lemmaIn(t, WORD_CLASSES[name])) return true;
    }
  }
  return false;
}

function subjectRange(subject: Subject): [number, number] {
  if (subject.kind === 'np') return [subject.start, subject.end];
  if (subject.kind === 'pronoun') return [subject.index, subject.index + 1];
  return [0, 0];
}

function verbCandidate(c: Ctx, i: number, sense: Sense): Candidate | undefined {
  const toks = c.seg.tokens;
  let end = i + 1;
  if (sense.particle) {
    // "pushing hard for", "called Thursday on": an adverb or a day may come between
    let p = i + 1;
    while (p < c.s.tokenEnd && p - i <= 3 && (c.marks[p]! & IN_TIME || (toks[p]!.pos === 'ADV' && !sense.particle.includes(lower(toks[p]!))))) p++;
    const next = toks[p];
    if (!next || p >= c.s.tokenEnd || !sense.particle.includes(lower(next))) return undefined;
    if (TRIGGER_PARTICLES.has(lower(next)) && sense.governs !== 'protest' && p === i + 1) end = i + 2;
  }
  const a = analyse(c, i);
  if (sense.passiveOnly && !a.group.passive) return undefined;
  if (!sensePasses(c, sense, a, end, end, end)) return undefined;
  if (sense.thenTo && !infinitiveFollows(c, end)) return undefined;
  if (sense.after && (i === c.s.tokenStart || lower(toks[i - 1]!) !== sense.after)) return undefined;
  if (sense.needsObject && !a.group.passive && !hasObject(c, end)) return undefined;
  if (sense.official && !(a.subject.kind === 'np' && isOfficialSubject(c, a.subject.start, a.subject.end))) return undefined;
  if (sense.party && !hasCounterpart(c, end)) return undefined;
  return { start: i, end, head: i, sense };
}

/** Object, subject and agent conditions of a sense. `modsFrom..end` are words between a support verb and its noun. */
function sensePasses(c: Ctx, sense: Sense, a: Analysis, modsFrom: number, end: number, objectFrom: number): boolean {
  const objectTo = endOf(c, objectFrom, OBJECT_WINDOW);
  const [sa, sb] = subjectRange(a.subject);
  const inObject = (classes: readonly WordClassName[] | undefined): boolean =>
    hasClass(c, objectFrom, objectTo, classes, true) || hasClass(c, modsFrom, end, classes) || (a.group.passive && hasClass(c, sa, sb, classes, true));
  if (sense.object && !inObject(sense.object)) return false;
  if (sense.notObject && inObject(sense.notObject)) return false;
  if (sense.subject && !hasClass(c, sa, sb, sense.subject)) return false;
  if (sense.agent && !hasAgent(c, a, objectFrom, objectTo)) return false;
  return true;
}

/** A doer that makes killing or destroying an act of force: a named party or an armed group. */
function hasAgent(c: Ctx, a: Analysis, from: number, to: number): boolean {
  const toks = c.seg.tokens;
  const [sa, sb] = subjectRange(a.subject);
  if (!a.group.passive && a.subject.kind === 'np' && (partiesIn(c.ix, sa, sb).length > 0 || hasArmed(c, sa, sb))) return true;
  if (a.group.passive) {
    for (let k = from; k < to; k++) if (lower(toks[k]!) === 'by') return true;
  }
  // "killed in an airstrike", "died in shelling": the weapon names the violence
  const lo = Math.max(c.s.tokenStart, a.group.start - 6);
  const hi = Math.min(c.s.tokenEnd, to + 4);
  return hasArmed(c, lo, hi);
}

function hasArmed(c: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (lemmaIn(c.seg.tokens[k]!, ARMED)) return true;
  return false;
}

/** Something right after the verb for it to act on: a name, a noun phrase, or "on"/"at" a target. */
function hasObject(c: Ctx, from: number): boolean {
  const t = c.seg.tokens[from];
  if (!t || from >= c.s.tokenEnd) return false;
  return ['DET', 'NUM', 'PROPN', 'NOUN', 'PRON', 'ADJ'].includes(t.pos) || c.marks[from]! & IN_NAME ? true : ['on', 'at', 'upon'].includes(lower(t));
}

/** "urged Iran to ...": a to-infinitive within a few words, with no other verb before it. */
function infinitiveFollows(c: Ctx, from: number): boolean {
  const toks = c.seg.tokens;
  for (let k = from; k < Math.min(c.s.tokenEnd - 1, from + 8); k++) {
    const t = toks[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return false;
    if (lower(t) === 'to' && t.pos === 'PART') return toks[k + 1]!.pos === 'VERB' || toks[k + 1]!.pos === 'AUX';
    if (t.text === '.' || t.text === ';') return false;
  }
  return false;
}

/** Someone to meet: "with", a named party, a proper noun, or a person noun right after the verb. */
function hasCounterpart(c: Ctx, from: number): boolean {
  const toks = c.seg.tokens;
  const to = Math.min(c.s.tokenEnd, from + 5);
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (c.marks[k]! & IN_TIME) continue;
    if (k === from && (lower(t) === 'with' || lower(t) === 'by')) return true;
    if (c.ix.covering[k]! >= 0 || t.pos === 'PROPN') return true;
    if (lemmaIn(t, WORD_CLASSES.PEOPLE) || lemmaIn(t, WORD_CLASSES.DIPLOMATS)) return true;
    if (t.pos === 'VERB' || t.pos === 'ADP' || t.pos === 'PUNCT') return false;
  }
  return false;
}

/** An event noun put into action by a support verb before it ("held talks") or after it ("sanctions were imposed"). */
function nounCandidate(c: Ctx, n: number, senses: readonly NounSense[]): Candidate | undefined {
  const toks = c.seg.tokens;
  // support verb before the noun
  for (let k = n - 1; k >= c.s.tokenStart && n - k <= 7; k--) {
    const t = toks[k]!;
    if (t.pos === 'VERB') {
      const keys = supportKeys(c, k, n);
      for (const sense of senses) {
        if (!keys.some((key) => sense.support.has(key))) continue;
        const a = analyse(c, k);
        if (!sensePasses(c, sense, a, k + 1, n, n + 1)) continue;
        return { start: k, end: n + 1, head: k, sense };
      }
      return undefined;
    }
    const w = lower(t);
    const between =
      t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADV' ||
      POSSESSIVES.has(w) || w === 'of' || w === "'s" || w === '’s' || w === '-' || SUPPORT_PARTICLES.has(w) ||
      // "its long-threatened invasion": a hyphenated modifier
      (k > c.s.tokenStart && toks[k - 1]!.text === '-' && toks[k - 1]!.end === t.start);
    if (!between) return undefined;
  }
  return passiveNounCandidate(c, n, senses);
}

/** "sanctions were imposed on ...": the noun is the passive subject of its support verb. */
function passiveNounCandidate(c: Ctx, n: number, senses: readonly NounSense[]): Candidate | undefined {
  const toks = c.seg.tokens;
  for (let k = n + 1; k < c.s.tokenEnd && k - n <= 4; k++) {
    const t = toks[k]!;
    if (t.pos === 'AUX' || t.pos === 'ADV' || NEG.has(lower(t))) continue;
    if (t.pos !== 'VERB') return undefined;
    const a = analyse(c, k);
    if (!a.group.passive) return undefined;
    const keys = supportKeys(c, k, c.s.tokenEnd);
    for (const sense of senses) {
      if (!keys.some((key) => sense.support.has(key))) continue;
      if (!sensePasses(c, sense, a, n, n, k + 1)) continue;
      return { start: n, end: k + 1, head: k, sense };
    }
    return undefined;
  }
  return undefined;
}

const NEG = new Set(['not', "n't", 'n’t', 'never']);
const FIRST_SECOND_PERSON = new Set(['i', 'we', 'you']);
const LOOKING_AHEAD = new Set(['before', 'until', 'once', 'unless']);

const isPresentTense = (t: Token): boolean => {
  const w = lower(t);
  const lemma = t.lemma.toLowerCase();
  return w === lemma || w === `${lemma}s` || w === `${lemma}es`;
};
const ADDRESSEES = new Set(['me', 'us', 'you']);
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** "carry out" when a particle follows the verb, else the bare lemma; "test-fire" for hyphenated compounds. */
function supportKeys(c: Ctx, k: number, limit: number): string[] {
  const toks = c.seg.tokens;
  const lemma = lemmaOf(toks[k]!);
  const next = toks[k + 1];
  if (next && k + 1 < limit && SUPPORT_PARTICLES.has(lower(next)) && (next.pos === 'ADP' || next.pos === 'PART' || next.pos === 'ADV')) {
    return [`${lemma} ${lower(next)}`];
  }
  if (k - 2 >= c.s.tokenStart && toks[k - 1]!.text === '-') return [`${lemmaOf(toks[k - 2]!)}-${lemma}`, lemma];
  return [lemma];
}

// ---------------------------------------------------------------------------------------------
// Governors and their complements

/**
 * "agreed to send", "demanded that Israel withdraw", "accused X of attacking": the complement's
 * event did not happen as such. It is folded into the governor, where it decides type and mode.
 */
function absorbComplements(c: Ctx, candidates: Candidate[]): void {
  const toks = c.seg.tokens;
  for (const g of candidates) {
    if (!g.sense.governs || g.governed) continue;
    const scopeEnd = endOf(c, g.end, GOVERNED_WINDOW, true);
    // the complement's own verb decides what was promised or demanded; later events in the
    // clause ("nationals suspected of blowing up a plane") are absorbed without a say
    let firstVerb = -1;
    for (let k = g.obligated ? g.end - 1 : g.end; k < scopeEnd; k++) {
      if (toks[k]!.pos === 'VERB') {
        firstVerb = k;
        break;
      }
    }
    for (const d of candidates) {
      if (d === g || d.governed || d.obligated || d.start <= g.start || d.start >= scopeEnd) continue;
      // a protest's stated demand is part of the protest; what else happened around it is not
      if (g.sense.governs === 'protest' && !['REQUEST', 'ACCUSE', 'PROTEST'].includes(d.sense.type ?? '')) continue;
      d.governed = true;
      if (d.head === firstVerb || (d.start <= firstVerb && firstVerb < d.end)) g.content ??= d;
    }
  }
}

/** Mode of a request or rejection from what is asked for or refused. */
function askMode(content: Candidate | undefined): string | undefined {
  const t = content?.sense.type;
  if (t === 'CONSULT') return 'meet';
  if (t === 'AID' || t === 'COOPERATE' || t === 'SUPPORT') return 'assist';
  if (t === 'RETREAT' && content?.sense.mode === 'resign') return 'change';
  if (t === 'RETREAT' || t === 'CONCEDE') return 'yield';
  return undefined;
}

/** Mode of a threat from the act threatened. */
function threatMode(type: string | null | undefined, mode: string | undefined): string | undefined {
  switch (type) {
    case 'ASSAULT':
    case 'MOBILIZE':
      return 'violence';
    case 'COERCE':
      return mode === 'arrest' ? 'arrest' : mode === 'deport' ? 'expel' : 'restrict';
    case 'SANCTION':
      return mode === 'expel' ? 'expel' : mode === 'withdraw' ? 'relations' : 'restrict';
    case 'PROTEST':
      return 'restrict';
    case 'REJECT':
      return mode === 'meet' ? 'relations' : undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Coding one event

function codeEvent(c: Ctx, cand: Candidate, times: TimeExpr[], claims: Claim[]): Omit<Event, 'id'> | undefined {
  const { seg, s } = c;
  const toks = seg.tokens;
  const sense = cand.sense;
  const a = analyse(c, cand.head);
  if (a.unasserted || a.effective.negated || a.group.negated || a.effective.speculative) return undefined;
  const subjectStart = a.subject.kind === 'np' ? a.subject.start : a.subject.kind === 'pronoun' ? a.subject.index : a.effective.start;
  if (isHypothetical(seg, s, subjectStart)) return undefined;
  // "... before they demobilize", "until the army withdraws": a present tense after these looks ahead
  const opener = clauseOpener(seg, s, subjectStart);
  if (opener && LOOKING_AHEAD.has(opener) && isPresentTense(toks[cand.head]!) && !a.group.passive) return undefined;
  if (a.subject.kind === 'none' && !a.group.passive && !cand.obligated && noDoer(c, a.effective.start)) return undefined;

  let type: PloverType | null = sense.type;
  let mode = sense.weaponMode ? (weaponModeNear(c, cand) ?? sense.mode) : sense.mode;
  const content = cand.content;
  const ct = content?.sense.type ?? null;
  const governorLemma = lemmaOf(toks[cand.head]!);
  switch (sense.governs) {
    case 'intent':
      if (ct && COOPERATIVE.has(ct)) [type, mode] = ['AGREE', undefined];
      else if (ct === 'RETREAT' || ct === 'CONCEDE') [type, mode] = ['CONCEDE', undefined];
      else if (ct && COERCIVE.has(ct)) {
        // a decision is the act itself; a vow or a promise of force is a threat
        if (governorLemma === 'agree' || governorLemma === 'decide') [type, mode] = [ct, content?.sense.mode];
        else [type, mode] = ['THREATEN', threatMode(ct, content?.sense.mode)];
      } else if (ct && VERBAL.has(ct)) [type, mode] = [ct, content?.sense.mode];
      break;
    case 'request':
      mode ??= askMode(content);
      break;
    case 'reject':
      if (governorLemma === 'fail' && !(ct && COOPERATIVE.has(ct))) return undefined;
      mode ??= askMode(content);
      break;
    case 'threat':
      if (ct && (COERCIVE.has(ct) || ct === 'REJECT')) [type, mode] = ['THREATEN', threatMode(ct, content?.sense.mode)];
      break;
  }
  if (type === null) return undefined;
  // a government "protests" in notes and statements, not in the street
  if (type === 'PROTEST' && governorLemma === 'protest' && a.subject.kind === 'np' && isOfficialSubject(c, a.subject.start, a.subject.end)) [type, mode] = ['ACCUSE', 'disapprove'];
  if (a.future && !sense.governs) {
    // a promised meeting or delivery is an agreement; an announced withdrawal a concession; announced force a threat
    if (COOPERATIVE.has(type)) [type, mode] = ['AGREE', undefined];
    else if (type === 'RETREAT') [type, mode] = ['CONCEDE', undefined];
    else if (COERCIVE.has(type)) [type, mode] = ['THREATEN', threatMode(type, mode)];
  }

  // roles
  const governs = sense.governs !== undefined;
  const windowEnd = endOf(c, cand.end, governs ? GOVERNED_WINDOW : 14, governs);
  const subjectParties = a.subject.kind === 'np' && !isDocumentHead(c, a.subject.end - 1) ? subjectPartiesOf(c, a.subject.start, a.subject.end) : [];
  let actor: string | undefined;
  let recipient: string | undefined;
  let actorEntity: Entity | undefined;
  if (cand.obligated) {
    actorEntity = subjectParties[0];
    actor = actorEntity?.id ?? (a.subject.kind === 'pronoun' ? pronounSource(claims, toks[a.subject.index]!.start, toks[a.subject.index]!.end) : undefined);
    const ob = cand.obligated;
    recipient = ob.kind === 'np' ? partiesIn(c.ix, ob.start, ob.end).find((e) => e !== actorEntity)?.id : undefined;
  } else if (a.group.passive) {
    actorEntity = findAgent(seg, c.ix, cand.end, windowEnd);
    actor = actorEntity?.id;
    recipient = subjectParties.find((e) => e !== actorEntity)?.id;
  } else {
    actorEntity = subjectParties[0];
    actor = actorEntity?.id;
    if (!actor && a.subject.kind === 'pronoun') {
      const p = toks[a.subject.index]!;
      actorEntity = speakerOf(c, a.subject.index);
      actor = actorEntity?.id ?? pronounSource(claims, p.start, p.end);
      // "we", "I", "you" whom no claim ties to a speaker: a conversation, not a reported act
      if (!actor && FIRST_SECOND_PERSON.has(lower(p))) return undefined;
    }
    const object = toks[cand.end];
    if (object && cand.end < s.tokenEnd && ADDRESSEES.has(lower(object)) && !actor) return undefined;
    // first the governor's own object ("urged Iran to ...", "demanded that the US ..."), then,
    // for promises, threats and refusals, the object of what was promised, threatened or refused
    const contentStart = content && governs ? content.start : windowEnd;
    let recipientEntity = findRecipient(seg, c.ix, {
      type,
      triggerEnd: cand.end - 1,
      from: cand.end,
      to: contentStart,
      thatClause: sense.governs === 'request' || sense.governs === 'threat',
      exclude: actorEntity,
    });
    if (!recipientEntity && content && ct && (sense.governs === 'intent' || sense.governs === 'threat' || sense.governs === 'reject')) {
      recipientEntity = findRecipient(seg, c.ix, { type: ct, triggerEnd: content.end - 1, from: content.end, to: windowEnd, thatClause: false, exclude: actorEntity });
    }
    recipient = recipientEntity?.id;
    if (!recipient && sense.symmetric && subjectParties[1]) recipient = subjectParties[1].id;
    // manoeuvres held by two sides together are military cooperation, not a show of force
    if (type === 'MOBILIZE' && sense.symmetric && subjectParties.length > 1) [type, mode] = ['COOPERATE', undefined];
  }
  const trigger = { start: toks[cand.start]!.start, end: toks[cand.end - 1]!.end };
  // a speech act whose speaker the claims stage resolved: "it said", "the ministry called for"
  if (!actor && VERBAL.has(type)) actor = cueSource(claims, trigger.start, trigger.end);
  if (actor && actor === recipient) recipient = undefined;

  const fronted = frontedStart(c, subjectStart);
  const where =
    findPlace(seg, c.ix, cand.end, endOf(c, cand.end, 16), [actorEntity]) ??
    (fronted < subjectStart ? findPlace(seg, c.ix, fronted, subjectStart, [actorEntity]) : undefined);
  const when = findWhen(seg, s, times, cand.start, cand.end, fronted, endOf(c, cand.end, 20));
  const claim = claimHolding(claims, trigger.start, trigger.end);

  const ev: Omit<Event, 'id'> = {
    type,
    trigger: { ...trigger, text: seg.text.slice(trigger.start, trigger.end) },
  };
  if (mode) ev.mode = mode;
  if (actor) ev.actor = actor;
  if (recipient) ev.recipient = recipient;
  if (where && where.id !== recipient) ev.where = where.id;
  if (when) ev.when = when;
  if (claim) ev.claim = claim.id;
  return ev;
}

/** A subject that is a state, an organisation or its government, not a crowd. */
function isOfficialSubject(c: Ctx, start: number, end: number): boolean {
  const head = c.seg.tokens[end - 1]!;
  if (lemmaIn(head, WORD_CLASSES.LABOUR) || lemmaIn(head, WORD_CLASSES.PEOPLE)) return false;
  if (lemmaIn(head, WORD_CLASSES.GOVERNMENTS)) return true;
  const m = c.ix.covering[end - 1]!;
  return m >= 0 && ['GPE', 'ORG'].includes(c.ix.mentions[m]!.entity.type);
}

/**
 * An imperative ("Thank you", "Send help") or a subject such as "this" or "something": no one is
 * reported to act.
 */
function noDoer(c: Ctx, vgStart: number): boolean {
  const toks = c.seg.tokens;
  let k = vgStart - 1;
  while (k >= c.s.tokenStart && QUOTES.has(toks[k]!.text)) k--;
  if (k < c.s.tokenStart) return true;
  const before = toks[k]!;
  // "Frank, thank you": a bare verb after a comma or a quote addresses someone
  if ((before.text === ',' || QUOTES.has(toks[k + 1]?.text ?? '')) && lower(toks[vgStart]!) === toks[vgStart]!.lemma.toLowerCase()) return true;
  return (before.pos === 'PRON' && !POSSESSIVES.has(lower(before))) || lower(before) === 'there';
}

/**
 * The parties of a subject noun phrase, the one that acts first: in "Jordan and Britain" the
 * first conjunct; otherwise the one nearest the head ("Russia's defence minister Sergei Shoigu"
 * is Shoigu, "the Church of Scientology" in a longer phrase is the Church).
 */
function subjectPartiesOf(c: Ctx, start: number, end: number): Entity[] {
  const parties = partiesIn(c.ix, start, end, c.seg.tokens);
  if (parties.length < 2) return parties;
  for (let k = start; k < end; k++) if (c.seg.tokens[k]!.pos === 'CCONJ' && !(c.marks[k]! & IN_NAME)) return parties;
  return [parties[parties.length - 1]!, ...parties.slice(0, -1)];
}

/** "a UN resolution that aims to tighten sanctions": a document or plan is no actor, and its sponsor is not the subject. */
function isDocumentHead(c: Ctx, head: number): boolean {
  return lemmaIn(c.seg.tokens[head]!, WORD_CLASSES.DOCUMENTS);
}

/**
 * "Hungary has said it will support ...": a pronoun subject right after a verb of saying is,
 * in news English, the speaker, when the speaker's kind fits the pronoun.
 */
function speakerOf(c: Ctx, pronoun: number): Entity | undefined {
  const toks = c.seg.tokens;
  const w = lower(toks[pronoun]!);
  let k = pronoun - 1;
  while (k >= c.s.tokenStart && (lower(toks[k]!) === 'that' || lower(toks[k]!) === ',' || c.marks[k]! & IN_TIME || toks[k]!.pos === 'ADV')) k--;
  if (k < c.s.tokenStart || toks[k]!.pos !== 'VERB' || !SPEECH_VERBS.has(lemmaOf(toks[k]!))) return undefined;
  const subject = analyse(c, k).subject;
  if (subject.kind !== 'np') return undefined;
  const speaker = partiesIn(c.ix, subject.start, subject.end)[0];
  if (!speaker) return undefined;
  const person = speaker.type === 'PERSON';
  if ((w === 'he' || w === 'she') && !person) return undefined;
  if (w === 'it' && person) return undefined;
  // "officials said they": the group is not the country named in it
  if (w === 'they' && person) return undefined;
  return speaker;
}

/** Start of the clause that holds the subject: a fronted phrase without a verb ("On Wednesday, in Seoul, ...") belongs to it. */
function frontedStart(c: Ctx, subjectStart: number): number {
  const toks = c.seg.tokens;
  for (let k = subjectStart - 1; k >= c.s.tokenStart; k--) {
    const t = toks[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.text === ';') return subjectStart;
  }
  return c.s.tokenStart;
}

/** The assault mode suggested by weapon words near the trigger ("killed in an airstrike"). */
function weaponModeNear(c: Ctx, cand: Candidate): string | undefined {
  const toks = c.seg.tokens;
  const lo = Math.max(c.s.tokenStart, cand.start - 6);
  const hi = Math.min(c.s.tokenEnd, cand.end + 8);
  for (const [mode, set] of WEAPON_MODES) {
    for (let k = lo; k < hi; k++) if (lemmaIn(toks[k]!, set)) return mode;
  }
  return undefined;
}
