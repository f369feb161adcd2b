/**
 * Ingest: read inputs, extract each new document (in a pool of worker threads), store in batched
 * transactions from this thread. Documents already in the ledger are recognised by id before
 * extraction, so re-ingesting the same text costs a lookup and changes nothing. Every input ends with
 * an outcome (ingested, duplicate or rejected), reported in input order once its batch is committed:
 * an outcome on record is a promise kept, even if the process is killed a moment later.
 */
import type { ReadOptions, RejectReason } from '../ingest/readers.ts';
import type { Ledger } from '../store/ledger.ts';
import type { Document, Extraction } from '../types.ts';
import { extractInputs, type Item } from './extractInputs.ts';
import { gazetteer } from '../nlp/names/gazetteer.ts';
import type { WorkerPool } from './pool.ts';

export type FileOutcome =
  | { origin: string; status: 'ingested' | 'duplicate'; id: string; claims?: number; figures?: number }
  | { origin: string; status: 'rejected'; reason: RejectReason | 'extraction-failed'; message: string };

export type IngestTotals = { ingested: number; duplicate: number; rejected: number; claims: number; figures: number };

export type IngestOptions = ReadOptions & {
  /** Documents per write transaction. */
  batchSize?: number;
  /** A batch is committed at least this often, so readers see progress and a crash loses little. */
  flushMs?: number;
  /** Worker threads for extraction; 0 runs it in this thread. Default: one per core. */
  jobs?: number;
  /** An extraction running longer than this is abandoned and its input rejected. */
  taskTimeoutMs?: number;
  onOutcome?: (o: FileOutcome) => void;
  onPool?: (pool: WorkerPool) => void | Promise<void>;
};

export async function ingest(paths: string[], ledger: Ledger, opts: IngestOptions = {}): Promise<IngestTotals> {
  const totals: IngestTotals = { ingested: 0, duplicate: 0, rejected: 0, claims: 0, figures: 0 };
  const batchSize = opts.batchSize ?? 64;
  const flushMs = opts.flushMs ?? 1000;
  // every item since the last commit, in input order; only the extracted ones are written
  let journal: Item[] = [];
  let toWrite = 0;
  let lastFlush = Date.now();

  const report = (o: FileOutcome) => {
    if (o.status === 'ingested') {
      totals.ingested++;
      totals.claims += o.claims ?? 0;
      totals.figures += o.figures ?? 0;
    } else totals[o.status]++;
    opts.onOutcome?.(o);
  };

  const flush = async () => {
    const items = journal;
    journal = [];
    toWrite = 0;
    lastFlush = Date.now();
    const writes = items.filter((it): it is Extract<Item, { status: 'extracted' }> => it.status === 'extracted');
    const results = writes.length ? await ledger.addAll(writes.map((w) => ({ doc: w.doc as Document, extraction: w.extraction as Extraction }))) : [];
    let w = 0;
    for (const it of items) {
      if (it.status === 'rejected') report({ origin: it.origin, status: 'rejected', reason: it.reason, message: it.message });
      else if (it.status === 'duplicate') report({ origin: it.origin, status: 'duplicate', id: it.id });
      else {
        const r = results[w++]!;
        report(
          r.status === 'added'
            ? { origin: it.origin, status: 'ingested', id: r.id, claims: it.extraction.claims.length, figures: it.extraction.figures.length }
            : { origin: it.origin, status: 'duplicate', id: r.id },
        );
      }
    }
  };

  // linking matches names against the shipped name lists: this thread loads them while the worker
  // threads load their models (it has nothing else to do then), not in the middle of the first batch
  const onPoolStart = () => void gazetteer();
  for await (const item of extractInputs(paths, { ...opts, prepare: true, onPoolStart, isKnown: (id) => ledger.has(id) })) {
    journal.push(item);
    if (item.status === 'extracted') toWrite++;
    if (toWrite >= batchSize || journal.length >= batchSize * 16 || Date.now() - lastFlush >= flushMs) await flush();
  }
  await flush();
  return totals;
}
