/**
 * Web app timings on a large ledger: every page's server-side render through app.request (no socket,
 * no browser), first request and median of the next five, against a target of 300 ms.
 *
 *   node --import tsx src/bench/web.ts [--docs 100000] [--db .bench/web-100k.db]
 *
 * The ledger is built once and reused: real paragraphs (see corpus.ts) after a generated lead of
 * attributed sentences whose sources, places and measures follow a skewed distribution, so that some
 * sources, names and series are huge and most are small, as in a real news archive. Extraction
 * records are made directly (offsets computed from the text), which keeps the nlp stages out of the
 * build; their speed is measured by the extraction bench, not here. Of cross-article linking, the
 * build runs the two steps the figure timelines read, series and conflicts (see buildBenchLedger):
 * each figure counts some nationality's workers, soldiers, ... near a real city, so that linking files
 * it under a series (whose and where), and the reports of one series agree within rounding but for a
 * few outliers, which become the series' conflicts.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../eval/shared.ts';
import { corpus, paragraphPool, prng } from './corpus.ts';
import { makeDocument } from '../ingest/document.ts';
import { SqliteLedger } from '../store/sqlite.ts';
import { pointsOf, type Point } from '../link/points.ts';
import { createApp } from '../server/app.ts';
import type { Claim, Entity, Extraction, Figure } from '../types.ts';

const TARGET_MS = 300;
const OUTLETS = 60;
const SOURCES = 4000;
const PLACES = 800;
const MEASURES = 500;
const NOUNS = ['workers', 'soldiers', 'refugees', 'ships', 'flights', 'tonnes of grain', 'students', 'patients', 'homes', 'jobs'];
const DEMONYMS = ['Polish', 'Filipino', 'Turkish', 'Nigerian', 'Ukrainian', 'Indian', 'Bangladeshi', 'Vietnamese', 'Chinese', 'Syrian'];
/** Cities in the shipped place list (data/names/places.tsv), so that a figure's series says where. */
const CITIES = ['Rotterdam', 'Hamburg', 'Manila', 'Warsaw', 'Busan', 'Odesa', 'Marseille', 'Naples', 'Karachi', 'Mumbai', 'Antwerp', 'Piraeus', 'Dhaka', 'Seoul', 'Vladivostok', 'Kursk'];
/** Share of reports that disagree with the rest of their series (the series' conflicts). */
const OUTLIERS = 0.01;
const CUES = ['said', 'told reporters', 'estimated', 'reported', 'announced', 'claimed'];

/** Rank k of n drawn with a heavy head: a few items take most draws. */
const skewed = (rnd: () => number, n: number) => Math.floor(Math.pow(rnd(), 3) * n);

export async function buildBenchLedger(path: string, docs: number): Promise<void> {
  // a name of its own, so that two benches started at once never write into each other's file
  const tmp = `${path}.building-${process.pid}`;
  const ledger = new SqliteLedger(tmp);
  // a throwaway file being filled: durability per transaction buys nothing here
  ledger.db.pragma('synchronous = OFF');
  // Cross-article linking runs inside addAll and costs more than everything else together, growing
  // with the ledger (copies, statements and entities have their own measurements): here it files each
  // figure under its series and judges conflicts, which is what the timelines read, and nothing else,
  // so the statement and copy pages of this ledger are empty.
  type SeriesSteps = {
    linkSeries(doc: unknown, x: Extraction, points: Point[], copyGroup: undefined): void;
    linkConflicts(doc: unknown, points: Point[], copyGroup: undefined): number;
  };
  const links = (ledger as unknown as { links: SeriesSteps & { link: (doc: ReturnType<typeof makeDocument>, x: Extraction) => void } }).links;
  links.link = (doc, x) => {
    const points = pointsOf(doc, x);
    links.linkSeries(doc, x, points, undefined);
    links.linkConflicts(doc, points, undefined);
  };
  const rnd = prng(7);
  // each series' level (its noun, whose and city): what its reports agree on, within rounding
  const level = (noun: number, whose: number, city: number) => 500 + ((noun * 7919 + whose * 3571 + city * 104_729) % 19_500);
  const pool = paragraphPool();
  const batch: { doc: ReturnType<typeof makeDocument>; extraction: Extraction }[] = [];
  let n = 0;
  const started = Date.now();
  for (const base of corpus(Infinity, 11, pool)) {
    if (n >= docs) break;
    n++;
    const lead: string[] = [];
    const claims: Claim[] = [];
    const figures: Figure[] = [];
    const entities = new Map<string, Entity>();
    let text = '';
    const mention = (name: string, type: Entity['type'], start: number) => {
      const e = entities.get(name) ?? entities.set(name, { id: `e${entities.size + 1}`, type, name, mentions: [] }).get(name)!;
      e.mentions.push({ start, end: start + name.length, text: name });
      return e.id;
    };
    const k = 3 + Math.floor(rnd() * 5);
    for (let i = 0; i < k; i++) {
      const source = `Source ${skewed(rnd, SOURCES)}`;
      const place = `Place ${skewed(rnd, PLACES)}`;
      const measure = skewed(rnd, MEASURES);
      // series sizes are skewed by the measure; whose and the city only spread them (the city is not a
      // name of the extraction record, so name pages stay as before). Linking compares each new figure
      // with the earlier ones of its noun and whose, so no pair of them may take a large share.
      const cityIndex = Math.floor(rnd() * CITIES.length);
      const city = CITIES[cityIndex]!;
      const whose = Math.floor(rnd() * DEMONYMS.length);
      const noun = `${DEMONYMS[whose]} ${NOUNS[measure % NOUNS.length]}`;
      // reports agree within rounding ("about" stretches 15%, a round number 5%); a few are far off
      const off = rnd() < OUTLIERS ? 2 + rnd() : 1 + (rnd() - 0.5) * 0.04;
      const value = Math.max(100, Math.round((level(measure % NOUNS.length, whose, cityIndex) * off) / 100) * 100);
      const about = rnd() < 0.7;
      const cue = CUES[Math.floor(rnd() * CUES.length)]!;
      const figureText = `${about ? 'about ' : ''}${value.toLocaleString('en-US')} ${noun}`;
      const content = `${figureText} were counted in ${place} near ${city}`;
      const sentence = `${source} ${cue} that ${content}.`;
      const at = text.length + lead.join(' ').length + (lead.length ? 1 : 0);
      const sourceId = mention(source, 'ORG', at);
      const contentStart = at + source.length + cue.length + 7;
      mention(place, 'GPE', contentStart + figureText.length + ' were counted in '.length);
      const id = `c${i + 1}`;
      figures.push({ id: `f${i + 1}`, start: contentStart, end: contentStart + figureText.length, text: figureText, value, qualifier: about ? 'approximately' : 'exact', counts: noun, claim: id });
      claims.push({
        id,
        kind: 'indirect',
        polarity: 'affirmed',
        source: { start: at, end: at + source.length, text: source, entity: sourceId },
        cue: { start: at + source.length + 1, end: at + source.length + 1 + cue.length, text: cue },
        content: [{ start: contentStart, end: contentStart + content.length, text: content }],
        said: base.published,
        figures: [`f${i + 1}`],
        entities: [],
      });
      lead.push(sentence);
    }
    // two paragraphs of body are enough: page timings depend on how many rows there are, not on how
    // long each article is, and a smaller file builds in a fraction of the time
    text = lead.join(' ') + '\n\n' + base.text.split('\n\n').slice(0, 3).join('\n\n');
    const doc = makeDocument({ text, published: base.published, outlet: `Outlet ${skewed(rnd, OUTLETS)}`, title: `Report ${n}` });
    if (doc.text !== text) throw new Error('generated text is not canonical; offsets would drift');
    batch.push({
      doc,
      extraction: {
        document: { id: doc.id, published: doc.published, outlet: doc.outlet, title: doc.title, lang: 'en', textSha256: doc.textSha256 },
        entities: [...entities.values()],
        times: [],
        figures,
        claims,
        events: [],
      },
    });
    if (batch.length === 2000) {
      await ledger.addAll(batch.splice(0));
      process.stderr.write(`\rweb bench: building ledger ${n.toLocaleString('en-US')}/${docs.toLocaleString('en-US')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  if (batch.length) await ledger.addAll(batch);
  ledger.db.pragma('optimize');
  ledger.db.exec('ANALYZE');
  ledger.db.pragma('wal_checkpoint(TRUNCATE)');
  await ledger.close();
  renameSync(tmp, path);
  process.stderr.write('\n');
}

export type WebTiming = { page: string; firstMs: number; medianMs: number; status: number; bytes: number };

export async function webBench(argv: string[] = []): Promise<WebTiming[]> {
  const arg = (name: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
  const docs = Number(arg('--docs') ?? process.env.TRIANGULATE_WEB_BENCH_DOCS ?? 100_000);
  const path = arg('--db') ?? join(REPO_ROOT, '.bench', `web-${docs}.db`);
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path)) {
    process.stderr.write(`web bench: building a ledger of ${docs.toLocaleString('en-US')} articles at ${path} (once; reused after)\n`);
    await buildBenchLedger(path, docs);
  }
  const ledger = new SqliteLedger(path);
  const app = createApp({ ledger });
  const counts = await ledger.counts();
  const [topSource] = await ledger.sources({ limit: 1 });
  const [midSource] = await ledger.sources({ limit: 1, offset: 300 });
  const [topSeries] = await ledger.series({ limit: 1 });
  const [midSeries] = await ledger.series({ limit: 1, offset: 200 });
  // a ledger built before the bench linked series has no timeline to time: the other pages still are
  const series = topSeries && midSeries ? [topSeries, midSeries] : [];
  if (!series.length) process.stderr.write(`web bench: ${path} has no linked figure series (built before the bench linked them); timelines are left out: delete the file to rebuild it\n`);
  const [topName] = await ledger.entities({ limit: 1, type: 'GPE' });
  const [midName] = await ledger.entities({ limit: 1, type: 'GPE', offset: 300 });
  const [someDoc] = await ledger.documentPage({ limit: 1, offset: 1234 });
  const firstClaim = (await ledger.extraction(someDoc!.id))!.claims[0]!;
  const e = encodeURIComponent;
  const pages = [
    '/',
    '/documents',
    '/documents?offset=20000',
    `/documents/${someDoc!.id}`,
    `/documents/${someDoc!.id}?claim=${firstClaim.id}`,
    '/claims',
    '/claims?q=counted+refugees',
    '/claims?q=grain+Place+3',
    `/claims?source=${e('Source 12')}`,
    `/claims?entity=${e(midName!.name)}`,
    `/claims?entity=${e(topName!.name)}`,
    '/claims?kind=direct',
    '/claims?since=2024-01&until=2024-03',
    '/claims?outlet=Outlet+5',
    '/claims?offset=10000',
    '/figures',
    '/figures?all=1',
    ...series.map((s) => `/figures/${e(s.key)}`),
    '/sources',
    '/sources?q=Source+4',
    `/sources/${e(topSource!.name)}`,
    `/sources/${e(midSource!.name)}`,
    '/entities',
    `/entities/${e(topName!.name)}`,
    `/entities/${e(midName!.name)}`,
    '/statements',
    '/copies',
    '/api/claims?q=workers&limit=100',
    ...series.slice(0, 1).map((s) => `/api/series/${e(s.key)}`),
  ];
  // the process's own first-request costs (router, JIT) are not any page's: pay them on pages without the ledger
  await app.request('/openapi.json');
  await app.request('/assets/app.css');
  const timings: WebTiming[] = [];
  for (const p of pages) {
    const once = async () => {
      const t = process.hrtime.bigint();
      const res = await app.request(p);
      const body = await res.arrayBuffer();
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: res.status, bytes: body.byteLength };
    };
    const first = await once();
    const rest: number[] = [];
    for (let i = 0; i < 5; i++) rest.push((await once()).ms);
    rest.sort((a, b) => a - b);
    timings.push({ page: p, firstMs: first.ms, medianMs: rest[2]!, status: first.status, bytes: first.bytes });
  }
  await ledger.close();
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  const lines = [
    `Web app on ${counts.documents.toLocaleString('en-US')} articles, ${counts.claims.toLocaleString('en-US')} claims, ${counts.figures.toLocaleString('en-US')} figures (server render via app.request; target ${TARGET_MS} ms)`,
    `${'page'.padEnd(44)} ${'first ms'.padStart(8)} ${'median'.padStart(8)} ${'KB'.padStart(6)}  status`,
    ...timings.map((t) => `${(t.page.length > 44 ? t.page.slice(0, 43) + '…' : t.page).padEnd(44)} ${fmt(t.firstMs)} ${fmt(t.medianMs)} ${(t.bytes / 1024).toFixed(0).padStart(6)}  ${t.status}${t.firstMs > TARGET_MS ? '  OVER TARGET' : ''}`),
  ];
  const over = timings.filter((t) => t.firstMs > TARGET_MS).length;
  lines.push(over ? `${over} page(s) over ${TARGET_MS} ms on first render` : `every page under ${TARGET_MS} ms on first render`);
  process.stdout.write('\n' + lines.join('\n') + '\n');
  return timings;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/src\//, '/src/'))) {
  webBench(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
