/**
 * Who a claim's source is, as keys that reports in different articles can share. A named person
 * or organisation gives a strong key; a description gives the kind of body and its country
 * ("South Korea's spy agency" → intelligence of KOR), which is also a strong key, since outlets
 * name the same agency in different words. A capital or country used as a speaker ("Seoul said")
 * gives only a weak key: it may stand for any part of that government, so it joins a statement
 * only when the figures agree too.
 */
import type { Claim, Entity } from '../types.ts';
import { nameKey } from '../nlp/names/normalize.ts';
import { GOVERNMENT_KINDS, LISTED_KIND_AS, PRONOUNS, SOURCE_HEAD } from './lexicon.ts';
import { lookupName, namesIn } from './places.ts';
import { wordsIn } from './text.ts';

export type SourceIdentity = {
  /** How to show the source: the resolved name, else the source as written. */
  label: string;
  strong: string[];
  weak: string[];
};

// longest heads first, so that at any position the alternation takes "military intelligence" over "intelligence"
const HEAD_RE = new RegExp(`\\b(${Object.keys(SOURCE_HEAD).sort((a, b) => b.length - a.length).map((h) => h.replace(/ /g, '\\s+')).join('|')})\\b`, 'g');

/** The kind of body a description names, by the longest head phrase it contains. */
export function describedKind(lower: string): string | undefined {
  let best: string | undefined;
  HEAD_RE.lastIndex = 0;
  for (let m = HEAD_RE.exec(lower); m; m = HEAD_RE.exec(lower)) if (!best || m[1]!.length > best.length) best = m[1]!;
  return best ? SOURCE_HEAD[best.replace(/\s+/g, ' ')] : undefined;
}

/** Keys of one part of a source ("Mykola Bilyk", "a spokesman for the agency", "South Korea’s intelligence service"). */
function keysOfPart(part: string, strong: Set<string>, weak: Set<string>): { name?: string; country?: string; kind?: string } {
  // a bracketed gloss after a name, in another script or as initials, is not part of it:
  // "Arvid Holm (Арвид Хольм)", "the National Audit Office (NAO)"
  const trimmed = part.replace(/^(?:the|a|an)\s+/i, '').replace(/\s*[(\[][^()\[\]]*[)\]]\s*$/u, '').trim();
  if (!trimmed) return {};
  const words = wordsIn(trimmed, 0, trimmed.length);
  if (!words.length) return {};
  const hits = namesIn(words);
  let country: string | undefined;
  let listedKind: string | undefined;
  let name: string | undefined;
  for (const h of hits) {
    if (h.type === 'ORG') {
      strong.add(`o:${nameKey(h.name)}`);
      name ??= h.name;
      listedKind ??= LISTED_KIND_AS[h.kind];
      country ??= h.country;
    } else if (h.country && !country) country = h.country;
  }
  const whole = hits.length === 1 && hits[0]!.from === 0 && hits[0]!.to === words.length ? hits[0]! : undefined;
  if (whole && whole.type !== 'ORG' && whole.country) {
    // a country or capital as speaker: "Moscow", "Seoul", "Russia"
    weak.add(`g:${whole.country}`);
    return { name: whole.name, country: whole.country, kind: 'government' };
  }
  const kind = describedKind(trimmed.toLowerCase()) ?? listedKind;
  const capitalised = words.filter((w) => w.capital).length;
  if (!hits.length && capitalised >= 2 && capitalised === words.length && words.length <= 4) {
    // an unlisted proper name: a person ("Mykola Bilyk") or an organisation ("North Korea Labour Monitor")
    strong.add(`n:${nameKey(trimmed)}`);
    name = trimmed;
  } else if (!kind && capitalised >= 2 && words.every((w) => w.capital || /^(of|for|the|and|on)$/.test(w.lower)) && words.length <= 7) {
    strong.add(`n:${nameKey(trimmed)}`);
    name = trimmed;
  }
  if (kind) {
    strong.add(`d:${country ?? '?'}:${kind}`);
    // "the interior ministry" with no country may still be "Russia's interior ministry": only figures can tell
    weak.add(`k:${kind}`);
    if (country && GOVERNMENT_KINDS.has(kind)) weak.add(`g:${country}`);
  }
  return { ...(name ? { name } : {}), ...(country ? { country } : {}), ...(kind ? { kind } : {}) };
}

/**
 * The identity of a claim's source, or undefined for a pronoun nobody resolved (and for claims
 * with no source). `kindCountry` fills the country of a bare description ("the intelligence
 * service") from the rest of the article.
 */
export function sourceIdentity(c: Pick<Claim, 'source'>, entities: Map<string, Entity>, kindCountry?: Map<string, string>): SourceIdentity | undefined {
  if (!c.source) return undefined;
  const strong = new Set<string>();
  const weak = new Set<string>();
  const entity = c.source.entity ? entities.get(c.source.entity) : undefined;
  let label = c.source.text.replace(/^[\s,]+|[\s,]+$/g, '');
  if (entity) {
    label = entity.name;
    if (entity.type === 'PERSON') strong.add(`p:${nameKey(entity.name)}`);
    else if (entity.type === 'GPE' && entity.country) weak.add(`g:${entity.country}`);
    else {
      const listed = lookupName(entity.name);
      strong.add(`o:${nameKey(listed?.type === 'ORG' ? listed.name : entity.name)}`);
      const kind = (listed?.kind && LISTED_KIND_AS[listed.kind]) ?? describedKind(entity.name.toLowerCase());
      const country = entity.country ?? listed?.country;
      if (kind) {
        strong.add(`d:${country ?? '?'}:${kind}`);
        weak.add(`k:${kind}`);
      }
      if (country && kind && GOVERNMENT_KINDS.has(kind)) weak.add(`g:${country}`);
    }
    if (entity.role) keysOfPart(`${entity.country ? entity.country + ' ' : ''}${entity.role}`, new Set(), weak);
  }
  const written = c.source.text.trim();
  if (!entity && PRONOUNS.has(written.toLowerCase())) return undefined;
  // appositions: "Mykola Bilyk, a spokesman for the agency", "a senior official at Russia’s construction ministry, Gennady Volkov"
  // A place the source resolved to stands for its government; the words written may still say which
  // part of it ("the country’s interior ministry" → Russia's interior ministry).
  const describes = !entity || entity.type === 'GPE';
  let named: string | undefined;
  for (const part of written.split(/,\s*/)) {
    if (!part.trim() || PRONOUNS.has(part.trim().toLowerCase())) continue;
    const own = new Set<string>();
    const got = keysOfPart(part, own, weak);
    if (got.name && !named && !entity) named = got.name;
    const country = got.country ?? (entity?.type === 'GPE' ? entity.country : undefined) ?? (got.kind ? kindCountry?.get(got.kind) : undefined);
    if (got.kind && !got.country && country) {
      own.delete(`d:?:${got.kind}`);
      own.add(`d:${country}:${got.kind}`);
      weak.add(`g:${country}`);
    }
    // "South Korea’s foreign ministry" says more than the country it resolved to
    if (got.kind && entity?.type === 'GPE' && got.kind !== 'government') label = part.trim();
    if (describes) for (const k of own) strong.add(k);
  }
  if (!entity && named && /^[\p{Lu}]/u.test(named)) label = named;
  if (!strong.size && !weak.size) return undefined;
  return { label, strong: [...strong], weak: [...weak].filter((k) => !strong.has(k)) };
}

/** Countries the article gives each kind of body it quotes, for bare descriptions ("the agency" stays unknown). */
export function kindCountries(claims: Pick<Claim, 'source'>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of claims) {
    if (!c.source) continue;
    for (const part of c.source.text.split(/,\s*/)) {
      const strong = new Set<string>();
      const got = keysOfPart(part, strong, new Set());
      if (got.kind && got.country && !out.has(got.kind)) out.set(got.kind, got.country);
    }
  }
  return out;
}

// "a lawmaker said [South Korea's intelligence service believes] …": the content opens with another
// source and a verb of saying or judging. The statement is that source's, relayed by the speaker.
const RELAY = /^(?:that\s+)?((?:[\p{L}\p{M}’'.-]+\s+){1,7}?)(?:believes|believed|estimates|estimated|says|said|thinks|thought|reckons|reckoned|assesses|assessed|concludes|concluded|calculates|calculated|has\s+(?:estimated|concluded|assessed|found)|had\s+(?:estimated|concluded|assessed|found)|told|reported|found)\b/iu;

/**
 * The source a claim relays, when its content opens with one ("South Korea’s intelligence service
 * believes about 4,000 …"): its strong keys, or undefined for a pronoun, a plain noun or nothing.
 * Outlets differ in which link of the chain they name as speaker (the agency, or the lawmaker it
 * briefed), so a report is also filed under the source it relays.
 */
export function relayedSource(c: Pick<Claim, 'content'>): { text: string; strong: string[] } | undefined {
  const first = c.content[0]?.text.trim();
  if (!first) return undefined;
  const m = RELAY.exec(first);
  if (!m) return undefined;
  const phrase = m[1]!.trim();
  const lead = phrase.split(/\s+/)[0]!.toLowerCase();
  if (PRONOUNS.has(lead) || /^(?:and|but|if|when|as|because|while|so|many|some|most|all|few|no)$/.test(lead)) return undefined;
  const strong = new Set<string>();
  keysOfPart(phrase, strong, new Set());
  // a body of unknown country says too little to stand for a speaker elsewhere
  const keys = [...strong].filter((k) => !k.startsWith('d:?:'));
  return keys.length ? { text: phrase, strong: keys } : undefined;
}
