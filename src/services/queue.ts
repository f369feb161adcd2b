/**
 * The ingest queue, kept in the PostgreSQL ledger itself (table ingest_jobs): `enqueue` puts
 * documents on it, workers on any machine take them with FOR UPDATE SKIP LOCKED (two workers never
 * take the same row), and a worker deletes its job in the very transaction that stores the document.
 * So a job is done exactly once or not at all, whatever happens in between.
 *
 * A job taken is leased, not owned: it carries locked_until, which a live worker keeps pushing
 * forward. A worker that dies (SIGKILL, a lost machine) stops renewing; once the lease runs out any
 * other worker takes the job again. If the dead worker's transaction had not committed, the server
 * rolled it back, and the job is simply done again; if it had, the job row is gone with it. A job
 * whose workers keep dying under it (a document that takes its worker down) is given up after a
 * few tries and kept, marked failed with the reason, for a person to look at.
 */
import type pg from 'pg';
import type { Document } from '../types.ts';
import { WriteAbandoned, type BeforeCommit } from '../store/postgres.ts';

export const QUEUE_CHANNEL = 'triangulate_jobs';

export type Job = { id: number; docId: string; doc: Document; attempts: number };

export type EnqueueCounts = { queued: number; requeued: number; alreadyQueued: number; alreadyStored: number };

export type QueueStats = { queued: number; leased: number; failed: number };

export type FailedJob = { id: number; docId: string; origin?: string; attempts: number; error: string };

export class IngestQueue {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Adds documents; one already stored, or already waiting, is left alone. A job that had failed is
   * put back as new, so running `enqueue` again on the same inputs retries the failures.
   */
  async enqueue(docs: Document[]): Promise<EnqueueCounts> {
    const counts: EnqueueCounts = { queued: 0, requeued: 0, alreadyQueued: 0, alreadyStored: 0 };
    if (!docs.length) return counts;
    const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
    counts.alreadyQueued += docs.length - unique.length;
    for (const d of unique) {
      if (d.text.includes('\u0000')) throw new Error(`${d.origin ?? d.id} contains a NUL character, which PostgreSQL cannot store in text`);
    }
    const r = await this.pool.query(
      `WITH incoming AS (
         SELECT x.id, x.doc FROM json_to_recordset($1::json) AS x(id text, doc json)
       ), fresh AS (
         SELECT i.* FROM incoming i WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = i.id)
       ), put AS (
         INSERT INTO ingest_jobs (doc_id, document) SELECT id, doc FROM fresh
         ON CONFLICT (doc_id) DO UPDATE SET state = 'queued', attempts = 0, locked_by = NULL, locked_until = NULL, last_error = NULL,
           document = excluded.document, enqueued_at = now()
         WHERE ingest_jobs.state = 'failed'
         RETURNING (xmax = 0) AS inserted
       )
       SELECT (SELECT count(*) FROM incoming) AS incoming, (SELECT count(*) FROM fresh) AS fresh,
              (SELECT count(*) FROM put WHERE inserted) AS queued, (SELECT count(*) FROM put WHERE NOT inserted) AS requeued`,
      [JSON.stringify(unique.map((d) => ({ id: d.id, doc: d })))],
    );
    const row = r.rows[0];
    counts.queued = row.queued;
    counts.requeued = row.requeued;
    counts.alreadyStored = row.incoming - row.fresh;
    counts.alreadyQueued += row.fresh - row.queued - row.requeued;
    if (row.queued + row.requeued > 0) await this.pool.query(`SELECT pg_notify('${QUEUE_CHANNEL}', '')`);
    return counts;
  }

  /** Leases up to `n` jobs for `worker`, oldest first, skipping rows another worker holds. */
  async claim(worker: string, n: number, leaseMs: number): Promise<Job[]> {
    const r = await this.pool.query(
      `WITH ready AS (
         SELECT id FROM ingest_jobs
         WHERE state = 'queued' AND (locked_until IS NULL OR locked_until < now())
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE ingest_jobs j SET locked_by = $1, locked_until = now() + make_interval(secs => $3), attempts = j.attempts + 1
       FROM ready WHERE j.id = ready.id
       RETURNING j.id, j.doc_id, j.document, j.attempts`,
      [worker, n, leaseMs / 1000],
    );
    return r.rows
      .map((row) => ({ id: row.id as number, docId: row.doc_id as string, doc: row.document as Document, attempts: row.attempts as number }))
      .sort((a, b) => a.id - b.id);
  }

  /** Pushes the leases of jobs still in hand forward; returns the ids this worker no longer holds. */
  async renew(worker: string, ids: number[], leaseMs: number): Promise<number[]> {
    if (!ids.length) return [];
    const r = await this.pool.query(
      `UPDATE ingest_jobs SET locked_until = now() + make_interval(secs => $3) WHERE id = ANY($2) AND locked_by = $1 RETURNING id`,
      [worker, ids, leaseMs / 1000],
    );
    const held = new Set(r.rows.map((row) => row.id as number));
    return ids.filter((id) => !held.has(id));
  }

  /**
   * The hook that finishes a job inside the ledger's write transaction: the job row goes with the
   * document's commit. If the lease was lost meanwhile (this worker stalled and another took the
   * job), nothing is written here; the other worker's commit is the one that counts.
   */
  completeInside(job: Job, worker: string): BeforeCommit {
    return async (client) => {
      const r = await client.query('DELETE FROM ingest_jobs WHERE id = $1 AND locked_by = $2', [job.id, worker]);
      if (r.rowCount !== 1) throw new WriteAbandoned(`job ${job.id} (${job.docId}) was taken over by another worker after this one's lease ran out`);
    };
  }

  /** A job that cannot be done: kept as failed with the reason, out of the workers' way. */
  async fail(job: Job, worker: string, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE ingest_jobs SET state = 'failed', last_error = $3, locked_by = NULL, locked_until = NULL WHERE id = $1 AND locked_by = $2`,
      [job.id, worker, error],
    );
  }

  /** A job to be tried again (by anyone) after `delayMs`, e.g. after a timeout under load. */
  async release(job: Job, worker: string, error: string, delayMs = 0): Promise<void> {
    await this.pool.query(
      `UPDATE ingest_jobs SET locked_by = NULL, locked_until = now() + make_interval(secs => $4), last_error = $3 WHERE id = $1 AND locked_by = $2`,
      [job.id, worker, error, delayMs / 1000],
    );
  }

  async stats(): Promise<QueueStats> {
    const r = await this.pool.query(
      `SELECT count(*) FILTER (WHERE state = 'queued' AND (locked_until IS NULL OR locked_until < now())) AS ready,
              count(*) FILTER (WHERE state = 'queued' AND locked_until >= now()) AS leased,
              count(*) FILTER (WHERE state = 'failed') AS failed
       FROM ingest_jobs`,
    );
    const row = r.rows[0];
    return { queued: row.ready, leased: row.leased, failed: row.failed };
  }

  async failures(limit = 50): Promise<FailedJob[]> {
    const r = await this.pool.query(
      `SELECT id, doc_id, document->>'origin' AS origin, attempts, coalesce(last_error, '') AS error FROM ingest_jobs WHERE state = 'failed' ORDER BY id LIMIT $1`,
      [limit],
    );
    return r.rows.map((row) => ({ id: row.id, docId: row.doc_id, ...(row.origin ? { origin: row.origin } : {}), attempts: row.attempts, error: row.error }));
  }
}
