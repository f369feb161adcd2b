/**
 * The shared ledger: PostgreSQL, for many workers on many machines writing to one database and many
 * analysts reading it. It answers every Ledger query as the SQLite engine does (src/store/sqlite.ts is
 * the reference; test/ledger-contract.test.ts runs the same assertions against both).
 *
 * Writing: each document is stored with all its rows, its tallies and its cross-article links in one
 * transaction. Linking reads what earlier documents left (series, statements, entity clusters, copy
 * bands) and decides from that, so two transactions linking at once could each miss the other and
 * create the same series or entity twice. Every write transaction therefore takes one advisory lock
 * before it reads anything: writers take turns for the milliseconds of storing and linking, while
 * extraction, which costs far more, runs in parallel outside the transaction. Readers never wait.
 */
import type pg from 'pg';
import type { Document, Extraction } from '../types.ts';
import { measureKey } from '../link/measure.ts';
import type {
  AddResult,
  ClaimFilter,
  ClaimQuery,
  ClaimRow,
  DocumentRow,
  EntityProfile,
  EntityRow,
  FigureFilter,
  FigureRow,
  Ledger,
  LedgerCounts,
  SeriesPoint,
  SeriesRow,
  SourceProfile,
  SourceRow,
  Summary,
} from './ledger.ts';
import { LedgerError } from './errors.ts';
import { connect, migrate, redact, schemaVersion, type MigrationReport } from './postgres/connect.ts';
import { PG_MIGRATIONS } from './postgres/schema.ts';
import { PgLinkStore } from './postgres/link.ts';
import { storedExtraction } from '../link/prepare.ts';
import { asciiLower, containsPattern, tsqueryOf, tsvectorOf } from './postgres/text.ts';
import type { ConflictRow, CopyGroupRow, CrossEntity, SeriesSummary, SeriesTimeline, StatementGroup } from '../link/types.ts';
import { Tally } from './tally.ts';
import { sourceProfileOf } from './profile.ts';
import { storedSourceName } from './sourceName.ts';

type Row = Record<string, any>;

const undef = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** Advisory lock every write transaction holds while it stores and links ('tri' 'link'). */
export const WRITE_LOCK = 0x7472_6900_6c69_6e6bn.toString();

/** Runs inside a write transaction just before COMMIT; throwing rolls the whole transaction back. */
export type BeforeCommit = (client: pg.PoolClient, results: AddResult[]) => Promise<void>;

/** Thrown by a BeforeCommit hook to abandon a write on purpose; passed through unchanged. */
export class WriteAbandoned extends Error {
  override name = 'WriteAbandoned';
}

export type PostgresOptions = { readonly?: boolean; poolSize?: number; applicationName?: string };

/** A query's parameters, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function documentRow(r: Row): DocumentRow {
  return {
    id: r.id,
    textSha256: r.text_sha256,
    lang: r.lang,
    ingestedAt: (r.ingested_at as Date).toISOString(),
    length: r.length,
    ...(r.published ? { published: r.published } : {}),
    ...(r.title ? { title: r.title } : {}),
    ...(r.url ? { url: r.url } : {}),
    ...(r.outlet ? { outlet: r.outlet } : {}),
    ...(r.origin ? { origin: r.origin } : {}),
  };
}

function claimRow(r: Row): ClaimRow {
  return {
    documentId: r.doc_id,
    id: r.id,
    kind: r.kind,
    polarity: r.polarity,
    source: undef(r.source_text),
    sourceEntity: r.source_entity ? undef(r.source_name) : undefined,
    cue: undef(r.cue_text),
    content: r.content_text,
    said: undef(r.said),
    published: undef(r.published),
    outlet: undef(r.outlet),
    title: undef(r.title),
    start: r.start,
    end: r.end,
  };
}

function figureRow(r: Row): FigureRow {
  return {
    documentId: r.doc_id,
    id: r.id,
    text: r.text,
    value: r.value,
    min: undef(r.min),
    max: undef(r.max),
    qualifier: r.qualifier,
    unit: undef(r.unit),
    counts: undef(r.counts),
    per: undef(r.per),
    vague: undef(r.vague),
    claimId: undef(r.claim_id),
    source: undef(r.source),
    said: undef(r.said),
    published: undef(r.published),
    outlet: undef(r.outlet),
    measure: undef(r.measure),
    start: r.start,
    end: r.end,
  };
}

/**
 * A page of documents without their texts' cost: the page is chosen by id first, and only its rows'
 * texts are measured (PostgreSQL computes the select list for rows an OFFSET skips too, and measuring a
 * text means reading it from its TOAST table).
 */
function documentPageSql(where: string, order: string, limitOffset: string): string {
  return `SELECT d.id, d.text_sha256, d.published, d.title, d.url, d.outlet, d.lang, d.origin, d.ingested_at, length(d.text) AS length
          FROM (SELECT id FROM documents ${where} ORDER BY ${order} ${limitOffset}) AS page JOIN documents d ON d.id = page.id
          ORDER BY ${order.replace(/\b(published|id)\b/g, 'd.$1')}`;
}

/** Every row of a batch of documents, tallies included, in one statement (one round trip). */
const INSERT_DOCUMENTS = `
WITH doc AS (
  INSERT INTO documents (id, text, text_sha256, published, title, url, outlet, byline, lang, origin, ingested_at, extraction)
  SELECT id, text, text_sha256, published, title, url, outlet, byline, lang, origin, ingested_at, extraction
  FROM json_populate_recordset(NULL::documents, $1) WITH ORDINALITY AS x ORDER BY x.ordinality
), ent AS (
  INSERT INTO entities (doc_id, id, type, name, country, role, mentions)
  SELECT doc_id, id, type, name, country, role, mentions FROM json_populate_recordset(NULL::entities, $2)
), men AS (
  INSERT INTO entity_mentions (doc_id, entity_id, start, "end", text)
  SELECT doc_id, entity_id, start, "end", text FROM json_populate_recordset(NULL::entity_mentions, $3)
), tim AS (
  INSERT INTO times (doc_id, id, start, "end", text, value, type, mod)
  SELECT doc_id, id, start, "end", text, value, type, mod FROM json_populate_recordset(NULL::times, $4)
), cla AS (
  INSERT INTO claims (doc_id, id, kind, polarity, source_text, source_start, source_end, source_entity, source_name,
                      cue_text, cue_start, cue_end, content_text, content_spans, start, "end", said, fts)
  SELECT doc_id, id, kind, polarity, source_text, source_start, source_end, source_entity, source_name,
         cue_text, cue_start, cue_end, content_text, content_spans, start, "end", said, fts
  FROM json_populate_recordset(NULL::claims, $5) WITH ORDINALITY AS x ORDER BY x.ordinality
), fig AS (
  INSERT INTO figures (doc_id, id, start, "end", text, value, min, max, qualifier, unit, counts, per, vague, claim_id, modality, changed_from, measure)
  SELECT doc_id, id, start, "end", text, value, min, max, qualifier, unit, counts, per, vague, claim_id, modality, changed_from, measure
  FROM json_populate_recordset(NULL::figures, $6)
), evt AS (
  INSERT INTO events (doc_id, id, type, mode, actor, recipient, place, time, trigger_start, trigger_end, trigger_text, claim_id)
  SELECT doc_id, id, type, mode, actor, recipient, place, time, trigger_start, trigger_end, trigger_text, claim_id
  FROM json_populate_recordset(NULL::events, $7)
), src AS (
  INSERT INTO source_tally (key, name, claims, documents)
  SELECT key, name, claims, documents FROM json_populate_recordset(NULL::source_tally, $8)
  ON CONFLICT (key) DO UPDATE SET claims = source_tally.claims + excluded.claims, documents = source_tally.documents + excluded.documents
), nam AS (
  INSERT INTO entity_tally (key, name, types, documents, mentions)
  SELECT key, name, types, documents, mentions FROM json_populate_recordset(NULL::entity_tally, $9)
  ON CONFLICT (key) DO UPDATE SET
    mentions = entity_tally.mentions + excluded.mentions,
    documents = entity_tally.documents + excluded.documents,
    -- types in the order first seen, as the SQLite tally keeps them
    types = (SELECT string_agg(t, ',' ORDER BY o) FROM (
               SELECT t, min(o) AS o FROM unnest(string_to_array(entity_tally.types || ',' || excluded.types, ',')) WITH ORDINALITY AS u(t, o) GROUP BY t
             ) AS seen)
), mea AS (
  INSERT INTO measure_tally (measure, points, documents)
  SELECT measure, points, documents FROM json_populate_recordset(NULL::measure_tally, $10)
  ON CONFLICT (measure) DO UPDATE SET points = measure_tally.points + excluded.points, documents = measure_tally.documents + excluded.documents
), counted AS (
  UPDATE ledger_counts SET documents = documents + $11, claims = claims + $12, figures = figures + $13, entities = entities + $14
)
SELECT 1`;

/** The rows of new documents as the INSERT_DOCUMENTS statement takes them. */
function documentParams(items: { doc: Document; extraction: Extraction }[], now: string): unknown[] {
  const documents: Row[] = [];
  const entities: Row[] = [];
  const mentions: Row[] = [];
  const times: Row[] = [];
  const claims: Row[] = [];
  const figures: Row[] = [];
  const events: Row[] = [];
  const sources = new Tally<{ key: string; name: string; claims: number }>();
  const names = new Tally<{ key: string; name: string; types: string[]; mentions: number }>();
  const measures = new Tally<{ measure: string; points: number }>();
  for (const { doc, extraction: x } of items) {
    if (doc.text.includes('\u0000')) throw new LedgerError(`document ${doc.id} contains a NUL character, which PostgreSQL cannot store in text`);
    documents.push({
      id: doc.id, text: doc.text, text_sha256: doc.textSha256, published: doc.published ?? null, title: doc.title ?? null, url: doc.url ?? null,
      outlet: doc.outlet ?? null, byline: doc.byline ?? null, lang: doc.lang, origin: doc.origin ?? null, ingested_at: now, extraction: storedExtraction(x),
    });
    for (const t of [sources, names, measures]) t.startDocument();
    const entityName = new Map<string, string>();
    for (const e of x.entities) {
      entityName.set(e.id, e.name);
      entities.push({ doc_id: doc.id, id: e.id, type: e.type, name: e.name, country: e.country ?? null, role: e.role ?? null, mentions: e.mentions.length });
      for (const m of e.mentions) mentions.push({ doc_id: doc.id, entity_id: e.id, start: m.start, end: m.end, text: m.text });
      const key = asciiLower(e.name);
      names.add(key, () => ({ key, name: e.name, types: [], mentions: 0 }), (t) => {
        if (!t.types.includes(e.type)) t.types.push(e.type);
        t.mentions += e.mentions.length;
      });
    }
    x.times.forEach((t, i) => times.push({ doc_id: doc.id, id: t.id ?? `t${i + 1}`, start: t.start, end: t.end, text: t.text, value: t.value, type: t.type, mod: t.mod ?? null }));
    for (const c of x.claims) {
      const spans = c.content.length ? c.content : [];
      const anchor = [c.source, c.cue, ...spans].filter(Boolean) as { start: number; end: number }[];
      const resolved = c.source?.entity ? entityName.get(c.source.entity) : undefined;
      const sourceName = storedSourceName(resolved, c.source?.text);
      if (sourceName !== null) {
        const key = asciiLower(sourceName);
        sources.add(key, () => ({ key, name: sourceName, claims: 0 }), (t) => t.claims++);
      }
      claims.push({
        doc_id: doc.id,
        id: c.id,
        kind: c.kind,
        polarity: c.polarity,
        source_text: c.source?.text ?? null,
        source_start: c.source?.start ?? null,
        source_end: c.source?.end ?? null,
        source_entity: c.source?.entity ?? null,
        source_name: sourceName,
        cue_text: c.cue?.text ?? null,
        cue_start: c.cue?.start ?? null,
        cue_end: c.cue?.end ?? null,
        content_text: spans.map((sp) => sp.text).join(' … '),
        content_spans: JSON.stringify(spans.map((sp) => [sp.start, sp.end])),
        start: anchor.length ? Math.min(...anchor.map((a) => a.start)) : 0,
        end: anchor.length ? Math.max(...anchor.map((a) => a.end)) : 0,
        said: c.said ?? null,
        // content and source, as the SQLite ledger's FTS table holds them
        fts: tsvectorOf(...spans.map((sp) => sp.text), c.source?.text, resolved),
      });
    }
    for (const f of x.figures) {
      const measure = measureKey(f) ?? null;
      if (measure !== null) measures.add(measure, () => ({ measure, points: 0 }), (t) => t.points++);
      figures.push({
        doc_id: doc.id, id: f.id, start: f.start, end: f.end, text: f.text, value: f.value, min: f.min ?? null, max: f.max ?? null,
        qualifier: f.qualifier, unit: f.unit ?? null, counts: f.counts ?? null, per: f.per ?? null, vague: f.vague ?? null, claim_id: f.claim ?? null,
        modality: f.modality ?? null, changed_from: f.changedFrom ?? null, measure,
      });
    }
    for (const v of x.events) {
      events.push({
        doc_id: doc.id, id: v.id, type: v.type, mode: v.mode ?? null, actor: v.actor ?? null, recipient: v.recipient ?? null, place: v.where ?? null,
        time: v.when ?? null, trigger_start: v.trigger.start, trigger_end: v.trigger.end, trigger_text: v.trigger.text, claim_id: v.claim ?? null,
      });
    }
  }
  const json = (v: unknown) => JSON.stringify(v);
  return [
    json(documents), json(entities), json(mentions), json(times), json(claims), json(figures), json(events),
    json([...sources.rows.values()]), json([...names.rows.values()].map((t) => ({ ...t, types: t.types.join(',') }))), json([...measures.rows.values()]),
    documents.length, claims.length, figures.length, entities.length,
  ];
}

export class PostgresLedger implements Ledger {
  private readonly links: PgLinkStore;
  /** Off only for benchmarks that build a large ledger quickly and time pages that do not read links. */
  linking = true;

  private constructor(readonly pool: pg.Pool, readonly url: string) {
    this.links = new PgLinkStore(pool);
  }

  /** Connects and brings the schema up to date (a read-only open only checks that it is). */
  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresLedger> {
    const pool = await connect(url, { max: opts.poolSize, applicationName: opts.applicationName });
    try {
      if (opts.readonly) {
        const c = await pool.connect();
        let v: number;
        try {
          v = await schemaVersion(c);
        } finally {
          c.release();
        }
        if (v !== PG_MIGRATIONS.length) {
          throw new LedgerError(`${redact(url)} has schema ${v}, this Triangulate needs ${PG_MIGRATIONS.length}; run "triangulate migrate --db URL"`);
        }
      } else await migrate(pool, url);
    } catch (e) {
      await pool.end().catch(() => {});
      throw e;
    }
    return new PostgresLedger(pool, url);
  }

  /** Applies pending migrations and says what was done, without keeping a ledger open. */
  static async migrate(url: string): Promise<MigrationReport> {
    const pool = await connect(url, { max: 1 });
    try {
      return await migrate(pool, url);
    } finally {
      await pool.end();
    }
  }

  private async many(sql: string, values: unknown[] = []): Promise<Row[]> {
    try {
      return (await this.pool.query(sql, values)).rows;
    } catch (e) {
      throw new LedgerError(`reading ${redact(this.url)} failed: ${(e as Error).message}`);
    }
  }

  private async one(sql: string, values: unknown[] = []): Promise<Row | undefined> {
    return (await this.many(sql, values))[0];
  }

  async addAll(items: { doc: Document; extraction: Extraction }[]): Promise<AddResult[]> {
    return this.write(items);
  }

  /**
   * Stores a batch in one transaction: all of it or nothing. `beforeCommit` runs inside that
   * transaction (the job queue deletes its job there, so a job and its document commit together).
   */
  async write(items: { doc: Document; extraction: Extraction }[], beforeCommit?: BeforeCommit): Promise<AddResult[]> {
    const now = new Date().toISOString();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw new LedgerError(`cannot reach ${redact(this.url)}: ${(e as Error).message}`);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const stored = new Set(
        (await client.query('SELECT id FROM documents WHERE id = ANY($1)', [items.map((i) => i.doc.id)])).rows.map((r: Row) => r.id as string),
      );
      const results: AddResult[] = [];
      const fresh: typeof items = [];
      for (const item of items) {
        const added = !stored.has(item.doc.id);
        stored.add(item.doc.id);
        if (added) fresh.push(item);
        results.push({ id: item.doc.id, status: added ? 'added' : 'duplicate' });
      }
      // all rows first, then links one document after another, in batch order: linking reads the
      // document table only for documents it has already linked, so this decides what storing and
      // linking each in turn would
      if (fresh.length) await client.query(INSERT_DOCUMENTS, documentParams(fresh, now));
      if (this.linking) for (const { doc, extraction } of fresh) await this.links.link(client, doc, extraction);
      if (beforeCommit) await beforeCommit(client, results);
      await client.query('COMMIT');
      return results;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      if (e instanceof WriteAbandoned) throw e;
      throw new LedgerError(`writing to ${redact(this.url)} failed, nothing of this batch was stored: ${(e as Error).message}`);
    } finally {
      client.release(broken);
    }
  }

  async has(id: string): Promise<boolean> {
    return !!(await this.one('SELECT 1 FROM documents WHERE id = $1', [id]));
  }

  async document(idOrPrefix: string): Promise<(Document & { ingestedAt: string }) | undefined> {
    const columns = 'id, text, text_sha256, published, title, url, outlet, byline, lang, origin, ingested_at';
    let row = await this.one(`SELECT ${columns} FROM documents WHERE id = $1`, [idOrPrefix]);
    if (!row && /^[0-9a-f]{4,}$/i.test(idOrPrefix)) {
      const lo = idOrPrefix.toLowerCase();
      const rows = await this.many(`SELECT ${columns} FROM documents WHERE id >= $1 AND id < $2 LIMIT 2`, [lo, lo + '\uffff']);
      if (rows.length > 1) throw new LedgerError(`the id prefix ${idOrPrefix} matches more than one document; give more characters`);
      row = rows[0];
    }
    if (!row) return undefined;
    return {
      id: row.id,
      text: row.text,
      textSha256: row.text_sha256,
      lang: row.lang,
      ingestedAt: (row.ingested_at as Date).toISOString(),
      ...(row.published ? { published: row.published } : {}),
      ...(row.title ? { title: row.title } : {}),
      ...(row.url ? { url: row.url } : {}),
      ...(row.outlet ? { outlet: row.outlet } : {}),
      ...(row.byline ? { byline: row.byline } : {}),
      ...(row.origin ? { origin: row.origin } : {}),
    };
  }

  async extraction(id: string): Promise<Extraction | undefined> {
    const row = await this.one('SELECT extraction FROM documents WHERE id = $1', [id]);
    return row ? (row.extraction as Extraction) : undefined;
  }

  async documents(opts: { limit?: number; offset?: number } = {}): Promise<DocumentRow[]> {
    const rows = await this.many(
      documentPageSql('', `coalesce(published, '') DESC, id`, 'LIMIT $1 OFFSET $2'),
      [opts.limit ?? 100, opts.offset ?? 0],
    );
    return rows.map(documentRow);
  }

  async claims(f: ClaimFilter = {}): Promise<ClaimRow[]> {
    const p = new Params();
    const where: string[] = [];
    if (f.source) {
      const like = p.add(containsPattern(f.source));
      where.push(`(c.source_text ILIKE ${like} OR c.source_name ILIKE ${like})`);
    }
    if (f.about) {
      const q = tsqueryOf(f.about);
      if (!q) return [];
      where.push(`c.fts @@ ${p.add(q)}::tsquery`);
    }
    if (f.since) where.push(`coalesce(c.said, d.published) >= ${p.add(f.since)}`);
    // a date said as "2025-04" is within --until 2025-04-30; compare on the shorter prefix
    if (f.until) where.push(`substr(coalesce(c.said, d.published), 1, length(${p.add(f.until)})) <= $${p.values.length}`);
    if (f.kind) where.push(`c.kind = ${p.add(f.kind)}`);
    if (f.outlet) where.push(`d.outlet ILIKE ${p.add(containsPattern(f.outlet))}`);
    if (f.document) where.push(`c.doc_id = ${p.add(f.document)}`);
    const sql = `SELECT c.doc_id, c.id, c.kind, c.polarity, c.source_text, c.source_entity, c.source_name, c.cue_text, c.content_text, c.said,
                        c.start, c."end", d.published, d.outlet, d.title
                 FROM claims c JOIN documents d ON d.id = c.doc_id
                 ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY coalesce(c.said, d.published, ''), c.doc_id, c.start, c.seq LIMIT ${p.add(f.limit ?? 1000)} OFFSET ${p.add(f.offset ?? 0)}`;
    return (await this.many(sql, p.values)).map(claimRow);
  }

  async figures(f: FigureFilter = {}): Promise<FigureRow[]> {
    const p = new Params();
    const where: string[] = [];
    if (f.counts) {
      const like = p.add(containsPattern(f.counts));
      where.push(`(f.counts ILIKE ${like} OR f.measure ILIKE ${like})`);
    }
    if (f.unit) where.push(`f.unit = ${p.add(f.unit)}`);
    if (f.document) where.push(`f.doc_id = ${p.add(f.document)}`);
    const sql = `SELECT f.*, d.published, d.outlet, c.said, coalesce(c.source_name, c.source_text) AS source
                 FROM figures f JOIN documents d ON d.id = f.doc_id
                 LEFT JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
                 ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY f.measure NULLS FIRST, coalesce(c.said, d.published, ''), f.doc_id, f.start
                 LIMIT ${p.add(f.limit ?? 1000)} OFFSET ${p.add(f.offset ?? 0)}`;
    return (await this.many(sql, p.values)).map(figureRow);
  }

  async summary(opts: { top?: number } = {}): Promise<Summary> {
    const top = opts.top ?? 5;
    const counts = await this.counts();
    const sources = await this.many(
      // of several spellings, the first in code-point order, as SQLite shows it (the column's collation is "C")
      `SELECT min(source_name) AS name, count(*) AS claims FROM claims WHERE source_name IS NOT NULL
       GROUP BY lower(source_name) ORDER BY claims DESC, name LIMIT $1`,
      [top],
    );
    const series = await this.many(
      `SELECT f.measure, count(*) AS points, min(coalesce(c.said, d.published)) AS first, max(coalesce(c.said, d.published)) AS last
       FROM figures f JOIN documents d ON d.id = f.doc_id
       LEFT JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
       WHERE f.measure IS NOT NULL GROUP BY f.measure HAVING count(DISTINCT f.doc_id) > 1
       ORDER BY points DESC, f.measure LIMIT $1`,
      [top],
    );
    const outlets = await this.many(
      `SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY documents DESC, outlet LIMIT $1`,
      [top],
    );
    return {
      ...counts,
      sources: sources.map((r) => ({ name: r.name, claims: r.claims })),
      series: series.map((r) => ({ measure: r.measure, points: r.points, first: undef(r.first), last: undef(r.last) })),
      outlets: outlets.map((r) => ({ outlet: r.outlet, documents: r.documents })),
    };
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  // ---- queries for the web app and HTTP API ----

  async counts(): Promise<LedgerCounts> {
    const r = (await this.one('SELECT documents, claims, figures, entities FROM ledger_counts'))!;
    return { documents: r.documents, claims: r.claims, figures: r.figures, entities: r.entities };
  }

  async documentPage(opts: { outlet?: string; limit?: number; offset?: number } = {}): Promise<DocumentRow[]> {
    const p = new Params();
    const where = opts.outlet ? `WHERE outlet = ${p.add(opts.outlet)}` : '';
    const rows = await this.many(
      documentPageSql(where, 'published DESC NULLS LAST, id DESC', `LIMIT ${p.add(opts.limit ?? 50)} OFFSET ${p.add(opts.offset ?? 0)}`),
      p.values,
    );
    return rows.map(documentRow);
  }

  /** SQL that is true when a claim's content (not its source) mentions the named entity (key: ASCII-lowered name). */
  private static mentionsEntity(key: string): string {
    return `EXISTS (SELECT 1 FROM entities e JOIN entity_mentions m ON m.doc_id = e.doc_id AND m.entity_id = e.id
      WHERE e.doc_id = c.doc_id AND lower(e.name) = ${key} AND m.start >= c.start AND m."end" <= c."end"
        AND NOT (c.source_start IS NOT NULL AND m.start >= c.source_start AND m."end" <= c.source_end))`;
  }

  async browseClaims(f: ClaimQuery = {}): Promise<ClaimRow[]> {
    const p = new Params();
    const where: string[] = [];
    if (f.source) {
      const like = p.add(containsPattern(f.source));
      where.push(`(c.source_text ILIKE ${like} OR c.source_name ILIKE ${like})`);
    }
    if (f.sourceIs) where.push(`lower(c.source_name) = ${p.add(asciiLower(f.sourceIs))}`);
    if (f.entity) {
      const key = p.add(asciiLower(f.entity));
      where.push(`c.doc_id IN (SELECT doc_id FROM entities WHERE lower(name) = ${key})`, PostgresLedger.mentionsEntity(key));
    }
    if (f.about) {
      const q = tsqueryOf(f.about);
      if (!q) return [];
      where.push(`c.fts @@ ${p.add(q)}::tsquery`);
    }
    // nothing is reported before it is said, so articles published before `since` cannot qualify
    if (f.since) where.push(`coalesce(c.said, d.published) >= ${p.add(f.since)}`, `d.published >= $${p.values.length}`);
    if (f.until) where.push(`substr(coalesce(c.said, d.published), 1, length(${p.add(f.until)})) <= $${p.values.length}`);
    if (f.kind) where.push(`c.kind = ${p.add(f.kind)}`);
    if (f.outlet) where.push(`d.outlet ILIKE ${p.add(containsPattern(f.outlet))}`);
    if (f.document) where.push(`c.doc_id = ${p.add(f.document)}`);
    const sql = `SELECT c.doc_id, c.id, c.kind, c.polarity, c.source_text, c.source_entity, c.source_name, c.cue_text, c.content_text, c.said,
                        c.start, c."end", d.published, d.outlet, d.title
                 FROM claims c JOIN documents d ON d.id = c.doc_id
                 ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY d.published DESC NULLS LAST, d.id DESC, c.start, c.seq LIMIT ${p.add(f.limit ?? 50)} OFFSET ${p.add(f.offset ?? 0)}`;
    return (await this.many(sql, p.values)).map(claimRow);
  }

  async sources(opts: { q?: string; limit?: number; offset?: number } = {}): Promise<SourceRow[]> {
    const p = new Params();
    const filter = opts.q ? `WHERE name ILIKE ${p.add(containsPattern(opts.q))}` : '';
    const rows = await this.many(
      `SELECT name, claims, documents FROM source_tally ${filter} ORDER BY claims DESC, name LIMIT ${p.add(opts.limit ?? 50)} OFFSET ${p.add(opts.offset ?? 0)}`,
      p.values,
    );
    return rows.map((r) => ({ name: r.name, claims: r.claims, documents: r.documents }));
  }

  /** A source's outlets, kinds and dates are counted over its latest this many claims (as in SQLite). */
  private static readonly PROFILE_WITHIN = 2000;

  async sourceProfile(name: string): Promise<SourceProfile | undefined> {
    const key = asciiLower(name);
    const tally = await this.one('SELECT name, claims, documents FROM source_tally WHERE key = $1', [key]);
    if (!tally?.claims) return undefined;
    const within = Math.min(tally.claims, PostgresLedger.PROFILE_WITHIN);
    // a source with thousands of claims: walk articles newest first (LATERAL keeps that order) and
    // stop at the page, rather than fetch and sort every claim it ever made
    const rows = await this.many(
      tally.claims > within
        ? `SELECT c.kind, coalesce(c.said, d.published) AS at, d.outlet
           FROM documents d CROSS JOIN LATERAL (SELECT kind, said FROM claims c WHERE c.doc_id = d.id AND lower(c.source_name) = $1) c
           ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT ${within}`
        : `SELECT c.kind, coalesce(c.said, d.published) AS at, d.outlet FROM claims c JOIN documents d ON d.id = c.doc_id
           WHERE lower(c.source_name) = $1 ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT ${within}`,
      [key],
    );
    const profile = sourceProfileOf(tally, rows, within);
    if (tally.claims > within) {
      const first = (await this.one(
        `SELECT coalesce(c.said, d.published) AS first FROM claims c JOIN documents d ON d.id = c.doc_id
         WHERE lower(c.source_name) = $1 AND d.published IS NOT NULL ORDER BY d.published, d.id LIMIT 1`,
        [key],
      ))?.first;
      profile.first = undef(first ?? null);
    }
    return profile;
  }

  async entities(opts: { q?: string; type?: string; limit?: number; offset?: number } = {}): Promise<EntityRow[]> {
    const p = new Params();
    const where: string[] = [];
    if (opts.q) where.push(`name ILIKE ${p.add(containsPattern(opts.q))}`);
    if (opts.type) where.push(`${p.add(opts.type)} = ANY (string_to_array(types, ','))`);
    const rows = await this.many(
      `SELECT name, types, documents, mentions FROM entity_tally ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY documents DESC, name LIMIT ${p.add(opts.limit ?? 50)} OFFSET ${p.add(opts.offset ?? 0)}`,
      p.values,
    );
    return rows.map((r) => ({ name: r.name, types: (r.types as string).split(','), documents: r.documents, mentions: r.mentions }));
  }

  /** Roles, countries and "by whom" are read from the latest this many articles naming the entity (as in SQLite). */
  private static readonly SAID_BY_WITHIN = 500;

  async entityProfile(name: string): Promise<EntityProfile | undefined> {
    const key = asciiLower(name);
    const tally = await this.one('SELECT name, types, documents, mentions FROM entity_tally WHERE key = $1', [key]);
    if (!tally?.documents) return undefined;
    const within = Math.min(tally.documents, PostgresLedger.SAID_BY_WITHIN);
    const docIds = (await this.many(
      tally.documents > within
        ? `SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM entities x WHERE x.doc_id = d.id AND lower(x.name) = $1)
           ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT ${within}`
        : 'SELECT DISTINCT doc_id AS id FROM entities WHERE lower(name) = $1',
      [key],
    )).map((r) => r.id as string);
    const facets = (await this.one(
      `SELECT array_agg(DISTINCT role) FILTER (WHERE role IS NOT NULL) AS roles, array_agg(DISTINCT country) FILTER (WHERE country IS NOT NULL) AS countries
       FROM entities WHERE doc_id = ANY($1) AND lower(name) = $2`,
      [docIds, key],
    ))!;
    const saidBy = await this.many(
      `SELECT min(c.source_name) AS name, count(*) AS claims FROM claims c
       WHERE c.doc_id = ANY($2) AND ${PostgresLedger.mentionsEntity('$1')} AND c.source_name IS NOT NULL
       GROUP BY lower(c.source_name) ORDER BY claims DESC, name LIMIT 12`,
      [key, docIds],
    );
    const claimsBy = ((await this.one('SELECT claims FROM source_tally WHERE key = $1', [key]))?.claims ?? 0) as number;
    return {
      name: tally.name,
      types: (tally.types as string).split(','),
      documents: tally.documents,
      mentions: tally.mentions,
      roles: facets.roles ?? [],
      countries: facets.countries ?? [],
      saidBy: saidBy.map((r) => ({ name: r.name, claims: r.claims })),
      saidByWithin: within,
      claimsBy,
    };
  }

  async seriesList(opts: { q?: string; limit?: number; offset?: number } = {}): Promise<SeriesRow[]> {
    const p = new Params();
    const filter = opts.q ? `WHERE measure ILIKE ${p.add(containsPattern(opts.q))}` : '';
    const rows = await this.many(
      `SELECT measure, points, documents FROM measure_tally ${filter} ORDER BY documents DESC, points DESC, measure
       LIMIT ${p.add(opts.limit ?? 50)} OFFSET ${p.add(opts.offset ?? 0)}`,
      p.values,
    );
    return rows.map((r) => ({ measure: r.measure, points: r.points, documents: r.documents }));
  }

  async seriesPoints(measure: string, opts: { limit?: number } = {}): Promise<{ total: number; points: SeriesPoint[] }> {
    const total = (await this.one('SELECT count(*) AS n FROM figures WHERE measure = $1', [measure]))!.n as number;
    const limit = opts.limit ?? 1000;
    const columns = `f.*, d.published, d.outlet, d.title, c.said, coalesce(c.source_name, c.source_text) AS source, c.cue_text AS cue, c.content_text AS quote`;
    // a series larger than the page shows its latest articles' figures, as the SQLite ledger does
    const sql =
      total <= limit
        ? `SELECT ${columns} FROM figures f JOIN documents d ON d.id = f.doc_id
           LEFT JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
           WHERE f.measure = $1 ORDER BY coalesce(c.said, d.published) NULLS FIRST, f.doc_id, f.start LIMIT $2`
        : `SELECT ${columns} FROM documents d
           CROSS JOIN LATERAL (SELECT * FROM figures f WHERE f.doc_id = d.id AND f.measure = $1) f
           LEFT JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
           ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT $2`;
    const rows = await this.many(sql, [measure, limit]);
    const points = rows.map((r): SeriesPoint => ({ ...figureRow(r), title: undef(r.title), cue: undef(r.cue), quote: undef(r.quote) }));
    return { total, points };
  }

  // ---- cross-article links ----

  async series(opts: { q?: string; all?: boolean; limit?: number; offset?: number } = {}): Promise<SeriesSummary[]> {
    return this.links.series(opts);
  }

  async seriesTimeline(query: string, opts: { limit?: number } = {}): Promise<SeriesTimeline | undefined> {
    return this.links.seriesTimeline(query, opts);
  }

  async statements(opts: { source?: string; all?: boolean; limit?: number; offset?: number } = {}): Promise<StatementGroup[]> {
    return this.links.statements(opts);
  }

  async conflicts(opts: { kind?: string; ids?: number[]; limit?: number; offset?: number } = {}): Promise<ConflictRow[]> {
    return this.links.conflicts(opts);
  }

  async copies(opts: { limit?: number; offset?: number } = {}): Promise<CopyGroupRow[]> {
    return this.links.copies(opts);
  }

  async crossEntities(opts: { type?: string; q?: string; limit?: number; offset?: number } = {}): Promise<CrossEntity[]> {
    return this.links.entities(opts);
  }
}
