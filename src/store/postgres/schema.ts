/**
 * Schema migrations for the PostgreSQL ledger, applied in order on open (or by `triangulate migrate`);
 * the table triangulate_migrations records which have run. Never edit a released migration: add the
 * next one.
 *
 * The tables mirror the SQLite ledger's (src/store/schema.ts) so that both engines give the same
 * answers, with these differences on purpose:
 * - Text columns use the "C" collation: ordering, min(), lower() and ILIKE then behave byte-wise and
 *   fold ASCII case only, exactly as SQLite's BINARY and NOCASE do, whatever locale the database has.
 * - Claim search is a tsvector column with a GIN index, filled by the ledger from the same word
 *   splitting SQLite's FTS5 uses (see pgText.ts), instead of an FTS5 table.
 * - The tallies of sources, names and measures are written by the ledger in the document's own
 *   transaction rather than by triggers, which Citus does not run across shards.
 * - Every table that holds rows of one document has doc_id first in its primary key: with Citus,
 *   doc_id is the distribution column and these tables are co-located (docs/scaling.md).
 */

/** Text compared and sorted byte-wise, as SQLite does. */
const T = 'text COLLATE "C"';

export const PG_MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    id           ${T} PRIMARY KEY,
    text         text NOT NULL,
    text_sha256  ${T} NOT NULL,
    published    ${T},
    title        ${T},
    url          ${T},
    outlet       ${T},
    lang         ${T} NOT NULL,
    origin       ${T},
    ingested_at  timestamptz NOT NULL,
    extraction   json NOT NULL
  );
  -- SQLite sorts NULL below every value, so "newest first" puts undated articles last
  CREATE INDEX documents_newest ON documents (published DESC NULLS LAST, id DESC);
  CREATE INDEX documents_outlet ON documents (outlet, published DESC NULLS LAST, id DESC);

  CREATE TABLE entities (
    doc_id   ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id       ${T} NOT NULL,
    type     ${T} NOT NULL,
    name     ${T} NOT NULL,
    country  ${T},
    role     ${T},
    mentions integer NOT NULL,
    PRIMARY KEY (doc_id, id)
  );
  CREATE INDEX entities_name ON entities (lower(name), doc_id);

  CREATE TABLE entity_mentions (
    doc_id    ${T} NOT NULL,
    entity_id ${T} NOT NULL,
    start     integer NOT NULL,
    "end"     integer NOT NULL,
    text      ${T} NOT NULL,
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities(doc_id, id) ON DELETE CASCADE
  );
  CREATE INDEX entity_mentions_doc ON entity_mentions (doc_id, entity_id);

  CREATE TABLE times (
    doc_id ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id     ${T} NOT NULL,
    start  integer NOT NULL,
    "end"  integer NOT NULL,
    text   ${T} NOT NULL,
    value  ${T} NOT NULL,
    type   ${T} NOT NULL,
    mod    ${T},
    PRIMARY KEY (doc_id, id)
  );

  CREATE TABLE claims (
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    doc_id        ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id            ${T} NOT NULL,
    kind          ${T} NOT NULL,
    polarity      ${T} NOT NULL,
    source_text   ${T},
    source_start  integer,
    source_end    integer,
    source_entity ${T},
    source_name   ${T},
    cue_text      ${T},
    cue_start     integer,
    cue_end       integer,
    content_text  ${T} NOT NULL,
    content_spans ${T} NOT NULL,
    start         integer NOT NULL,
    "end"         integer NOT NULL,
    said          ${T},
    fts           tsvector NOT NULL,
    PRIMARY KEY (doc_id, id)
  );
  CREATE INDEX claims_doc_start ON claims (doc_id, start);
  CREATE INDEX claims_source ON claims (lower(source_name), doc_id);
  CREATE INDEX claims_said ON claims (said);
  CREATE INDEX claims_fts ON claims USING gin (fts);

  CREATE TABLE figures (
    doc_id       ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id           ${T} NOT NULL,
    start        integer NOT NULL,
    "end"        integer NOT NULL,
    text         ${T} NOT NULL,
    value        double precision,
    min          double precision,
    max          double precision,
    qualifier    ${T} NOT NULL,
    unit         ${T},
    counts       ${T},
    per          ${T},
    vague        ${T},
    claim_id     ${T},
    modality     ${T},
    changed_from ${T},
    measure      ${T},
    PRIMARY KEY (doc_id, id)
  );
  CREATE INDEX figures_measure ON figures (measure, doc_id);

  CREATE TABLE events (
    doc_id        ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id            ${T} NOT NULL,
    type          ${T} NOT NULL,
    mode          ${T},
    actor         ${T},
    recipient     ${T},
    place         ${T},
    time          ${T},
    trigger_start integer NOT NULL,
    trigger_end   integer NOT NULL,
    trigger_text  ${T} NOT NULL,
    claim_id      ${T},
    PRIMARY KEY (doc_id, id)
  );
  CREATE INDEX events_type ON events (type);

  CREATE TABLE source_tally (
    key       ${T} PRIMARY KEY,
    name      ${T} NOT NULL,
    claims    integer NOT NULL,
    documents integer NOT NULL
  );
  CREATE INDEX source_tally_rank ON source_tally (claims DESC, name);

  CREATE TABLE entity_tally (
    key       ${T} PRIMARY KEY,
    name      ${T} NOT NULL,
    types     ${T} NOT NULL,
    documents integer NOT NULL,
    mentions  integer NOT NULL
  );
  CREATE INDEX entity_tally_rank ON entity_tally (documents DESC, name);

  CREATE TABLE measure_tally (
    measure   ${T} PRIMARY KEY,
    points    integer NOT NULL,
    documents integer NOT NULL
  );
  CREATE INDEX measure_tally_rank ON measure_tally (documents DESC, points DESC, measure);

  -- cross-article links (src/link/, written by src/store/postgres/link.ts)
  CREATE TABLE link_points (
    doc_id       ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    figure_id    ${T} NOT NULL,
    series       ${T} NOT NULL,
    compare      ${T} NOT NULL,
    place        ${T},
    place_level  ${T},
    text         ${T} NOT NULL,
    value        double precision,
    min          double precision,
    max          double precision,
    lo           double precision,
    hi           double precision,
    qualifier    ${T} NOT NULL,
    comparable   integer NOT NULL,
    digits       ${T} NOT NULL,
    misgrouped   integer NOT NULL,
    period       ${T},
    period_start ${T},
    period_end   ${T},
    granularity  ${T},
    basis        ${T} NOT NULL,
    said         ${T},
    source       ${T},
    claim_id     ${T},
    statement_id bigint,
    copy_group   bigint,
    published    ${T},
    outlet       ${T},
    start        integer NOT NULL,
    "end"        integer NOT NULL,
    why          text NOT NULL,
    PRIMARY KEY (doc_id, figure_id)
  );
  CREATE INDEX link_points_series ON link_points (series, period_start);
  CREATE INDEX link_points_compare ON link_points (compare, period_start) WHERE comparable = 1;
  CREATE INDEX link_points_copy ON link_points (copy_group, series) WHERE copy_group IS NOT NULL;

  CREATE TABLE link_series (
    key          ${T} PRIMARY KEY,
    scope        ${T} NOT NULL,
    family_place ${T} NOT NULL,
    place        ${T},
    label        ${T} NOT NULL,
    scoped       integer NOT NULL,
    planned      integer NOT NULL,
    points       integer NOT NULL,
    documents    integer NOT NULL,
    independent  integer NOT NULL,
    first        ${T},
    last         ${T},
    facets       text NOT NULL
  );
  CREATE INDEX link_series_rank ON link_series (scoped, independent DESC, points DESC);
  CREATE INDEX link_series_scope ON link_series (scope, points DESC);
  CREATE INDEX link_series_family_place ON link_series (family_place, points DESC);

  CREATE TABLE link_statements (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source      ${T} NOT NULL,
    said        ${T},
    reports     integer NOT NULL,
    documents   integer NOT NULL,
    independent integer NOT NULL,
    discrepancy integer NOT NULL DEFAULT 0,
    first_doc   ${T} NOT NULL,
    features    text NOT NULL,
    why         text NOT NULL
  );
  CREATE INDEX link_statements_rank ON link_statements (documents DESC, id);
  CREATE TABLE link_statement_blocks (
    block        ${T} NOT NULL,
    statement_id bigint NOT NULL,
    PRIMARY KEY (block, statement_id)
  );
  CREATE TABLE link_reports (
    doc_id       ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    report       integer NOT NULL,
    statement_id bigint NOT NULL,
    claim_ids    text NOT NULL,
    source       ${T},
    said         ${T},
    content      ${T} NOT NULL,
    figures      text NOT NULL,
    copy_group   bigint,
    start        integer NOT NULL,
    "end"        integer NOT NULL,
    why          text NOT NULL,
    PRIMARY KEY (doc_id, report)
  );
  CREATE INDEX link_reports_statement ON link_reports (statement_id);
  CREATE INDEX link_reports_source ON link_reports (lower(source));

  CREATE TABLE link_conflicts (
    id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    kind         ${T} NOT NULL,
    compare      ${T} NOT NULL,
    label        ${T} NOT NULL,
    period       ${T},
    side_a       ${T} NOT NULL,
    side_b       ${T} NOT NULL,
    statement_id bigint,
    why          text NOT NULL
  );
  -- one conflict per measure, period and pair of values; a conflict without a period is one too
  CREATE UNIQUE INDEX link_conflicts_key ON link_conflicts (kind, compare, (coalesce(period, '')), side_a, side_b);
  CREATE TABLE link_conflict_points (
    conflict_id bigint NOT NULL,
    side        integer NOT NULL,
    doc_id      ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    figure_id   ${T} NOT NULL,
    PRIMARY KEY (conflict_id, doc_id, figure_id)
  );
  CREATE INDEX link_conflict_points_figure ON link_conflict_points (doc_id, figure_id);

  CREATE TABLE link_signatures (
    doc_id    ${T} PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature bytea NOT NULL
  );
  CREATE TABLE link_bands (
    band   bigint NOT NULL,
    doc_id ${T} NOT NULL,
    PRIMARY KEY (band, doc_id)
  );
  CREATE TABLE link_copy_groups (
    id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    original ${T} NOT NULL,
    members  integer NOT NULL,
    why      text NOT NULL
  );
  CREATE TABLE link_copies (
    doc_id     ${T} PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    group_id   bigint NOT NULL,
    matched    ${T},
    similarity double precision NOT NULL,
    why        text NOT NULL
  );
  CREATE INDEX link_copies_group ON link_copies (group_id);

  CREATE TABLE link_entities (
    id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    type      ${T} NOT NULL,
    name      ${T} NOT NULL,
    country   ${T},
    names     text NOT NULL,
    documents integer NOT NULL,
    mentions  integer NOT NULL
  );
  CREATE INDEX link_entities_rank ON link_entities (documents DESC, mentions DESC);
  CREATE INDEX link_entities_type_rank ON link_entities (type, documents DESC, mentions DESC);
  CREATE TABLE link_entity_keys (
    block     ${T} NOT NULL,
    entity_id bigint NOT NULL,
    PRIMARY KEY (block, entity_id)
  );
  CREATE TABLE link_entity_members (
    doc_id     ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id  ${T} NOT NULL,
    cluster_id bigint NOT NULL,
    name       ${T} NOT NULL,
    mentions   integer NOT NULL,
    confidence double precision NOT NULL,
    evidence   text NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
  );
  CREATE INDEX link_entity_members_cluster ON link_entity_members (cluster_id);

  -- the ingest queue (src/services/queue.ts): one row per document waiting to be extracted and
  -- stored; a worker leases rows with FOR UPDATE SKIP LOCKED and deletes its row in the same
  -- transaction that stores the document, so a job is done exactly once or not at all
  CREATE TABLE ingest_jobs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id       ${T} NOT NULL UNIQUE,
    document     json NOT NULL,
    state        ${T} NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'failed')),
    attempts     integer NOT NULL DEFAULT 0,
    locked_by    ${T},
    locked_until timestamptz,
    last_error   text,
    enqueued_at  timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX ingest_jobs_ready ON ingest_jobs (id) WHERE state = 'queued';
  `,
  // 2: the ledger's counts in one row, kept by each write transaction (which holds the write lock, so
  // the row is never fought over): counting half a million claims took most of a second per page view
  `
  CREATE TABLE ledger_counts (
    one       boolean PRIMARY KEY DEFAULT true CHECK (one),
    documents bigint NOT NULL,
    claims    bigint NOT NULL,
    figures   bigint NOT NULL,
    entities  bigint NOT NULL
  );
  INSERT INTO ledger_counts (documents, claims, figures, entities)
    SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims), (SELECT count(*) FROM figures), (SELECT count(*) FROM entities);
  `,
  // 3: links on large ledgers, as SQLite's migration 6: a sort key on every point (a series' latest
  // points from the index), each entity member's publication date (members in date order without
  // sorting them all), every way a statement's source was written; and names seen before with the
  // cluster they joined, which the SQLite link store keeps in its process's memory. Kept here, every
  // worker sees every other worker's names, and a restart forgets nothing.
  `
  ALTER TABLE link_points ADD COLUMN sort_key ${T} NOT NULL DEFAULT '';
  UPDATE link_points SET sort_key = coalesce(period_start, published, '');
  CREATE INDEX link_points_series_sort ON link_points (series, sort_key);
  ALTER TABLE link_entity_members ADD COLUMN published ${T} NOT NULL DEFAULT '';
  UPDATE link_entity_members m SET published = coalesce(d.published, '') FROM documents d WHERE d.id = m.doc_id;
  CREATE INDEX link_entity_members_cluster_published ON link_entity_members (cluster_id, published);
  ALTER TABLE link_statements ADD COLUMN sources ${T} NOT NULL DEFAULT '';
  UPDATE link_statements SET sources = source;
  CREATE TABLE link_entity_names (
    exact      ${T} PRIMARY KEY,
    cluster_id bigint NOT NULL,
    name       ${T} NOT NULL
  );
  `,
  // 4: as SQLite's migrations 6 and 7: the days a statement was said (candidates that cannot meet a
  // report are not read), reports by copy group, and conflicts between claims (a denial of a report)
  `
  ALTER TABLE link_statements ADD COLUMN said_start ${T} NOT NULL DEFAULT '';
  ALTER TABLE link_statements ADD COLUMN said_end ${T} NOT NULL DEFAULT '9999';
  UPDATE link_statements SET said_start = coalesce(features::json #>> '{range,start}', ''), said_end = coalesce(features::json #>> '{range,end}', '9999');
  CREATE INDEX link_reports_copy ON link_reports (copy_group, statement_id) WHERE copy_group IS NOT NULL;
  CREATE TABLE link_conflict_claims (
    conflict_id bigint NOT NULL,
    side        integer NOT NULL,
    doc_id      ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id    ${T} NOT NULL,
    PRIMARY KEY (conflict_id, doc_id, claim_id)
  );
  `,
  // 5: as SQLite's migration 10: statements ranked with their sources in the index, so \`statements
  // --source\` can filter on the index alone
  `
  DROP INDEX link_statements_rank;
  CREATE INDEX link_statements_rank ON link_statements (documents DESC, id) INCLUDE (sources);
  `,
  // 6: as SQLite's migration 11: long periods of a comparison key have their own indexes, so comparable
  // points are looked up within their period's neighbourhood
  `
  CREATE INDEX link_points_compare_year ON link_points (compare, period_start) WHERE comparable = 1 AND granularity IN ('half', 'year');
  CREATE INDEX link_points_compare_decade ON link_points (compare, period_start) WHERE comparable = 1 AND granularity = 'decade';
  `,
  // 7: as SQLite's migration 12: weeks, months, seasons and quarters of a comparison key have their own index
  `
  CREATE INDEX link_points_compare_month ON link_points (compare, period_start) WHERE comparable = 1 AND granularity IN ('week', 'month', 'season', 'quarter');
  `,
  // 8: as SQLite's migration 13: positions and verdicts filed under a status word and month (denials
  // across articles), and conflict sides that are part of a claim (an apposition's rejection)
  `
  CREATE TABLE link_stances (
    role       ${T} NOT NULL,
    key        ${T} NOT NULL,
    month      ${T} NOT NULL,
    doc_id     ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id   ${T} NOT NULL,
    source     ${T} NOT NULL,
    copy_group bigint,
    words      ${T} NOT NULL,
    text       ${T} NOT NULL,
    PRIMARY KEY (role, key, month, doc_id, claim_id)
  );
  CREATE TABLE link_conflict_parts (
    conflict_id bigint NOT NULL,
    side        integer NOT NULL,
    doc_id      ${T} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id    ${T} NOT NULL,
    source      ${T} NOT NULL,
    text        ${T} NOT NULL,
    start       integer NOT NULL,
    "end"       integer NOT NULL,
    PRIMARY KEY (conflict_id, doc_id, claim_id, start)
  );
  `,
  // 9: as SQLite's migration 14, a document's byline; and the cluster index that is the leading column
  // of link_entity_members_cluster_published (SQLite dropped its own in migration 8)
  `
  ALTER TABLE documents ADD COLUMN byline ${T};
  DROP INDEX link_entity_members_cluster;
  `,
];
