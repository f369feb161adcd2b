/**
 * Cross-article links in the PostgreSQL ledger: the same steps, decisions and tables as the SQLite
 * link store (src/link/store.ts), with every judgement made by the engine-neutral functions of
 * src/link/ (signatures and bands, points, reports and statement matching, conflict verdicts, entity
 * keys and matching). Only the SQL is this engine's. Keep the two in step: a change to the order of
 * steps or to what a step reads there belongs here too.
 *
 * `link()` runs inside the transaction that stores the document, after it took the ledger's write
 * lock (see postgres.ts), so each document is linked against a ledger no other writer is changing.
 * Where a step fetched candidates and then each candidate's row one query at a time, this engine
 * fetches them together in the same order, to keep round trips to the server few.
 */
import type pg from 'pg';
import type { Document, Extraction } from '../../types.ts';
import { COPY_THRESHOLD, fromBlob, similarity, toBlob } from '../../link/copies.ts';
import { judge, sideKey, SNAPSHOT_DAYS, type ComparablePoint } from '../../link/conflicts.ts';
import { sameEntity } from '../../link/entities.ts';
import { completeReports, takeLinkFeatures, type LinkFeatures } from '../../link/prepare.ts';
import { describePhrase, isScoped, scopeKey, seriesKey, seriesLabel, type MeasureFacets } from '../../link/measure.ts';
import { dayShift } from '../../link/period.ts';
import { comparableParams, comparableSql, denialSide } from '../../link/store.ts';
import type { Denial } from '../../link/denials.ts';
import { denialOf, denialPeriod, rejectionConflict, setAgainst, STANCE_CANDIDATES, stanceLookup, stancesFromRows, stanceWords, type Rejection, type Stance, type StanceRow } from '../../link/positions.ts';
import type { Point } from '../../link/points.ts';
import { blocksOf, featuresOf, lookupBlocksOf, matchStatement, mergeFeatures, type Discrepancy, type Report, type StatementFeatures } from '../../link/statements.ts';
import type {
  ConflictPoint, ConflictRow, CopyGroupRow, CopyMemberRow, CrossEntity, SeriesSummary, SeriesTimeline, StatementGroup, StatementReport, TimelinePoint,
} from '../../link/types.ts';
import { containsPattern } from './text.ts';

/** As the SQLite ledger's: the points that can meet a figure's period, from its neighbourhood only (src/link/store.ts). */
const COMPARABLE_SQL = comparableSql('postgres');

type Row = Record<string, any>;
type Db = Pick<pg.ClientBase, 'query'>;
const undef = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** At most this many earlier items are examined per blocking key, as in the SQLite link store. */
const CANDIDATES = 200;
/** Statements are matched on their stored features (a parse each), so fewer of them, newest first. */
const STATEMENT_CANDIDATES = 40;

function familyPlace(m: MeasureFacets): string {
  return [m.kind, m.family, m.place ?? '', m.planned ? 'planned' : '', m.part ? 'part' : ''].join('|');
}

/** Whether a point is compared with others for conflicts: a count with whose or where, of a stated or said time. */
function judged(p: Point): boolean {
  return p.comparable && p.scoped && p.measure.kind === 'count' && !!p.range && (p.basis === 'stated' || p.basis === 'said');
}

function facetsOnly(m: MeasureFacets): MeasureFacets {
  const { kind, classes, family, country, countryLabel, place, placeLabel, placeLevel, unit, per, planned, part } = m;
  return { kind, classes, family, country, countryLabel, place, placeLabel, placeLevel, unit, per, planned, part } as MeasureFacets;
}

function seriesRow(r: Row): SeriesSummary {
  return {
    key: r.key,
    label: r.label,
    points: r.points,
    documents: r.documents,
    independent: r.independent,
    first: undef(r.first),
    last: undef(r.last),
    planned: !!r.planned,
    scoped: !!r.scoped,
  };
}

async function rows(db: Db, sql: string, values: unknown[] = []): Promise<Row[]> {
  return (await db.query(sql, values)).rows;
}

async function first(db: Db, sql: string, values: unknown[] = []): Promise<Row | undefined> {
  return (await db.query(sql, values)).rows[0];
}

export class PgLinkStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Links one stored document to the rest of the ledger. Call inside the transaction that stored it. */
  async link(db: Db, doc: Document, x: Extraction): Promise<void> {
    // what needs no ledger was computed beside extraction when the document came from a worker
    const f = takeLinkFeatures(doc, x);
    const copy = await this.linkCopies(db, doc, f.copy);
    const points = f.points;
    await this.linkSeries(db, doc, x, points, copy?.group);
    const reports = completeReports(f.reports, points);
    const { figureStatement, statementOf } = await this.linkStatements(db, doc, reports, copy?.group);
    await this.linkConflicts(db, doc, points, figureStatement, copy?.group);
    await this.linkDenials(db, doc, x, f.denials, statementOf);
    await this.linkRejections(db, doc, x, f.rejections, statementOf);
    await this.linkStances(db, doc, f.stances, copy?.group);
    await this.linkEntities(db, doc, x, f.entities);
  }

  // ---- copies ----

  private async linkCopies(db: Db, doc: Document, prepared: LinkFeatures['copy']): Promise<{ group: number; matched: string } | undefined> {
    // a few dozen words are too few to call two articles copies of one another
    if (!prepared) return undefined;
    const { signature: sig, bands: bs } = prepared;
    const matches: { id: string; sim: number }[] = [];
    const candidates = await rows(db,
      `SELECT c.doc_id, s.signature FROM (SELECT DISTINCT doc_id FROM link_bands WHERE band = ANY($1::bigint[]) ORDER BY doc_id LIMIT ${CANDIDATES}) c
       JOIN link_signatures s ON s.doc_id = c.doc_id WHERE c.doc_id <> $2 ORDER BY c.doc_id`,
      [bs.map(String), doc.id]);
    for (const r of candidates) {
      const sim = similarity(sig.hashes, fromBlob(r.signature));
      if (sim >= COPY_THRESHOLD) matches.push({ id: r.doc_id, sim });
    }
    await db.query(
      `INSERT INTO link_signatures (doc_id, signature) VALUES ($1, $2) ON CONFLICT (doc_id) DO UPDATE SET signature = excluded.signature`,
      [doc.id, toBlob(sig)]);
    await db.query(`INSERT INTO link_bands (band, doc_id) SELECT b, $2 FROM unnest($1::bigint[]) AS b ON CONFLICT DO NOTHING`, [bs.map(String), doc.id]);
    if (!matches.length) return undefined;
    matches.sort((a, b) => b.sim - a.sim);
    const best = matches[0]!;
    const groupOf = new Map(
      (await rows(db, 'SELECT doc_id, group_id FROM link_copies WHERE doc_id = ANY($1)', [matches.map((m) => m.id)])).map((r) => [r.doc_id as string, r.group_id as number]),
    );
    const groups = [...new Set(matches.map((m) => groupOf.get(m.id)).filter((g): g is number => g !== undefined))].sort((a, b) => a - b);
    let group = groups[0];
    if (group === undefined) {
      group = (await first(db, `INSERT INTO link_copy_groups (original, members, why) VALUES ($1, 0, 'forming') RETURNING id`, [best.id]))!.id as number;
    }
    for (const other of groups.slice(1)) {
      // the new article bridges two groups: they were copies of one text all along
      await db.query('UPDATE link_copies SET group_id = $1 WHERE group_id = $2', [group, other]);
      await db.query('UPDATE link_points SET copy_group = $1 WHERE copy_group = $2', [group, other]);
      await db.query('UPDATE link_reports SET copy_group = $1 WHERE copy_group = $2', [group, other]);
      await db.query('DELETE FROM link_copy_groups WHERE id = $1', [other]);
      for (const [id, g] of groupOf) if (g === other) groupOf.set(id, group);
    }
    for (const m of matches) {
      if (groupOf.get(m.id) === group) continue;
      await this.putCopy(db, m.id, group, doc.id, m.sim, `shares about ${Math.round(m.sim * 100)}% of its 5-word shingles with a later article`);
      groupOf.set(m.id, group);
      await db.query('UPDATE link_points SET copy_group = $1 WHERE doc_id = $2', [group, m.id]);
      await db.query('UPDATE link_reports SET copy_group = $1 WHERE doc_id = $2', [group, m.id]);
    }
    await this.putCopy(db, doc.id, group, best.id, best.sim, `shares about ${Math.round(best.sim * 100)}% of its 5-word shingles with ${best.id.slice(0, 8)} (MinHash estimate, 60 hashes)`);
    await this.settleOriginal(db, group);
    return { group, matched: best.id };
  }

  private async putCopy(db: Db, docId: string, group: number, matched: string, sim: number, why: string): Promise<void> {
    await db.query(
      `INSERT INTO link_copies (doc_id, group_id, matched, similarity, why) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (doc_id) DO UPDATE SET group_id = excluded.group_id, matched = excluded.matched, similarity = excluded.similarity, why = excluded.why`,
      [docId, group, matched, sim, why]);
  }

  private async settleOriginal(db: Db, group: number): Promise<void> {
    const members = await rows(db,
      `SELECT c.doc_id, d.outlet, d.published FROM link_copies c JOIN documents d ON d.id = c.doc_id WHERE c.group_id = $1 ORDER BY d.seq LIMIT 50`,
      [group]);
    // the original, as link/copies.ts pickOriginal decides it: the one member the others' text
    // credits, else the earliest published, else the first stored
    const credited: Row[] = [];
    const ordered: Row[] = members.map((m, order) => ({ ...m, order }));
    for (const m of ordered) {
      if (!m.outlet) continue;
      const r = await first(db,
        `SELECT count(*) AS n FROM link_copies c JOIN documents d ON d.id = c.doc_id
         WHERE c.group_id = $1 AND coalesce(d.outlet, '') <> $2 AND strpos(d.text, $2) > 0`,
        [group, m.outlet]);
      if (r!.n > 0) credited.push(m);
    }
    let original: Row;
    let why: string;
    if (credited.length === 1) {
      original = credited[0]!;
      why = `${original.outlet} is credited in the text of the other members (dateline or credit line)`;
    } else {
      const pool = credited.length ? credited : ordered;
      const sorted = [...pool].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.order - b.order);
      original = sorted[0]!;
      const tie = sorted[1] && (sorted[1].published ?? '9999') === (original.published ?? '9999');
      why = tie ? 'published first (with another on the same day; stored first)' : 'published first';
    }
    await db.query(
      'UPDATE link_copy_groups SET original = $1, members = (SELECT count(*) FROM link_copies WHERE group_id = $2), why = $3 WHERE id = $2',
      [original.doc_id, group, `${members.length} articles share most of their text; original: ${why}`]);
  }

  // ---- series ----

  private async linkSeries(db: Db, doc: Document, x: Extraction, points: Point[], copyGroup: number | undefined): Promise<void> {
    const sources = new Map<string, string>();
    const entityName = new Map(x.entities.map((e) => [e.id, e.name]));
    for (const c of x.claims) {
      const name = c.source?.entity ? entityName.get(c.source.entity) : c.source?.text;
      if (name) for (const id of c.figures) sources.set(id, name);
    }
    const touched = new Map<string, number>();
    for (const p of points) {
      await this.attach(db, p);
      const m = p.measure;
      const when = p.range?.start ?? p.said ?? doc.published?.slice(0, 10) ?? null;
      // the series row and the point in one round trip
      await db.query(
        `WITH series AS (
           INSERT INTO link_series (key, scope, family_place, place, label, scoped, planned, points, documents, independent, first, last, facets)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, $8, $8, $9)
           ON CONFLICT (key) DO UPDATE SET
             first = CASE WHEN excluded.first IS NOT NULL AND (link_series.first IS NULL OR excluded.first < link_series.first) THEN excluded.first ELSE link_series.first END,
             last = CASE WHEN excluded.last IS NOT NULL AND (link_series.last IS NULL OR excluded.last > link_series.last) THEN excluded.last ELSE link_series.last END
         )
         INSERT INTO link_points (doc_id, figure_id, series, compare, place, place_level, text, value, min, max, lo, hi, qualifier, comparable,
           digits, misgrouped, period, period_start, period_end, granularity, basis, said, source, claim_id, statement_id, copy_group,
           published, outlet, start, "end", why, sort_key)
         VALUES ($10, $11, $1, $12, $4, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, NULL, $32, $33, $34, $35, $36, $37, $38)`,
        [p.series, p.scope, familyPlace(m), m.place ?? null, p.label, p.scoped ? 1 : 0, m.planned ? 1 : 0, when, JSON.stringify(facetsOnly(m)),
          doc.id, p.figureId, p.compare, m.placeLevel ?? null, p.text, p.value, p.min ?? null, p.max ?? null, p.lo, p.hi, p.qualifier,
          judged(p) ? 1 : 0, p.digits, p.misgrouped ? 1 : 0,
          p.period ?? null, p.range?.start ?? null, p.range?.end ?? null, p.range?.granularity ?? null, p.basis, p.said ?? null, sources.get(p.figureId) ?? null,
          p.claimId ?? null, copyGroup ?? null, doc.published ?? null, doc.outlet ?? null, p.start, p.end, JSON.stringify(m.why),
          p.range?.start ?? doc.published ?? '']);
      touched.set(p.series, (touched.get(p.series) ?? 0) + 1);
    }
    if (!touched.size) return;
    // a copy of an article already counted in a series adds points there, not an independent report
    await db.query(
      `UPDATE link_series s SET points = s.points + t.n, documents = s.documents + 1,
         independent = s.independent + CASE WHEN $2::bigint IS NOT NULL AND EXISTS (
           SELECT 1 FROM link_points p WHERE p.copy_group = $2 AND p.series = s.key AND p.doc_id <> $3) THEN 0 ELSE 1 END
       FROM json_to_recordset($1) AS t(key text, n integer) WHERE s.key = t.key`,
      [JSON.stringify([...touched].map(([key, n]) => ({ key, n }))), copyGroup ?? null, doc.id]);
  }

  /** A count with no place (or no whose) joins the largest series that has the rest of its measure. */
  private async attach(db: Db, p: Point): Promise<void> {
    const m = p.measure;
    if (m.kind !== 'count') return;
    if (!m.place && m.country) {
      const row = await first(db, 'SELECT key, facets FROM link_series WHERE scope = $1 AND place IS NOT NULL ORDER BY points DESC, key LIMIT 1', [scopeKey(m)]);
      if (row) {
        const f = JSON.parse(row.facets) as MeasureFacets;
        Object.assign(m, { place: f.place, placeLabel: f.placeLabel, placeLevel: f.placeLevel, placeStated: false });
        m.why.push(`no place stated: joins the largest series of the same measure (${seriesLabel(f)})`);
      }
    } else if (m.place && !m.country) {
      const found = await rows(db, 'SELECT key, facets FROM link_series WHERE family_place = $1 ORDER BY points DESC, key LIMIT 5', [familyPlace(m)]);
      const withCountry = found.map((r) => JSON.parse(r.facets) as MeasureFacets).find((f) => f.country);
      if (withCountry) {
        Object.assign(m, { country: withCountry.country, countryLabel: withCountry.countryLabel });
        m.why.push(`whose not stated: joins the largest series of the same measure there (${seriesLabel(withCountry)})`);
      }
    }
    p.series = seriesKey(m);
    p.scope = scopeKey(m);
    p.label = seriesLabel(m);
    p.scoped = isScoped(m);
  }

  // ---- statements ----

  /** Files each report under a statement; returns the statement of each figure and of each claim. */
  private async linkStatements(db: Db, doc: Document, reports: Report[], copyGroup: number | undefined):
    Promise<{ figureStatement: Map<string, number>; statementOf: Map<string, number> }> {
    const figureStatement = new Map<string, number>();
    const statementOf = new Map<string, number>();
    const joinedHere = new Set<number>();
    for (const r of reports) {
      const blocks = blocksOf(r);
      // a report that nothing could ever join (no date at all, or only a weak source and no figure) is not filed
      if (!blocks.length || (!r.identity.strong.length && !r.figures.length)) continue;
      let best: { id: number; features: StatementFeatures; score: number; why: string[]; discrepancies: Discrepancy[]; copied: boolean } | undefined;
      if (r.range) {
        // candidates whose date said can meet the report's (two days' slack), newest first; with each,
        // whether a copy of this article already reported it (asked of the best one only, in SQLite)
        const candidates = await rows(db,
          `SELECT s.id, s.features,
                  ($2::bigint IS NOT NULL AND EXISTS (SELECT 1 FROM link_reports r WHERE r.statement_id = s.id AND r.copy_group = $2 AND r.doc_id <> $3)) AS copied
           FROM link_statements s
           WHERE s.id IN (SELECT statement_id FROM link_statement_blocks WHERE block = ANY($1)) AND s.said_end >= $4 AND s.said_start <= $5
           ORDER BY s.id DESC LIMIT ${STATEMENT_CANDIDATES}`,
          [lookupBlocksOf(r), copyGroup ?? null, doc.id, dayShift(r.range.start, -2), dayShift(r.range.end, 2)]);
        for (const c of candidates) {
          const features = JSON.parse(c.features) as StatementFeatures;
          const m = matchStatement(r, features);
          if (m && (!best || m.score > best.score)) best = { id: c.id, features, copied: c.copied, ...m };
        }
      }
      const figures = r.figures.filter((f) => !f.sum);
      const reportFigures = JSON.stringify(figures.map((f) => ({ id: f.id, text: f.text, value: f.value, qualifier: f.qualifier, label: f.label })));
      const figureIds = figures.map((f) => f.id);
      // the statement row, its blocks, the report and the report's points in one round trip
      const rest = `, blocks AS (
           INSERT INTO link_statement_blocks (block, statement_id) SELECT b, (SELECT id FROM st) FROM unnest($1::text[]) AS b ON CONFLICT DO NOTHING
         ), report AS (
           INSERT INTO link_reports (doc_id, report, statement_id, claim_ids, source, said, content, figures, copy_group, start, "end", why)
           VALUES ($2, $3, (SELECT id FROM st), $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ), points AS (
           UPDATE link_points SET statement_id = (SELECT id FROM st) WHERE doc_id = $2 AND figure_id = ANY($13::text[])
         )
         SELECT id FROM st`;
      const common = [blocks, doc.id, r.index, JSON.stringify(r.claimIds), r.identity.label, r.said ?? null, r.content, reportFigures, copyGroup ?? null, r.start, r.end];
      let statement: number;
      if (best) {
        const newDoc = !joinedHere.has(best.id);
        const merged = mergeFeatures(best.features, r);
        const row = await first(db,
          `WITH st AS (
             UPDATE link_statements SET reports = reports + 1, documents = documents + $14, independent = independent + $15,
               discrepancy = greatest(discrepancy, $16), features = $17, said = coalesce(said, $6), said_start = $19, said_end = $20,
               sources = CASE WHEN strpos(sources, $5) > 0 OR length(sources) > 300 THEN sources ELSE sources || ' | ' || $5 END
             WHERE id = $18 RETURNING id
           )${rest}`,
          [...common, JSON.stringify(best.why), figureIds, newDoc ? 1 : 0, newDoc && !best.copied ? 1 : 0, best.discrepancies.length ? 1 : 0,
            JSON.stringify(merged), best.id, merged.range?.start ?? '', merged.range?.end ?? '9999']);
        statement = row!.id as number;
        for (const f of figureIds) figureStatement.set(f, statement);
        for (const d of best.discrepancies) await this.recordDiscrepancy(db, doc, statement, d, r.identity.label);
      } else {
        const why = ['first report of this statement in the ledger'];
        const row = await first(db,
          `WITH st AS (
             INSERT INTO link_statements (source, sources, said, said_start, said_end, reports, documents, independent, first_doc, features, why)
             VALUES ($5, $5, $6, $15, $16, 1, 1, 1, $2, $14, $12) RETURNING id
           )${rest}`,
          [...common, JSON.stringify(why), figureIds, JSON.stringify(featuresOf(r)), r.range?.start ?? '', r.range?.end ?? '9999']);
        statement = row!.id as number;
        for (const f of figureIds) figureStatement.set(f, statement);
      }
      joinedHere.add(statement);
      for (const c of r.claimIds) statementOf.set(c, statement);
    }
    return { figureStatement, statementOf };
  }

  /** Denials of a report (see link/denials.ts): one conflict per denied statement, however many deny it. */
  private async linkDenials(db: Db, doc: Document, x: Extraction, found: Denial[], statementOf: Map<string, number>): Promise<void> {
    for (const d of found) {
      const target = statementOf.get(d.target.id);
      const sideA = target !== undefined ? `statement ${target}` : `${doc.id}:${d.target.id}`;
      const who = d.target.source?.entity ? x.entities.find((e) => e.id === d.target.source!.entity)?.name : d.target.source?.text;
      const label = `${(who ?? 'a report').trim()}: ${d.target.content.map((sp) => sp.text).join(' … ').slice(0, 80)}`;
      const period = denialPeriod(d.target, doc.published, target);
      await this.recordConflict(db, { kind: 'denial', compare: 'claims', label, period, sa: sideA, sb: 'denied', statement: target ?? null, why: [d.why] },
        { side: 0, doc: doc.id, figure: d.target.id }, { side: 1, doc: doc.id, figure: d.denial.id }, 'claims');
    }
  }

  /** A claim that carries its own rejection ("…, a reading rejected by Seoul"): the claim against the apposition's sources. */
  private async linkRejections(db: Db, doc: Document, x: Extraction, found: Rejection[], statementOf: Map<string, number>): Promise<void> {
    for (const r of found) {
      const c = rejectionConflict(doc, x, r, statementOf);
      await db.query(
        `WITH made AS (
           INSERT INTO link_conflicts (kind, compare, label, period, side_a, side_b, statement_id, why) VALUES ('denial', 'claims', $1, $2, $3, $4, $5, $6)
           ON CONFLICT (kind, compare, (coalesce(period, '')), side_a, side_b) DO NOTHING RETURNING id
         ), conflict AS (
           SELECT id FROM made
           UNION ALL
           SELECT id FROM link_conflicts WHERE kind = 'denial' AND compare = 'claims' AND coalesce(period, '') = coalesce($2, '') AND side_a = $3 AND side_b = $4
         ), claim AS (
           INSERT INTO link_conflict_claims (conflict_id, side, doc_id, claim_id) SELECT (SELECT id FROM conflict LIMIT 1), 0, $7, $8 ON CONFLICT DO NOTHING
         )
         INSERT INTO link_conflict_parts (conflict_id, side, doc_id, claim_id, source, text, start, "end")
         SELECT (SELECT id FROM conflict LIMIT 1), 1, $7, $13, $9, $10, $11, $12 ON CONFLICT DO NOTHING`,
        [c.label, c.period, c.sa, c.sb, c.statement, JSON.stringify([r.why]), doc.id, r.claim.id, r.by, r.text, r.start, r.end, r.partOf]);
    }
  }

  /** Positions and verdicts across articles (link/positions.ts), as the SQLite link store does. */
  private async linkStances(db: Db, doc: Document, stances: Stance[], copyGroup: number | undefined): Promise<void> {
    for (const s of stances) {
      const l = stanceLookup(s);
      // per status word, a backward range of its primary key (as in SQLite)
      const found: StanceRow[] = [];
      for (const k of l.keys) {
        found.push(...await rows(db,
          `SELECT role, key, month, doc_id, claim_id, source, copy_group, words, text FROM link_stances
           WHERE role = $1 AND key = $2 AND month BETWEEN $3 AND $4
           ORDER BY month DESC, doc_id DESC, claim_id DESC LIMIT ${STANCE_CANDIDATES}`, [l.role, k, l.months[0], l.months.at(-1)]) as StanceRow[]);
      }
      const near = stancesFromRows(found);
      for (const o of near) {
        // copies of one text repeat a verdict and a position; they are not another source judging it
        if (o.docId !== doc.id && copyGroup !== undefined && o.copyGroup === copyGroup) continue;
        const c = setAgainst(s, o);
        if (!c) continue;
        const [da, dv] = c.a === s ? [doc.id, o.docId] : [o.docId, doc.id];
        await this.recordConflict(db, { kind: 'denial', compare: 'claims', label: c.label, period: c.period, sa: c.sa, sb: c.sb, statement: null, why: [c.why] },
          { side: 0, doc: da, figure: c.a.claimId }, { side: 1, doc: dv, figure: c.b.claimId }, 'claims');
      }
      for (const k of s.keys) {
        await db.query(`INSERT INTO link_stances (role, key, month, doc_id, claim_id, source, copy_group, words, text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT DO NOTHING`, [s.role, k, s.month, doc.id, s.claimId, s.source, copyGroup ?? null, stanceWords(s), s.text]);
      }
    }
  }

  /** The conflict (made once per key) and both its sides (figures, or claims for a denial), in one round trip. */
  private async recordConflict(db: Db, c: { kind: string; compare: string; label: string; period: string | null; sa: string; sb: string; statement: number | null; why: string[] },
    mine: { side: number; doc: string; figure: string }, theirs: { side: number; doc: string; figure: string }, of: 'figures' | 'claims' = 'figures'): Promise<void> {
    const sides = of === 'figures' ? 'link_conflict_points (conflict_id, side, doc_id, figure_id)' : 'link_conflict_claims (conflict_id, side, doc_id, claim_id)';
    await db.query(
      `WITH made AS (
         INSERT INTO link_conflicts (kind, compare, label, period, side_a, side_b, statement_id, why) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (kind, compare, (coalesce(period, '')), side_a, side_b) DO NOTHING RETURNING id
       ), conflict AS (
         SELECT id FROM made
         UNION ALL
         SELECT id FROM link_conflicts WHERE kind = $1 AND compare = $2 AND coalesce(period, '') = coalesce($4, '') AND side_a = $5 AND side_b = $6
       )
       INSERT INTO ${sides}
       SELECT (SELECT id FROM conflict LIMIT 1), side, doc_id, figure_id FROM (VALUES ($9::integer, $10::text, $11::text), ($12, $13, $14)) AS v(side, doc_id, figure_id)
       ON CONFLICT DO NOTHING`,
      [c.kind, c.compare, c.label, c.period, c.sa, c.sb, c.statement, JSON.stringify(c.why), mine.side, mine.doc, mine.figure, theirs.side, theirs.doc, theirs.figure]);
  }

  private async recordDiscrepancy(db: Db, doc: Document, statement: number, d: Discrepancy, label: string): Promise<void> {
    const other = await first(db,
      `SELECT p.doc_id FROM link_reports r JOIN link_points p ON p.doc_id = r.doc_id
       WHERE r.statement_id = $1 AND p.figure_id = $2 AND p.text = $3 AND p.doc_id <> $4 LIMIT 1`,
      [statement, d.other.id, d.other.text, doc.id]);
    if (!other) return;
    const a = `${d.report.qualifier} ${d.report.text}`;
    const b = `${d.other.qualifier} ${d.other.text}`;
    const [sa, sb] = a < b ? [a, b] : [b, a];
    const compare = d.report.compare || 'statement';
    await this.recordConflict(db, { kind: d.kind, compare, label: `${label}: ${d.report.label}`, period: `statement ${statement}`, sa, sb, statement, why: [d.why] },
      { side: a === sa ? 0 : 1, doc: doc.id, figure: d.report.id }, { side: a === sa ? 1 : 0, doc: other.doc_id, figure: d.other.id });
  }

  // ---- conflicts ----

  private async linkConflicts(db: Db, doc: Document, points: Point[], figureStatement: Map<string, number>, copyGroup: number | undefined): Promise<number> {
    let found = 0;
    for (const p of points) {
      if (!judged(p) || !p.range) continue;
      const statement = figureStatement.get(p.figureId) ?? null;
      const me: ComparablePoint = {
        docId: doc.id, figureId: p.figureId, claimId: p.claimId ?? null, statementId: statement, copyGroup: copyGroup ?? null,
        place: p.measure.place ?? null, placeLevel: p.measure.placeLevel ?? null, value: p.value, lo: p.lo, hi: p.hi, qualifier: p.qualifier,
        text: p.text, digits: p.digits, misgrouped: p.misgrouped, basis: p.basis, periodStart: p.range.start, periodEnd: p.range.end,
        granularity: p.range.granularity,
      };
      const slack = p.basis === 'said' ? SNAPSHOT_DAYS : 0;
      const others = await rows(db, COMPARABLE_SQL, comparableParams(p.compare, p.range, slack));
      for (const r of others) {
        // pairs inside the new document are judged once, from the later figure
        if (r.doc_id === doc.id && r.start >= p.start) continue;
        const other: ComparablePoint = {
          docId: r.doc_id, figureId: r.figure_id, claimId: r.claim_id, statementId: r.statement_id, copyGroup: r.copy_group, place: r.place,
          placeLevel: r.place_level, value: r.value, lo: r.lo, hi: r.hi, qualifier: r.qualifier, text: r.text, digits: r.digits,
          misgrouped: !!r.misgrouped, basis: r.basis, periodStart: r.period_start, periodEnd: r.period_end, granularity: r.granularity,
        };
        const verdict = judge(me, other);
        if (!verdict) continue;
        const a = sideKey(me);
        const b = sideKey(other);
        const [sa, sb] = a < b ? [a, b] : [b, a];
        // one conflict per measure, period and pair of values, however many articles repeat each side
        const period = [p.period, r.period].filter(Boolean).sort((x, y) => x.length - y.length || x.localeCompare(y))[0] ?? null;
        const periodKey = p.basis === 'stated' && r.basis === 'stated' ? period : (p.range.start < r.period_start ? r.period_start : p.range.start).slice(0, 7);
        await this.recordConflict(db, { kind: verdict.kind, compare: p.compare, label: p.label, period: periodKey, sa, sb, statement: null, why: [verdict.why] },
          { side: a === sa ? 0 : 1, doc: doc.id, figure: p.figureId }, { side: a === sa ? 1 : 0, doc: r.doc_id, figure: r.figure_id });
        found++;
      }
    }
    return found;
  }

  // ---- entities across documents ----

  /**
   * The same decisions as the SQLite link store, entity by entity in document order, but with the
   * reads done up front: the clusters the document's exact names joined before (link_entity_names),
   * and every candidate any of its names could meet (the newest 50 per key, which contain the newest
   * 50 of any union of keys), in two queries; the writes at the end, one statement per table.
   * Clusters made or changed by an earlier name of the same document are kept in memory, so a later
   * name sees them as it would have seen them in the tables.
   */
  private async linkEntities(db: Db, doc: Document, x: Extraction, prepared: LinkFeatures['entities']): Promise<void> {
    if (!x.entities.length) return;
    // a lone surname is not enough to join people across articles, so it is never taken as known
    const exactOf = x.entities.map((e, i) => {
      const key = prepared[i]!.key;
      return e.type === 'PERSON' && !key.includes(' ') ? undefined : `${e.type}|${key}|${e.country ?? ''}`;
    });
    const keysOf = prepared.map((p) => p.keys);
    // `names` and `country` are the cluster as stored when this document began (or as created by it):
    // what later names of the document are matched against; `pending` is what the document adds
    type Cluster = { id: number; type: string; name: string; country: string | null; names: string[]; fresh: boolean; documents: number; mentions: number;
      pending: { names: string[]; country: string | null } };
    const clusters = new Map<number, Cluster>();
    const remember = (r: Row) => {
      if (!clusters.has(r.id)) {
        clusters.set(r.id, { id: r.id, type: r.type, name: r.name, country: r.country, names: JSON.parse(r.names), fresh: false, documents: 0, mentions: 0,
          pending: { names: [], country: null } });
      }
    };
    const known = new Map<string, { id: number; name: string }>();
    const exacts = [...new Set(exactOf.filter((k): k is string => !!k))];
    if (exacts.length) {
      for (const r of await rows(db,
        `SELECT k.exact, k.name AS known_name, e.id, e.type, e.name, e.country, e.names
         FROM link_entity_names k JOIN link_entities e ON e.id = k.cluster_id WHERE k.exact = ANY($1)`, [exacts])) {
        known.set(r.exact, { id: r.id, name: r.known_name });
        remember(r);
      }
    }
    const byKey = new Map<string, Set<number>>();
    const allKeys = [...new Set(keysOf.flat())];
    if (allKeys.length) {
      for (const r of await rows(db,
        `SELECT k.block, e.id, e.type, e.name, e.country, e.names FROM (
           SELECT block, entity_id, row_number() OVER (PARTITION BY block ORDER BY entity_id DESC) AS rank
           FROM link_entity_keys WHERE block = ANY($1)
         ) k JOIN link_entities e ON e.id = k.entity_id WHERE k.rank <= 50`, [allKeys])) {
        (byKey.get(r.block) ?? byKey.set(r.block, new Set()).get(r.block)!).add(r.id);
        remember(r);
      }
    }
    // clusters this document starts get stand-in ids above any real one (newer ones larger, as real
    // ids will be), replaced by ids from the sequence once it is known how many are needed
    const STAND_IN = 2 ** 52;
    let started = 0;
    const newKeys: { block: string; entity: number }[] = [];
    const members: Row[] = [];
    const inThisDoc = new Set<number>();
    const names = new Map<string, { exact: string; cluster_id: number; name: string }>();
    const published = doc.published ?? '';
    const join = (e: Extraction['entities'][number], cluster: Cluster, confidence: number, evidence: string) => {
      const known = cluster.pending.names.length ? cluster.pending.names : cluster.names;
      if (!known.includes(e.name) && known.length < 12) cluster.pending.names = [...known, e.name];
      if (!inThisDoc.has(cluster.id)) cluster.documents++;
      inThisDoc.add(cluster.id);
      cluster.mentions += e.mentions.length;
      if (e.country) cluster.pending.country ??= e.country;
      members.push({ doc_id: doc.id, entity_id: e.id, cluster_id: cluster.id, name: e.name, mentions: e.mentions.length, confidence, evidence, published });
    };
    x.entities.forEach((e, i) => {
      const exact = exactOf[i];
      const hit = exact ? known.get(exact) : undefined;
      const row = hit ? clusters.get(hit.id) : undefined;
      if (hit && row && row.name === hit.name && row.type === e.type) {
        const evidence = row.names[0] === e.name ? `the same name “${e.name}”` : `written as before: “${e.name}”`;
        join(e, row, row.names.includes(e.name) ? 0.95 : 0.9, evidence);
        return;
      }
      const keys = keysOf[i]!;
      if (!keys.length) return;
      // precise keys first, then the matcher's broad one (a family name), so a common name cannot crowd out the right cluster
      const newest = (group: string[]) => [...new Set(group.flatMap((k) => [...(byKey.get(k) ?? [])]))].sort((a, b) => b - a).slice(0, 50);
      const candidates = new Set<number>();
      for (const group of [keys.slice(0, -1), keys.slice(-1)]) for (const id of group.length ? newest(group) : []) candidates.add(id);
      let best: { id: number; confidence: number; evidence: string[] } | undefined;
      for (const id of candidates) {
        const c = clusters.get(id)!;
        for (const name of c.names) {
          const v = sameEntity(e, { name, type: c.type, ...(c.country ? { country: c.country } : {}) });
          if (v && v.confidence >= 0.5 && (!best || v.confidence > best.confidence)) best = { id, ...v };
        }
      }
      let cluster: Cluster;
      if (best) {
        cluster = clusters.get(best.id)!;
        join(e, cluster, best.confidence, best.evidence.join('; '));
      } else {
        const id = STAND_IN + started++;
        cluster = { id, type: e.type, name: e.name, country: e.country ?? null, names: [e.name], fresh: true, documents: 1, mentions: e.mentions.length,
          pending: { names: [], country: null } };
        clusters.set(id, cluster);
        inThisDoc.add(id);
        members.push({ doc_id: doc.id, entity_id: e.id, cluster_id: id, name: e.name, mentions: e.mentions.length, confidence: 1, evidence: 'first mention in the ledger', published });
      }
      for (const k of keys) {
        const filed = byKey.get(k) ?? byKey.set(k, new Set()).get(k)!;
        if (!filed.has(cluster.id)) {
          filed.add(cluster.id);
          newKeys.push({ block: k, entity: cluster.id });
        }
      }
      if (exact) {
        known.set(exact, { id: cluster.id, name: cluster.name });
        names.set(exact, { exact, cluster_id: cluster.id, name: cluster.name });
      }
    });
    if (started) {
      const ids = (await rows(db, `SELECT nextval(pg_get_serial_sequence('link_entities', 'id')) AS id FROM generate_series(1, $1) ORDER BY 1`, [started]))
        .map((r) => r.id as number);
      const real = (id: number) => (id >= STAND_IN ? ids[id - STAND_IN]! : id);
      for (const c of clusters.values()) c.id = real(c.id);
      for (const k of newKeys) k.entity = real(k.entity);
      for (const m of members) m.cluster_id = real(m.cluster_id);
      for (const n of names.values()) n.cluster_id = real(n.cluster_id);
      for (const id of [...inThisDoc]) {
        inThisDoc.delete(id);
        inThisDoc.add(real(id));
      }
    }
    const touched = [...clusters.values()].filter((c) => inThisDoc.has(c.id));
    const fresh = touched.filter((c) => c.fresh);
    const joined = touched.filter((c) => !c.fresh);
    const json = (v: unknown) => JSON.stringify(v);
    // one round trip for all of it; members last, once their clusters exist
    await db.query(
      `WITH fresh AS (
         INSERT INTO link_entities (id, type, name, country, names, documents, mentions)
         SELECT id, type, name, country, names, documents, mentions FROM json_populate_recordset(NULL::link_entities, $1)
       ), joined AS (
         UPDATE link_entities e SET documents = e.documents + j.documents, mentions = e.mentions + j.mentions, names = coalesce(j.names, e.names),
           country = coalesce(e.country, j.country)
         FROM json_populate_recordset(NULL::link_entities, $2) j WHERE e.id = j.id
       ), keys AS (
         INSERT INTO link_entity_keys (block, entity_id) SELECT k.block, k.entity FROM json_to_recordset($3) AS k(block text, entity bigint) ON CONFLICT DO NOTHING
       ), known AS (
         INSERT INTO link_entity_names (exact, cluster_id, name) SELECT exact, cluster_id, name FROM json_populate_recordset(NULL::link_entity_names, $4)
         ON CONFLICT (exact) DO UPDATE SET cluster_id = excluded.cluster_id, name = excluded.name
       )
       INSERT INTO link_entity_members (doc_id, entity_id, cluster_id, name, mentions, confidence, evidence, published)
       SELECT doc_id, entity_id, cluster_id, name, mentions, confidence, evidence, published FROM json_populate_recordset(NULL::link_entity_members, $5)
       ON CONFLICT (doc_id, entity_id) DO UPDATE SET cluster_id = excluded.cluster_id, name = excluded.name, mentions = excluded.mentions,
         confidence = excluded.confidence, evidence = excluded.evidence, published = excluded.published`,
      [
        json(fresh.map((c) => ({
          id: c.id, type: c.type, name: c.name, country: c.country ?? c.pending.country, names: json(c.pending.names.length ? c.pending.names : c.names),
          documents: c.documents, mentions: c.mentions,
        }))),
        json(joined.map((c) => ({
          id: c.id, country: c.pending.country, names: c.pending.names.length ? json(c.pending.names) : null, documents: c.documents, mentions: c.mentions,
        }))),
        json(newKeys),
        json([...names.values()]),
        json(members),
      ]);
  }

  // ---- queries ----

  async series(opts: { q?: string; all?: boolean; limit?: number; offset?: number } = {}): Promise<SeriesSummary[]> {
    const where = opts.all ? [] : ['scoped = 1', 'independent >= 2'];
    const args: unknown[] = [];
    if (opts.q) {
      args.push(containsPattern(opts.q));
      where.push(`label ILIKE $${args.length}`);
    }
    args.push(opts.limit ?? 50, opts.offset ?? 0);
    const found = await rows(this.pool,
      `SELECT * FROM link_series ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY scoped DESC, independent DESC, points DESC, key LIMIT $${args.length - 1} OFFSET $${args.length}`,
      args);
    return found.map(seriesRow);
  }

  /** One series by key, by a phrase naming its measure ("north korean workers"), or by words of its label. */
  async seriesTimeline(query: string, opts: { limit?: number } = {}): Promise<SeriesTimeline | undefined> {
    let row = await first(this.pool, 'SELECT * FROM link_series WHERE key = $1', [query]);
    const why: string[] = [];
    let related: Row[] = [];
    if (!row) {
      const facets = describePhrase(query);
      if (facets?.family) {
        const prefix = ['count', facets.family, facets.country ?? ''].join('|') + '|';
        const found = await rows(this.pool, `SELECT * FROM link_series WHERE scope >= $1 AND scope < $2 ORDER BY points DESC, key LIMIT 50`, [prefix, prefix + '\uffff']);
        const fitting = found.filter((r) => !facets.place || r.place === facets.place || String(r.place ?? '').endsWith('/' + facets.placeLabel));
        const ranked = [...fitting].sort((a, b) => a.planned - b.planned || (String(a.scope).endsWith('part') ? 1 : 0) - (String(b.scope).endsWith('part') ? 1 : 0) || b.points - a.points);
        row = ranked[0];
        related = ranked.slice(1, 8);
        if (row) why.push(`“${query}” read as ${seriesLabel(facets as MeasureFacets).replace(/^ /, '')}; the series with the most points is shown`);
      }
    }
    if (!row) {
      const found = await rows(this.pool, `SELECT * FROM link_series WHERE label ILIKE $1 ORDER BY points DESC, key LIMIT 8`, [containsPattern(query)]);
      row = found[0];
      related = found.slice(1);
      if (row) why.push(`series whose name contains “${query}”`);
    }
    if (!row) return undefined;
    // the latest points, read backwards along the series' sort index, then shown in time order
    const points = (await rows(this.pool,
      `SELECT p.*, d.title, g.original,
              (SELECT coalesce(array_agg(cp.conflict_id ORDER BY cp.conflict_id), '{}') FROM link_conflict_points cp
               WHERE cp.doc_id = p.doc_id AND cp.figure_id = p.figure_id) AS conflict_ids
       FROM link_points p JOIN documents d ON d.id = p.doc_id
       LEFT JOIN link_copies lc ON lc.doc_id = p.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
       WHERE p.series = $1 ORDER BY p.sort_key DESC, p.published DESC NULLS LAST, p.doc_id DESC, p.start DESC LIMIT $2`,
      [row.key, opts.limit ?? 2000])).reverse();
    return {
      series: seriesRow(row),
      related: related.map(seriesRow),
      why: [...why, `figures whose measure reads as ${row.label}`],
      points: points.map((r): TimelinePoint => ({
        documentId: r.doc_id,
        figureId: r.figure_id,
        text: r.text,
        value: r.value,
        ...(r.min !== null ? { min: r.min } : {}),
        ...(r.max !== null ? { max: r.max } : {}),
        qualifier: r.qualifier,
        period: undef(r.period),
        periodStart: undef(r.period_start),
        periodEnd: undef(r.period_end),
        periodBasis: r.basis,
        said: undef(r.said),
        source: undef(r.source),
        outlet: undef(r.outlet),
        published: undef(r.published),
        title: undef(r.title),
        place: undef(r.place),
        statementId: undef(r.statement_id),
        copyOf: r.original && r.original !== r.doc_id ? r.original : undefined,
        conflicts: (r.conflict_ids as (number | string)[]).map(Number),
        start: r.start,
        end: r.end,
        why: JSON.parse(r.why) as string[],
      })),
    };
  }

  async statements(opts: { source?: string; all?: boolean; limit?: number; offset?: number; reports?: number } = {}): Promise<StatementGroup[]> {
    const where = [opts.all ? 'documents >= 1' : 'documents >= 2'];
    const args: unknown[] = [];
    if (opts.source) {
      args.push(containsPattern(opts.source));
      where.push(`sources ILIKE $1`);
    }
    args.push(opts.limit ?? 50, opts.offset ?? 0);
    const found = await rows(this.pool,
      `SELECT * FROM link_statements WHERE ${where.join(' AND ')} ORDER BY documents DESC, id LIMIT $${args.length - 1} OFFSET $${args.length}`, args);
    const result: StatementGroup[] = [];
    for (const s of found) {
      // the first reports in the order they were stored (documents are stored in commit order), shown by date
      const stored = (await rows(this.pool,
        `SELECT r.*, d.outlet, d.published, d.title, g.original FROM link_reports r JOIN documents d ON d.id = r.doc_id
         LEFT JOIN link_copies lc ON lc.doc_id = r.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
         WHERE r.statement_id = $1 ORDER BY d.seq, r.report LIMIT $2`, [s.id, opts.reports ?? 50]))
        .sort((a, b) => String(a.published).localeCompare(String(b.published)));
      const reports = stored.map((r): StatementReport => ({
        documentId: r.doc_id,
        outlet: undef(r.outlet),
        published: undef(r.published),
        title: undef(r.title),
        claimIds: JSON.parse(r.claim_ids),
        source: undef(r.source),
        said: undef(r.said),
        content: r.content,
        figures: JSON.parse(r.figures),
        copyOf: r.original && r.original !== r.doc_id ? r.original : undefined,
        start: r.start,
        end: r.end,
        why: JSON.parse(r.why),
      }));
      result.push({
        id: s.id,
        source: s.source,
        said: undef(s.said),
        reports,
        documents: s.documents,
        outlets: [...new Set(reports.map((r) => r.outlet).filter((o): o is string => !!o))],
        independent: s.independent,
        discrepancy: !!s.discrepancy,
        why: [...new Set(reports.slice(1).flatMap((r) => r.why))],
      });
    }
    return result;
  }

  async conflicts(opts: { kind?: string; ids?: number[]; limit?: number; offset?: number; points?: number } = {}): Promise<ConflictRow[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.kind) args.push(opts.kind), where.push(`kind = $${args.length}`);
    if (opts.ids) args.push(opts.ids), where.push(`id = ANY($${args.length}::bigint[])`);
    args.push(opts.limit ?? 50, opts.offset ?? 0);
    const found = await rows(this.pool,
      `SELECT * FROM link_conflicts ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT $${args.length - 1} OFFSET $${args.length}`, args);
    const result: ConflictRow[] = [];
    for (const c of found) {
      if (c.kind === 'denial') {
        // a denial and what it denies: its sides are claims, not figures
        const claims = await rows(this.pool,
          `SELECT cc.side, c.*, d.outlet, d.published, g.original FROM link_conflict_claims cc
           JOIN claims c ON c.doc_id = cc.doc_id AND c.id = cc.claim_id JOIN documents d ON d.id = cc.doc_id
           LEFT JOIN link_copies lc ON lc.doc_id = cc.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
           WHERE cc.conflict_id = $1 ORDER BY cc.doc_id, cc.claim_id LIMIT $2`, [c.id, (opts.points ?? 20) * 2]);
        // a side that is part of a claim (an apposition's rejection): its words, and its sources as written
        claims.push(...await rows(this.pool,
          `SELECT cp.side, cp.doc_id, cp.claim_id AS id, cp.text AS content_text, cp.source AS source_name, c.said, cp.start, cp."end",
                  d.outlet, d.published, g.original FROM link_conflict_parts cp JOIN documents d ON d.id = cp.doc_id
           LEFT JOIN claims c ON c.doc_id = cp.doc_id AND c.id = cp.claim_id
           LEFT JOIN link_copies lc ON lc.doc_id = cp.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
           WHERE cp.conflict_id = $1 ORDER BY cp.doc_id, cp.claim_id, cp.start LIMIT $2`, [c.id, opts.points ?? 20]));
        result.push({ id: c.id, kind: 'denial', denial: denialOf(c.side_a), label: c.label, period: undef(c.period), sides: [denialSide(claims, 0, 'reported'), denialSide(claims, 1, 'denied')], why: JSON.parse(c.why) });
        continue;
      }
      // a conflict repeated by many articles lists its first points and counts the rest
      const counts = new Map((await rows(this.pool,
        `SELECT cp.side, count(*) AS reports,
                count(DISTINCT coalesce('s' || p.statement_id, 'c' || p.copy_group, 'd' || p.doc_id)) AS independent
         FROM link_conflict_points cp JOIN link_points p ON p.doc_id = cp.doc_id AND p.figure_id = cp.figure_id
         WHERE cp.conflict_id = $1 GROUP BY cp.side`, [c.id])).map((r) => [r.side as number, r]));
      const side = async (n: number, value: string) => {
        const mine = (await rows(this.pool,
          `SELECT cp.side, p.*, g.original FROM link_conflict_points cp
           JOIN link_points p ON p.doc_id = cp.doc_id AND p.figure_id = cp.figure_id
           LEFT JOIN link_copies lc ON lc.doc_id = p.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
           WHERE cp.conflict_id = $1 AND cp.side = $2 ORDER BY cp.doc_id, cp.figure_id LIMIT $3`, [c.id, n, opts.points ?? 20]))
          .sort((a, b) => String(a.published).localeCompare(String(b.published)) || a.start - b.start);
        return {
          value,
          reports: counts.get(n)?.reports ?? 0,
          independent: counts.get(n)?.independent ?? 0,
          points: mine.map((p): ConflictPoint => ({
            documentId: p.doc_id, figureId: p.figure_id, text: p.text, outlet: undef(p.outlet), published: undef(p.published), source: undef(p.source),
            said: undef(p.said), period: undef(p.period), copyOf: p.original && p.original !== p.doc_id ? p.original : undefined, start: p.start, end: p.end,
          })),
        };
      };
      result.push({ id: c.id, kind: c.kind, label: c.label, period: undef(c.period), sides: [await side(0, c.side_a), await side(1, c.side_b)], why: JSON.parse(c.why) });
    }
    return result;
  }

  async copies(opts: { limit?: number; offset?: number } = {}): Promise<CopyGroupRow[]> {
    const groups = await rows(this.pool, 'SELECT * FROM link_copy_groups ORDER BY id DESC LIMIT $1 OFFSET $2', [opts.limit ?? 50, opts.offset ?? 0]);
    const result: CopyGroupRow[] = [];
    for (const g of groups) {
      const all = (await rows(this.pool,
        `SELECT c.*, d.outlet, d.published, d.title FROM link_copies c JOIN documents d ON d.id = c.doc_id
         WHERE c.group_id = $1 ORDER BY d.published NULLS FIRST, d.seq LIMIT 100`, [g.id])).map((m): CopyMemberRow => ({
        documentId: m.doc_id, outlet: undef(m.outlet), published: undef(m.published), title: undef(m.title), similarity: m.similarity, why: m.why,
      }));
      const original = all.find((m) => m.documentId === g.original) ?? all[0]!;
      result.push({ id: g.id, original, copies: all.filter((m) => m !== original), why: g.why });
    }
    return result;
  }

  async entities(opts: { type?: string; q?: string; limit?: number; offset?: number; members?: number } = {}): Promise<CrossEntity[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.type) {
      args.push(opts.type.toUpperCase());
      where.push(`type = $${args.length}`);
    }
    if (opts.q) {
      args.push(containsPattern(opts.q));
      where.push(`names ILIKE $${args.length}`);
    }
    args.push(opts.limit ?? 50, opts.offset ?? 0);
    const found = await rows(this.pool,
      `SELECT * FROM link_entities ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY documents DESC, mentions DESC, id LIMIT $${args.length - 1} OFFSET $${args.length}`, args);
    const result: CrossEntity[] = [];
    for (const e of found) {
      const members = await rows(this.pool,
        `SELECT m.*, d.outlet FROM link_entity_members m JOIN documents d ON d.id = m.doc_id
         WHERE m.cluster_id = $1 ORDER BY m.published, m.doc_id, m.entity_id LIMIT $2`, [e.id, opts.members ?? 20]);
      result.push({
        id: e.id,
        type: e.type,
        name: e.name,
        names: JSON.parse(e.names),
        documents: e.documents,
        mentions: e.mentions,
        members: members.map((m) => ({
          documentId: m.doc_id, entityId: m.entity_id, name: m.name, mentions: m.mentions, confidence: m.confidence, evidence: m.evidence,
          outlet: undef(m.outlet), published: undef(m.published),
        })),
      });
    }
    return result;
  }
}
