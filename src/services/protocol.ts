/** Messages between the pool and its worker threads (kept apart so the pool can load without the nlp stages). */
import type { Outcome, ParseOptions, WholeFormat } from '../ingest/readers.ts';
import type { Document, Extraction } from '../types.ts';
import type { Packed } from './packed.ts';

export const POOL_ROLE = 'triangulate-pool';

export type Task =
  | { op: 'parse'; format: WholeFormat; bytes: Uint8Array; origin: string; opts: ParseOptions }
  /** `prepare`: also compute, in the worker, what the ledger would otherwise compute from the extraction (src/link/prepare.ts). */
  | { op: 'extract'; doc: Document; prepare?: boolean };

export type TaskResult<T extends Task> = T extends { op: 'parse' } ? Outcome[] : Extraction;

export type Request = { id: number; task: Task };
/** A prepared extraction comes back packed (src/services/packed.ts); the pool unpacks it. */
/** `waited`: milliseconds the worker had nothing to do before this task reached it (none for its first). */
export type Reply = ({ id: number; ok: true; value: Outcome[] | Extraction | Packed } | { id: number; ok: false; error: string }) & { waited?: number };
