/**
 * Opens the ledger named by --db, TRIANGULATE_DB or the default ./triangulate.db. A file path is the
 * embedded SQLite engine; a postgres:// (or postgresql://) URL is the shared PostgreSQL engine, whose
 * schema is brought up to date on open.
 */
import type { Ledger } from './ledger.ts';
import { SqliteLedger } from './sqlite.ts';
import { isPostgresUrl } from './postgres/connect.ts';

export const DEFAULT_DB = 'triangulate.db';

export function ledgerLocation(db?: string): string {
  return db || process.env.TRIANGULATE_DB || DEFAULT_DB;
}

export async function openLedger(db?: string, opts: { readonly?: boolean } = {}): Promise<Ledger> {
  const where = ledgerLocation(db);
  if (isPostgresUrl(where)) {
    // loaded only when asked for, so SQLite users never load the Postgres client
    const { PostgresLedger } = await import('./postgres.ts');
    return PostgresLedger.open(where, opts);
  }
  return new SqliteLedger(where, opts);
}
