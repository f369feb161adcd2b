/**
 * Ingest throughput: the whole path from files to a committed SQLite ledger (reading, parsing,
 * extraction in the worker pool, batched transactions), with `--jobs 0` (one thread), `--jobs 1` and
 * `--jobs 2` side by side on the same generated corpus, in processes of their own so that each peak
 * RSS is its own. Main-thread and worker CPU time are reported too: unlike wall time they do not
 * depend on what else the machine is running.
 *
 *   npm run bench                          (this section runs after extraction)
 *   node --import tsx src/bench/ingest.ts  this section alone; --ingest-mb N, --jobs 0,1,2, --ceiling-mb N (0: skip)
 *
 * Two corpora: JSON Lines (extraction dominates) and saved HTML pages with navigation, ads and
 * related links around the article (page parsing adds to it). Pool startup (threads loading the
 * language model) is timed apart from throughput; both are reported.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../eval/shared.ts';
import { corpus } from './corpus.ts';

export type IngestBenchResult = {
  corpus: string;
  jobs: number;
  docs: number;
  bytes: number;
  startupMs: number;
  seconds: number;
  docsPerSec: number;
  mbPerSec: number;
  peakRssMb: number;
  /** RSS sampled through the run: flat when nothing accumulates. */
  rssByQuarterMb: number[];
  rejected: number;
  /** CPU seconds of the main thread (reading, ledger writes) and of everything else (the workers), where Linux tells them apart. */
  mainCpuSeconds?: number;
  workerCpuSeconds?: number;
  /** Share of the workers' wall time spent waiting for work from the main thread (mid-run; the end of the input not counted). */
  starvedShare?: number;
};

/**
 * CPU seconds this thread has used (Linux: /proc/thread-self/stat, in clock ticks of 1/100 s).
 * Unlike wall time, it does not depend on what else the machine is running.
 */
function threadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A saved news page around the article text: the noise Readability has to see through. */
function page(text: string, published: string, n: number): string {
  const paras = text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const links = (prefix: string, k: number) => Array.from({ length: k }, (_, i) => `<li><a href="/${prefix}/${i}">${prefix} story ${i} of the day</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report ${n} | Bench Herald</title>
<meta property="og:site_name" content="Bench Herald"><meta property="article:published_time" content="${published}T08:00:00Z">
<link rel="canonical" href="https://bench-herald.example.org/${n}"><style>.ad{height:250px}</style>
<script>window.__STATE__=${JSON.stringify({ n, flags: Array.from({ length: 200 }, (_, i) => i) })}</script></head>
<body><header><nav><ul>${links('section', 12)}</ul></nav></header><div class="ad">Advertisement</div>
<main><article><h1>Report ${n}</h1><p class="byline">By Bench Writer</p>${paras}</article>
<section class="related"><h2>Related</h2><ul>${links('related', 8)}</ul></section></main>
<aside><h2>Most read</h2><ol>${links('popular', 5)}</ol></aside><footer><p>© Bench Herald</p></footer></body></html>`;
}

function writeCorpora(dir: string, mb: number): { jsonl: string; html: string } {
  const jsonl = join(dir, 'corpus.jsonl');
  const lines: string[] = [];
  for (const d of corpus(mb * 1024 * 1024, 11)) lines.push(JSON.stringify({ text: d.text, published: d.published }));
  writeFileSync(jsonl, lines.join('\n') + '\n');
  const html = join(dir, 'pages');
  mkdirSync(html);
  let n = 0;
  // pages are heavier per article; half the text keeps the two runs of similar length
  for (const d of corpus((mb * 1024 * 1024) / 2, 12)) writeFileSync(join(html, `${String(++n).padStart(5, '0')}.html`), page(d.text, d.published, n));
  return { jsonl, html };
}

function inputBytes(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, f) => sum + statSync(join(path, f)).size, 0);
}

/** One measured run, in this process (called in a child by `ingestBench`). */
export async function runIngest(path: string, jobs: number, label: string): Promise<IngestBenchResult> {
  const { ingest } = await import('../services/ingest.ts');
  const { SqliteLedger } = await import('../store/sqlite.ts');
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-ingest-'));
  const ledger = new SqliteLedger(join(dir, 'ledger.db'));
  let t0 = 0;
  let startupMs = 0;
  let main0 = 0;
  let cpu0 = process.cpuUsage();
  let thePool: { starvedMs: number } | undefined;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(Math.round(process.memoryUsage().rss / 1048576)), 250);
  try {
    const totals = await ingest([path], ledger, {
      jobs,
      onPool: async (pool) => {
        thePool = pool;
        const s = performance.now();
        await pool.start();
        startupMs = performance.now() - s;
        t0 = performance.now();
        main0 = threadCpuSeconds() ?? 0;
        cpu0 = process.cpuUsage();
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const main = threadCpuSeconds();
    const bytes = inputBytes(path);
    const quarter = (q: number) => samples[Math.min(samples.length - 1, Math.floor((samples.length * q) / 4))] ?? 0;
    return {
      corpus: label,
      jobs,
      docs: totals.ingested,
      bytes,
      startupMs,
      seconds,
      docsPerSec: totals.ingested / seconds,
      mbPerSec: bytes / 1048576 / seconds,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rssByQuarterMb: [1, 2, 3, 4].map(quarter),
      rejected: totals.rejected,
      ...(thePool && jobs > 0 ? { starvedShare: thePool.starvedMs / (seconds * 1000 * jobs) } : {}),
      ...(main !== undefined && jobs > 0
        ? { mainCpuSeconds: main - main0, workerCpuSeconds: (cpu.user + cpu.system) / 1e6 - (main - main0) }
        : {}),
    };
  } finally {
    clearInterval(sampler);
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function child(path: string, jobs: number, label: string): IngestBenchResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'ingest.ts'), 'run', path, String(jobs), label], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as IngestBenchResult;
}

const cpuPerDoc = (r: IngestBenchResult) =>
  r.mainCpuSeconds === undefined ? '' : `${fmt((r.mainCpuSeconds * 1000) / r.docs, 1)} + ${fmt((r.workerCpuSeconds! * 1000) / r.docs, 1)}`;

/**
 * What --jobs 2 can reach on two idle cores, from CPU time alone: the workers' work spread over two
 * cores, the main thread's added to it (it shares those cores), against --jobs 1 where the main
 * thread has the second core to itself. Meaningful when wall-clock numbers are distorted by load.
 */
function idealTwoCoreRatio(one: IngestBenchResult): number | undefined {
  if (one.mainCpuSeconds === undefined) return undefined;
  const m = one.mainCpuSeconds / one.docs;
  const w = one.workerCpuSeconds! / one.docs;
  return (2 * Math.max(w, m)) / (w + m);
}

/**
 * What this machine itself gives two CPU-bound threads of the same work: the extraction pipeline
 * (src/bench/extract.ts) in one process alone, then in two processes at once, each on its own copy
 * of the corpus. Nothing is shared between the two, so their combined throughput over the lone one
 * is the ceiling any `--jobs 2` / `--jobs 1` ratio can reach here (shared caches, memory bandwidth,
 * the hypervisor's scheduling and clock all count), measured in the same run as the ratio itself.
 * Each rate is over its own run, and the one that ends first leaves the other alone for a moment,
 * which can only flatter the pair.
 */
export async function twoProcessCeiling(mb: number): Promise<{ alone: number; together: number[]; ratio: number }> {
  const run = promisify(execFile);
  const one = async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(here, 'extract.ts'), 'pipeline', String(mb)], { cwd: REPO_ROOT, maxBuffer: 1 << 20 });
    return (JSON.parse(stdout.trim().split('\n').pop()!) as { tokensPerSec: number }).tokensPerSec;
  };
  const alone = await one();
  const together = await Promise.all([one(), one()]);
  return { alone, together, ratio: (together[0]! + together[1]!) / alone };
}

function table(rows: IngestBenchResult[]): string {
  const lines = [
    `${'corpus'.padEnd(12)} ${'jobs'.padStart(4)} ${'docs'.padStart(6)} ${'MB'.padStart(6)} ${'startup'.padStart(8)} ${'docs/s'.padStart(8)} ${'MB/s'.padStart(6)} ${'speedup'.padStart(8)} ${'CPU ms/doc main+workers'.padStart(24)} ${'peak RSS'.padStart(9)} ${'idle'.padStart(5)}  RSS by quarter (MB)`,
  ];
  for (const r of rows) {
    const base = rows.find((b) => b.corpus === r.corpus && b.jobs === 1);
    const speedup = base ? r.docsPerSec / base.docsPerSec : NaN;
    lines.push(
      `${r.corpus.padEnd(12)} ${String(r.jobs).padStart(4)} ${fmt(r.docs).padStart(6)} ${fmt(r.bytes / 1048576, 1).padStart(6)} ${(fmt(r.startupMs / 1000, 1) + ' s').padStart(8)} ${fmt(r.docsPerSec, 1).padStart(8)} ${fmt(r.mbPerSec, 2).padStart(6)} ${(fmt(speedup, 2) + '×').padStart(8)} ${cpuPerDoc(r).padStart(24)} ${(fmt(r.peakRssMb) + ' MB').padStart(9)} ${(r.starvedShare === undefined ? '' : Math.round(r.starvedShare * 100) + '%').padStart(5)}  ${r.rssByQuarterMb.join(' / ')}`,
    );
  }
  return lines.join('\n');
}

/** The ingest section of `npm run bench`: prints its table and writes .bench/ingest.json. */
export async function ingestBench(argv: string[]): Promise<IngestBenchResult[]> {
  const mbAt = argv.indexOf('--ingest-mb');
  const mb = mbAt >= 0 ? Number(argv[mbAt + 1]) : 2;
  const jobsAt = argv.indexOf('--jobs');
  // --jobs 0 (everything in one thread) is the true one-core baseline: --jobs 1 already runs the
  // main thread's reading and ledger writes beside its worker, on the second core
  const jobsList = jobsAt >= 0 ? argv[jobsAt + 1]!.split(',').map(Number) : [0, 1, 2];
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-corpus-'));
  try {
    const { jsonl, html } = writeCorpora(dir, mb);
    const load = loadavg().map((l) => l.toFixed(2)).join(' ');
    process.stderr.write(`bench: ingest of ${mb} MB of JSON Lines and ${mb / 2} MB of article text as HTML pages, --jobs ${jobsList.join(' and ')} (load average ${load})…\n`);
    const rows: IngestBenchResult[] = [];
    for (const [label, path] of [['JSON Lines', jsonl], ['HTML pages', html]] as const) for (const jobs of jobsList) rows.push(child(path, jobs, label));
    const loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');
    const out = [
      '',
      `Ingest to SQLite (node ${process.version}, ${availableParallelism()} cores; load average ${load} before, ${loadAfter} after; throughput excludes pool startup)`,
      table(rows),
    ];
    for (const label of ['JSON Lines', 'HTML pages']) {
      const one = rows.find((r) => r.corpus === label && r.jobs === 1);
      const two = rows.find((r) => r.corpus === label && r.jobs === 2);
      const zero = rows.find((r) => r.corpus === label && r.jobs === 0);
      const ideal = one && idealTwoCoreRatio(one);
      if (one && two) {
        out.push(`${label}: --jobs 2 / --jobs 1 throughput ${(two.docsPerSec / one.docsPerSec).toFixed(2)} (target ≥ 1.70 on 2 idle cores)` +
          (ideal ? `; from CPU time, two idle cores would give ${ideal.toFixed(2)}` : '') +
          (zero ? `; --jobs 2 / --jobs 0 (one thread) ${(two.docsPerSec / zero.docsPerSec).toFixed(2)}` : ''));
      }
    }
    // the hardware's own ceiling for two threads, beside the ratio (--ceiling-mb 0 leaves it out)
    const ceilAt = argv.indexOf('--ceiling-mb');
    const ceilMb = ceilAt >= 0 ? Number(argv[ceilAt + 1]) : 2;
    let ceiling: Awaited<ReturnType<typeof twoProcessCeiling>> | undefined;
    if (ceilMb > 0) {
      ceiling = await twoProcessCeiling(ceilMb);
      out.push(`this machine, two independent extraction processes (${ceilMb} MB each) against one alone: ${fmt(ceiling.alone)} tokens/s alone, ` +
        `${ceiling.together.map((t) => fmt(t)).join(' + ')} together = ${ceiling.ratio.toFixed(2)}× (the ceiling for any two-thread speedup here)`);
    }
    process.stdout.write(out.join('\n') + '\n');
    const jsonPath = join(REPO_ROOT, '.bench', 'ingest.json');
    mkdirSync(dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, JSON.stringify({ at: new Date().toISOString(), node: process.version, load: { before: load, after: loadAfter }, ingest: rows, ...(ceiling ? { twoProcessCeiling: ceiling } : {}) }, null, 1));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// node --import tsx src/bench/ingest.ts run <path> <jobs> <label>   (one measured run, prints JSON)
// node --import tsx src/bench/ingest.ts [--ingest-mb N] [--jobs 1,2]   (the section alone)
if (import.meta.url === `file://${process.argv[1]}`) {
  const [mode, path, jobs, label] = process.argv.slice(2);
  if (mode === 'run') {
    const r = await runIngest(path!, Number(jobs), label!);
    process.stdout.write(JSON.stringify(r) + '\n');
  } else {
    await ingestBench(process.argv.slice(2));
  }
}
