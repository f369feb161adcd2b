/** Messages between the pool and its worker threads (kept apart so the pool can load without the nlp stages). */
import type { Outcome, ParseOptions, WholeFormat } from '../ingest/readers.ts';
import type { Document, Extraction } from '../types.ts';

export const POOL_ROLE = 'triangulate-pool';

export type Task =
  | { op: 'parse'; format: WholeFormat; bytes: Uint8Array; origin: string; opts: ParseOptions }
  | { op: 'extract'; doc: Document };

export type TaskResult<T extends Task> = T extends { op: 'parse' } ? Outcome[] : Extraction;

export type Request = { id: number; task: Task };
export type Reply = { id: number; ok: true; value: Outcome[] | Extraction } | { id: number; ok: false; error: string };
