/**
 * Countries, demonyms and places as the linker needs them: "North Korean", "North Koreans", "DPRK"
 * and "North Korea" are one country (PRK); "Russia’s Kursk region" is the place Kursk inside RUS.
 * Backed by the shipped name lists (src/nlp/names/gazetteer.ts), looked up over short windows of
 * capitalised words, with every answer cached for the life of the process.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gazetteer, type GazEntry } from '../nlp/names/gazetteer.ts';
import type { Word } from './text.ts';

export type NameHit = {
  /** Word range [from, to) in the window it was found in. */
  from: number;
  to: number;
  name: string;
  type: GazEntry['type'];
  kind: string;
  country?: string;
};

const cache = new Map<string, GazEntry | null>();
const PLACE_KINDS = ['country', 'demonym', 'capital', 'region', 'city', 'place', 'feature'];

/** The best listed entry for a phrase: countries and demonyms first, then places, then organisations. */
export function lookupName(phrase: string): GazEntry | undefined {
  const hit = cache.get(phrase);
  if (hit !== undefined) return hit ?? undefined;
  // short one-word names match only as listed, so "NIS" is the agency and not the Serbian city Niš
  const entries = gazetteer().lookup(phrase).filter((e) => !e.shortForms || phrase.length > 5 || phrase.includes(' ') || e.shortForms.has(phrase));
  let best: GazEntry | undefined;
  for (const kind of PLACE_KINDS) {
    best = entries.find((e) => e.kind === kind && (e.type === 'GPE' || e.type === 'NORP' || e.type === 'LOC'));
    if (best) break;
  }
  best ??= entries.find((e) => e.type === 'ORG') ?? entries[0];
  if (cache.size > 200_000) cache.clear();
  cache.set(phrase, best ?? null);
  return best;
}

const MAX_WORDS = 5;
/** Small words that may sit inside a name ("Bosnia and Herzegovina", "Democratic People's Republic of Korea"). */
const INNER = new Set(['of', 'and', 'the', 'de', 'del', 'da', 'al', 'el']);

/** Listed names among the capitalised words of a window, longest first at each position. */
export function namesIn(words: Word[]): NameHit[] {
  const hits: NameHit[] = [];
  let i = 0;
  while (i < words.length) {
    if (!words[i]!.capital) {
      i++;
      continue;
    }
    let found: NameHit | undefined;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
      const last = words[i + n - 1]!;
      if (!last.capital) continue;
      let ok = true;
      for (let k = i + 1; k < i + n - 1; k++) if (!words[k]!.capital && !INNER.has(words[k]!.lower)) ok = false;
      // a possessive ends a name: "Russia’s Kursk region" is Russia, then Kursk
      for (let k = i; k < i + n - 1; k++) if (words[k]!.possessive) ok = false;
      if (!ok) continue;
      const phrase = words.slice(i, i + n).map((w) => w.text).join(' ');
      const e = lookupName(phrase);
      if (e) {
        found = { from: i, to: i + n, name: e.name, type: e.type, kind: e.kind, ...(e.country ? { country: e.country } : {}) };
        break;
      }
    }
    if (found) {
      hits.push(found);
      i = found.to;
    } else i++;
  }
  return hits;
}

/** A country as a reader says it of people: PRK → "North Korean". */
let demonyms: Map<string, string> | null = null;
export function demonymOf(country: string): string | undefined {
  if (!demonyms) {
    demonyms = new Map();
    const path = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/names/demonyms.tsv');
    if (existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line || line.startsWith('#')) continue;
        const [name, , cc] = line.split('\t');
        if (name && cc && !demonyms.has(cc)) demonyms.set(cc, name);
      }
    }
  }
  return demonyms.get(country);
}

export function isCountryLevel(hit: Pick<NameHit, 'kind'>): boolean {
  return hit.kind === 'country' || hit.kind === 'demonym';
}

export function isSubNational(hit: Pick<NameHit, 'kind' | 'type'>): boolean {
  return hit.kind === 'region' || hit.kind === 'city' || hit.kind === 'capital' || hit.kind === 'place';
}
