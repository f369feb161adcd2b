/**
 * Connections to a PostgreSQL ledger and its schema migrations. Many workers start at once on many
 * machines, so migrations run under a session advisory lock: the first applies them, the others wait
 * and then find nothing left to do.
 */
import pg from 'pg';
import { LedgerError } from '../errors.ts';
import { PG_MIGRATIONS } from './schema.ts';

export const isPostgresUrl = (where: string) => /^postgres(ql)?:\/\//i.test(where);

/** The URL with its password replaced, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1:***@');
}

/** Counts come back as bigint (int8) and sums as numeric; both fit a JS number for any ledger we keep. */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return (pg.types.getTypeParser as (oid: number, format?: string) => (v: string) => unknown)(oid, format);
  },
};

export function createPool(url: string, opts: { max?: number; applicationName?: string } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 8,
    types: types as pg.CustomTypesConfig,
    application_name: opts.applicationName ?? 'triangulate',
    // a worker on a machine that vanished must not hold its locks for ever: the server notices the
    // dead connection through keepalives and rolls its transaction back
    keepAlive: true,
    connectionTimeoutMillis: 15_000,
  });
  // an idle connection the server closed (restart, failover) must not take the process down
  pool.on('error', () => {});
  return pool;
}

/** Lock key for schema changes ('tri' 'mig' in ASCII), held for the session while migrating. */
const MIGRATE_LOCK = 0x7472_6900_6d69_67n;

export type MigrationReport = { from: number; to: number };

export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('triangulate_migrations') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return 0;
  const r = await client.query('SELECT coalesce(max(version), 0) AS v FROM triangulate_migrations');
  return r.rows[0].v as number;
}

/** Applies the migrations this version knows and the database lacks, each in its own transaction. */
export async function migrate(pool: pg.Pool, where: string): Promise<MigrationReport> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK.toString()]);
    try {
      const from = await schemaVersion(client);
      if (from > PG_MIGRATIONS.length) {
        throw new LedgerError(`${redact(where)} was written by a newer Triangulate (schema ${from}, this one knows ${PG_MIGRATIONS.length})`);
      }
      if (from === 0) {
        const r = await client.query(
          `SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('documents', 'claims', 'figures')`,
        );
        if (r.rows[0].n > 0) throw new LedgerError(`${redact(where)} has tables of its own but is not a Triangulate ledger`);
        await client.query('CREATE TABLE IF NOT EXISTS triangulate_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      }
      for (let v = from; v < PG_MIGRATIONS.length; v++) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[v]!);
          await client.query('INSERT INTO triangulate_migrations (version) VALUES ($1)', [v + 1]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw new LedgerError(`migration ${v + 1} of ${redact(where)} failed, nothing of it was applied: ${(e as Error).message}`);
        }
      }
      return { from, to: PG_MIGRATIONS.length };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK.toString()]);
    }
  } finally {
    client.release();
  }
}

/** Opens a pool and checks that the server answers, with a message that names the server, not a stack. */
export async function connect(url: string, opts: { max?: number; applicationName?: string } = {}): Promise<pg.Pool> {
  const pool = createPool(url, opts);
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new LedgerError(`cannot open the ledger ${redact(url)}: ${(e as Error).message}`);
  }
  return pool;
}
