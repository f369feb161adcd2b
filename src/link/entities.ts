/**
 * The same person or organisation across articles, for the ledger. The decision is the entities
 * stage's cross-document matcher (src/nlp/names/match.ts: spelling and romanisation variants,
 * initials, acronyms, listed aliases; a different country or given name keeps two apart); this module
 * adds what the ledger needs around it: lookup keys precise enough that a common family name does not
 * crowd out the right candidate, and one rule of its own — a lone surname is never enough to join
 * people across articles, since each article names its "Kim" or "Lee" in full before shortening it.
 */
import type { EntityType } from '../types.ts';
import { bareKey, nameKey } from '../nlp/names/normalize.ts';
import { blockingKey, matchEntities } from '../nlp/names/match.ts';
import { lookupName } from './places.ts';

export type EntityLike = { name: string; type: EntityType | string; country?: string; role?: string };

export type SameVerdict = { confidence: number; evidence: string[] };

/** The letters of a name without vowels or separators: romanisations of one name share it. */
export function skeleton(name: string): string {
  return nameKey(name).replace(/[^a-z]/g, '').replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

function initials(name: string): string | undefined {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w) && !/^(Of|The|And|For)$/.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('').toUpperCase() : undefined;
}

function isAcronym(name: string): boolean {
  return /^[\p{Lu}.]{2,8}$/u.test(name.replace(/\s+/g, ''));
}

/** The listed name an organisation or place goes by, when the shipped lists know it. */
function listedName(e: EntityLike): string | undefined {
  const hit = lookupName(e.name);
  if (!hit) return undefined;
  if (e.type === 'ORG' && hit.type !== 'ORG') return undefined;
  if ((e.type === 'GPE' || e.type === 'LOC' || e.type === 'NORP') && hit.type === 'ORG') return undefined;
  return hit.name;
}

/**
 * Lookup keys: the matcher's own blocking key, and before it keys precise enough to find the right
 * cluster among many of one family name (the whole name's skeleton; a listed name; initials).
 */
export function entityKeys(e: EntityLike): string[] {
  const keys: string[] = [];
  if (e.type === 'PERSON') {
    const s = skeleton(e.name);
    if (s) keys.push(`P:${s}`);
  } else {
    const listed = listedName(e);
    keys.push(`${e.type}:${bareKey(listed ?? e.name)}`);
    if (e.type === 'ORG') {
      if (isAcronym(e.name)) keys.push(`ORG~${e.name.replace(/[.\s]/g, '').toUpperCase()}`);
      const ini = initials(listed ?? e.name);
      if (ini) keys.push(`ORG~${ini}`);
    }
  }
  const broad = blockingKey({ name: e.name, type: e.type as EntityType, ...(e.country ? { country: e.country } : {}) });
  if (!keys.includes(broad)) keys.push(broad);
  return keys;
}

/** Whether two entities from different articles are the same, with confidence and evidence; undefined when not. */
export function sameEntity(a: EntityLike, b: EntityLike): SameVerdict | undefined {
  if (a.type === 'PERSON' && b.type === 'PERSON' && (!nameKey(a.name).includes(' ') || !nameKey(b.name).includes(' '))) return undefined;
  const m = matchEntities(
    { name: a.name, type: a.type as EntityType, ...(a.country ? { country: a.country } : {}), ...(a.role ? { role: a.role } : {}) },
    { name: b.name, type: b.type as EntityType, ...(b.country ? { country: b.country } : {}), ...(b.role ? { role: b.role } : {}) },
  );
  if (!m.same) return undefined;
  const names = a.name === b.name ? `“${a.name}”` : `“${a.name}” / “${b.name}”`;
  return { confidence: m.confidence, evidence: [`${names}: ${m.evidence.join('; ')}`] };
}
