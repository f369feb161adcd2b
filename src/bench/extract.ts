/**
 * One benchmark run in its own process (so peak RSS is its own): either the full extraction
 * pipeline or the baseline of wink-nlp tokenisation + POS alone, over the same generated corpus.
 * Prints one JSON line with the figures. Only the processing call is timed, not corpus generation.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { corpus } from './corpus.ts';
import { makeDocument } from '../ingest/document.ts';
import { extract } from '../nlp/pipeline.ts';
import { segment } from '../nlp/segment.ts';

export type ExtractBenchResult = {
  mode: string;
  docs: number;
  tokens: number;
  bytes: number;
  seconds: number;
  docsPerSec: number;
  tokensPerSec: number;
  /** Tokens per second of this process's own CPU time: fairer than wall time when the machine is busy. */
  tokensPerCpuSec: number;
  mbPerSec: number;
  peakRssMb: number;
  /** RSS after each quarter of the corpus: flat when nothing accumulates. */
  rssByQuarterMb: number[];
  /**
   * Live JavaScript heap after a full garbage collection at each quarter (needs --expose-gc; the
   * collection is outside the timed part). RSS includes garbage not yet collected and memory V8
   * keeps for reuse; this is what the program actually holds, and it grows only if something
   * accumulates across documents.
   */
  heapAfterGcByQuarterMb?: number[];
  claims?: number;
  figures?: number;
};

export function runExtractBench(mode: 'pipeline' | 'baseline', mb: number): ExtractBenchResult {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its as any;
  const total = mb * 1024 * 1024;
  let docs = 0, tokens = 0, bytes = 0, ns = 0n, cpuUs = 0, claims = 0, figures = 0;
  const quarters: number[] = [];
  const heapQuarters: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  let nextQuarter = total / 4;
  for (const d of corpus(total)) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    if (mode === 'baseline') {
      const doc = nlp.readDoc(d.text);
      const pos = doc.tokens().out(its.pos) as string[];
      tokens += pos.length;
      ns += process.hrtime.bigint() - t0;
      const c = process.cpuUsage(c0);
      cpuUs += c.user + c.system;
    } else {
      const x = extract(makeDocument({ text: d.text, published: d.published }));
      ns += process.hrtime.bigint() - t0;
      const c = process.cpuUsage(c0);
      cpuUs += c.user + c.system;
      claims += x.claims.length;
      figures += x.figures.length;
      // count tokens the same way as the baseline, outside the timed part
      tokens += nlp.readDoc(d.text).tokens().length();
    }
    docs++;
    bytes += d.bytes;
    if (bytes >= nextQuarter) {
      quarters.push(Math.round(process.memoryUsage().rss / 1048576));
      if (gc) {
        gc();
        heapQuarters.push(Math.round(process.memoryUsage().heapUsed / 1048576));
      }
      nextQuarter += total / 4;
    }
  }
  const seconds = Number(ns) / 1e9;
  return {
    mode,
    docs,
    tokens,
    bytes,
    seconds,
    docsPerSec: docs / seconds,
    tokensPerSec: tokens / seconds,
    tokensPerCpuSec: tokens / (cpuUs / 1e6),
    mbPerSec: bytes / 1048576 / seconds,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssByQuarterMb: quarters,
    ...(gc ? { heapAfterGcByQuarterMb: heapQuarters } : {}),
    ...(mode === 'pipeline' ? { claims, figures } : {}),
  };
}

// run as a child: node --import tsx src/bench/extract.ts <mode> <mb>
if (import.meta.url === `file://${process.argv[1]}`) {
  const [mode, mb] = process.argv.slice(2);
  // warm up (model load, JIT) on a small slice that is not counted
  for (const d of corpus(200_000, 7)) mode === 'baseline' ? segment(d.text) : extract(makeDocument({ text: d.text, published: d.published }));
  process.stdout.write(JSON.stringify(runExtractBench(mode as 'pipeline' | 'baseline', Number(mb))) + '\n');
}
