/**
 * Who did it, to whom, where and when: maps the subject, object and prepositional phrases found
 * around a trigger onto the entities, times and claims the earlier stages produced.
 */
import type { Claim, Entity, TimeExpr } from '../../types.ts';
import { tokenIndexAt, type Segmented, type Sentence, type Token } from '../segment.ts';
import { lemmaOf, lower, singular, type TimeMask } from './clause.ts';
import { PLACE_LEADS, PLACE_NOUNS, SPEECH_VERBS, TIME_WORDS } from './lexicon.ts';

/** Entity types that can act or be acted upon. */
export const PARTY_TYPES: ReadonlySet<string> = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const PLACE_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC']);

export type Mention = { entity: Entity; start: number; end: number };

/** Entity mentions by token: which mention covers a token, so scans can ask in O(1). */
export type MentionIndex = { mentions: Mention[]; covering: Int32Array };

export function indexMentions(seg: Segmented, entities: Entity[]): MentionIndex {
  const mentions: Mention[] = [];
  for (const entity of entities) {
    for (const span of entity.mentions) {
      let start = tokenIndexAt(seg, span.start);
      // a mention that starts inside a token ("Russia-backed" tokenised whole) belongs to that token
      if (start > 0 && seg.tokens[start - 1]!.end > span.start) start--;
      const end = Math.max(start + 1, tokenIndexAt(seg, span.end));
      mentions.push({ entity, start, end });
    }
  }
  // longer mentions first, so "North Korean government" is not hidden by "Korean"
  mentions.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const covering = new Int32Array(seg.tokens.length).fill(-1);
  mentions.forEach((m, idx) => {
    for (let k = m.start; k < m.end && k < covering.length; k++) if (covering[k] === -1) covering[k] = idx;
  });
  return { mentions, covering };
}

/** Marks the tokens inside time expressions. */
export function timeMask(seg: Segmented, times: TimeExpr[]): TimeMask {
  const mask = new Uint8Array(seg.tokens.length);
  const toks = seg.tokens;
  for (let k = 0; k < toks.length; k++) {
    if (!TIME_WORDS.has(lower(toks[k]!))) continue;
    mask[k] = 1;
    if (k > 0 && ['on', 'last', 'this', 'next', 'late', 'early'].includes(lower(toks[k - 1]!))) mask[k - 1] = 1;
  }
  for (const t of times) {
    const a = tokenIndexAt(seg, t.start);
    for (let k = a; k < seg.tokens.length && seg.tokens[k]!.start < t.end; k++) mask[k] = 1;
    // "on Tuesday": the preposition goes with the time
    if (a > 0 && ['on', 'in', 'at', 'since', 'by', 'during'].includes(lower(seg.tokens[a - 1]!)) && seg.tokens[a - 1]!.end <= t.start) mask[a - 1] = 1;
  }
  return mask;
}

/** The party entities named inside tokens [start, end), in reading order, without repeats. */
export function partiesIn(ix: MentionIndex, start: number, end: number): Entity[] {
  const out: Entity[] = [];
  for (let k = start; k < end; k++) {
    const m = ix.covering[k]!;
    if (m < 0) continue;
    const e = ix.mentions[m]!.entity;
    if (PARTY_TYPES.has(e.type) && !out.includes(e)) out.push(e);
  }
  return out;
}

/** True when a token's lemma (or its crude singular) is in the set. */
export function lemmaIn(t: Token, set: ReadonlySet<string>): boolean {
  const l = lemmaOf(t);
  if (set.has(l)) return true;
  const w = lower(t);
  return set.has(w) || set.has(singular(w));
}

/** Which prepositions may introduce the recipient of each event type (the direct object always may). */
const LEADS_BY_TYPE: Record<string, ReadonlySet<string>> = {
  AGREE: new Set(['with', 'to']),
  CONSULT: new Set(['with', 'to']),
  SUPPORT: new Set(['for', 'to', 'with']),
  CONCEDE: new Set(['to', 'for', 'on']),
  COOPERATE: new Set(['with']),
  AID: new Set(['to', 'for']),
  RETREAT: new Set(['from', 'to']),
  REQUEST: new Set(['to', 'on', 'upon', 'from']),
  ACCUSE: new Set(['against']),
  REJECT: new Set(['from', 'by']),
  THREATEN: new Set(['against', 'to', 'with', 'on']),
  PROTEST: new Set(['against']),
  SANCTION: new Set(['on', 'against', 'with', 'to', 'from']),
  MOBILIZE: new Set(['to', 'against', 'toward', 'towards']),
  COERCE: new Set(['on', 'against', 'from']),
  ASSAULT: new Set(['on', 'against', 'at', 'into', 'upon']),
};

const QUANTITY_HEADS = new Set(['more', 'less', 'fewer', 'other', 'rather']);

/** Skips determiners, adjectives, numbers and place nouns leftwards: what introduces a mention. */
function leadBefore(toks: Token[], k: number, floor: number): number {
  while (k >= floor) {
    const t = toks[k]!;
    const w = lower(t);
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'ADV') k--;
    // a hyphenated modifier ("war-torn", "Iranian-backed") counts as one adjective
    else if (k - 2 >= floor && toks[k - 1]!.text === '-' && toks[k - 1]!.end === t.start && toks[k - 2]!.end === toks[k - 1]!.start) k -= 3;
    // quantities before the object: "more than 100", "at least 20", "up to 16"
    else if (w === 'than' && k - 1 >= floor && QUANTITY_HEADS.has(lower(toks[k - 1]!))) k -= 2;
    else if ((w === 'least' || w === 'most') && k - 1 >= floor && lower(toks[k - 1]!) === 'at') k -= 2;
    else if (w === 'to' && k - 1 >= floor && lower(toks[k - 1]!) === 'up' && toks[k + 1]?.pos === 'NUM') k -= 2;
    else break;
  }
  return k;
}

export type RecipientQuery = {
  type: string;
  /** Last token of the trigger: a mention right after it is the direct object. */
  triggerEnd: number;
  /** Tokens to scan: [from, to). */
  from: number;
  to: number;
  /** The content clause's subject is the addressee of a demand ("demanded that the US cancel"). */
  thatClause: boolean;
  exclude?: Entity;
};

/** The recipient: the first party after the trigger that is its object or introduced by a fitting preposition. */
export function findRecipient(seg: Segmented, ix: MentionIndex, q: RecipientQuery): Entity | undefined {
  const toks = seg.tokens;
  const leads = LEADS_BY_TYPE[q.type] ?? new Set<string>();
  for (let k = q.from; k < q.to; k++) {
    const m = ix.covering[k]!;
    if (m < 0 || (k > q.from && ix.covering[k - 1] === m)) continue;
    const e = ix.mentions[m]!.entity;
    if (!PARTY_TYPES.has(e.type) || e === q.exclude) continue;
    const lead = leadBefore(toks, k - 1, q.from - 1);
    if (lead === q.triggerEnd) return e;
    if (lead < q.from) continue;
    const lw = lower(toks[lead]!);
    if (leads.has(lw)) return e;
    if (q.thatClause && lw === 'that') return e;
    // "to help Ukraine", "to help rebuild a Ukrainian town": the one helped receives the aid
    if (q.type === 'AID' && isHelpChain(toks, lead, q.from)) return e;
  }
  return undefined;
}

function isHelpChain(toks: Token[], lead: number, floor: number): boolean {
  let k = lead;
  if (toks[k]!.pos === 'VERB' && lemmaOf(toks[k]!) !== 'help') k--;
  return k - 1 >= floor && lemmaOf(toks[k]!) === 'help' && lower(toks[k - 1]!) === 'to';
}

/** The agent of a passive verb: the party after "by". */
export function findAgent(seg: Segmented, ix: MentionIndex, from: number, to: number): Entity | undefined {
  const toks = seg.tokens;
  for (let k = from; k < to; k++) {
    const m = ix.covering[k]!;
    if (m < 0 || (k > from && ix.covering[k - 1] === m)) continue;
    const e = ix.mentions[m]!.entity;
    if (!PARTY_TYPES.has(e.type)) continue;
    const lead = leadBefore(toks, k - 1, from - 1);
    if (lead >= from && lower(toks[lead]!) === 'by') return e;
  }
  return undefined;
}

/** The place: a GPE or LOC mention introduced by "in", "near" ... within the tokens [from, to). */
export function findPlace(seg: Segmented, ix: MentionIndex, from: number, to: number, exclude: (Entity | undefined)[]): Entity | undefined {
  const toks = seg.tokens;
  for (let k = from; k < to; k++) {
    const m = ix.covering[k]!;
    if (m < 0 || (k > from && ix.covering[k - 1] === m)) continue;
    const e = ix.mentions[m]!.entity;
    if (!PLACE_TYPES.has(e.type) || exclude.includes(e)) continue;
    let lead = k - 1;
    while (lead >= from) {
      const t = toks[lead]!;
      if (t.pos === 'DET' || t.pos === 'ADJ' || t.text === ',' || lower(t) === 'of' || PLACE_NOUNS.has(lemmaOf(t))) lead--;
      else break;
    }
    if (lead >= from && PLACE_LEADS.has(lower(toks[lead]!))) return e;
  }
  return undefined;
}

/**
 * The time of the event: the nearest DATE or TIME expression in the sentence that is not dating
 * a statement ("a spokesman said on Tuesday") and is not cut off from the trigger by a verb of
 * saying or by strong punctuation.
 */
export function findWhen(seg: Segmented, s: Sentence, times: TimeExpr[], trigStart: number, trigEnd: number, clauseFrom: number, clauseTo: number): string | undefined {
  const toks = seg.tokens;
  let best: string | undefined;
  let bestDist = Infinity;
  for (const t of times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (t.start < toks[s.tokenStart]!.start || t.end > toks[s.tokenEnd - 1]!.end) continue;
    const a = tokenIndexAt(seg, t.start);
    if (a < clauseFrom || a >= clauseTo) continue;
    const lo = a < trigStart ? a : trigEnd;
    const hi = a < trigStart ? trigStart : a;
    let blocked = false;
    for (let k = lo; k < hi && !blocked; k++) {
      const w = lower(toks[k]!);
      if (w === ';' || (toks[k]!.pos === 'VERB' && SPEECH_VERBS.has(lemmaOf(toks[k]!)))) blocked = true;
    }
    // "said on Tuesday": the time right after a verb of saying dates the saying
    let p = a - 1;
    while (p >= s.tokenStart && (toks[p]!.pos === 'ADP' || toks[p]!.pos === 'ADV')) p--;
    if (p >= s.tokenStart && toks[p]!.pos === 'VERB' && SPEECH_VERBS.has(lemmaOf(toks[p]!))) blocked = true;
    if (blocked) continue;
    const dist = hi - lo;
    if (dist < bestDist) {
      bestDist = dist;
      best = t.value;
    }
  }
  return best;
}

/** The claim whose content holds the trigger. */
export function claimHolding(claims: Claim[], start: number, end: number): Claim | undefined {
  return claims.find((c) => c.content.some((sp) => sp.start <= start && end <= sp.end));
}

/** The entity a claim's source resolves to, where that source is the pronoun at [start, end). */
export function pronounSource(claims: Claim[], start: number, end: number): string | undefined {
  for (const c of claims) if (c.source?.entity && c.source.start <= start && end <= c.source.end) return c.source.entity;
  return undefined;
}

/** When the trigger is itself a claim's cue ("called for", "accused"), the speaker is the actor. */
export function cueSource(claims: Claim[], start: number, end: number): string | undefined {
  for (const c of claims) if (c.source?.entity && c.cue && c.cue.start < end && start < c.cue.end) return c.source.entity;
  return undefined;
}
