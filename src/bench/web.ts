/**
 * Web app timings on a large ledger: every page's server-side render through app.request (no socket,
 * no browser), first request and median of the next five, against a target of 300 ms.
 *
 *   node --import tsx src/bench/web.ts [--docs 100000] [--db .bench/web-100k.db]
 *
 * The ledger is built once and reused: real paragraphs (see corpus.ts) after a generated lead of
 * attributed sentences whose sources, places and measures follow a skewed distribution, so that some
 * sources, names and series are huge and most are small, as in a real news archive. Extraction
 * records are made directly (offsets computed from the text), which keeps building 100k articles to
 * a few minutes; the nlp stages' speed is measured by the extraction bench, not here, and so is
 * cross-article linking (left out of this build: see buildBenchLedger).
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../eval/shared.ts';
import { corpus, paragraphPool, prng } from './corpus.ts';
import { makeDocument } from '../ingest/document.ts';
import { SqliteLedger } from '../store/sqlite.ts';
import { createApp } from '../server/app.ts';
import type { Claim, Entity, Extraction, Figure } from '../types.ts';

const TARGET_MS = 300;
const OUTLETS = 60;
const SOURCES = 4000;
const PLACES = 800;
const MEASURES = 500;
const NOUNS = ['workers', 'soldiers', 'refugees', 'ships', 'flights', 'tonnes of grain', 'students', 'patients', 'homes', 'jobs'];
const CUES = ['said', 'told reporters', 'estimated', 'reported', 'announced', 'claimed'];

/** Rank k of n drawn with a heavy head: a few items take most draws. */
const skewed = (rnd: () => number, n: number) => Math.floor(Math.pow(rnd(), 3) * n);

export async function buildBenchLedger(path: string, docs: number): Promise<void> {
  // a name of its own, so that two benches started at once never write into each other's file
  const tmp = `${path}.building-${process.pid}`;
  const ledger = new SqliteLedger(tmp);
  // a throwaway file being filled: durability per transaction buys nothing here
  ledger.db.pragma('synchronous = OFF');
  // Cross-article linking runs inside addAll and costs more than everything else together; it has
  // its own measurements. Left out here, the link pages of this ledger are empty and their timings
  // say nothing; every other page reads the same tables as on a linked ledger.
  (ledger as unknown as { links: { link: () => void } }).links = { link: () => undefined };
  const rnd = prng(7);
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
      const noun = `${NOUNS[measure % NOUNS.length]} of kind ${measure}`;
      const value = 100 + Math.floor(rnd() * 20000);
      const cue = CUES[Math.floor(rnd() * CUES.length)]!;
      const figureText = `${value.toLocaleString('en-US')} ${noun}`;
      const content = `${figureText} were counted in ${place}`;
      const sentence = `${source} ${cue} that ${content}.`;
      const at = text.length + lead.join(' ').length + (lead.length ? 1 : 0);
      const sourceId = mention(source, 'ORG', at);
      const contentStart = at + source.length + cue.length + 7;
      mention(place, 'GPE', contentStart + figureText.length + ' were counted in '.length);
      const id = `c${i + 1}`;
      figures.push({ id: `f${i + 1}`, start: contentStart, end: contentStart + figureText.length, text: figureText, value, qualifier: 'exact', counts: noun, claim: id });
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
  const [topSeries] = await ledger.seriesList({ limit: 1 });
  const [midSeries] = await ledger.seriesList({ limit: 1, offset: 200 });
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
    `/figures/${e(topSeries!.measure)}`,
    `/figures/${e(midSeries!.measure)}`,
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
    `/api/series/${e(topSeries!.measure)}`,
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
