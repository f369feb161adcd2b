/**
 * The name lists that ship with the project (data/names/*.tsv) and those a user adds, looked up
 * over a document's tokens. A list hit is evidence, not a verdict: the tagger weighs it as a
 * feature, and only the strongest kinds (countries, capitals, demonyms, listed organisations)
 * are trusted on their own.
 *
 * File format, one name a line, `#` starts a comment:
 *   name<TAB>type<TAB>country<TAB>aliases<TAB>kind
 * type is PERSON|ORG|GPE|LOC|NORP|MISC, country an ISO 3166-1 alpha-3 code or empty, aliases
 * separated by `|`, kind optional (country, capital, city, demonym, igo, media, ...).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../../types.ts';
import type { Token } from '../segment.ts';
import { bareKey, nameKey } from './normalize.ts';

export type GazEntry = {
  /** Stable within one process: aliases of one line share it. */
  id: number;
  name: string;
  type: EntityType;
  country?: string;
  kind: string;
  /** Set on entries from a user's list: they outrank the shipped lists. */
  user?: boolean;
  /** One-word forms of five letters or fewer, exactly as listed: those match only as written. */
  shortForms?: Set<string>;
};

export type GazHit = {
  /** Token range [start, end). */
  start: number;
  end: number;
  entries: GazEntry[];
  /** The text is capitalised as names are; false for hits found only case-insensitively. */
  cased: boolean;
};

const ENTITY_TYPES = new Set<EntityType>(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC']);

/** Kinds precise enough to name an entity without the tagger's agreement. */
export const TRUSTED_KINDS = new Set(['country', 'capital', 'demonym', 'igo', 'seat', 'legislature', 'media', 'intelligence',
  'military', 'party', 'government', 'region', 'feature', 'armed', 'user']);

/** Order in which list kinds win when one key is in several lists. */
const KIND_RANK: Record<string, number> = { user: 0, country: 1, demonym: 2, capital: 3, seat: 4, igo: 4, region: 5, feature: 5, city: 6 };

const MAX_TOKENS = 8;

const rank = (e: GazEntry) => KIND_RANK[e.user ? 'user' : e.kind] ?? 9;

export class Gazetteer {
  private byKey = new Map<string, GazEntry[]>();
  /** Every token-boundary prefix of every key, so a scan can stop as soon as nothing can follow. */
  private prefixes = new Set<string>();
  private nextId = 1;
  /** ISO3 → the country's own entry, for naming a country that is only mentioned through its capital. */
  readonly countries = new Map<string, GazEntry>();
  readonly givenNames = new Set<string>();
  readonly familyNames = new Set<string>();
  /**
   * Common English given names (data/names/given-names.txt), lower case. Evidence only, never hits:
   * many are words too ("Hope", "Will"), so a name needs the way it is written to count.
   */
  readonly commonGivenNames = new Set<string>();
  /** Everyday English words (data/names/common-words.txt), lower case: a capital on one of these alone is weak evidence. */
  readonly commonWords = new Set<string>();

  add(name: string, type: EntityType, country: string | undefined, aliases: string[], kind: string, user = false): GazEntry {
    const entry: GazEntry = { id: this.nextId++, name, type, kind, ...(country ? { country } : {}), ...(user ? { user } : {}) };
    if (kind === 'country' && country && !this.countries.has(country)) this.countries.set(country, entry);
    for (const form of [name, ...aliases]) {
      // "the Kremlin" is listed as "Kremlin": the article stays outside the name's span
      const key = bareKey(form);
      if (!key) continue;
      if (key.length <= 5 && !key.includes(' ')) (entry.shortForms ??= new Set()).add(form.replace(/^the /i, ''));
      const list = this.byKey.get(key);
      if (!list) this.byKey.set(key, [entry]);
      else if (!list.includes(entry)) {
        list.push(entry);
        this.unsorted.add(list);
      }
      const firstSpace = key.indexOf(' ');
      for (let at = firstSpace; at > 0; at = key.indexOf(' ', at + 1)) this.prefixes.add(key.slice(0, at));
      if (type === 'PERSON' && firstSpace > 0) {
        this.givenNames.add(key.slice(0, firstSpace));
        this.familyNames.add(key.slice(key.lastIndexOf(' ') + 1));
      }
    }
    return entry;
  }

  private unsorted = new Set<GazEntry[]>();

  /** Ranks entries that share a key once, after loading, rather than on every insert. */
  private settle(): void {
    for (const list of this.unsorted) list.sort((a, b) => rank(a) - rank(b));
    this.unsorted.clear();
  }

  lookup(name: string): GazEntry[] {
    this.settle();
    return this.byKey.get(bareKey(name)) ?? [];
  }

  /** Reads one TSV list; malformed lines are skipped, not fatal, since users write these by hand. */
  loadFile(path: string, user = false): number {
    let n = 0;
    for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [name, type, country, aliases, kind] = line.split('\t').map((s) => s?.trim() ?? '');
      const t = (type ?? '').toUpperCase() as EntityType;
      if (!name || !ENTITY_TYPES.has(t)) continue;
      const cc = country && /^[A-Za-z]{3}$/.test(country) ? country.toUpperCase() : undefined;
      this.add(name, t, cc, (aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean), kind || (user ? 'user' : 'list'), user);
      n++;
    }
    this.settle();
    return n;
  }

  /**
   * All list hits in a run of tokens, longest first at each start, not overlapping. Each token's
   * key comes from `keys` (see tokenKeys) so a document is normalised once, not once per lookup.
   */
  scan(tokens: Token[], keys: string[], from: number, to: number): GazHit[] {
    this.settle();
    const hits: GazHit[] = [];
    let i = from;
    while (i < to) {
      const first = keys[i]!;
      if (!first || (!this.prefixes.has(first) && !this.byKey.has(first))) {
        i++;
        continue;
      }
      let key = '';
      let best: { end: number; entries: GazEntry[] } | null = null;
      for (let j = i; j < to && j < i + MAX_TOKENS; j++) {
        const part = keys[j]!;
        if (!part) {
          // hyphens and full stops vanish from keys; they may sit inside a name but not start or end one
          if (j === i) break;
          continue;
        }
        key = key ? `${key} ${part}` : part;
        const entries = this.byKey.get(key);
        if (entries && keys[j]) best = { end: j + 1, entries };
        if (!this.prefixes.has(key)) break;
      }
      if (best) {
        const surface = tokens.slice(i, best.end);
        const cased = isCasedName(surface);
        const entries = filterShort(best.entries, surface);
        if (entries.length) {
          hits.push({ start: i, end: best.end, entries, cased });
          i = best.end;
          continue;
        }
      }
      i++;
    }
    return hits;
  }
}

/** A name's first word starts with a capital or digit ("al-Qaeda" and "iPhone" are listed as written). */
function isCasedName(tokens: Token[]): boolean {
  const c = tokens[0]!.text[0]!;
  return c !== c.toLowerCase() || /\d/.test(c);
}

/**
 * Short one-word names are acronyms or everyday words in lower case ("who", "us", "ap"): they
 * match only as listed ("U.S.", "NIS", "Thai"), so the Serbian city Niš does not claim "NIS".
 */
function filterShort(entries: GazEntry[], tokens: Token[]): GazEntry[] {
  if (tokens.length > 1) return entries;
  const t = tokens[0]!.text;
  return entries.filter((e) => !e.shortForms || e.shortForms.has(t) || (t.length > 5 && !e.shortForms.has(t.toUpperCase())));
}

/** Per-token lookup keys: normalised words, empty for hyphens and stray full stops. */
export function tokenKeys(tokens: Token[]): string[] {
  const out = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    // fast path for plain ASCII words, which are nearly all of them
    out[i] = /^[A-Za-z0-9]+$/.test(t) ? t.toLowerCase() : nameKey(t);
  }
  return out;
}

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/names');
let shipped: Gazetteer | null = null;
const userFiles: string[] = [];

/** The shipped lists plus every user list loaded so far; built once per process. */
export function gazetteer(): Gazetteer {
  if (shipped) return shipped;
  const g = new Gazetteer();
  if (existsSync(DATA_DIR)) {
    for (const f of readdirSync(DATA_DIR).sort()) if (f.endsWith('.tsv') && f !== 'roles.tsv') g.loadFile(join(DATA_DIR, f));
    const given = join(DATA_DIR, 'given-names.txt');
    if (existsSync(given)) for (const line of readFileSync(given, 'utf8').split('\n')) if (line && !line.startsWith('#')) g.commonGivenNames.add(line.toLowerCase());
    const common = join(DATA_DIR, 'common-words.txt');
    if (existsSync(common)) for (const line of readFileSync(common, 'utf8').split('\n')) if (line && !line.startsWith('#')) g.commonWords.add(line);
  }
  for (const f of userFiles) g.loadFile(f, true);
  shipped = g;
  return g;
}

/** Adds a user's list (TSV as above); its entries outrank the shipped ones. Returns how many names it held. */
export function loadUserNames(path: string): number {
  if (!existsSync(path)) throw new Error(`names file not found: ${path}`);
  userFiles.push(path);
  return shipped ? shipped.loadFile(path, true) : (gazetteer(), countLines(path));
}

function countLines(path: string): number {
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#')).length;
}

export type RoleInfo = { sector: string; kind: 'title' | 'role' };
let roles: Map<string, RoleInfo> | null = null;

/** Titles ("President", "Gen.") and role nouns ("minister", "intelligence officials") with their sector. */
export function roleNouns(): Map<string, RoleInfo> {
  if (roles) return roles;
  roles = new Map();
  const path = join(DATA_DIR, 'roles.tsv');
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [noun, sector, kind] = line.split('\t');
      if (!noun || !sector) continue;
      const key = kind === 'title' ? `T:${nameKey(noun)}` : nameKey(noun);
      if (!roles.has(key)) roles.set(key, { sector, kind: kind === 'title' ? 'title' : 'role' });
    }
  }
  return roles;
}
