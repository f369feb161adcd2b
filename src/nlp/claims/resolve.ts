/**
 * Source resolution: which named entity a source stands for, when the article makes it clear.
 *
 *   named          "North Korea's state news agency KCNA" -> the entity whose mention heads the phrase
 *   institution    "South Korea's government"           -> the country that owns it
 *   pronoun        "he", "she", "it"                     -> the speaker of the attribution just before,
 *                                                          else the subject of the sentence before
 *   definite       "the Russian visitor"                 -> the one recent person of that nationality
 *   lede           "a Russian official said ..." (first paragraph) -> the person of that nationality the
 *                  article goes on to quote: news withholds the name in the lede and gives it below
 * Anything else stays unresolved: a wrong name on a claim is worse than none.
 */
import type { Claim, Entity, Span } from '../../types.ts';
import type { StageContext } from '../context.ts';
import { gazetteer } from '../names/gazetteer.ts';
import type { Attribution } from './attribution.ts';

type Mention = { entity: Entity; start: number; end: number };

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const THING_PRONOUNS = new Set(['it']);
const INSTITUTION_NOUNS = new Set([
  'government', 'ministry', 'military', 'army', 'navy', 'cabinet', 'administration', 'embassy', 'parliament',
  'authorities', 'regime', 'state media', 'foreign ministry', 'defence ministry', 'defense ministry', 'leadership',
]);
/** How far back (in sentences) a pronoun may reach for its antecedent. */
const PRONOUN_REACH = 3;

export type Speakers = {
  /** Per claim: a key shared by claims with the same speaker (entity id, or the source's text). */
  keys: (string | undefined)[];
};

export function resolveSources(ctx: StageContext, attributions: Attribution[], claims: Claim[], entities: Entity[]): Speakers {
  const { seg } = ctx;
  const text = seg.text;
  const mentions: Mention[] = [];
  for (const e of entities) for (const m of e.mentions) mentions.push({ entity: e, start: m.start, end: m.end });
  mentions.sort((a, b) => a.start - b.start);
  const keys: (string | undefined)[] = new Array(claims.length).fill(undefined);

  // named and institutional sources first: pronouns and descriptions lean on them
  claims.forEach((c, i) => {
    if (!c.source) return;
    const e = namedEntity(text, c.source, mentions);
    if (e) c.source.entity = e.id;
    keys[i] = c.source.entity ?? normaliseKey(c.source.text);
  });

  const sentenceOf = (offset: number) => seg.tokens[tokenAt(seg.tokens, offset)]?.sentence ?? -1;

  // pronouns before descriptions: a lede's "a Russian official" is identified by who is quoted later
  claims.forEach((c, i) => {
    const src = c.source;
    if (!src || src.entity) return;
    const word = src.text.toLowerCase();
    if (!PERSON_PRONOUNS.has(word) && !THING_PRONOUNS.has(word)) return;
    const want = PERSON_PRONOUNS.has(word) ? personLike : agencyLike;
    const hit = pronounAntecedent(ctx, attributions[i]!, claims, attributions, i, mentions, want);
    if (hit) {
      src.entity = hit.entity?.id;
      keys[i] = hit.key;
    }
  });
  claims.forEach((c, i) => {
    const src = c.source;
    if (!src || src.entity) return;
    const country = descriptionCountry(src.text);
    if (country === undefined) return;
    const definite = /^(the|this|that)\s/i.test(src.text);
    const person = definite
      ? recentPersonOf(country, src.start, mentions, sentenceOf)
      : ledePerson(ctx, country, src, claims, mentions, i);
    if (person) {
      src.entity = person.id;
      keys[i] = person.id;
    }
  });

  // a later claim whose source was resolved through another shares that claim's key
  claims.forEach((c, i) => {
    if (c.source?.entity) keys[i] = c.source.entity;
  });
  return { keys };
}

function tokenAt(tokens: { start: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, tokens.length - 1);
}

function normaliseKey(s: string): string {
  return s.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/\s+/g, ' ');
}

/** The entity the phrase is about: its head mention, or the owner of an institution it names. */
function namedEntity(text: string, src: Span, mentions: Mention[]): Entity | undefined {
  // the core of the phrase stops at an appositive comma: "Shoigu, a close aide to Putin,"
  const comma = src.text.indexOf(',');
  let coreEnd = comma > 0 ? src.start + comma : src.end;
  // and at a place after a preposition: "Russia's embassy in Seoul" is Russia's, not Seoul's; "the
  // US consulate in Lagos", "Kim in Pyongyang" (where the body sits or the speaker was says nothing of who)
  for (const m of mentions) {
    if (m.start < src.start || m.end > coreEnd) continue;
    const pp = /\s+(?:in|at|from|near|inside|outside)\s+(?:the\s+)?$/i.exec(text.slice(src.start, m.start));
    if (pp && pp.index > 0) {
      coreEnd = src.start + pp.index;
      break;
    }
  }
  const inside = mentions.filter((m) => m.start >= src.start && m.end <= coreEnd);
  if (!inside.length) return undefined;
  // a possessor ("North Korea's agency") is not the head; the last mention that is not one is
  const heads = inside.filter((m) => !/^\s*['’]s?\b/.test(text.slice(m.end, m.end + 3)));
  const head = heads[heads.length - 1];
  if (head && text.slice(head.end, coreEnd).trim() === '') return head.entity;
  // "South Korea's government": the owner stands for its institution
  const owner = inside[inside.length - 1]!;
  const rest = text.slice(owner.end, coreEnd).replace(/^['’]s?\s*/, '').trim().toLowerCase();
  if ((owner.entity.type === 'GPE' || owner.entity.type === 'ORG') && INSTITUTION_NOUNS.has(rest)) return owner.entity;
  return undefined;
}

const personLike = (e: Entity) => e.type === 'PERSON';
const agencyLike = (e: Entity) => e.type === 'ORG' || e.type === 'GPE';

/**
 * A pronoun's antecedent: the speaker of the latest attribution within reach whose speaker fits,
 * else the subject of the nearest earlier sentence that names a fitting entity. "It" takes only the
 * first route: it refers to things far more often than to a previous speaker.
 */
function pronounAntecedent(
  ctx: StageContext,
  a: Attribution,
  claims: Claim[],
  attributions: Attribution[],
  i: number,
  mentions: Mention[],
  fits: (e: Entity) => boolean,
): { entity?: Entity; key: string } | undefined {
  const { seg } = ctx;
  const here = a.sentence;
  const paragraph = seg.sentences[here]!.paragraph;
  const byId = new Map<string, Entity>();
  for (const m of mentions) byId.set(m.entity.id, m.entity);
  const personal = fits === personLike;

  for (let s = here; s >= Math.max(0, here - PRONOUN_REACH); s--) {
    const sent = seg.sentences[s]!;
    if (paragraph - sent.paragraph > 1) break;
    // a speaker earlier in the window
    for (let j = i - 1; j >= 0; j--) {
      const prior = attributions[j]!;
      if (prior.sentence !== s) continue;
      const e = claims[j]!.source?.entity ? byId.get(claims[j]!.source!.entity!) : undefined;
      if (e && fits(e)) return { entity: e, key: e.id };
    }
    if (!personal) continue;
    // else the sentence's subject, when it names one fitting entity at its start
    const before = s === here ? claims[i]!.source!.start : sent.end;
    const inSentence = mentions.filter((m) => m.start >= sent.start && m.end <= before && fits(m.entity));
    if (!inSentence.length) continue;
    const first = inSentence[0]!;
    // the subject: nothing before the name but a fronted adverbial ("Afterwards,") or a title
    const lead = ctx.seg.text.slice(sent.start, first.start).replace(/^[^,]*,\s*/, '').trim();
    const subjectLike = lead === '' || /^\p{Lu}[\p{L}.]*$/u.test(lead);
    // only the subject: a name further in ("a close aide to President X") is not what "he" picks up,
    // and if the tagger missed the subject's own name, guessing the next one would be wrong
    if (subjectLike) return { entity: first.entity, key: first.entity.id };
    return undefined;
  }
  return undefined;
}

/** The country a description names through a demonym ("a Russian official" -> RUS); null when none. */
function descriptionCountry(source: string): string | null | undefined {
  const words = source.split(/\s+/);
  if (words.length < 2 || words.length > 6) return undefined;
  if (!/^(a|an|the|one|this|that)$/i.test(words[0]!)) return undefined;
  for (const w of words.slice(1)) {
    if (!/^\p{Lu}/u.test(w)) continue;
    const hit = gazetteer()
      .lookup(w)
      .find((e) => e.kind === 'demonym' && e.country);
    if (hit) return hit.country!;
  }
  return undefined;
}

/** "the Russian visitor": the one person of that country named in the last few sentences. */
function recentPersonOf(
  country: string | null,
  at: number,
  mentions: Mention[],
  sentenceOf: (offset: number) => number,
): Entity | undefined {
  const here = sentenceOf(at);
  const candidates = new Set<Entity>();
  for (const m of mentions) {
    if (m.start >= at) break;
    if (m.entity.type !== 'PERSON' || m.entity.country !== country) continue;
    if (here - sentenceOf(m.start) <= PRONOUN_REACH) candidates.add(m.entity);
  }
  return candidates.size === 1 ? [...candidates][0] : undefined;
}

/**
 * "a Russian official said ..." in the lede: the first person of that country whom the article
 * later quotes by name (or through a pronoun resolved to him), if there is exactly one such person.
 */
function ledePerson(ctx: StageContext, country: string | null, src: Span, claims: Claim[], mentions: Mention[], i: number): Entity | undefined {
  const { seg } = ctx;
  const firstParagraph = seg.paragraphs[0];
  if (!firstParagraph || src.start > firstParagraph.end) return undefined;
  const byId = new Map<string, Entity>();
  for (const m of mentions) byId.set(m.entity.id, m.entity);
  const quoted = new Set<Entity>();
  claims.forEach((c, j) => {
    if (j === i || !c.source?.entity) return;
    const e = byId.get(c.source.entity);
    if (e && e.type === 'PERSON' && e.country === country) quoted.add(e);
  });
  // a person named in the paragraphs right after the lede, and quoted somewhere in the article
  const next = seg.paragraphs.slice(1, 3);
  const introduced = mentions.filter((m) => next.some((p) => m.start >= p.start && m.end <= p.end) && quoted.has(m.entity));
  const distinct = new Set(introduced.map((m) => m.entity));
  return distinct.size === 1 ? [...distinct][0] : undefined;
}
