/**
 * The embedded ledger: one SQLite file (better-sqlite3 12, WAL so readers keep working while an
 * ingest writes, FTS5 for claim search). Each document is written with all its claims, figures,
 * entities, times and events in the same transaction as the document row, so a crash leaves either
 * the whole document or nothing.
 */
import Database from 'better-sqlite3';
import type { Document, Extraction } from '../types.ts';
import { measureKey } from '../link/measure.ts';
import { MIGRATIONS } from './schema.ts';
import type {
  AddResult,
  ClaimFilter,
  ClaimQuery,
  ClaimRow,
  DocumentRow,
  EntityProfile,
  EntityRow,
  LedgerCounts,
  SeriesPoint,
  SeriesRow,
  SourceProfile,
  SourceRow,
  FigureFilter,
  FigureRow,
  Ledger,
  Summary,
} from './ledger.ts';
import { LedgerError } from './errors.ts';
import { LinkStore } from '../link/store.ts';
import { extractionJson } from '../link/prepare.ts';
import type { ConflictRow, CopyGroupRow, CrossEntity, SeriesSummary, SeriesTimeline, StatementGroup } from '../link/types.ts';
import { Tally } from './tally.ts';
import { sourceProfileOf } from './profile.ts';
import { storedSourceName } from './sourceName.ts';

type Row = Record<string, any>;

const undef = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** Escapes a user's words into an FTS5 query of quoted terms (all must match), so no input is a syntax error. */
export function ftsQuery(words: string): string | undefined {
  const terms = words.match(/[\p{L}\p{N}]+/gu);
  if (!terms?.length) return undefined;
  return terms.map((t) => `"${t}"`).join(' ');
}


class Tallies {
  readonly sources = new Tally<{ key: string; name: string; claims: number }>();
  readonly names = new Tally<{ key: string; name: string; types: string[]; mentions: number }>();
  readonly measures = new Tally<{ key: string; points: number }>();
  startDocument(_id: string): void {
    for (const t of [this.sources, this.names, this.measures]) t.startDocument();
  }
}

/** SQLite's lower() and NOCASE fold ASCII letters only; the tallies' keys are made the same way. */
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

export class SqliteLedger implements Ledger {
  readonly db: Database.Database;
  private readonly stmts: Record<string, Database.Statement>;
  /** Cross-article links, written in the same transaction as each document (src/link/store.ts). */
  private readonly links: LinkStore;

  constructor(readonly path: string, opts: { readonly?: boolean } = {}) {
    try {
      this.db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    } catch (e) {
      throw new LedgerError(`cannot open the ledger ${path}: ${(e as Error).message}`);
    }
    try {
      if (!opts.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('foreign_keys = ON');
      if (!opts.readonly) this.migrate();
    } catch (e) {
      this.db.close();
      if (e instanceof LedgerError) throw e;
      throw new LedgerError(`${path} is not a Triangulate ledger (${(e as Error).message})`);
    }
    this.stmts = this.prepare();
    this.links = new LinkStore(this.db);
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new LedgerError(
        `${this.path} was written by a newer Triangulate (schema ${current}, this one knows ${MIGRATIONS.length})`,
      );
    }
    if (current === 0) {
      const tables = this.db.prepare(`SELECT count(*) n FROM sqlite_master WHERE type='table'`).get() as Row;
      if (tables.n > 0) throw new LedgerError(`${this.path} is an SQLite file but not a Triangulate ledger`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private prepare(): Record<string, Database.Statement> {
    const p = (sql: string) => this.db.prepare(sql);
    return {
      has: p('SELECT 1 FROM documents WHERE id = ?'),
      insDoc: p(`INSERT INTO documents (id, text, text_sha256, published, title, url, outlet, byline, lang, origin, ingested_at, extraction)
                 VALUES (@id, @text, @textSha256, @published, @title, @url, @outlet, @byline, @lang, @origin, @ingestedAt, @extraction)`),
      insEntity: p(`INSERT INTO entities (doc_id, id, type, name, country, role, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      insMention: p(`INSERT INTO entity_mentions (doc_id, entity_id, start, end, text) VALUES (?, ?, ?, ?, ?)`),
      insTime: p(`INSERT INTO times (doc_id, id, start, end, text, value, type, mod) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      insFigure: p(`INSERT INTO figures (doc_id, id, start, end, text, value, min, max, qualifier, unit, counts, per, vague, claim_id, modality, changed_from, measure)
                    VALUES (@doc, @id, @start, @end, @text, @value, @min, @max, @qualifier, @unit, @counts, @per, @vague, @claim, @modality, @changedFrom, @measure)`),
      insClaim: p(`INSERT INTO claims (doc_id, id, kind, polarity, source_text, source_start, source_end, source_entity, source_name,
                      cue_text, cue_start, cue_end, content_text, content_spans, start, end, said)
                   VALUES (@doc, @id, @kind, @polarity, @sourceText, @sourceStart, @sourceEnd, @sourceEntity, @sourceName,
                      @cueText, @cueStart, @cueEnd, @content, @contentSpans, @start, @end, @said)`),
      insFts: p(`INSERT INTO claims_fts (rowid, content, source) VALUES (?, ?, ?)`),
      insEvent: p(`INSERT INTO events (doc_id, id, type, mode, actor, recipient, place, time, trigger_start, trigger_end, trigger_text, claim_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      // running tallies, one row per key and batch (migration 9: no longer a trigger per row)
      tallySource: p(`INSERT INTO source_tally (key, name, claims, documents) VALUES (?, ?, ?, ?)
                      ON CONFLICT (key) DO UPDATE SET claims = claims + excluded.claims, documents = documents + excluded.documents`),
      tallyEntity: p(`INSERT INTO entity_tally (key, name, types, documents, mentions) VALUES (?, ?, ?, ?, ?)
                      ON CONFLICT (key) DO UPDATE SET mentions = mentions + excluded.mentions, documents = documents + excluded.documents,
                        types = CASE WHEN instr(',' || types || ',', ',' || excluded.types || ',') > 0 THEN types ELSE types || ',' || excluded.types END`),
      tallyMeasure: p(`INSERT INTO measure_tally (measure, points, documents) VALUES (?, ?, ?)
                       ON CONFLICT (measure) DO UPDATE SET points = points + excluded.points, documents = documents + excluded.documents`),
      docById: p('SELECT * FROM documents WHERE id = ?'),
      docByPrefix: p(`SELECT * FROM documents WHERE id >= ? AND id < ? LIMIT 2`),
    };
  }

  async addAll(items: { doc: Document; extraction: Extraction }[]): Promise<AddResult[]> {
    const now = new Date().toISOString();
    const write = this.db.transaction((batch: typeof items) => {
      const results: AddResult[] = [];
      const seen = new Set<string>();
      const tallies = new Tallies();
      for (const { doc, extraction } of batch) {
        if (seen.has(doc.id) || this.stmts.has!.get(doc.id)) {
          results.push({ id: doc.id, status: 'duplicate' });
          continue;
        }
        seen.add(doc.id);
        this.insert(doc, extraction, now, tallies);
        this.links.link(doc, extraction);
        results.push({ id: doc.id, status: 'added' });
      }
      this.writeTallies(tallies);
      return results;
    });
    try {
      return write(items);
    } catch (e) {
      throw new LedgerError(`writing to ${this.path} failed, nothing of this batch was stored: ${(e as Error).message}`);
    }
  }

  /**
   * The batch's additions to the running tallies, one row per key: the same figures the per-row
   * triggers of migration 3 kept (first spelling seen as the name, types in the order seen,
   * documents counted once each).
   */
  private writeTallies(t: Tallies): void {
    const s = this.stmts;
    for (const r of t.sources.rows.values()) s.tallySource!.run(r.key, r.name, r.claims, r.documents);
    for (const r of t.names.rows.values()) {
      s.tallyEntity!.run(r.key, r.name, r.types[0]!, r.documents, r.mentions);
      for (const type of r.types.slice(1)) s.tallyEntity!.run(r.key, r.name, type, 0, 0);
    }
    for (const r of t.measures.rows.values()) s.tallyMeasure!.run(r.key, r.points, r.documents);
  }

  private insert(doc: Document, x: Extraction, now: string, tallies: Tallies): void {
    const s = this.stmts;
    tallies.startDocument(doc.id);
    s.insDoc!.run({
      id: doc.id,
      text: doc.text,
      textSha256: doc.textSha256,
      published: doc.published ?? null,
      title: doc.title ?? null,
      url: doc.url ?? null,
      outlet: doc.outlet ?? null,
      byline: doc.byline ?? null,
      lang: doc.lang,
      origin: doc.origin ?? null,
      ingestedAt: now,
      extraction: extractionJson(x),
    });
    const entityName = new Map<string, string>();
    for (const e of x.entities) {
      entityName.set(e.id, e.name);
      s.insEntity!.run(doc.id, e.id, e.type, e.name, e.country ?? null, e.role ?? null, e.mentions.length);
      const key = asciiLower(e.name);
      tallies.names.add(key, () => ({ key, name: e.name, types: [], mentions: 0 }), (r) => {
        if (!r.types.includes(e.type)) r.types.push(e.type);
        r.mentions += e.mentions.length;
      });
      for (const m of e.mentions) s.insMention!.run(doc.id, e.id, m.start, m.end, m.text);
    }
    for (const [i, t] of x.times.entries()) s.insTime!.run(doc.id, t.id ?? `t${i + 1}`, t.start, t.end, t.text, t.value, t.type, t.mod ?? null);
    for (const c of x.claims) {
      const spans = c.content.length ? c.content : [];
      const anchor = [c.source, c.cue, ...spans].filter(Boolean) as { start: number; end: number }[];
      const start = anchor.length ? Math.min(...anchor.map((a) => a.start)) : 0;
      const end = anchor.length ? Math.max(...anchor.map((a) => a.end)) : 0;
      const sourceName = c.source?.entity ? entityName.get(c.source.entity) : undefined;
      const tallied = storedSourceName(sourceName, c.source?.text);
      if (tallied != null) {
        const key = asciiLower(tallied);
        tallies.sources.add(key, () => ({ key, name: tallied, claims: 0 }), (r) => r.claims++);
      }
      const info = s.insClaim!.run({
        doc: doc.id,
        id: c.id,
        kind: c.kind,
        polarity: c.polarity,
        sourceText: c.source?.text ?? null,
        sourceStart: c.source?.start ?? null,
        sourceEnd: c.source?.end ?? null,
        sourceEntity: c.source?.entity ?? null,
        sourceName: tallied,
        cueText: c.cue?.text ?? null,
        cueStart: c.cue?.start ?? null,
        cueEnd: c.cue?.end ?? null,
        content: spans.map((sp) => sp.text).join(' … '),
        contentSpans: JSON.stringify(spans.map((sp) => [sp.start, sp.end])),
        start,
        end,
        said: c.said ?? null,
      });
      s.insFts!.run(info.lastInsertRowid, spans.map((sp) => sp.text).join(' '), [c.source?.text, sourceName].filter(Boolean).join(' '));
    }
    for (const f of x.figures) {
      const measure = measureKey(f) ?? null;
      if (measure !== null) tallies.measures.add(measure, () => ({ key: measure, points: 0 }), (r) => r.points++);
      s.insFigure!.run({
        doc: doc.id,
        id: f.id,
        start: f.start,
        end: f.end,
        text: f.text,
        value: f.value,
        min: f.min ?? null,
        max: f.max ?? null,
        qualifier: f.qualifier,
        unit: f.unit ?? null,
        counts: f.counts ?? null,
        per: f.per ?? null,
        vague: f.vague ?? null,
        claim: f.claim ?? null,
        modality: f.modality ?? null,
        changedFrom: f.changedFrom ?? null,
        measure,
      });
    }
    for (const v of x.events) {
      s.insEvent!.run(doc.id, v.id, v.type, v.mode ?? null, v.actor ?? null, v.recipient ?? null, v.where ?? null, v.when ?? null,
        v.trigger.start, v.trigger.end, v.trigger.text, v.claim ?? null);
    }
  }

  async has(id: string): Promise<boolean> {
    return !!this.stmts.has!.get(id);
  }

  async document(idOrPrefix: string): Promise<(Document & { ingestedAt: string }) | undefined> {
    let row = this.stmts.docById!.get(idOrPrefix) as Row | undefined;
    if (!row && /^[0-9a-f]{4,}$/i.test(idOrPrefix)) {
      const lo = idOrPrefix.toLowerCase();
      const rows = this.stmts.docByPrefix!.all(lo, lo + '\uffff') as Row[];
      if (rows.length > 1) throw new LedgerError(`the id prefix ${idOrPrefix} matches more than one document; give more characters`);
      row = rows[0];
    }
    if (!row) return undefined;
    return {
      id: row.id,
      text: row.text,
      textSha256: row.text_sha256,
      lang: row.lang,
      ingestedAt: row.ingested_at,
      ...(row.published ? { published: row.published } : {}),
      ...(row.title ? { title: row.title } : {}),
      ...(row.url ? { url: row.url } : {}),
      ...(row.outlet ? { outlet: row.outlet } : {}),
      ...(row.byline ? { byline: row.byline } : {}),
      ...(row.origin ? { origin: row.origin } : {}),
    };
  }

  async extraction(id: string): Promise<Extraction | undefined> {
    const row = this.db.prepare('SELECT extraction FROM documents WHERE id = ?').get(id) as Row | undefined;
    return row ? (JSON.parse(row.extraction) as Extraction) : undefined;
  }

  async documents(opts: { limit?: number; offset?: number } = {}): Promise<DocumentRow[]> {
    const rows = this.db
      .prepare(`SELECT id, text_sha256, published, title, url, outlet, lang, origin, ingested_at, length(text) AS length
                FROM documents ORDER BY coalesce(published, '') DESC, id LIMIT ? OFFSET ?`)
      .all(opts.limit ?? 100, opts.offset ?? 0) as Row[];
    return rows.map((r) => ({
      id: r.id,
      textSha256: r.text_sha256,
      lang: r.lang,
      ingestedAt: r.ingested_at,
      length: r.length,
      ...(r.published ? { published: r.published } : {}),
      ...(r.title ? { title: r.title } : {}),
      ...(r.url ? { url: r.url } : {}),
      ...(r.outlet ? { outlet: r.outlet } : {}),
      ...(r.origin ? { origin: r.origin } : {}),
    }));
  }

  async claims(f: ClaimFilter = {}): Promise<ClaimRow[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.source) {
      where.push(`(c.source_text LIKE ? ESCAPE '\\' OR c.source_name LIKE ? ESCAPE '\\')`);
      const like = `%${f.source.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
      args.push(like, like);
    }
    if (f.about) {
      const q = ftsQuery(f.about);
      if (!q) return [];
      where.push(`c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`);
      args.push(q);
    }
    if (f.since) {
      where.push(`coalesce(c.said, d.published) >= ?`);
      args.push(f.since);
    }
    if (f.until) {
      // a date said as "2025-04" is within --until 2025-04-30; compare on the shorter prefix
      where.push(`substr(coalesce(c.said, d.published), 1, length(?)) <= ?`);
      args.push(f.until, f.until);
    }
    if (f.kind) {
      where.push('c.kind = ?');
      args.push(f.kind);
    }
    if (f.outlet) {
      where.push('d.outlet LIKE ?');
      args.push(`%${f.outlet}%`);
    }
    if (f.document) {
      where.push('c.doc_id = ?');
      args.push(f.document);
    }
    const sql = `SELECT c.*, d.published, d.outlet, d.title FROM claims c JOIN documents d ON d.id = c.doc_id
                 ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY coalesce(c.said, d.published, '') , c.doc_id, c.start LIMIT ? OFFSET ?`;
    args.push(f.limit ?? 1000, f.offset ?? 0);
    return (this.db.prepare(sql).all(...args) as Row[]).map((r) => ({
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
    }));
  }

  async figures(f: FigureFilter = {}): Promise<FigureRow[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.counts) {
      where.push('(f.counts LIKE ? OR f.measure LIKE ?)');
      args.push(`%${f.counts}%`, `%${f.counts}%`);
    }
    if (f.unit) {
      where.push('f.unit = ?');
      args.push(f.unit);
    }
    if (f.document) {
      where.push('f.doc_id = ?');
      args.push(f.document);
    }
    const sql = `SELECT f.*, d.published, d.outlet, c.said, coalesce(c.source_name, c.source_text) AS source
                 FROM figures f JOIN documents d ON d.id = f.doc_id
                 LEFT JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
                 ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY f.measure, coalesce(c.said, d.published, ''), f.doc_id, f.start LIMIT ? OFFSET ?`;
    args.push(f.limit ?? 1000, f.offset ?? 0);
    return (this.db.prepare(sql).all(...args) as Row[]).map((r) => ({
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
    }));
  }

  async summary(opts: { top?: number } = {}): Promise<Summary> {
    const top = opts.top ?? 5;
    const one = (sql: string) => (this.db.prepare(sql).get() as Row).n as number;
    return {
      documents: one('SELECT count(*) n FROM documents'),
      claims: one('SELECT count(*) n FROM claims'),
      figures: one('SELECT count(*) n FROM figures'),
      entities: one('SELECT count(*) n FROM entities'),
      sources: (this.db
        // of several spellings, the first in code-point order ('It' before 'it'): the same on every engine and index
        .prepare(`SELECT min(source_name) AS name, count(*) AS claims FROM claims WHERE source_name IS NOT NULL
                  GROUP BY lower(source_name) ORDER BY claims DESC, name LIMIT ?`)
        .all(top) as Row[]).map((r) => ({ name: r.name, claims: r.claims })),
      series: (this.db
        .prepare(`SELECT f.measure, count(*) AS points, min(coalesce(c.said, d.published)) AS first, max(coalesce(c.said, d.published)) AS last
                  FROM figures f JOIN documents d ON d.id = f.doc_id
                  LEFT JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
                  WHERE f.measure IS NOT NULL GROUP BY f.measure HAVING count(DISTINCT f.doc_id) > 1
                  ORDER BY points DESC, f.measure LIMIT ?`)
        .all(top) as Row[]).map((r) => ({ measure: r.measure, points: r.points, first: undef(r.first), last: undef(r.last) })),
      outlets: (this.db
        .prepare(`SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY documents DESC, outlet LIMIT ?`)
        .all(top) as Row[]).map((r) => ({ outlet: r.outlet, documents: r.documents })),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // ---- queries for the web app and HTTP API (one page at a time, each driven by an index) ----

  private static like(s: string): string {
    return `%${s.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
  }

  private static claimRow(r: Row): ClaimRow {
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

  async counts(): Promise<LedgerCounts> {
    const one = (table: string) => (this.db.prepare(`SELECT count(*) n FROM ${table}`).get() as Row).n as number;
    return { documents: one('documents'), claims: one('claims'), figures: one('figures'), entities: one('entities') };
  }

  async documentPage(opts: { outlet?: string; limit?: number; offset?: number } = {}): Promise<DocumentRow[]> {
    const where = opts.outlet ? 'WHERE outlet = ?' : '';
    const args: unknown[] = opts.outlet ? [opts.outlet] : [];
    const rows = this.db
      .prepare(`SELECT id, text_sha256, published, title, url, outlet, lang, origin, ingested_at, length(text) AS length
                FROM documents ${where} ORDER BY published DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? 50, opts.offset ?? 0) as Row[];
    return rows.map((r) => ({
      id: r.id,
      textSha256: r.text_sha256,
      lang: r.lang,
      ingestedAt: r.ingested_at,
      length: r.length,
      ...(r.published ? { published: r.published } : {}),
      ...(r.title ? { title: r.title } : {}),
      ...(r.url ? { url: r.url } : {}),
      ...(r.outlet ? { outlet: r.outlet } : {}),
      ...(r.origin ? { origin: r.origin } : {}),
    }));
  }

  /**
   * SQL that is true when a claim's content (not its source) mentions the named entity. The name is
   * compared with lower() so that the document's few names are found through its id, never through
   * the name index (which for a common place lists every article naming it).
   */
  private static readonly MENTIONS_ENTITY = `EXISTS (SELECT 1 FROM entities e JOIN entity_mentions m ON m.doc_id = e.doc_id AND m.entity_id = e.id
      WHERE e.doc_id = c.doc_id AND lower(e.name) = lower(?) AND m.start >= c.start AND m.end <= c.end
        AND NOT (c.source_start IS NOT NULL AND m.start >= c.source_start AND m.end <= c.source_end))`;

  /** Above this many rows, a source's or name's claims are found by walking articles newest first. */
  private static readonly WALK_ABOVE = 2000;
  /** A window of dates said with at most this many claims is read through the index on said and sorted. */
  private static readonly DATE_WINDOW_MAX = 20_000;

  /**
   * How many claims a filter would let through, counted no further than just past WALK_ABOVE, or
   * undefined for a filter that cannot start a query (substrings, outlets, dates).
   */
  private matchesAtMost(f: ClaimQuery, fts: string | undefined): number | undefined {
    const bound = SqliteLedger.WALK_ABOVE + 1;
    const counts: number[] = [];
    const one = (sql: string, ...args: unknown[]) => (this.db.prepare(sql).get(...args) as Row | undefined)?.n ?? 0;
    if (f.document) counts.push(0);
    if (f.sourceIs) counts.push(one('SELECT claims AS n FROM source_tally WHERE key = lower(?)', f.sourceIs));
    if (f.entity) counts.push(one('SELECT documents AS n FROM entity_tally WHERE key = lower(?)', f.entity));
    if (fts) counts.push(one(`SELECT count(*) AS n FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ${bound})`, fts));
    if (f.kind) counts.push(one(`SELECT count(*) AS n FROM (SELECT 1 FROM claims WHERE kind = ? LIMIT ${bound})`, f.kind));
    return counts.length ? Math.min(...counts) : undefined;
  }

  async browseClaims(f: ClaimQuery = {}): Promise<ClaimRow[]> {
    const fts = f.about ? ftsQuery(f.about) : undefined;
    if (f.about && !fts) return [];
    // Two ways to find a page of claims, newest articles first. When some filter matches few claims,
    // start from those and sort them. When every filter matches thousands (or there is none), walk
    // articles newest first and stop at the page: sorting every match would cost far more. In the
    // walk, filters are written so that none can take over as the starting point (+c.kind, no IN on
    // the document), because the planner would otherwise start from it and sort everything again.
    const fewest = this.matchesAtMost(f, fts);
    const walk = fewest === undefined || fewest > SqliteLedger.WALK_ABOVE;
    // A window of dates said is a third way in: the claims said in it (index on said) and the undated
    // claims of articles published in it, when together they are few enough to sort; a narrow window
    // far in the past would otherwise walk every newer article first.
    const lo = f.since ?? '';
    const hi = f.until ? f.until + '\uffff' : '\uffff';
    const byDates =
      walk && (!!f.since || !!f.until) &&
      ((this.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM claims WHERE said >= ? AND said < ? LIMIT ${SqliteLedger.DATE_WINDOW_MAX + 1})`).get(lo, hi) as Row).n as number) <=
        SqliteLedger.DATE_WINDOW_MAX;
    const where: string[] = [];
    const args: unknown[] = [];
    if (byDates) {
      where.push(`(c.rowid IN (SELECT rowid FROM claims WHERE said >= ? AND said < ?)
                   OR (c.said IS NULL AND c.doc_id IN (SELECT id FROM documents WHERE published >= ? AND published < ?)))`);
      args.push(lo, hi, lo, hi);
    }
    if (f.source) {
      where.push(`(c.source_text LIKE ? ESCAPE '\\' OR c.source_name LIKE ? ESCAPE '\\')`);
      args.push(SqliteLedger.like(f.source), SqliteLedger.like(f.source));
    }
    if (f.sourceIs) {
      where.push('c.source_name = ? COLLATE NOCASE');
      args.push(f.sourceIs);
    }
    if (f.entity) {
      if (!walk) {
        where.push(`c.doc_id IN (SELECT doc_id FROM entities WHERE name = ? COLLATE NOCASE)`);
        args.push(f.entity);
      }
      where.push(SqliteLedger.MENTIONS_ENTITY);
      args.push(f.entity);
    }
    if (fts) {
      where.push(`${walk ? '+' : ''}c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`);
      args.push(fts);
    }
    if (f.since) {
      // nothing is reported before it is said, so articles published before `since` cannot qualify
      where.push(`coalesce(c.said, d.published) >= ?`, `d.published >= ?`);
      args.push(f.since, f.since);
    }
    if (f.until) {
      where.push(`substr(coalesce(c.said, d.published), 1, length(?)) <= ?`);
      args.push(f.until, f.until);
    }
    if (f.kind) {
      where.push(walk ? '+c.kind = ?' : 'c.kind = ?');
      args.push(f.kind);
    }
    if (f.outlet) {
      where.push(`d.outlet LIKE ? ESCAPE '\\'`);
      args.push(SqliteLedger.like(f.outlet));
    }
    if (f.document) {
      where.push('c.doc_id = ?');
      args.push(f.document);
    }
    const from = walk && !byDates ? 'documents d CROSS JOIN claims c ON c.doc_id = d.id' : 'claims c JOIN documents d ON d.id = c.doc_id';
    const sql = `SELECT c.*, d.published, d.outlet, d.title FROM ${from}
                 ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY d.published DESC, d.id DESC, c.start LIMIT ? OFFSET ?`;
    args.push(f.limit ?? 50, f.offset ?? 0);
    return (this.db.prepare(sql).all(...args) as Row[]).map(SqliteLedger.claimRow);
  }

  async sources(opts: { q?: string; limit?: number; offset?: number } = {}): Promise<SourceRow[]> {
    const filter = opts.q ? `WHERE name LIKE ? ESCAPE '\\'` : '';
    const args: unknown[] = opts.q ? [SqliteLedger.like(opts.q)] : [];
    return (this.db
      .prepare(`SELECT name, claims, documents FROM source_tally ${filter} ORDER BY claims DESC, name LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? 50, opts.offset ?? 0) as Row[]).map((r) => ({ name: r.name, claims: r.claims, documents: r.documents }));
  }

  async sourceProfile(name: string): Promise<SourceProfile | undefined> {
    const tally = this.db.prepare('SELECT name, claims, documents FROM source_tally WHERE key = lower(?)').get(name) as Row | undefined;
    if (!tally?.claims) return undefined;
    // dates, outlets and kinds come from the source's latest claims: all of them for most sources,
    // the latest WALK_ABOVE (found by walking articles newest first) for the few that have more
    const hot = tally.claims > SqliteLedger.WALK_ABOVE;
    const within = Math.min(tally.claims, SqliteLedger.WALK_ABOVE);
    const rows = this.db
      .prepare(`SELECT c.kind, coalesce(c.said, d.published) AS at, d.outlet
                FROM ${hot ? 'documents d CROSS JOIN claims c ON c.doc_id = d.id' : 'claims c JOIN documents d ON d.id = c.doc_id'}
                WHERE c.source_name = ? COLLATE NOCASE ORDER BY d.published DESC, d.id DESC LIMIT ${within}`)
      .all(name) as Row[];
    const profile = sourceProfileOf(tally, rows, within);
    if (hot) {
      const first = (this.db
        .prepare(`SELECT coalesce(c.said, d.published) AS first FROM documents d CROSS JOIN claims c ON c.doc_id = d.id
                  WHERE c.source_name = ? COLLATE NOCASE AND d.published IS NOT NULL ORDER BY d.published, d.id LIMIT 1`)
        .get(name) as Row | undefined)?.first;
      profile.first = undef(first ?? null);
    }
    return profile;
  }

  async entities(opts: { q?: string; type?: string; limit?: number; offset?: number } = {}): Promise<EntityRow[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.q) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      args.push(SqliteLedger.like(opts.q));
    }
    if (opts.type) {
      where.push(`instr(',' || types || ',', ',' || ? || ',') > 0`);
      args.push(opts.type);
    }
    return (this.db
      .prepare(`SELECT name, types, documents, mentions FROM entity_tally ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                ORDER BY documents DESC, name LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? 50, opts.offset ?? 0) as Row[]).map((r) => ({
      name: r.name,
      types: (r.types as string).split(','),
      documents: r.documents,
      mentions: r.mentions,
    }));
  }

  /** "By whom" is counted over the latest this many articles that name the entity. */
  private static readonly SAID_BY_WITHIN = 500;

  async entityProfile(name: string): Promise<EntityProfile | undefined> {
    const tally = this.db.prepare('SELECT name, types, documents, mentions FROM entity_tally WHERE key = lower(?)').get(name) as Row | undefined;
    if (!tally?.documents) return undefined;
    // roles, countries and "by whom" are read from the latest SAID_BY_WITHIN articles naming it: for
    // a common place, walking articles newest first finds them without sorting all of its articles
    const within = Math.min(tally.documents, SqliteLedger.SAID_BY_WITHIN);
    const docIds = (this.db
      .prepare(
        tally.documents > within
          ? `SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM entities x WHERE x.doc_id = d.id AND lower(x.name) = lower(?))
             ORDER BY d.published DESC, d.id DESC LIMIT ${within}`
          : `SELECT DISTINCT doc_id AS id FROM entities WHERE name = ? COLLATE NOCASE`,
      )
      .all(name) as Row[]).map((r) => r.id as string);
    const docs = 'SELECT value FROM json_each(?)';
    const facets = this.db
      .prepare(`SELECT json_group_array(DISTINCT role) AS roles, json_group_array(DISTINCT country) AS countries FROM entities
                WHERE doc_id IN (${docs}) AND lower(name) = lower(?)`)
      .get(JSON.stringify(docIds), name) as Row;
    const saidBy = this.db
      .prepare(`SELECT min(c.source_name) AS name, count(*) AS claims FROM claims c
                WHERE c.doc_id IN (${docs}) AND ${SqliteLedger.MENTIONS_ENTITY} AND c.source_name IS NOT NULL
                GROUP BY c.source_name COLLATE NOCASE ORDER BY claims DESC, name LIMIT 12`)
      .all(JSON.stringify(docIds), name) as Row[];
    const claimsBy = (this.db.prepare('SELECT claims AS n FROM source_tally WHERE key = lower(?)').get(name) as Row | undefined)?.n ?? 0;
    const present = (json: string) => (JSON.parse(json) as (string | null)[]).filter((x): x is string => !!x);
    return {
      name: tally.name,
      types: (tally.types as string).split(','),
      documents: tally.documents,
      mentions: tally.mentions,
      roles: present(facets.roles),
      countries: present(facets.countries),
      saidBy: saidBy.map((r) => ({ name: r.name, claims: r.claims })),
      saidByWithin: within,
      claimsBy,
    };
  }

  async seriesList(opts: { q?: string; limit?: number; offset?: number } = {}): Promise<SeriesRow[]> {
    const filter = opts.q ? `WHERE measure LIKE ? ESCAPE '\\'` : '';
    const args: unknown[] = opts.q ? [SqliteLedger.like(opts.q)] : [];
    return (this.db
      .prepare(`SELECT measure, points, documents FROM measure_tally ${filter} ORDER BY documents DESC, points DESC, measure LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? 50, opts.offset ?? 0) as Row[]).map((r) => ({ measure: r.measure, points: r.points, documents: r.documents }));
  }

  async seriesPoints(measure: string, opts: { limit?: number } = {}): Promise<{ total: number; points: SeriesPoint[] }> {
    const total = (this.db.prepare('SELECT count(*) AS n FROM figures WHERE measure = ?').get(measure) as Row).n as number;
    const limit = opts.limit ?? 1000;
    const columns = `f.*, d.published, d.outlet, d.title, c.said, coalesce(c.source_name, c.source_text) AS source, c.cue_text AS cue, c.content_text AS quote`;
    // a series larger than the page: walk articles newest first and stop at the limit, rather than
    // sorting every figure of the measure by a date that lives in two other tables
    const sql =
      total <= limit
        ? `SELECT ${columns} FROM figures f JOIN documents d ON d.id = f.doc_id
           LEFT JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
           WHERE f.measure = ? ORDER BY coalesce(c.said, d.published), f.doc_id, f.start LIMIT ?`
        : `SELECT ${columns} FROM documents d CROSS JOIN figures f ON f.doc_id = d.id
           LEFT JOIN claims c ON c.doc_id = f.doc_id AND c.id = f.claim_id
           WHERE f.measure = ? ORDER BY d.published DESC, d.id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(measure, limit) as Row[];
    const points = rows.map((r): SeriesPoint => ({
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
      title: undef(r.title),
      cue: undef(r.cue),
      quote: undef(r.quote),
    }));
    return { total, points };
  }

  // ---- cross-article links (src/link/) ----

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
