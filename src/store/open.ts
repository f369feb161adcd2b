/**
 * Opens the ledger named by --db, TRIANGULATE_DB or the default ./triangulate.db. A file path is the
 * embedded SQLite engine; a postgres:// URL will select the PostgreSQL engine once it exists.
 */
import type { Ledger } from './ledger.ts';
import { SqliteLedger } from './sqlite.ts';
import { LedgerError } from './errors.ts';

export const DEFAULT_DB = 'triangulate.db';

export function ledgerLocation(db?: string): string {
  return db || process.env.TRIANGULATE_DB || DEFAULT_DB;
}

export async function openLedger(db?: string, opts: { readonly?: boolean } = {}): Promise<Ledger> {
  const where = ledgerLocation(db);
  if (/^postgres(ql)?:\/\//i.test(where)) {
    throw new LedgerError(`PostgreSQL ledgers are not supported yet (${where.replace(/:[^:@/]*@/, ':***@')}); use a file path`);
  }
  return new SqliteLedger(where, opts);
}
