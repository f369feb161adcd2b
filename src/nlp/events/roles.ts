/**
 * Who did it, to whom, where and when: maps the subject, object and prepositional phrases found
 * around a trigger onto the entities, times and claims the earlier stages produced.
 */
import type { Claim, Entity, TimeExpr } from '../../types.ts';
import { tokenIndexAt, type Segmented, type Sentence, type Token } from '../segment.ts';
import { IN_NAME, IN_TIME, lemmaOf, lower, singular, type TokenMarks } from './clause.ts';
import { PLACE_LEADS, PLACE_NOUNS, RELATIONS, SPEECH_VERBS, TIME_WORDS, WORD_CLASSES } from './lexicon.ts';
import { gazetteer, roleNouns } from '../names/gazetteer.ts';
import { nameKey } from '../names/normalize.ts';

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

/**
 * Event data code actors as states: "North Korean troops fought" is North Korea fighting. A
 * nationality (NORP) stands for its country when the article names that country itself.
 */
export function stateOf(entities: Entity[]): (id: string) => string {
  const countries = gazetteer().countries;
  const stateByCountry = new Map<string, string>();
  for (const e of entities) {
    if (e.type !== 'GPE' || !e.country) continue;
    const own = countries.get(e.country);
    if (own && nameKey(own.name) === nameKey(e.name)) stateByCountry.set(e.country, e.id);
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  return (id) => {
    const e = byId.get(id);
    return e?.type === 'NORP' && e.country ? (stateByCountry.get(e.country) ?? id) : id;
  };
}

/** Marks the tokens inside time expressions and names (see TokenMarks). */
export function tokenMarks(seg: Segmented, times: TimeExpr[], ix: MentionIndex): TokenMarks {
  const marks = new Uint8Array(seg.tokens.length);
  const toks = seg.tokens;
  for (let k = 0; k < toks.length; k++) {
    if (ix.covering[k]! >= 0) marks[k]! |= IN_NAME;
    if (!TIME_WORDS.has(lower(toks[k]!))) continue;
    marks[k]! |= IN_TIME;
    if (k > 0 && ['on', 'last', 'this', 'next', 'late', 'early'].includes(lower(toks[k - 1]!))) marks[k - 1]! |= IN_TIME;
  }
  for (const t of times) {
    const a = tokenIndexAt(seg, t.start);
    for (let k = a; k < toks.length && toks[k]!.start < t.end; k++) marks[k]! |= IN_TIME;
    // "on Tuesday": the preposition goes with the time
    if (a > 0 && ['on', 'in', 'at', 'since', 'by', 'during'].includes(lower(toks[a - 1]!)) && toks[a - 1]!.end <= t.start) marks[a - 1]! |= IN_TIME;
  }
  return marks;
}

/** The party entities named inside tokens [start, end), in reading order, without repeats. */
export function partiesIn(ix: MentionIndex, start: number, end: number, toks?: Token[]): Entity[] {
  const out: Entity[] = [];
  for (let k = start; k < end; k++) {
    const m = ix.covering[k]!;
    if (m < 0) continue;
    const e = ix.mentions[m]!.entity;
    if (PARTY_TYPES.has(e.type) && !out.includes(e) && !(toks && isRelationOf(toks, ix.mentions[m]!))) out.push(e);
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
  REQUEST: new Set(['to', 'from']),
  ACCUSE: new Set(['against']),
  REJECT: new Set(['from', 'by']),
  THREATEN: new Set(['against', 'to', 'with', 'on']),
  PROTEST: new Set(['against']),
  SANCTION: new Set(['on', 'against', 'with', 'to', 'from']),
  MOBILIZE: new Set(['to', 'against', 'toward', 'towards']),
  COERCE: new Set(['on', 'against', 'from']),
  ASSAULT: new Set(['on', 'against', 'at', 'into', 'upon']),
};

/** "met his Polish counterpart": a possessive pronoun before the name. */
const OWNERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const QUANTITY_HEADS = new Set(['more', 'less', 'fewer', 'other', 'rather']);

/** Nouns for people or units whose "of" phrase names the party they belong to ("diplomats of Iran"). */
const MEMBER_CLASSES = [WORD_CLASSES.PEOPLE, WORD_CLASSES.MISSIONS, WORD_CLASSES.DIPLOMATS, WORD_CLASSES.FORCES, WORD_CLASSES.CAPTIVES];

function isRoleNoun(t: Token): boolean {
  const roles = roleNouns();
  const key = nameKey(t.text);
  return roles.has(key) || roles.has(`T:${key}`);
}

/**
 * Skips what may stand between a verb or preposition and the name it governs: determiners,
 * adjectives, numbers and quantity phrases, hyphenated and participial modifiers, titles, role
 * nouns and proper modifiers ("ordered former president Carlos Menem"). Returns the index of the governing word.
 */
function leadBefore(toks: Token[], k: number, floor: number): number {
  while (k >= floor) {
    const t = toks[k]!;
    const w = lower(t);
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'ADV' || OWNERS.has(w)) k--;
    // a hyphenated modifier ("war-torn", "Iranian-backed") counts as one adjective
    else if (k - 2 >= floor && toks[k - 1]!.text === '-' && toks[k - 1]!.end === t.start && toks[k - 2]!.end === toks[k - 1]!.start) k -= 3;
    // quantities before the object: "more than 100", "at least 20", "up to 16"
    else if (w === 'than' && k - 1 >= floor && QUANTITY_HEADS.has(lower(toks[k - 1]!))) k -= 2;
    else if ((w === 'least' || w === 'most') && k - 1 >= floor && lower(toks[k - 1]!) === 'at') k -= 2;
    else if (w === 'to' && k - 1 >= floor && lower(toks[k - 1]!) === 'up' && toks[k + 1]?.pos === 'NUM') k -= 2;
    // "rejected proposed Israeli changes": a participle used as an adjective
    else if (t.pos === 'VERB' && w !== t.lemma.toLowerCase() && !w.endsWith('ing') && k + 1 < toks.length && toks[k + 1]!.pos !== 'ADP' && k - 1 >= floor && toks[k - 1]!.pos === 'DET') k--;
    // titles, role nouns and unnamed proper modifiers: "met Peruvian envoy Luis Vargas"
    else if (t.pos === 'PROPN' || (t.pos === 'NOUN' && isRoleNoun(t))) k--;
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
    const mention = ix.mentions[m]!;
    const e = mention.entity;
    if (!PARTY_TYPES.has(e.type) || e === q.exclude) continue;
    if (isRelationOf(toks, mention)) continue;
    const lead = leadBefore(toks, k - 1, q.from - 1);
    // after "call for", "ask for", "push for" comes what is asked, not who is asked
    if (lead === q.triggerEnd && lower(toks[lead]!) !== 'for') return e;
    if (lead < q.from) continue;
    const lw = lower(toks[lead]!);
    // "on the Thai border": a name before a place noun locates, it is not acted upon
    const after = toks[mention.end];
    if (lw === 'on' && after && PLACE_NOUNS.has(lemmaOf(after))) continue;
    // "fought on Russia's side", "acting on Iran's behalf": an ally, not a target
    const owner = toks[mention.end + 1];
    if (after && owner && (lower(after) === "'s" || lower(after) === '’s') && (lemmaOf(owner) === 'side' || lemmaOf(owner) === 'behalf')) continue;
    if (leads.has(lw)) return e;
    if (q.thatClause && lw === 'that') return e;
    // "expelled inspectors of the IAEA", "killed the deputy chief of the militia"
    if (lw === 'of' && lead - 1 >= q.from && isMemberNoun(toks[lead - 1]!) && leadBefore(toks, lead - 2, q.from - 1) === q.triggerEnd) return e;
    // "to help Ukraine", "to help rebuild a Ukrainian town": the one helped receives the aid
    if (q.type === 'AID' && isHelpChain(toks, lead, q.from)) return e;
  }
  return undefined;
}

/** "Ukraine's partners": the name stands for someone else's relatives. */
export function isRelationOf(toks: Token[], m: { end: number }): boolean {
  const s = toks[m.end];
  const head = toks[m.end + 1];
  if (!s || !head || (lower(s) !== "'s" && lower(s) !== '’s')) return false;
  return RELATIONS.has(lemmaOf(head)) || RELATIONS.has(singular(lower(head)));
}

function isMemberNoun(t: Token): boolean {
  return MEMBER_CLASSES.some((set) => lemmaIn(t, set)) || isRoleNoun(t);
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
  for (const c of claims) {
    // a source after the trigger would be the one accused or urged, not the speaker
    if (c.source?.entity && c.cue && c.cue.start < end && start < c.cue.end && c.source.end <= start) return c.source.entity;
  }
  return undefined;
}
