/**
 * Exit codes scripts can rely on, and the one place errors become messages. Commands throw typed
 * errors; main() maps them to a code and a single line on stderr that says what and where.
 */
import { LedgerError } from '../store/errors.ts';

export const EXIT = {
  ok: 0,
  /** An unexpected failure (a bug): the message and, with TRIANGULATE_DEBUG=1, the stack. */
  failure: 1,
  /** Wrong usage: unknown option, bad value, missing argument. */
  usage: 2,
  /** Some inputs were rejected (the rest were processed). */
  rejected: 3,
  /** What was asked for is not in the ledger. */
  notFound: 4,
  /** The ledger could not be opened, read or written. */
  ledger: 5,
} as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (e instanceof NotFoundError) return EXIT.notFound;
  if (e instanceof LedgerError) return EXIT.ledger;
  return EXIT.failure;
}
