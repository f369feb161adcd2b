/**
 * A PostgreSQL server for tests and benchmarks: TRIANGULATE_TEST_PG, by default the local server with
 * trust auth. Each test gets a schema of its own (unique name, dropped afterwards), so parallel runs
 * and parallel test files never see each other's rows. On CI (CI=true) a missing server is a failure;
 * elsewhere the Postgres tests are skipped with a message saying why.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG = process.env.TRIANGULATE_TEST_PG || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Undefined when the server answers; otherwise why not. Throws on CI, where the server must be there. */
export async function postgresUnavailable(url = TEST_PG): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    const why = `no PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} (${(e as Error).message}); set TRIANGULATE_TEST_PG or start a server`;
    if (process.env.CI === 'true') throw new Error(`CI needs PostgreSQL for the ledger tests: ${why}`);
    return why;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The URL with `search_path` set to `schema`: every connection made from it works inside that schema. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export type TempSchema = { url: string; schema: string; drop(): Promise<void> };

/** A fresh, empty schema with a unique name; `drop()` removes it and everything in it. */
export async function tempSchema(prefix = 'tri_test', url = TEST_PG): Promise<TempSchema> {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    url: withSchema(url, schema),
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
