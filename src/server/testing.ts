/**
 * Hand-made ledgers for the web app's tests: articles written for the tests, with extraction records
 * whose offsets are computed from the text itself (so they are right by construction, whatever the
 * nlp stages currently find). Used by the route, API and browser tests; not by the program.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDocument } from '../ingest/document.ts';
import { measureKey } from '../link/measure.ts';
import { SqliteLedger } from '../store/sqlite.ts';
import type { Claim, Document, Entity, Extraction, Figure, Span } from '../types.ts';

type ClaimSpec = { source?: string; entity?: string; cue?: string; content: string[]; said?: string; kind?: Claim['kind']; negated?: boolean };
type FigureSpec = { text: string; value: number | null; min?: number; max?: number; qualifier?: Figure['qualifier']; counts?: string; unit?: string; claim?: number };
type EntitySpec = { name: string; type: Entity['type']; mentions: string[] };

export type ArticleSpec = {
  text: string;
  published?: string;
  outlet?: string;
  title?: string;
  url?: string;
  claims?: ClaimSpec[];
  figures?: FigureSpec[];
  entities?: EntitySpec[];
  times?: { text: string; value: string }[];
};

function spanOf(text: string, needle: string): Span {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`test article does not contain "${needle}"`);
  return { start: at, end: at + needle.length, text: needle };
}

/** Every occurrence of `needle`, so that a name's mentions are all found. */
function spansOf(text: string, needle: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) out.push({ start: at, end: at + needle.length, text: needle });
  return out;
}

export function article(spec: ArticleSpec): { doc: Document; extraction: Extraction } {
  const doc = makeDocument({ text: spec.text, published: spec.published, outlet: spec.outlet, title: spec.title, url: spec.url });
  const t = doc.text;
  const entities: Entity[] = (spec.entities ?? []).map((e, i) => ({ id: `e${i + 1}`, type: e.type, name: e.name, mentions: e.mentions.flatMap((m) => spansOf(t, m)) }));
  const entityId = (name?: string) => entities.find((e) => e.name === name)?.id;
  const claims: Claim[] = (spec.claims ?? []).map((c, i) => ({
    id: `c${i + 1}`,
    kind: c.kind ?? (c.source ? 'indirect' : 'unattributed'),
    polarity: c.negated ? 'negated' : 'affirmed',
    ...(c.source ? { source: { ...spanOf(t, c.source), ...(entityId(c.entity) ? { entity: entityId(c.entity) } : {}) } } : {}),
    ...(c.cue ? { cue: spanOf(t, c.cue) } : {}),
    content: c.content.map((s) => spanOf(t, s)),
    ...(c.said ? { said: c.said } : {}),
    figures: [],
    entities: [],
  }));
  const figures: Figure[] = (spec.figures ?? []).map((f, i) => {
    const fig: Figure = {
      id: `f${i + 1}`,
      ...spanOf(t, f.text),
      value: f.value,
      qualifier: f.qualifier ?? 'exact',
      ...(f.min !== undefined ? { min: f.min, max: f.max } : {}),
      ...(f.counts ? { counts: f.counts } : {}),
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.claim !== undefined ? { claim: `c${f.claim}` } : {}),
    };
    if (f.claim !== undefined) claims[f.claim - 1]!.figures.push(fig.id);
    return fig;
  });
  const times = (spec.times ?? []).map((x, i) => ({ id: `t${i + 1}`, ...spanOf(t, x.text), value: x.value, type: 'DATE' as const }));
  const extraction: Extraction = {
    document: { id: doc.id, lang: doc.lang, textSha256: doc.textSha256, ...(doc.published ? { published: doc.published } : {}), ...(doc.title ? { title: doc.title } : {}), ...(doc.outlet ? { outlet: doc.outlet } : {}), ...(doc.url ? { url: doc.url } : {}) },
    entities,
    times,
    figures,
    claims,
    events: [],
  };
  return { doc, extraction };
}

/**
 * A small story told by three invented outlets: a port's count of dock workers, estimated by a
 * harbour authority, a union and a ministry, with one pair of estimates that cannot both be true.
 */
export const HARBOUR_STORY: ArticleSpec[] = [
  {
    title: 'Port says dock workforce has grown',
    outlet: 'Coastal Times',
    published: '2023-03-02',
    text: 'About 4,000 dock workers are employed at Port Halden, the Harbour Authority said on Tuesday.\n\nThe authority expects the figure to rise once the new quay opens in 2024.',
    entities: [{ name: 'Harbour Authority', type: 'ORG', mentions: ['Harbour Authority'] }, { name: 'Port Halden', type: 'GPE', mentions: ['Port Halden'] }],
    claims: [
      { source: 'the Harbour Authority', entity: 'Harbour Authority', cue: 'said', content: ['About 4,000 dock workers are employed at Port Halden'], said: '2023-02-28' },
      { source: 'The authority', entity: 'Harbour Authority', cue: 'expects', content: ['the figure to rise once the new quay opens in 2024'], said: '2023-02-28' },
    ],
    figures: [{ text: 'About 4,000 dock workers', value: 4000, qualifier: 'approximately', counts: 'dock workers', claim: 1 }],
    times: [{ text: 'Tuesday', value: '2023-02-28' }, { text: '2024', value: '2024' }],
  },
  {
    title: 'Union disputes port figures',
    outlet: 'Morning Ledger',
    published: '2023-03-20',
    text: 'The dockers’ union said 6,500 dock workers now work shifts at Port Halden, far more than the Harbour Authority admits.\n\n“Nobody counts the night crews,” a union organiser told reporters.',
    entities: [{ name: 'Harbour Authority', type: 'ORG', mentions: ['Harbour Authority'] }, { name: 'Port Halden', type: 'GPE', mentions: ['Port Halden'] }],
    claims: [
      { source: 'The dockers’ union', cue: 'said', content: ['6,500 dock workers now work shifts at Port Halden, far more than the Harbour Authority admits'], said: '2023-03-19' },
      { source: 'a union organiser', cue: 'told', content: ['Nobody counts the night crews,'], kind: 'direct', said: '2023-03-19' },
    ],
    figures: [{ text: '6,500 dock workers', value: 6500, counts: 'dock workers', claim: 1 }],
  },
  {
    title: 'Ministry puts port jobs in a range',
    outlet: 'Evening Gazette',
    published: '2024-06-11',
    text: 'Between 5,000 and 5,500 dock workers were registered at Port Halden last year, the transport ministry said in its annual report.',
    entities: [{ name: 'Port Halden', type: 'GPE', mentions: ['Port Halden'] }],
    claims: [{ source: 'the transport ministry', cue: 'said', content: ['Between 5,000 and 5,500 dock workers were registered at Port Halden last year'], said: '2024-06-10' }],
    figures: [{ text: 'Between 5,000 and 5,500 dock workers', value: null, min: 5000, max: 5500, qualifier: 'range', counts: 'dock workers', claim: 1 }],
  },
];

/**
 * One series the ledger links across four invented outlets: Polish dock workers in Rotterdam. The
 * authority's "about 4,000" and a union's 6,500, counted a day apart, cannot both be true (a ledger
 * conflict); the ministry's range describes 2022 although it was said in June 2024, the day before the
 * union's 9,000 about June 2024, so the two are about different times and never set against each other.
 */
export const PORT_STORY: ArticleSpec[] = [
  {
    title: 'Port counts its Polish dockers',
    outlet: 'Coastal Times',
    published: '2023-03-02',
    text: 'About 4,000 Polish dock workers are employed in Rotterdam, the Harbour Authority said on Tuesday.',
    entities: [{ name: 'Harbour Authority', type: 'ORG', mentions: ['Harbour Authority'] }, { name: 'Rotterdam', type: 'GPE', mentions: ['Rotterdam'] }],
    claims: [{ source: 'the Harbour Authority', entity: 'Harbour Authority', cue: 'said', content: ['About 4,000 Polish dock workers are employed in Rotterdam'], said: '2023-02-28' }],
    figures: [{ text: 'About 4,000 Polish dock workers', value: 4000, qualifier: 'approximately', counts: 'Polish dock workers', claim: 1 }],
    times: [{ text: 'Tuesday', value: '2023-02-28' }],
  },
  {
    title: 'Stevedores say the port undercounts',
    outlet: 'Morning Ledger',
    published: '2023-03-03',
    text: 'The stevedores’ union said on Wednesday that 6,500 Polish dock workers now work shifts in Rotterdam.',
    entities: [{ name: 'Rotterdam', type: 'GPE', mentions: ['Rotterdam'] }],
    claims: [{ source: 'The stevedores’ union', cue: 'said', content: ['6,500 Polish dock workers now work shifts in Rotterdam'], said: '2023-03-01' }],
    figures: [{ text: '6,500 Polish dock workers', value: 6500, counts: 'Polish dock workers', claim: 1 }],
    times: [{ text: 'Wednesday', value: '2023-03-01' }],
  },
  {
    title: 'Maritime ministry looks back at 2022',
    outlet: 'Evening Gazette',
    published: '2024-06-11',
    text: 'Between 5,000 and 5,500 Polish dock workers were registered in Rotterdam in 2022, the maritime ministry said in its annual report.',
    entities: [{ name: 'Rotterdam', type: 'GPE', mentions: ['Rotterdam'] }],
    claims: [{ source: 'the maritime ministry', cue: 'said', content: ['Between 5,000 and 5,500 Polish dock workers were registered in Rotterdam in 2022'], said: '2024-06-10' }],
    figures: [{ text: 'Between 5,000 and 5,500 Polish dock workers', value: null, min: 5000, max: 5500, qualifier: 'range', counts: 'Polish dock workers', claim: 1 }],
    times: [{ text: '2022', value: '2022' }],
  },
  {
    title: 'Stevedores put the workforce at 9,000',
    outlet: 'Quayside Weekly',
    published: '2024-06-12',
    text: 'The stevedores’ union said on Tuesday that 9,000 Polish dock workers now work in Rotterdam.',
    entities: [{ name: 'Rotterdam', type: 'GPE', mentions: ['Rotterdam'] }],
    claims: [{ source: 'The stevedores’ union', cue: 'said', content: ['9,000 Polish dock workers now work in Rotterdam'], said: '2024-06-11' }],
    figures: [{ text: '9,000 Polish dock workers', value: 9000, counts: 'Polish dock workers', claim: 1 }],
    times: [{ text: 'Tuesday', value: '2024-06-11' }],
  },
];

/** The series PORT_STORY makes, by its key. */
export const PORT_SERIES = 'count|labour|POL|NLD/Rotterdam||';

/** An article whose text, title and outlet try to inject markup and script. */
export const HOSTILE: ArticleSpec = {
  title: '<script>window.__pwned = 1</script> Harbour "quote" test',
  outlet: '<img src=x onerror="window.__pwned=2">Outlet',
  published: '2023-04-01',
  url: 'javascript:window.__pwned=3',
  text: 'The harbour master said <script>window.__pwned = 4</script> the berth is closed.\n\nA sign read " onmouseover="window.__pwned=5" and <img src=x onerror="window.__pwned=6"> stayed up.',
  claims: [{ source: 'The harbour master', cue: 'said', content: ['<script>window.__pwned = 4</script> the berth is closed'], said: '2023-03-31' }],
  figures: [],
};

/** Mixed scripts: offsets are UTF-16 code units, so emoji and combining marks shift nothing. */
export const MIXED_SCRIPTS: ArticleSpec = {
  title: 'Mixed scripts',
  outlet: 'Evening Gazette',
  published: '2023-05-05',
  text: 'Officials in Сеул 🚢 said 300 cranes stand idle. Mayor José Nuñ\u0302ez said 한국 ports had 12 ships waiting 🙂.',
  claims: [{ source: 'Mayor José Nuñ\u0302ez', cue: 'said', content: ['한국 ports had 12 ships waiting 🙂'] }],
  figures: [{ text: '12 ships', value: 12, counts: 'ships', claim: 1 }],
};

const FERRY_BODY =
  'Ferry crossings to the outer islands will rise to {n} a week from July, the island council said on Monday.\n\n' +
  'The council said new crews had been hired over the winter and that two older boats would be retired before the summer. ' +
  'Timetables will be posted at every harbour by the end of the month, and fares will not change this year, a spokesperson said.';

/** One report and a lightly reworded copy of it under another outlet: a statement with two reports, and a copy group. */
export const SYNDICATED: ArticleSpec[] = [
  { n: '40', outlet: 'Island Post', published: '2024-05-07', credit: '' },
  { n: 'some 40', outlet: 'Mainland Courier', published: '2024-05-08', credit: '\n\nThis report first appeared in the Island Post.' },
].map(({ n, outlet, published, credit }) => ({
  title: 'More ferries to the islands from July',
  outlet,
  published,
  text: FERRY_BODY.replace('{n}', n) + credit,
  entities: [{ name: 'Island Council', type: 'ORG' as const, mentions: ['island council'] }],
  claims: [{ source: 'the island council', entity: 'Island Council', cue: 'said', content: [`Ferry crossings to the outer islands will rise to ${n} a week from July`], said: '2024-05-06' }],
  figures: [{ text: `${n} a week`, value: 40, qualifier: n === '40' ? ('exact' as const) : ('approximately' as const), counts: 'crossings', claim: 1 }],
}));

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'tri-web-')), 'ledger.db');
}

export async function storyLedger(path = tempDbPath()): Promise<SqliteLedger> {
  const ledger = new SqliteLedger(path);
  await ledger.addAll([...HARBOUR_STORY, HOSTILE, MIXED_SCRIPTS].map(article));
  return ledger;
}

/** A ledger of PORT_STORY alone: one linked series with one conflict. */
export async function portLedger(path = tempDbPath()): Promise<SqliteLedger> {
  const ledger = new SqliteLedger(path);
  await ledger.addAll(PORT_STORY.map(article));
  return ledger;
}

export const DOCK_MEASURE = measureKey({ counts: 'dock workers' })!;
