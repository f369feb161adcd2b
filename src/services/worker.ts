/**
 * The work a pool thread does: parse whole-document inputs (HTML pages and feeds are the expensive
 * ones) and run the extraction pipeline. The same `handle` runs in this thread when the pool has no
 * workers, so both paths share one implementation.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseWhole, type Outcome } from '../ingest/readers.ts';
import { extract } from '../nlp/pipeline.ts';
import { prepare } from '../link/prepare.ts';
import { makeDocument } from '../ingest/document.ts';
import type { Extraction } from '../types.ts';
import { POOL_ROLE, type Reply, type Request, type Task } from './protocol.ts';
import { pack } from './packed.ts';

export function handle(task: Task): Outcome[] | Extraction {
  if (task.op === 'parse') return parseWhole(task.format, task.bytes, task.origin, task.opts);
  const x = extract(task.doc);
  return task.prepare ? prepare(task.doc, x) : x;
}

if (parentPort && workerData?.role === POOL_ROLE) {
  const port = parentPort;
  // when the last reply went out: the time until the next task arrives is time this thread waited
  let lastDone: number | undefined;
  port.on('message', (req: Request) => {
    const waited = lastDone === undefined ? undefined : performance.now() - lastDone;
    let reply: Reply;
    try {
      const value = handle(req.task);
      reply = { id: req.id, ok: true, value: req.task.op === 'extract' && req.task.prepare ? pack(value as Extraction) : value };
    } catch (e) {
      reply = { id: req.id, ok: false, error: (e as Error)?.message ?? String(e) };
    }
    if (waited !== undefined) reply.waited = waited;
    try {
      port.postMessage(reply);
    } catch (e) {
      port.postMessage({ id: req.id, ok: false, error: `the result could not be sent back: ${(e as Error).message}` } satisfies Reply);
    }
    lastDone = performance.now();
  });
  // stages build their tables on first use; doing it now keeps that second out of the first real
  // document's time (and its timeout), and makes the pool's startup time the whole cost
  const warm = makeDocument({ text: 'The port authority said on Monday that 40 ships were waiting.', published: '2024-01-01' });
  prepare(warm, extract(warm));
  port.postMessage({ ready: true });
}
