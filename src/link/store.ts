/**
 * Cross-article links kept in the SQLite ledger (tables from migration 4 on, src/store/schema.ts).
 * `link()` runs inside the transaction that stores a document, so a document and its links are
 * stored together or not at all. Each step looks only at what a blocking key brings back: copies by
 * signature band, series by key, statements by source and month, conflicts by comparison key and
 * period, entities by name key. Nothing compares a new document with every earlier one.
 */
import type Database from 'better-sqlite3';
import type { Document, Extraction } from '../types.ts';
import { BANDS, COPY_THRESHOLD, fromBlob, pickOriginal, similarity, toBlob } from './copies.ts';
import { judge, sideKey, SNAPSHOT_DAYS, type ComparablePoint } from './conflicts.ts';
import { sameEntity } from './entities.ts';
import type { Denial } from './denials.ts';
import { denialOf, denialPeriod, rejectionConflict, setAgainst, STANCE_CANDIDATES, stanceLookup, stancesFromRows, stanceWords, type Rejection, type Stance, type StanceRow } from './positions.ts';
import { completeReports, takeLinkFeatures, type LinkFeatures } from './prepare.ts';
import { describePhrase, isScoped, scopeKey, seriesKey, seriesLabel, type MeasureFacets } from './measure.ts';
import { dayShift } from './period.ts';
import type { Point } from './points.ts';
import { blocksOf, featuresOf, lookupBlocksOf, matchStatement, mergeFeatures, type Discrepancy, type Report, type StatementFeatures } from './statements.ts';
import type {
  ConflictPoint, ConflictRow, CopyGroupRow, CopyMemberRow, CrossEntity, SeriesSummary, SeriesTimeline, StatementGroup, StatementReport, TimelinePoint,
} from './types.ts';

type Row = Record<string, any>;
const undef = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/**
 * One side of a denial conflict (what was reported, what denies it) from its claim rows: each claim
 * a point, copies of one original counted once. Both engines read the same columns.
 */
export function denialSide(rows: Row[], side: number, value: string): ConflictRow['sides'][number] {
  const mine = rows.filter((r) => r.side === side);
  return {
    value,
    reports: mine.length,
    independent: new Set(mine.map((r) => r.original ?? r.doc_id)).size,
    points: mine.map((r): ConflictPoint => ({
      documentId: r.doc_id, figureId: '', claimId: r.id, text: r.content_text, outlet: undef(r.outlet), published: undef(r.published),
      source: undef(r.source_name), said: undef(r.said), copyOf: r.original && r.original !== r.doc_id ? r.original : undefined, start: r.start, end: r.end,
    })),
  };
}

/** At most this many earlier items are examined per blocking key, newest first, so one busy key cannot slow ingest down. */
const CANDIDATES = 200;
/** Statements are matched on their stored features (a parse each), so fewer of them, newest first. */
const STATEMENT_CANDIDATES = 40;

function familyPlace(m: MeasureFacets): string {
  return [m.kind, m.family, m.place ?? '', m.planned ? 'planned' : '', m.part ? 'part' : ''].join('|');
}

export type LinkCounts = { points: number; reports: number; conflicts: number; copyOf?: string };

/**
 * The earlier points a figure is compared with: same comparison key, periods that meet its own
 * (widened by `slack` days). A period that meets [start, end] begins no earlier than `start` less
 * its own length, so the scan is bounded by the longest length a period of its granularity can
 * have, not by the ledger: every point beginning within the period itself (a day begins where it
 * ends), weeks, months, seasons and quarters beginning up to SPAN_DAYS.month before it, half-years
 * and years up to a year before, decades up to ten years before, each tier from its own index
 * (migrations 11 and 12). Without that bound a busy key's scan walked back through every earlier
 * point of the key, and ingest grew quadratic with the ledger. The tiers do not overlap, and come
 * out as the one unbounded scan did: newest period first (ties newest row first), at most 400.
 * Parameters: 1 key, 2 latest start, 3 earliest end, 4–6 earliest start per tier (comparableParams;
 * named @p1.. in SQLite, where each tier names its index).
 */
export const SPAN_DAYS = { month: 92, year: 366, decade: 3653 } as const;
export function comparableSql(engine: 'sqlite' | 'postgres'): string {
  const sqlite = engine === 'sqlite';
  const v = (n: number) => (sqlite ? `@p${n}` : `$${n}`);
  const from = (index: string) => (sqlite ? `link_points INDEXED BY ${index}` : 'link_points');
  const cols = `doc_id, figure_id, claim_id, statement_id, copy_group, place, place_level, value, lo, hi, qualifier, text, digits, misgrouped,
                basis, period, period_start, period_end, granularity, start${sqlite ? ', rowid AS rid' : ''}`;
  const base = `compare = ${v(1)} AND comparable = 1 AND period_end >= ${v(3)} AND basis IN ('stated', 'said')`;
  return `SELECT ${cols} FROM ${from('link_points_compare')} WHERE ${base} AND period_start <= ${v(2)} AND period_start >= ${v(3)}
          UNION ALL
          SELECT ${cols} FROM ${from('link_points_compare_month')} WHERE ${base} AND granularity IN ('week', 'month', 'season', 'quarter')
            AND period_start < ${v(3)} AND period_start >= ${v(4)}
          UNION ALL
          SELECT ${cols} FROM ${from('link_points_compare_year')} WHERE ${base} AND granularity IN ('half', 'year') AND period_start < ${v(3)} AND period_start >= ${v(5)}
          UNION ALL
          SELECT ${cols} FROM ${from('link_points_compare_decade')} WHERE ${base} AND granularity = 'decade' AND period_start < ${v(3)} AND period_start >= ${v(6)}
          ORDER BY period_start DESC, ${sqlite ? 'rid DESC' : 'doc_id, figure_id'} LIMIT 400`;
}
const named = (args: string[]) => Object.fromEntries(args.map((a, i) => [`p${i + 1}`, a]));
export function comparableParams(compare: string, range: { start: string; end: string }, slack: number): string[] {
  const from = dayShift(range.start, -slack);
  return [compare, dayShift(range.end, slack), from, dayShift(from, -SPAN_DAYS.month), dayShift(from, -SPAN_DAYS.year), dayShift(from, -SPAN_DAYS.decade)];
}

export class LinkStore {
  private readonly q: Record<string, Database.Statement>;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      bandDocs: p(`SELECT DISTINCT doc_id FROM link_bands WHERE band IN (${new Array(BANDS).fill('?').join(',')}) LIMIT ${CANDIDATES}`),
      signatureOf: p('SELECT signature FROM link_signatures WHERE doc_id = ?'),
      insSignature: p('INSERT OR REPLACE INTO link_signatures (doc_id, signature) VALUES (?, ?)'),
      insBand: p('INSERT OR IGNORE INTO link_bands (band, doc_id) VALUES (?, ?)'),
      copyOf: p('SELECT group_id FROM link_copies WHERE doc_id = ?'),
      insGroup: p('INSERT INTO link_copy_groups (original, members, why) VALUES (?, 0, ?)'),
      insCopy: p('INSERT OR REPLACE INTO link_copies (doc_id, group_id, matched, similarity, why) VALUES (?, ?, ?, ?, ?)'),
      groupMembers: p(`SELECT c.doc_id, d.outlet, d.published FROM link_copies c JOIN documents d ON d.id = c.doc_id WHERE c.group_id = ? ORDER BY d.rowid LIMIT 50`),
      credited: p(`SELECT count(*) AS n FROM link_copies c JOIN documents d ON d.id = c.doc_id
                   WHERE c.group_id = ? AND coalesce(d.outlet, '') != ? AND instr(d.text, ?) > 0`),
      setGroup: p('UPDATE link_copy_groups SET original = ?, members = (SELECT count(*) FROM link_copies WHERE group_id = ?), why = ? WHERE id = ?'),
      moveGroup: p('UPDATE link_copies SET group_id = ? WHERE group_id = ?'),
      dropGroup: p('DELETE FROM link_copy_groups WHERE id = ?'),
      pointsToGroup: p('UPDATE link_points SET copy_group = ? WHERE doc_id = ?'),
      reportsToGroup: p('UPDATE link_reports SET copy_group = ? WHERE doc_id = ?'),
      pointsRegroup: p('UPDATE link_points SET copy_group = ? WHERE copy_group = ?'),
      reportsRegroup: p('UPDATE link_reports SET copy_group = ? WHERE copy_group = ?'),

      largestInScope: p('SELECT key, facets FROM link_series WHERE scope = ? AND place IS NOT NULL ORDER BY points DESC LIMIT 1'),
      largestAtPlace: p('SELECT key, facets FROM link_series WHERE family_place = ? ORDER BY points DESC LIMIT 5'),
      insPoint: p(`INSERT INTO link_points (doc_id, figure_id, series, compare, place, place_level, text, value, min, max, lo, hi, qualifier, comparable,
                     digits, misgrouped, period, period_start, period_end, granularity, basis, said, source, claim_id, statement_id, copy_group,
                     published, outlet, start, end, why, sort_key)
                   VALUES (@doc, @figure, @series, @compare, @place, @placeLevel, @text, @value, @min, @max, @lo, @hi, @qualifier, @comparable,
                     @digits, @misgrouped, @period, @periodStart, @periodEnd, @granularity, @basis, @said, @source, @claim, NULL, @copyGroup,
                     @published, @outlet, @start, @end, @why, @sortKey)`),
      upsertSeries: p(`INSERT INTO link_series (key, scope, family_place, place, label, scoped, planned, points, documents, independent, first, last, facets)
                       VALUES (@key, @scope, @familyPlace, @place, @label, @scoped, @planned, 0, 0, 0, @when, @when, @facets)
                       ON CONFLICT (key) DO UPDATE SET
                         first = CASE WHEN excluded.first IS NOT NULL AND (first IS NULL OR excluded.first < first) THEN excluded.first ELSE first END,
                         last = CASE WHEN excluded.last IS NOT NULL AND (last IS NULL OR excluded.last > last) THEN excluded.last ELSE last END`),
      countSeries: p('UPDATE link_series SET points = points + ?, documents = documents + 1, independent = independent + ? WHERE key = ?'),
      seriesCopySeen: p('SELECT 1 FROM link_points WHERE copy_group = ? AND series = ? AND doc_id != ? LIMIT 1'),

      // candidates whose date said can meet the report's (two days' slack), newest first
      statementsInBlocks: p(`SELECT s.id, s.features FROM link_statements s
                             WHERE s.id IN (SELECT statement_id FROM link_statement_blocks WHERE block IN (SELECT value FROM json_each(?)))
                               AND s.said_end >= ? AND s.said_start <= ?
                             ORDER BY s.id DESC LIMIT ${STATEMENT_CANDIDATES}`),
      insStatement: p(`INSERT INTO link_statements (source, sources, said, said_start, said_end, reports, documents, independent, first_doc, features, why)
                       VALUES (@source, @source, @said, @saidStart, @saidEnd, 1, 1, 1, @doc, @features, @why)`),
      docInStatement: p('SELECT 1 FROM link_reports WHERE statement_id = ? AND doc_id = ? LIMIT 1'),
      copyInStatement: p('SELECT 1 FROM link_reports WHERE statement_id = ? AND copy_group = ? AND doc_id != ? LIMIT 1'),
      joinStatement: p(`UPDATE link_statements SET reports = reports + 1, documents = documents + @newDoc, independent = independent + @independent,
                          discrepancy = max(discrepancy, @discrepancy), features = @features, said = coalesce(said, @said),
                          said_start = @saidStart, said_end = @saidEnd,
                          sources = CASE WHEN instr(sources, @source) > 0 OR length(sources) > 300 THEN sources ELSE sources || ' | ' || @source END
                        WHERE id = @id`),
      insBlock: p('INSERT OR IGNORE INTO link_statement_blocks (block, statement_id) VALUES (?, ?)'),
      insReport: p(`INSERT INTO link_reports (doc_id, report, statement_id, claim_ids, source, said, content, figures, copy_group, start, end, why)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      pointStatement: p('UPDATE link_points SET statement_id = ? WHERE doc_id = ? AND figure_id = ?'),
      pointStatementOf: p('SELECT statement_id FROM link_points WHERE doc_id = ? AND figure_id = ?'),
      discrepantPoint: p(`SELECT p.doc_id FROM link_reports r JOIN link_points p ON p.doc_id = r.doc_id
                          WHERE r.statement_id = ? AND p.figure_id = ? AND p.text = ? AND p.doc_id != ? LIMIT 1`),

      comparable: p(comparableSql('sqlite')),
      insConflict: p(`INSERT INTO link_conflicts (kind, compare, label, period, side_a, side_b, statement_id, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                      ON CONFLICT (kind, compare, period, side_a, side_b) DO NOTHING`),
      conflictId: p('SELECT id FROM link_conflicts WHERE kind = ? AND compare = ? AND period IS ? AND side_a = ? AND side_b = ?'),
      insConflictPoint: p('INSERT OR IGNORE INTO link_conflict_points (conflict_id, side, doc_id, figure_id) VALUES (?, ?, ?, ?)'),
      insConflictClaim: p('INSERT OR IGNORE INTO link_conflict_claims (conflict_id, side, doc_id, claim_id) VALUES (?, ?, ?, ?)'),
      insConflictPart: p('INSERT OR IGNORE INTO link_conflict_parts (conflict_id, side, doc_id, claim_id, source, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      // positions and verdicts (positions.ts): the other role, under the status words and months around one
      // per status word, a backward range of its primary key: at most STANCE_CANDIDATES rows read however busy the word
      stancesNear: p(`SELECT role, key, month, doc_id, claim_id, source, copy_group, words, text FROM link_stances
                      WHERE role = ? AND key = ? AND month BETWEEN ? AND ?
                      ORDER BY month DESC, doc_id DESC, claim_id DESC LIMIT ${STANCE_CANDIDATES}`),
      insStance: p(`INSERT OR IGNORE INTO link_stances (role, key, month, doc_id, claim_id, source, copy_group, words, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),

      // the newest 50 clusters under each name key, read from the key's index alone (a common key holds
      // ever more clusters as the ledger grows; all of them were once read and sorted), then their rows
      entityIdsInBlock: p('SELECT entity_id FROM link_entity_keys WHERE block = ? ORDER BY entity_id DESC LIMIT 50'),
      entitiesByIds: p('SELECT id, type, name, country, names FROM link_entities WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id DESC'),
      entityById: p('SELECT id, type, name, country, names FROM link_entities WHERE id = ?'),
      insEntity: p('INSERT INTO link_entities (type, name, country, names, documents, mentions) VALUES (?, ?, ?, ?, 1, ?)'),
      joinEntity: p('UPDATE link_entities SET documents = documents + ?, mentions = mentions + ?, names = coalesce(?, names), country = coalesce(country, ?) WHERE id = ?'),
      insEntityKey: p('INSERT OR IGNORE INTO link_entity_keys (block, entity_id) VALUES (?, ?)'),
      insEntityMember: p(`INSERT OR REPLACE INTO link_entity_members (doc_id, entity_id, cluster_id, name, mentions, confidence, evidence, published)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  /** Links one stored document to the rest of the ledger. Call inside the transaction that stored it. */
  link(doc: Document, x: Extraction): LinkCounts {
    // what needs no ledger was computed beside extraction when the document came from a worker
    const f = takeLinkFeatures(doc, x);
    const copy = this.linkCopies(doc, f.copy);
    const points = f.points;
    this.linkSeries(doc, x, points, copy?.group);
    const reports = completeReports(f.reports, points);
    const statementOf = this.linkStatements(doc, reports, copy?.group);
    const conflicts = this.linkConflicts(doc, points, copy?.group) + this.linkDenials(doc, x, f.denials, statementOf)
      + this.linkRejections(doc, x, f.rejections, statementOf) + this.linkStances(doc, f.stances, copy?.group);
    this.linkEntities(doc, x, f.entities);
    return { points: points.length, reports: reports.length, conflicts, ...(copy ? { copyOf: copy.matched } : {}) };
  }

  // ---- copies ----

  private linkCopies(doc: Document, prepared: LinkFeatures['copy']): { group: number; matched: string } | undefined {
    // a few dozen words are too few to call two articles copies of one another
    if (!prepared) return undefined;
    const { signature: sig, bands: bs } = prepared;
    const matches: { id: string; sim: number }[] = [];
    for (const r of this.q.bandDocs!.all(...bs) as Row[]) {
      if (r.doc_id === doc.id) continue;
      const other = this.q.signatureOf!.get(r.doc_id) as Row | undefined;
      if (!other) continue;
      const sim = similarity(sig.hashes, fromBlob(other.signature));
      if (sim >= COPY_THRESHOLD) matches.push({ id: r.doc_id, sim });
    }
    this.q.insSignature!.run(doc.id, toBlob(sig));
    for (const b of bs) this.q.insBand!.run(b, doc.id);
    if (!matches.length) return undefined;
    matches.sort((a, b) => b.sim - a.sim);
    const best = matches[0]!;
    const groups = [...new Set(matches.map((m) => (this.q.copyOf!.get(m.id) as Row | undefined)?.group_id as number | undefined).filter((g): g is number => g !== undefined))].sort((a, b) => a - b);
    let group = groups[0];
    if (group === undefined) group = Number(this.q.insGroup!.run(best.id, 'forming').lastInsertRowid);
    for (const other of groups.slice(1)) {
      // the new article bridges two groups: they were copies of one text all along
      this.q.moveGroup!.run(group, other);
      this.q.pointsRegroup!.run(group, other);
      this.q.reportsRegroup!.run(group, other);
      this.q.dropGroup!.run(other);
    }
    for (const m of matches) {
      if ((this.q.copyOf!.get(m.id) as Row | undefined)?.group_id === group) continue;
      this.q.insCopy!.run(m.id, group, doc.id, m.sim, `shares about ${Math.round(m.sim * 100)}% of its 5-word shingles with a later article`);
      this.q.pointsToGroup!.run(group, m.id);
      this.q.reportsToGroup!.run(group, m.id);
    }
    this.q.insCopy!.run(doc.id, group, best.id, best.sim, `shares about ${Math.round(best.sim * 100)}% of its 5-word shingles with ${best.id.slice(0, 8)} (MinHash estimate, 60 hashes)`);
    this.settleOriginal(group);
    return { group, matched: best.id };
  }

  private settleOriginal(group: number): void {
    const members = (this.q.groupMembers!.all(group) as Row[]).map((m, order) => ({
      id: m.doc_id as string,
      ...(m.outlet ? { outlet: m.outlet as string } : {}),
      ...(m.published ? { published: m.published as string } : {}),
      order,
      credited: !!m.outlet && (this.q.credited!.get(group, m.outlet, m.outlet) as Row).n > 0,
    }));
    const { id, why } = pickOriginal(members);
    this.q.setGroup!.run(id, group, `${members.length} articles share most of their text; original: ${why}`, group);
  }

  // ---- series ----

  private linkSeries(doc: Document, x: Extraction, points: Point[], copyGroup: number | undefined): void {
    const sources = new Map<string, string>();
    const entityName = new Map(x.entities.map((e) => [e.id, e.name]));
    for (const c of x.claims) {
      const name = c.source?.entity ? entityName.get(c.source.entity) : c.source?.text;
      if (name) for (const id of c.figures) sources.set(id, name);
    }
    const touched = new Map<string, number>();
    for (const p of points) {
      this.attach(p);
      const m = p.measure;
      const when = p.range?.start ?? p.said ?? doc.published?.slice(0, 10) ?? null;
      this.q.upsertSeries!.run({
        key: p.series, scope: p.scope, familyPlace: familyPlace(m), place: m.place ?? null, label: p.label, scoped: p.scoped ? 1 : 0,
        planned: m.planned ? 1 : 0, when, facets: JSON.stringify(facetsOnly(m)),
      });
      this.q.insPoint!.run({
        doc: doc.id, figure: p.figureId, series: p.series, compare: p.compare, place: m.place ?? null, placeLevel: m.placeLevel ?? null,
        text: p.text, value: p.value, min: p.min ?? null, max: p.max ?? null, lo: p.lo, hi: p.hi, qualifier: p.qualifier,
        comparable: judged(p) ? 1 : 0, digits: p.digits, misgrouped: p.misgrouped ? 1 : 0,
        period: p.period ?? null, periodStart: p.range?.start ?? null, periodEnd: p.range?.end ?? null, granularity: p.range?.granularity ?? null,
        basis: p.basis, said: p.said ?? null, source: sources.get(p.figureId) ?? null, claim: p.claimId ?? null, copyGroup: copyGroup ?? null,
        published: doc.published ?? null, outlet: doc.outlet ?? null, start: p.start, end: p.end, why: JSON.stringify(m.why),
        sortKey: p.range?.start ?? doc.published ?? '',
      });
      touched.set(p.series, (touched.get(p.series) ?? 0) + 1);
    }
    for (const [series, n] of touched) {
      const seen = copyGroup !== undefined && !!this.q.seriesCopySeen!.get(copyGroup, series, doc.id);
      this.q.countSeries!.run(n, seen ? 0 : 1, series);
    }
  }

  /** A count with no place (or no whose) joins the largest series that has the rest of its measure. */
  private attach(p: Point): void {
    const m = p.measure;
    if (m.kind !== 'count') return;
    if (!m.place && m.country) {
      const row = this.q.largestInScope!.get(scopeKey(m)) as Row | undefined;
      if (row) {
        const f = JSON.parse(row.facets) as MeasureFacets;
        Object.assign(m, { place: f.place, placeLabel: f.placeLabel, placeLevel: f.placeLevel, placeStated: false });
        m.why.push(`no place stated: joins the largest series of the same measure (${seriesLabel(f)})`);
      }
    } else if (m.place && !m.country) {
      const rows = this.q.largestAtPlace!.all(familyPlace(m)) as Row[];
      const withCountry = rows.map((r) => JSON.parse(r.facets) as MeasureFacets).find((f) => f.country);
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

  /** Files each report under a statement; returns the statement of each claim. */
  private linkStatements(doc: Document, reports: Report[], copyGroup: number | undefined): Map<string, number> {
    const statementOf = new Map<string, number>();
    for (const r of reports) {
      const blocks = blocksOf(r);
      // a report that nothing could ever join (no date at all, or only a weak source and no figure) is not filed
      if (!blocks.length || (!r.identity.strong.length && !r.figures.length)) continue;
      let best: { id: number; features: StatementFeatures; score: number; why: string[]; discrepancies: Discrepancy[] } | undefined;
      if (blocks.length && r.range) {
        for (const c of this.q.statementsInBlocks!.all(JSON.stringify(lookupBlocksOf(r)), dayShift(r.range!.start, -2), dayShift(r.range!.end, 2)) as Row[]) {
          const features = JSON.parse(c.features) as StatementFeatures;
          const m = matchStatement(r, features);
          if (m && (!best || m.score > best.score)) best = { id: c.id, features, ...m };
        }
      }
      let statement: number;
      let why: string[];
      if (best) {
        statement = best.id;
        why = best.why;
        const newDoc = !this.q.docInStatement!.get(statement, doc.id);
        const copied = copyGroup !== undefined && !!this.q.copyInStatement!.get(statement, copyGroup, doc.id);
        const merged = mergeFeatures(best.features, r);
        this.q.joinStatement!.run({
          newDoc: newDoc ? 1 : 0, independent: newDoc && !copied ? 1 : 0, discrepancy: best.discrepancies.length ? 1 : 0,
          features: JSON.stringify(merged), said: r.said ?? null, source: r.identity.label, id: statement,
          saidStart: merged.range?.start ?? '', saidEnd: merged.range?.end ?? '9999',
        });
        for (const d of best.discrepancies) this.recordDiscrepancy(doc, statement, d, r.identity.label);
      } else {
        why = ['first report of this statement in the ledger'];
        statement = Number(this.q.insStatement!.run({
          source: r.identity.label, said: r.said ?? null, doc: doc.id, features: JSON.stringify(featuresOf(r)), why: JSON.stringify(why),
          saidStart: r.range?.start ?? '', saidEnd: r.range?.end ?? '9999',
        }).lastInsertRowid);
      }
      for (const b of blocks) this.q.insBlock!.run(b, statement);
      this.q.insReport!.run(doc.id, r.index, statement, JSON.stringify(r.claimIds), r.identity.label, r.said ?? null, r.content,
        JSON.stringify(r.figures.filter((f) => !f.sum).map((f) => ({ id: f.id, text: f.text, value: f.value, qualifier: f.qualifier, label: f.label }))),
        copyGroup ?? null, r.start, r.end, JSON.stringify(why));
      for (const f of r.figures) if (!f.sum) this.q.pointStatement!.run(statement, doc.id, f.id);
      for (const c of r.claimIds) statementOf.set(c, statement);
    }
    return statementOf;
  }

  /** Denials of a report (see denials.ts): one conflict per denied statement, however many deny it. */
  private linkDenials(doc: Document, x: Extraction, found: Denial[], statementOf: Map<string, number>): number {
    for (const d of found) {
      const target = statementOf.get(d.target.id);
      const sideA = target !== undefined ? `statement ${target}` : `${doc.id}:${d.target.id}`;
      const who = d.target.source?.entity ? x.entities.find((e) => e.id === d.target.source!.entity)?.name : d.target.source?.text;
      const label = `${(who ?? 'a report').trim()}: ${d.target.content.map((s) => s.text).join(' … ').slice(0, 80)}`;
      const period = denialPeriod(d.target, doc.published, target);
      this.q.insConflict!.run('denial', 'claims', label, period, sideA, 'denied', target ?? null, JSON.stringify([d.why]));
      const id = (this.q.conflictId!.get('denial', 'claims', period, sideA, 'denied') as Row).id as number;
      this.q.insConflictClaim!.run(id, 0, doc.id, d.target.id);
      this.q.insConflictClaim!.run(id, 1, doc.id, d.denial.id);
    }
    return found.length;
  }

  /** A claim that carries its own rejection ("…, a reading rejected by Seoul"): the claim against the apposition's sources. */
  private linkRejections(doc: Document, x: Extraction, found: Rejection[], statementOf: Map<string, number>): number {
    for (const r of found) {
      const c = rejectionConflict(doc, x, r, statementOf);
      this.q.insConflict!.run('denial', 'claims', c.label, c.period, c.sa, c.sb, c.statement, JSON.stringify([r.why]));
      const id = (this.q.conflictId!.get('denial', 'claims', c.period, c.sa, c.sb) as Row).id as number;
      this.q.insConflictClaim!.run(id, 0, doc.id, r.claim.id);
      this.q.insConflictPart!.run(id, 1, doc.id, r.partOf, r.by, r.text, r.start, r.end);
    }
    return found.length;
  }

  /**
   * Positions and verdicts across articles (positions.ts): each new one looks up the other kind
   * under its status words and the months around it, then is filed itself (so a verdict later in
   * the same article finds a position told before it). Copies of one text are not set against each other.
   */
  private linkStances(doc: Document, stances: Stance[], copyGroup: number | undefined): number {
    let found = 0;
    for (const s of stances) {
      const l = stanceLookup(s);
      const near = stancesFromRows(l.keys.flatMap((k) => this.q.stancesNear!.all(l.role, k, l.months[0], l.months.at(-1)) as StanceRow[]));
      for (const o of near) {
        // copies of one text repeat a verdict and a position; they are not another source judging it
        if (o.docId !== doc.id && copyGroup !== undefined && o.copyGroup === copyGroup) continue;
        const c = setAgainst(s, o);
        if (!c) continue;
        this.q.insConflict!.run('denial', 'claims', c.label, c.period, c.sa, c.sb, null, JSON.stringify([c.why]));
        const id = (this.q.conflictId!.get('denial', 'claims', c.period, c.sa, c.sb) as Row).id as number;
        const [da, db] = c.a === s ? [doc.id, o.docId] : [o.docId, doc.id];
        this.q.insConflictClaim!.run(id, 0, da, c.a.claimId);
        this.q.insConflictClaim!.run(id, 1, db, c.b.claimId);
        found++;
      }
      for (const k of s.keys) this.q.insStance!.run(s.role, k, s.month, doc.id, s.claimId, s.source, copyGroup ?? null, stanceWords(s), s.text);
    }
    return found;
  }

  private recordDiscrepancy(doc: Document, statement: number, d: Discrepancy, label: string): void {
    const other = this.q.discrepantPoint!.get(statement, d.other.id, d.other.text, doc.id) as Row | undefined;
    if (!other) return;
    const a = `${d.report.qualifier} ${d.report.text}`;
    const b = `${d.other.qualifier} ${d.other.text}`;
    const [sa, sb] = a < b ? [a, b] : [b, a];
    const compare = d.report.compare || 'statement';
    this.q.insConflict!.run(d.kind, compare, `${label}: ${d.report.label}`, `statement ${statement}`, sa, sb, statement, JSON.stringify([d.why]));
    const id = (this.q.conflictId!.get(d.kind, compare, `statement ${statement}`, sa, sb) as Row).id as number;
    this.q.insConflictPoint!.run(id, a === sa ? 0 : 1, doc.id, d.report.id);
    this.q.insConflictPoint!.run(id, a === sa ? 1 : 0, other.doc_id, d.other.id);
  }

  // ---- conflicts ----

  private linkConflicts(doc: Document, points: Point[], copyGroup: number | undefined): number {
    let found = 0;
    for (const p of points) {
      if (!judged(p) || !p.range) continue;
      const statement = (this.q.pointStatementOf!.get(doc.id, p.figureId) as Row | undefined)?.statement_id ?? null;
      const me: ComparablePoint = {
        docId: doc.id, figureId: p.figureId, claimId: p.claimId ?? null, statementId: statement, copyGroup: copyGroup ?? null,
        place: p.measure.place ?? null, placeLevel: p.measure.placeLevel ?? null, value: p.value, lo: p.lo, hi: p.hi, qualifier: p.qualifier,
        text: p.text, digits: p.digits, misgrouped: p.misgrouped, basis: p.basis, periodStart: p.range.start, periodEnd: p.range.end,
        granularity: p.range.granularity,
      };
      const slack = p.basis === 'said' ? SNAPSHOT_DAYS : 0;
      for (const r of this.q.comparable!.all(named(comparableParams(p.compare, p.range, slack))) as Row[]) {
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
        this.q.insConflict!.run(verdict.kind, p.compare, p.label, periodKey, sa, sb, null, JSON.stringify([verdict.why]));
        const id = (this.q.conflictId!.get(verdict.kind, p.compare, periodKey, sa, sb) as Row).id as number;
        this.q.insConflictPoint!.run(id, a === sa ? 0 : 1, doc.id, p.figureId);
        this.q.insConflictPoint!.run(id, a === sa ? 1 : 0, r.doc_id, r.figure_id);
        found++;
      }
    }
    return found;
  }

  // ---- entities across documents ----

  /**
   * Names seen before, to the cluster they joined: most names recur exactly ("Russia", "the
   * Kremlin"), and a repeat needs no candidate search. Each hit is checked against the stored
   * cluster, so an entry left by a rolled-back batch is never trusted.
   */
  private readonly knownNames = new Map<string, { id: number; name: string }>();

  private linkEntities(doc: Document, x: Extraction, prepared: LinkFeatures['entities']): void {
    // per cluster, what this document adds: counted once per document, written once
    const touched = new Map<number, { mentions: number; names: string[]; added: boolean; country?: string }>();
    for (const [i, e] of x.entities.entries()) {
      const { key, keys } = prepared[i]!;
      // a lone surname is not enough to join people across articles, so it is never taken as known
      const exact = e.type === 'PERSON' && !key.includes(' ') ? undefined : `${e.type}|${key}|${e.country ?? ''}`;
      const known = exact ? this.knownNames.get(exact) : undefined;
      const row = known ? (this.q.entityById!.get(known.id) as Row | undefined) : undefined;
      if (known && row && row.name === known.name && row.type === e.type) {
        const names = JSON.parse(row.names) as string[];
        const evidence = names[0] === e.name ? `the same name “${e.name}”` : `written as before: “${e.name}”`;
        this.joinCluster(doc, e, known.id, names, names.includes(e.name) ? 0.95 : 0.9, evidence, touched);
        continue;
      }
      if (!keys.length) continue;
      let best: { id: number; name: string; confidence: number; evidence: string[]; names: string[] } | undefined;
      // precise keys first, then the matcher's broad one (a family name), so a common name cannot crowd out the right cluster
      const candidates = new Map<number, Row>();
      for (const group of [keys.slice(0, -1), keys.slice(-1)]) {
        if (!group.length) continue;
        // the newest 50 clusters under any of the group's keys: the newest 50 of each key's newest 50
        const ids = new Set<number>();
        for (const block of group) for (const r of this.q.entityIdsInBlock!.all(block) as Row[]) ids.add(r.entity_id);
        const newest = [...ids].sort((x, y) => y - x).slice(0, 50);
        for (const c of this.q.entitiesByIds!.all(JSON.stringify(newest)) as Row[]) if (!candidates.has(c.id)) candidates.set(c.id, c);
      }
      for (const cand of candidates.values()) {
        const names = JSON.parse(cand.names) as string[];
        for (const name of names) {
          const v = sameEntity(e, { name, type: cand.type, ...(cand.country ? { country: cand.country } : {}) });
          if (v && v.confidence >= 0.5 && (!best || v.confidence > best.confidence)) best = { id: cand.id, name: cand.name, ...v, names };
        }
      }
      let cluster: number;
      if (best) {
        cluster = best.id;
        this.joinCluster(doc, e, cluster, best.names, best.confidence, best.evidence.join('; '), touched);
      } else {
        cluster = Number(this.q.insEntity!.run(e.type, e.name, e.country ?? null, JSON.stringify([e.name]), e.mentions.length).lastInsertRowid);
        touched.set(cluster, { mentions: 0, names: [e.name], added: false });
        this.q.insEntityMember!.run(doc.id, e.id, cluster, e.name, e.mentions.length, 1, 'first mention in the ledger', doc.published ?? '');
      }
      for (const k of keys) this.q.insEntityKey!.run(k, cluster);
      const name = best ? best.name : e.name;
      if (this.knownNames.size > 100_000) this.knownNames.clear();
      if (exact) this.knownNames.set(exact, { id: cluster, name });
    }
    for (const [cluster, t] of touched) {
      if (!t.added && !t.mentions) continue;
      this.q.joinEntity!.run(t.added ? 1 : 0, t.mentions, t.names.length ? JSON.stringify(t.names) : null, t.country ?? null, cluster);
    }
  }

  private joinCluster(doc: Document, e: Extraction['entities'][number], cluster: number, names: string[], confidence: number, evidence: string,
    touched: Map<number, { mentions: number; names: string[]; added: boolean; country?: string }>): void {
    // the document is new to the ledger: it is in the cluster already only if this call put it there
    let t = touched.get(cluster);
    if (!t) touched.set(cluster, (t = { mentions: 0, names: [], added: true }));
    t.mentions += e.mentions.length;
    const known = t.names.length ? t.names : names;
    if (!known.includes(e.name) && known.length < 12) t.names = [...known, e.name];
    if (e.country) t.country ??= e.country;
    this.q.insEntityMember!.run(doc.id, e.id, cluster, e.name, e.mentions.length, confidence, evidence, doc.published ?? '');
  }

  // ---- queries ----

  series(opts: { q?: string; all?: boolean; limit?: number; offset?: number } = {}): SeriesSummary[] {
    const where = opts.all ? [] : ['scoped = 1', 'independent >= 2'];
    const args: unknown[] = [];
    if (opts.q) {
      where.push(`label LIKE ? ESCAPE '\\'`);
      args.push(`%${opts.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`);
    }
    const rows = this.db
      .prepare(`SELECT * FROM link_series ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY scoped DESC, independent DESC, points DESC LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? 50, opts.offset ?? 0) as Row[];
    return rows.map(seriesRow);
  }

  /** One series by key, by a phrase naming its measure ("north korean workers"), or by words of its label. */
  seriesTimeline(query: string, opts: { limit?: number } = {}): SeriesTimeline | undefined {
    let row = this.db.prepare('SELECT * FROM link_series WHERE key = ?').get(query) as Row | undefined;
    const why: string[] = [];
    let related: Row[] = [];
    if (!row) {
      const facets = describePhrase(query);
      if (facets?.family) {
        const prefix = ['count', facets.family, facets.country ?? ''].join('|') + '|';
        const rows = this.db
          .prepare(`SELECT * FROM link_series WHERE scope >= ? AND scope < ? ORDER BY points DESC LIMIT 50`)
          .all(prefix, prefix + '\uffff') as Row[];
        const fitting = rows.filter((r) => !facets.place || r.place === facets.place || String(r.place ?? '').endsWith('/' + facets.placeLabel));
        const ranked = [...fitting].sort((a, b) => a.planned - b.planned || (String(a.scope).endsWith('part') ? 1 : 0) - (String(b.scope).endsWith('part') ? 1 : 0) || b.points - a.points);
        row = ranked[0];
        related = ranked.slice(1, 8);
        if (row) why.push(`“${query}” read as ${seriesLabel(facets as MeasureFacets).replace(/^ /, '')}; the series with the most points is shown`);
      }
    }
    if (!row) {
      const like = `%${query.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
      const rows = this.db.prepare(`SELECT * FROM link_series WHERE label LIKE ? ESCAPE '\\' ORDER BY points DESC LIMIT 8`).all(like) as Row[];
      row = rows[0];
      related = rows.slice(1);
      if (row) why.push(`series whose name contains “${query}”`);
    }
    if (!row) return undefined;
    // the latest points, read backwards along the series' sort index, then shown in time order
    const points = (this.db
      .prepare(`SELECT p.*, d.title, g.original,
                       (SELECT group_concat(conflict_id) FROM link_conflict_points cp WHERE cp.doc_id = p.doc_id AND cp.figure_id = p.figure_id) AS conflict_ids
                FROM link_points p JOIN documents d ON d.id = p.doc_id
                LEFT JOIN link_copies lc ON lc.doc_id = p.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
                WHERE p.series = ? ORDER BY p.sort_key DESC, p.published DESC, p.doc_id DESC, p.start DESC LIMIT ?`)
      .all(row.key, opts.limit ?? 2000) as Row[]).reverse();
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
        conflicts: r.conflict_ids ? String(r.conflict_ids).split(',').map(Number) : [],
        start: r.start,
        end: r.end,
        why: JSON.parse(r.why) as string[],
      })),
    };
  }

  statements(opts: { source?: string; all?: boolean; limit?: number; offset?: number; reports?: number } = {}): StatementGroup[] {
    const where = [opts.all ? 'documents >= 1' : 'documents >= 2'];
    const args: unknown[] = [];
    if (opts.source) {
      const like = `%${opts.source.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
      where.push(`sources LIKE ? ESCAPE '\\'`);
      args.push(like);
    }
    const rows = this.db
      .prepare(`SELECT * FROM link_statements WHERE ${where.join(' AND ')} ORDER BY documents DESC, id LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? 50, opts.offset ?? 0) as Row[];
    const reportsOf = this.db.prepare(`SELECT r.*, d.outlet, d.published, d.title, g.original FROM link_reports r JOIN documents d ON d.id = r.doc_id
                                       LEFT JOIN link_copies lc ON lc.doc_id = r.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
                                       WHERE r.statement_id = ? ORDER BY r.rowid LIMIT ?`);
    return rows.map((s): StatementGroup => {
      // the first reports in the order they were stored, shown by date
      const rows = (reportsOf.all(s.id, opts.reports ?? 50) as Row[]).sort((a, b) => String(a.published).localeCompare(String(b.published)));
      const reports = rows.map((r): StatementReport => ({
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
      return {
        id: s.id,
        source: s.source,
        said: undef(s.said),
        reports,
        documents: s.documents,
        outlets: [...new Set(reports.map((r) => r.outlet).filter((o): o is string => !!o))],
        independent: s.independent,
        discrepancy: !!s.discrepancy,
        why: [...new Set(reports.slice(1).flatMap((r) => r.why))],
      };
    });
  }

  conflicts(opts: { kind?: string; ids?: number[]; limit?: number; offset?: number; points?: number } = {}): ConflictRow[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.kind) where.push('kind = ?'), args.push(opts.kind);
    if (opts.ids) where.push('id IN (SELECT value FROM json_each(?))'), args.push(JSON.stringify(opts.ids));
    const rows = this.db
      .prepare(`SELECT * FROM link_conflicts ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? 50, opts.offset ?? 0) as Row[];
    // a conflict repeated by many articles lists its first points and counts the rest
    const pointsOf = this.db.prepare(`SELECT cp.side, p.*, g.original FROM link_conflict_points cp
                                      JOIN link_points p ON p.doc_id = cp.doc_id AND p.figure_id = cp.figure_id
                                      LEFT JOIN link_copies lc ON lc.doc_id = p.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
                                      WHERE cp.conflict_id = ? AND cp.side = ? LIMIT ?`);
    const countsOf = this.db.prepare(`SELECT cp.side, count(*) AS reports,
                                        count(DISTINCT coalesce('s' || p.statement_id, 'c' || p.copy_group, 'd' || p.doc_id)) AS independent
                                      FROM link_conflict_points cp JOIN link_points p ON p.doc_id = cp.doc_id AND p.figure_id = cp.figure_id
                                      WHERE cp.conflict_id = ? GROUP BY cp.side`);
    const claimsOf = this.db.prepare(`SELECT cc.side, c.*, d.outlet, d.published, g.original FROM link_conflict_claims cc
                                      JOIN claims c ON c.doc_id = cc.doc_id AND c.id = cc.claim_id JOIN documents d ON d.id = cc.doc_id
                                      LEFT JOIN link_copies lc ON lc.doc_id = cc.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
                                      WHERE cc.conflict_id = ? LIMIT ?`);
    // a side that is part of a claim (an apposition's rejection): its words, and its sources as written
    const partsOf = this.db.prepare(`SELECT cp.side, cp.doc_id, cp.claim_id AS id, cp.text AS content_text, cp.source AS source_name, c.said, cp.start, cp.end,
                                       d.outlet, d.published, g.original FROM link_conflict_parts cp JOIN documents d ON d.id = cp.doc_id
                                     LEFT JOIN claims c ON c.doc_id = cp.doc_id AND c.id = cp.claim_id
                                     LEFT JOIN link_copies lc ON lc.doc_id = cp.doc_id LEFT JOIN link_copy_groups g ON g.id = lc.group_id
                                     WHERE cp.conflict_id = ? ORDER BY cp.doc_id, cp.claim_id, cp.start LIMIT ?`);
    return rows.map((c): ConflictRow => {
      if (c.kind === 'denial') {
        const rows = [...claimsOf.all(c.id, (opts.points ?? 20) * 2) as Row[], ...partsOf.all(c.id, opts.points ?? 20) as Row[]];
        return { id: c.id, kind: 'denial', denial: denialOf(c.side_a), label: c.label, period: undef(c.period), sides: [denialSide(rows, 0, 'reported'), denialSide(rows, 1, 'denied')], why: JSON.parse(c.why) };
      }
      const counts = new Map((countsOf.all(c.id) as Row[]).map((r) => [r.side as number, r]));
      const side = (n: number, value: string) => {
        const mine = (pointsOf.all(c.id, n, opts.points ?? 20) as Row[]).sort((a, b) => String(a.published).localeCompare(String(b.published)) || a.start - b.start);
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
      return { id: c.id, kind: c.kind, label: c.label, period: undef(c.period), sides: [side(0, c.side_a), side(1, c.side_b)], why: JSON.parse(c.why) };
    });
  }

  copies(opts: { limit?: number; offset?: number } = {}): CopyGroupRow[] {
    const groups = this.db.prepare('SELECT * FROM link_copy_groups ORDER BY id DESC LIMIT ? OFFSET ?').all(opts.limit ?? 50, opts.offset ?? 0) as Row[];
    const members = this.db.prepare(`SELECT c.*, d.outlet, d.published, d.title FROM link_copies c JOIN documents d ON d.id = c.doc_id
                                     WHERE c.group_id = ? ORDER BY d.published, d.rowid LIMIT 100`);
    return groups.map((g) => {
      const all = (members.all(g.id) as Row[]).map((m): CopyMemberRow => ({
        documentId: m.doc_id, outlet: undef(m.outlet), published: undef(m.published), title: undef(m.title), similarity: m.similarity, why: m.why,
      }));
      const original = all.find((m) => m.documentId === g.original) ?? all[0]!;
      return { id: g.id, original, copies: all.filter((m) => m !== original), why: g.why };
    });
  }

  entities(opts: { type?: string; q?: string; limit?: number; offset?: number; members?: number } = {}): CrossEntity[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (opts.type) {
      where.push('type = ?');
      args.push(opts.type.toUpperCase());
    }
    if (opts.q) {
      where.push(`names LIKE ? ESCAPE '\\'`);
      args.push(`%${opts.q.replace(/[\\%_]/g, (m) => '\\' + m)}%`);
    }
    const rows = this.db
      .prepare(`SELECT * FROM link_entities ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY documents DESC, mentions DESC LIMIT ? OFFSET ?`)
      .all(...args, opts.limit ?? 50, opts.offset ?? 0) as Row[];
    const members = this.db.prepare(`SELECT m.*, d.outlet FROM link_entity_members m JOIN documents d ON d.id = m.doc_id
                                     WHERE m.cluster_id = ? ORDER BY m.published LIMIT ?`);
    return rows.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      names: JSON.parse(e.names),
      documents: e.documents,
      mentions: e.mentions,
      members: (members.all(e.id, opts.members ?? 20) as Row[]).map((m) => ({
        documentId: m.doc_id, entityId: m.entity_id, name: m.name, mentions: m.mentions, confidence: m.confidence, evidence: m.evidence,
        outlet: undef(m.outlet), published: undef(m.published),
      })),
    }));
  }
}

/**
 * Whether a point is set against others: a count with a value, of a measure that says whose or where
 * ("workers" alone, in two unrelated stories, are not the same people), for a period that is stated
 * or said. Amounts are compared only inside one statement: the same sum of dollars in two stories is
 * rarely the same thing.
 */
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
