/**
 * Inputs in, extractions out, in input order, with the expensive work spread over a worker pool.
 *
 * The reading side (walking folders, reading files, streaming JSON Lines) stays in this thread: it is
 * I/O. Parsing HTML pages and feeds and running the nlp pipeline go to the pool. A bounded window of
 * inputs is in flight at once (by count and by bytes), and nothing more is read until the consumer
 * takes the oldest result, so memory stays flat however large the input and a slow consumer (the
 * ledger's transactions) holds the readers back.
 */
import { inputs, parseWhole, type Outcome, type ReadOptions, type RejectReason, type Unit } from '../ingest/readers.ts';
import type { Document, Extraction } from '../types.ts';
import { PER_WORKER, TaskError, WorkerPool, defaultJobs } from './pool.ts';

export type Item =
  | { origin: string; status: 'extracted'; doc: Document; extraction: Extraction }
  | { origin: string; status: 'duplicate'; id: string }
  | { origin: string; status: 'rejected'; reason: RejectReason | 'extraction-failed'; message: string };

export type ExtractInputsOptions = ReadOptions & {
  /** Worker threads; 0 runs everything in this thread. Default: one per core. */
  jobs?: number;
  /** Whether a document is already stored (checked before extraction, so re-ingesting costs a lookup). */
  isKnown?: (id: string) => boolean | Promise<boolean>;
  /** An extraction running longer than this is abandoned and the input rejected. */
  taskTimeoutMs?: number;
  /** Inputs in flight at once; default enough to fill every worker's queue (PER_WORKER) and as many again waiting. */
  window?: number;
  /** Bytes of whole-document inputs in flight at once. */
  windowBytes?: number;
  /**
   * Also compute, beside each extraction, what the ledger would compute from it (link features, the
   * stored JSON: src/link/prepare.ts), so that the thread writing the ledger has less to do.
   */
  prepare?: boolean;
  /** Called once the worker threads are created, while they load their models (see PoolOptions.onStart). */
  onPoolStart?: () => void;
  /** Called with the pool before any work, e.g. to await its startup for a benchmark. */
  onPool?: (pool: WorkerPool) => void | Promise<void>;
};

/** Parsing these costs far more than reading them; plain text is parsed where it is read. */
const PARSED_IN_POOL = new Set(['html', 'feed']);

export async function* extractInputs(paths: string[], opts: ExtractInputsOptions = {}): AsyncGenerator<Item> {
  const jobs = opts.jobs ?? defaultJobs();
  const pool = new WorkerPool(jobs, { taskTimeoutMs: opts.taskTimeoutMs ?? 60_000, ...(opts.onPoolStart ? { onStart: opts.onPoolStart } : {}) });
  await opts.onPool?.(pool);
  const window = opts.window ?? Math.max(8, jobs * PER_WORKER * 2);
  const windowBytes = opts.windowBytes ?? 64 * 1024 * 1024;
  const parseOpts = { published: opts.published, outlet: opts.outlet };
  // ids being extracted in this run: a second copy of the same text is a duplicate without extraction
  const claimed = new Set<string>();

  const forDocument = async (o: Extract<Outcome, { kind: 'document' }>): Promise<Item> => {
    const { doc, origin } = o;
    if (claimed.has(doc.id)) return { origin, status: 'duplicate', id: doc.id };
    claimed.add(doc.id);
    if (opts.isKnown && (await opts.isKnown(doc.id))) return { origin, status: 'duplicate', id: doc.id };
    try {
      return { origin, status: 'extracted', doc, extraction: await pool.run({ op: 'extract', doc, prepare: opts.prepare ?? false }) };
    } catch (e) {
      claimed.delete(doc.id);
      const why = e instanceof TaskError && e.kind !== 'failed' ? e.message : `extraction failed: ${(e as Error).message}`;
      return { origin, status: 'rejected', reason: 'extraction-failed', message: `${origin}: ${why}` };
    }
  };

  const work = async (u: Unit): Promise<Item[]> => {
    let outcomes: Outcome[];
    if (u.kind === 'outcome') outcomes = [u.outcome];
    else if (!PARSED_IN_POOL.has(u.format) || jobs === 0) outcomes = parseWhole(u.format, u.bytes, u.origin, parseOpts);
    else {
      try {
        outcomes = await pool.run({ op: 'parse', format: u.format, bytes: u.bytes, origin: u.origin, opts: parseOpts });
      } catch (e) {
        // a page that crashes or hangs its parser is not an article we can read
        return [{ origin: u.origin, status: 'rejected', reason: 'not-an-article', message: `${u.origin}: ${(e as Error).message}` }];
      }
    }
    return Promise.all(
      outcomes.map((o): Item | Promise<Item> =>
        o.kind === 'rejected' ? { origin: o.origin, status: 'rejected', reason: o.reason, message: o.message } : forDocument(o),
      ),
    );
  };

  const inFlight: { items: Promise<Item[]>; bytes: number }[] = [];
  let bytesInFlight = 0;
  const source = inputs(paths, opts)[Symbol.asyncIterator]();
  let exhausted = false;
  try {
    while (true) {
      while (!exhausted && inFlight.length < window && bytesInFlight < windowBytes) {
        const next = await source.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const bytes = next.value.kind === 'whole' ? next.value.bytes.length : 0;
        const items = work(next.value);
        // settled here so that a failure never goes unhandled while older results are awaited
        items.catch(() => {});
        inFlight.push({ items, bytes });
        bytesInFlight += bytes;
      }
      const head = inFlight.shift();
      if (!head) break;
      const items = await head.items;
      bytesInFlight -= head.bytes;
      for (const it of items) {
        // once handed on, a stored document is the ledger's to recognise; without one, keep the id
        if (it.status === 'extracted' && opts.isKnown) claimed.delete(it.doc.id);
        yield it;
      }
    }
  } finally {
    await source.return?.(undefined);
    await pool.close();
  }
}
