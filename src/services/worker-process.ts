/**
 * `triangulate worker`: one process that takes documents from the PostgreSQL queue, extracts them in
 * its pool of threads, and stores each with its links in a transaction of its own that also removes
 * its job (src/services/queue.ts). Start as many as there are cores, on as many machines as there
 * are; they share nothing but the database.
 *
 * While a job is in hand its lease is renewed; a worker killed outright simply stops renewing and
 * its jobs go back to the others when the lease runs out. Asked to stop (SIGINT, SIGTERM), a worker
 * takes no new job, finishes the ones in hand and exits.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { PostgresLedger, WriteAbandoned } from '../store/postgres.ts';
import { createPool } from '../store/postgres/connect.ts';
import { IngestQueue, QUEUE_CHANNEL, type Job } from './queue.ts';
import { TaskError, WorkerPool, defaultJobs } from './pool.ts';
import type { Extraction } from '../types.ts';

export type WorkerOptions = {
  /** Extraction threads in this process; 0 extracts in the main thread. Default: one per core. */
  jobs?: number;
  /** How long a job stays leased without renewal; a dead worker's jobs return after this. */
  leaseMs?: number;
  /** An extraction running longer than this is abandoned (its thread replaced) and retried elsewhere. */
  taskTimeoutMs?: number;
  /** Times a job is taken before it is given up as failed. */
  maxAttempts?: number;
  /** Exit once no job is waiting or leased, instead of waiting for more. */
  untilEmpty?: boolean;
  /** Longest wait between looks at the queue when nothing announced new work. */
  pollMs?: number;
  /** Stops the worker gracefully when aborted. */
  signal?: AbortSignal;
  onEvent?: (e: WorkerEvent) => void;
};

export type WorkerEvent =
  | { kind: 'stored' | 'duplicate'; job: number; docId: string; origin?: string; claims: number; figures: number }
  | { kind: 'failed' | 'retry'; job: number; docId: string; origin?: string; error: string }
  | { kind: 'lost'; job: number; docId: string; origin?: string; error: string };

export type WorkerTotals = { stored: number; duplicate: number; failed: number; retried: number; lost: number; seconds: number };

/** A name other workers and a person reading ingest_jobs can tell apart: host, process, random. */
export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export async function runWorker(url: string, opts: WorkerOptions = {}): Promise<WorkerTotals> {
  const started = performance.now();
  const jobs = opts.jobs ?? defaultJobs();
  const leaseMs = opts.leaseMs ?? 60_000;
  const maxAttempts = opts.maxAttempts ?? 3;
  const pollMs = opts.pollMs ?? 2000;
  const name = workerName();
  const totals: WorkerTotals = { stored: 0, duplicate: 0, failed: 0, retried: 0, lost: 0, seconds: 0 };

  const ledger = await PostgresLedger.open(url, { poolSize: 4, applicationName: `triangulate worker ${name}` });
  const queue = new IngestQueue(ledger.pool);
  const threads = new WorkerPool(jobs, { taskTimeoutMs: opts.taskTimeoutMs ?? Math.min(60_000, leaseMs) });
  const inHand = new Map<number, Job>();
  let stopping = false;
  const stop = () => {
    stopping = true;
    wake();
  };
  opts.signal?.addEventListener('abort', stop, { once: true });

  // new work is announced on a channel, so idle workers start at once rather than at their next poll
  let wake: () => void = () => {};
  let listener: pg.PoolClient | undefined;
  const listenPool = createPool(url, { max: 1, applicationName: `triangulate worker ${name} (listen)` });
  try {
    listener = await listenPool.connect();
    listener.on('notification', () => wake());
    await listener.query(`LISTEN ${QUEUE_CHANNEL}`);
  } catch {
    listener = undefined; // polling alone still works
  }
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  const renewal = setInterval(() => {
    const ids = [...inHand.keys()];
    queue.renew(name, ids, leaseMs).then(
      (gone) => {
        for (const id of gone) inHand.delete(id);
      },
      () => {},
    );
  }, Math.max(250, Math.floor(leaseMs / 3)));

  // commits are made one after another: the ledger's write lock would serialise them anyway
  let commits: Promise<void> = Promise.resolve();
  const commit = (job: Job, extraction: Extraction) => {
    const done = commits.then(async () => {
      const origin = job.doc.origin;
      try {
        const [result] = await ledger.write([{ doc: job.doc, extraction }], queue.completeInside(job, name));
        const kind = result!.status === 'added' ? 'stored' : 'duplicate';
        totals[kind]++;
        opts.onEvent?.({ kind, job: job.id, docId: job.docId, origin, claims: extraction.claims.length, figures: extraction.figures.length });
      } catch (e) {
        if (!(e instanceof WriteAbandoned)) throw e;
        totals.lost++;
        opts.onEvent?.({ kind: 'lost', job: job.id, docId: job.docId, origin, error: e.message });
      } finally {
        inHand.delete(job.id);
      }
    });
    commits = done.catch(() => {});
    return done;
  };

  const process1 = async (job: Job): Promise<void> => {
    const origin = job.doc.origin;
    if (job.attempts > maxAttempts) {
      const error = `given up after ${maxAttempts} tries: the worker extracting it stopped each time (a crash, a kill, or a lost machine)`;
      await queue.fail(job, name, error);
      inHand.delete(job.id);
      totals.failed++;
      opts.onEvent?.({ kind: 'failed', job: job.id, docId: job.docId, origin, error });
      return;
    }
    let extraction: Extraction;
    try {
      extraction = await threads.run({ op: 'extract', doc: job.doc, prepare: true });
    } catch (e) {
      const error = e instanceof TaskError && e.kind !== 'failed' ? e.message : `extraction failed: ${(e as Error).message}`;
      // an exception will be thrown again by any worker; a crash or a timeout may be this machine's
      const retry = e instanceof TaskError && e.kind !== 'failed' && job.attempts < maxAttempts;
      if (retry) await queue.release(job, name, error, 1000);
      else await queue.fail(job, name, error);
      inHand.delete(job.id);
      totals[retry ? 'retried' : 'failed']++;
      opts.onEvent?.({ kind: retry ? 'retry' : 'failed', job: job.id, docId: job.docId, origin, error });
      return;
    }
    await commit(job, extraction);
  };

  const running = new Set<Promise<void>>();
  // enough work in hand to keep every thread busy while commits happen, and no more: a job in hand
  // is a job other workers cannot take
  const capacity = Math.max(1, jobs) * 2;
  try {
    while (!stopping) {
      const room = capacity - inHand.size;
      const claimed = room > 0 ? await queue.claim(name, room, leaseMs) : [];
      for (const job of claimed) {
        inHand.set(job.id, job);
        const p = process1(job).catch((e) => {
          inHand.delete(job.id);
          throw e;
        });
        running.add(p);
        p.then(() => running.delete(p), () => running.delete(p));
      }
      if (claimed.length) continue;
      if (running.size) {
        // a slot frees when any job finishes; a failed commit (the database went away) ends the worker
        await Promise.race(running);
        continue;
      }
      if (opts.untilEmpty) {
        const s = await queue.stats();
        if (s.queued === 0 && s.leased === 0) break;
        // jobs leased by others (perhaps by a worker that died): look again when their leases may have run out
        await nap(Math.min(pollMs, Math.max(100, Math.floor(leaseMs / 4))));
        continue;
      }
      await nap(pollMs);
    }
    await Promise.all(running);
  } finally {
    clearInterval(renewal);
    await Promise.allSettled(running);
    await threads.close();
    if (listener) {
      listener.release();
    }
    await listenPool.end().catch(() => {});
    await ledger.close();
    opts.signal?.removeEventListener('abort', stop);
  }
  totals.seconds = (performance.now() - started) / 1000;
  return totals;
}
