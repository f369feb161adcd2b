/**
 * The same person or organisation across articles. Names are compared in a normal form (case,
 * accents, hyphens and full stops do not count: `Kim Jong Un` = `Kim Jong-un`), by a consonant
 * skeleton for romanisations that differ in their vowels (`Lee Seong-kweun` / `Lee Sung-kwon`),
 * through the shipped lists for organisations' short forms (`NIS` = `National Intelligence
 * Service`), and by initials for acronyms the lists do not know. Different people who share a
 * surname have different skeletons and never meet. Each decision carries a confidence and its
 * evidence.
 *
 * The entities stage is to export its own cross-document matcher from src/nlp/names/; until it
 * does, the ledger uses this one (same inputs: name, type, country, role).
 */
import type { EntityType } from '../types.ts';
import { bareKey, nameKey } from '../nlp/names/normalize.ts';
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

/** Lookup keys: an entity is compared only with entities filed under one of its keys. */
export function entityKeys(e: EntityLike): string[] {
  const t = e.type;
  if (t === 'PERSON') {
    const s = skeleton(e.name);
    return s ? [`P:${s}`] : [];
  }
  const keys = new Set<string>();
  const listed = listedName(e);
  keys.add(`${t}:${bareKey(listed ?? e.name)}`);
  if (t === 'ORG') {
    if (isAcronym(e.name)) keys.add(`ORG~${e.name.replace(/[.\s]/g, '').toUpperCase()}`);
    const ini = initials(listed ?? e.name);
    if (ini) keys.add(`ORG~${ini}`);
  }
  return [...keys];
}

/** Whether two entities from different articles are the same, with confidence and evidence; undefined when not. */
export function sameEntity(a: EntityLike, b: EntityLike): SameVerdict | undefined {
  if (a.type !== b.type) return undefined;
  if (a.country && b.country && a.country !== b.country) return undefined;
  const ka = nameKey(a.name);
  const kb = nameKey(b.name);
  if (a.type === 'PERSON') {
    const ta = ka.split(' ');
    const tb = kb.split(' ');
    // a lone surname says too little to join people across articles
    if (ta.length < 2 || tb.length < 2) return ka === kb ? { confidence: 0.4, evidence: [`the same single name “${a.name}”`] } : undefined;
    if (ka === kb) return { confidence: 0.95, evidence: [a.name === b.name ? `the same name “${a.name}”` : `the same name written “${a.name}” and “${b.name}”`] };
    if (ta.join('') === tb.join('')) return { confidence: 0.9, evidence: [`the same name split differently: “${a.name}” / “${b.name}”`] };
    if (skeleton(a.name) === skeleton(b.name) && ta.length === tb.length && ta[0]![0] === tb[0]![0]) {
      return { confidence: 0.75, evidence: [`romanisations of one name: “${a.name}” / “${b.name}” (same consonants)`] };
    }
    return undefined;
  }
  const la = listedName(a);
  const lb = listedName(b);
  if (la && lb && la === lb) return { confidence: 0.95, evidence: [la === a.name && la === b.name ? `the same name “${la}”` : `both listed as “${la}” (“${a.name}” / “${b.name}”)`] };
  if (bareKey(a.name) === bareKey(b.name)) return { confidence: 0.9, evidence: [`the same name “${a.name}”${a.name !== b.name ? ` / “${b.name}”` : ''}`] };
  if (a.type === 'ORG') {
    const acr = isAcronym(a.name) ? a : isAcronym(b.name) ? b : undefined;
    const full = acr === a ? b : a;
    if (acr && !isAcronym(full.name) && initials(lb ?? la ?? full.name) === acr.name.replace(/[.\s]/g, '').toUpperCase()) {
      return { confidence: a.country && b.country ? 0.7 : 0.55, evidence: [`“${acr.name}” is the initials of “${full.name}”`] };
    }
  }
  return undefined;
}
