/**
 * Ingest: read inputs, extract each new document, store in batched transactions. Documents already
 * in the ledger are recognised by id before extraction, so re-ingesting the same text costs a lookup
 * and changes nothing. Every input ends with an outcome (ingested, duplicate or rejected).
 */
import { readPaths, type ReadOptions, type RejectReason } from '../ingest/readers.ts';
import { extract } from '../nlp/pipeline.ts';
import type { Ledger } from '../store/ledger.ts';
import type { Document, Extraction } from '../types.ts';

export type FileOutcome =
  | { origin: string; status: 'ingested' | 'duplicate'; id: string; claims?: number; figures?: number }
  | { origin: string; status: 'rejected'; reason: RejectReason | 'extraction-failed'; message: string };

export type IngestTotals = { ingested: number; duplicate: number; rejected: number; claims: number; figures: number };

export type IngestOptions = ReadOptions & {
  /** Documents per write transaction. */
  batchSize?: number;
  onOutcome?: (o: FileOutcome) => void;
};

export async function ingest(paths: string[], ledger: Ledger, opts: IngestOptions = {}): Promise<IngestTotals> {
  const totals: IngestTotals = { ingested: 0, duplicate: 0, rejected: 0, claims: 0, figures: 0 };
  const batchSize = opts.batchSize ?? 64;
  let batch: { origin: string; doc: Document; extraction: Extraction }[] = [];
  const pending = new Set<string>();
  const report = (o: FileOutcome) => {
    if (o.status === 'ingested') {
      totals.ingested++;
      totals.claims += o.claims ?? 0;
      totals.figures += o.figures ?? 0;
    } else totals[o.status]++;
    opts.onOutcome?.(o);
  };
  const flush = async () => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    pending.clear();
    const results = await ledger.addAll(items);
    results.forEach((r, i) => {
      const it = items[i]!;
      report(
        r.status === 'added'
          ? { origin: it.origin, status: 'ingested', id: r.id, claims: it.extraction.claims.length, figures: it.extraction.figures.length }
          : { origin: it.origin, status: 'duplicate', id: r.id },
      );
    });
  };

  for await (const o of readPaths(paths, opts)) {
    if (o.kind === 'rejected') {
      report({ origin: o.origin, status: 'rejected', reason: o.reason, message: o.message });
      continue;
    }
    if (pending.has(o.doc.id) || (await ledger.has(o.doc.id))) {
      report({ origin: o.origin, status: 'duplicate', id: o.doc.id });
      continue;
    }
    let extraction: Extraction;
    try {
      extraction = extract(o.doc);
    } catch (e) {
      report({ origin: o.origin, status: 'rejected', reason: 'extraction-failed', message: `${o.origin}: extraction failed: ${(e as Error).message}` });
      continue;
    }
    pending.add(o.doc.id);
    batch.push({ origin: o.origin, doc: o.doc, extraction });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return totals;
}
