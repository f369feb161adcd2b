/**
 * `npm run bench`: throughput and memory, each measurement next to its baseline from the same run.
 *
 *   npm run bench                 extraction pipeline vs wink-nlp tokenisation + POS, on 5 MB
 *   npm run bench -- --mb 20      a larger corpus (memory should stay flat)
 *   npm run bench -- --json FILE  also write the figures as JSON
 *   npm run bench -- --only extraction,ingest   some sections only (extraction, ingest, web, postgres,
 *                                 ledger); web and ledger build 100k-document ledgers and take long
 *
 * Each measurement runs in a child process of its own so that peak RSS is its own, one at a time
 * (one core each; nothing else should be running).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../eval/shared.ts';
import type { ExtractBenchResult } from './extract.ts';

const here = dirname(fileURLToPath(import.meta.url));

function child(script: string, args: string[], nodeFlags: string[] = []): any {
  const outText = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', join(here, script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(outText.trim().split('\n').pop()!);
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function extractTable(rows: ExtractBenchResult[]): string {
  const lines = [
    `${'run'.padEnd(34)} ${'docs'.padStart(6)} ${'MB'.padStart(6)} ${'docs/s'.padStart(8)} ${'tokens/s'.padStart(10)} ${'tok/CPU-s'.padStart(10)} ${'MB/s'.padStart(6)} ${'peak RSS'.padStart(9)}  RSS by quarter (MB)`,
  ];
  for (const r of rows) {
    const label = r.mode === 'baseline' ? 'baseline: wink-nlp tokens + POS' : 'full extract pipeline';
    lines.push(
      `${label.padEnd(34)} ${fmt(r.docs).padStart(6)} ${fmt(r.bytes / 1048576, 1).padStart(6)} ${fmt(r.docsPerSec, 1).padStart(8)} ${fmt(r.tokensPerSec).padStart(10)} ${fmt(r.tokensPerCpuSec).padStart(10)} ${fmt(r.mbPerSec, 2).padStart(6)} ${(fmt(r.peakRssMb) + ' MB').padStart(9)}  ${r.rssByQuarterMb.join(' / ').padEnd(19)}  ${r.heapAfterGcByQuarterMb?.join(' / ') ?? '-'}`,
    );
  }
  return lines.join('\n');
}

/** The sections of `npm run bench`, in the order they run. */
const SECTIONS = ['extraction', 'ingest', 'web', 'postgres', 'ledger'] as const;
type Section = (typeof SECTIONS)[number];

async function main(argv: string[]): Promise<void> {
  const mbAt = argv.indexOf('--mb');
  const mb = mbAt >= 0 ? Number(argv[mbAt + 1]) : 5;
  const jsonAt = argv.indexOf('--json');
  const jsonPath = jsonAt >= 0 ? argv[jsonAt + 1]! : join(REPO_ROOT, '.bench', 'results.json');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1]!.split(',').map((x) => x.trim()) : [...SECTIONS];
  const unknown = only.filter((x) => !(SECTIONS as readonly string[]).includes(x));
  if (unknown.length) {
    process.stderr.write(`bench: unknown section ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})\n`);
    process.exit(2);
  }
  const runs = (x: Section) => only.includes(x);
  const results: Record<string, unknown> = {};

  if (runs('extraction')) {
    process.stderr.write(`bench: extraction on ${mb} MB of generated documents (one core each run)…\n`);
    // --expose-gc: the child collects garbage at each quarter (outside the timing) to report the live heap
    const baseline = child('extract.ts', ['baseline', String(mb)], ['--expose-gc']) as ExtractBenchResult;
    const pipeline = child('extract.ts', ['pipeline', String(mb)], ['--expose-gc']) as ExtractBenchResult;
    const out: string[] = [];
    out.push('Extraction (node ' + process.version + ', one core)');
    out.push(extractTable([baseline, pipeline]));
    out.push(`load average during the runs: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall-clock figures suffer when it is above 1; CPU-time figures much less)`);
    out.push(`pipeline / baseline throughput: ${(pipeline.tokensPerSec / baseline.tokensPerSec).toFixed(3)} wall, ${(pipeline.tokensPerCpuSec / baseline.tokensPerCpuSec).toFixed(3)} CPU ` +
      `(pipeline found ${fmt(pipeline.claims ?? 0)} claims and ${fmt(pipeline.figures ?? 0)} figures)`);
    out.push(`full pipeline on one core: ${fmt(pipeline.tokensPerSec)} tokens/s wall, ${fmt(pipeline.tokensPerCpuSec)} per CPU-second (the bar is 50,000)`);
    process.stdout.write(out.join('\n') + '\n');
    results.extraction = { baseline, pipeline };
  }
  if (runs('ingest')) await (await import('./ingest.ts')).ingestBench(argv);
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, JSON.stringify({ at: new Date().toISOString(), node: process.version, ...results }, null, 1));
  process.stdout.write(`\n(JSON: ${jsonPath})\n`);
  if (runs('web')) await (await import('./web.ts')).webBench(argv);
  if (runs('postgres')) await (await import('./postgres.ts')).postgresBench(argv);
  if (runs('ledger')) await (await import('./ledger.ts')).ledgerBench(argv);
}

main(process.argv.slice(2));
