/**
 * Schema migrations for the SQLite ledger, applied in order on open; PRAGMA user_version records how
 * many have run. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    text         TEXT NOT NULL,
    text_sha256  TEXT NOT NULL,
    published    TEXT,
    title        TEXT,
    url          TEXT,
    outlet       TEXT,
    lang         TEXT NOT NULL,
    origin       TEXT,
    ingested_at  TEXT NOT NULL,
    extraction   TEXT NOT NULL
  );
  CREATE INDEX documents_published ON documents (published);
  CREATE INDEX documents_outlet ON documents (outlet);

  CREATE TABLE entities (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id       TEXT NOT NULL,
    type     TEXT NOT NULL,
    name     TEXT NOT NULL,
    country  TEXT,
    role     TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc_id, id)
  );
  CREATE INDEX entities_name ON entities (name COLLATE NOCASE);

  CREATE TABLE entity_mentions (
    doc_id    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities(doc_id, id) ON DELETE CASCADE
  );
  CREATE INDEX entity_mentions_doc ON entity_mentions (doc_id, entity_id);

  CREATE TABLE times (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id     TEXT NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    value  TEXT NOT NULL,
    type   TEXT NOT NULL,
    mod    TEXT,
    PRIMARY KEY (doc_id, id)
  );

  CREATE TABLE claims (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    kind          TEXT NOT NULL,
    polarity      TEXT NOT NULL,
    source_text   TEXT,
    source_start  INTEGER,
    source_end    INTEGER,
    source_entity TEXT,
    source_name   TEXT,
    cue_text      TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    content_text  TEXT NOT NULL,
    content_spans TEXT NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    said          TEXT,
    UNIQUE (doc_id, id)
  );
  CREATE INDEX claims_source ON claims (source_name COLLATE NOCASE);
  CREATE INDEX claims_said ON claims (said);
  CREATE VIRTUAL TABLE claims_fts USING fts5 (content, source, tokenize = 'unicode61 remove_diacritics 2');

  CREATE TABLE figures (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    value        REAL,
    min          REAL,
    max          REAL,
    qualifier    TEXT NOT NULL,
    unit         TEXT,
    counts       TEXT,
    per          TEXT,
    vague        TEXT,
    claim_id     TEXT,
    modality     TEXT,
    changed_from TEXT,
    measure      TEXT,
    PRIMARY KEY (doc_id, id)
  );
  CREATE INDEX figures_measure ON figures (measure);

  CREATE TABLE events (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    type          TEXT NOT NULL,
    mode          TEXT,
    actor         TEXT,
    recipient     TEXT,
    place         TEXT,
    time          TEXT,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    trigger_text  TEXT NOT NULL,
    claim_id      TEXT,
    PRIMARY KEY (doc_id, id)
  );
  CREATE INDEX events_type ON events (type);
  `,
  // 2: indexes for the web app's pages on a large ledger: each list walks an index in the order it
  // shows (newest documents, a source's or name's rows together, a measure's figures together) and
  // stops at the page size, instead of sorting every row of a table.
  `
  CREATE INDEX documents_published_id ON documents (published, id);
  CREATE INDEX claims_doc_start ON claims (doc_id, start);
  CREATE INDEX claims_source_doc ON claims (source_name COLLATE NOCASE, doc_id);
  CREATE INDEX entities_name_cover ON entities (name COLLATE NOCASE, type, doc_id, mentions);
  CREATE INDEX figures_measure_doc ON figures (measure, doc_id);
  `,
  // 3: running tallies of sources, names and measures, kept by triggers as rows come and go, so that
  // "most quoted sources", "names by articles" and "series by articles" read a small ordered table
  // instead of grouping every claim, name and figure of the ledger on each page view.
  `
  CREATE TABLE source_tally (
    key       TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    claims    INTEGER NOT NULL,
    documents INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX source_tally_rank ON source_tally (claims DESC, name);
  INSERT INTO source_tally (key, name, claims, documents)
    SELECT lower(source_name), min(source_name), count(*), count(DISTINCT doc_id) FROM claims
    WHERE source_name IS NOT NULL GROUP BY lower(source_name);
  CREATE TRIGGER source_tally_add AFTER INSERT ON claims WHEN new.source_name IS NOT NULL BEGIN
    INSERT INTO source_tally (key, name, claims, documents) VALUES (lower(new.source_name), new.source_name, 1, 1)
    ON CONFLICT (key) DO UPDATE SET claims = claims + 1,
      documents = documents + ((SELECT count(*) FROM claims WHERE source_name = new.source_name COLLATE NOCASE AND doc_id = new.doc_id) = 1);
  END;
  CREATE TRIGGER source_tally_remove AFTER DELETE ON claims WHEN old.source_name IS NOT NULL BEGIN
    UPDATE source_tally SET claims = claims - 1,
      documents = documents - ((SELECT count(*) FROM claims WHERE source_name = old.source_name COLLATE NOCASE AND doc_id = old.doc_id) = 0)
    WHERE key = lower(old.source_name);
    DELETE FROM source_tally WHERE key = lower(old.source_name) AND claims <= 0;
  END;

  -- (lower(name) rather than COLLATE NOCASE below: a document's few names are found by its id, and the
  -- name index, which would scan every article naming a common place, must not be chosen instead)
  CREATE TABLE entity_tally (
    key       TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    types     TEXT NOT NULL,
    documents INTEGER NOT NULL,
    mentions  INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX entity_tally_rank ON entity_tally (documents DESC, name);
  INSERT INTO entity_tally (key, name, types, documents, mentions)
    SELECT lower(name), min(name), group_concat(DISTINCT type), count(DISTINCT doc_id), sum(mentions) FROM entities GROUP BY lower(name);
  CREATE TRIGGER entity_tally_add AFTER INSERT ON entities BEGIN
    INSERT INTO entity_tally (key, name, types, documents, mentions) VALUES (lower(new.name), new.name, new.type, 1, new.mentions)
    ON CONFLICT (key) DO UPDATE SET mentions = mentions + new.mentions,
      types = CASE WHEN instr(',' || types || ',', ',' || new.type || ',') > 0 THEN types ELSE types || ',' || new.type END,
      documents = documents + ((SELECT count(*) FROM entities WHERE doc_id = new.doc_id AND lower(name) = lower(new.name)) = 1);
  END;
  CREATE TRIGGER entity_tally_remove AFTER DELETE ON entities BEGIN
    UPDATE entity_tally SET mentions = mentions - old.mentions,
      documents = documents - ((SELECT count(*) FROM entities WHERE doc_id = old.doc_id AND lower(name) = lower(old.name)) = 0)
    WHERE key = lower(old.name);
    DELETE FROM entity_tally WHERE key = lower(old.name) AND documents <= 0;
  END;

  CREATE TABLE measure_tally (
    measure   TEXT PRIMARY KEY,
    points    INTEGER NOT NULL,
    documents INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX measure_tally_rank ON measure_tally (documents DESC, points DESC, measure);
  INSERT INTO measure_tally (measure, points, documents)
    SELECT measure, count(*), count(DISTINCT doc_id) FROM figures WHERE measure IS NOT NULL GROUP BY measure;
  CREATE TRIGGER measure_tally_add AFTER INSERT ON figures WHEN new.measure IS NOT NULL BEGIN
    INSERT INTO measure_tally (measure, points, documents) VALUES (new.measure, 1, 1)
    ON CONFLICT (measure) DO UPDATE SET points = points + 1,
      documents = documents + ((SELECT count(*) FROM figures WHERE measure = new.measure AND doc_id = new.doc_id) = 1);
  END;
  CREATE TRIGGER measure_tally_remove AFTER DELETE ON figures WHEN old.measure IS NOT NULL BEGIN
    UPDATE measure_tally SET points = points - 1,
      documents = documents - ((SELECT count(*) FROM figures WHERE measure = old.measure AND doc_id = old.doc_id) = 0)
    WHERE measure = old.measure;
    DELETE FROM measure_tally WHERE measure = old.measure AND points <= 0;
  END;
  `,
  // cross-article links (src/link/): figure series and their points, statements and the reports of
  // them, conflicts, copy groups and entities across documents. Each is written in the same
  // transaction as the document that brings it, looked up through blocking keys (series key,
  // source and month, signature bands, name keys), and keeps the reasons for every grouping.
  `
  CREATE TABLE link_points (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    figure_id    TEXT NOT NULL,
    series       TEXT NOT NULL,
    compare      TEXT NOT NULL,
    place        TEXT,
    place_level  TEXT,
    text         TEXT NOT NULL,
    value        REAL,
    min          REAL,
    max          REAL,
    lo           REAL,
    hi           REAL,
    qualifier    TEXT NOT NULL,
    comparable   INTEGER NOT NULL,
    digits       TEXT NOT NULL,
    misgrouped   INTEGER NOT NULL,
    period       TEXT,
    period_start TEXT,
    period_end   TEXT,
    granularity  TEXT,
    basis        TEXT NOT NULL,
    said         TEXT,
    source       TEXT,
    claim_id     TEXT,
    statement_id INTEGER,
    copy_group   INTEGER,
    published    TEXT,
    outlet       TEXT,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    why          TEXT NOT NULL,
    PRIMARY KEY (doc_id, figure_id)
  );
  CREATE INDEX link_points_series ON link_points (series, period_start);
  CREATE INDEX link_points_compare ON link_points (compare, period_start) WHERE comparable = 1;
  CREATE INDEX link_points_copy ON link_points (copy_group, series) WHERE copy_group IS NOT NULL;

  CREATE TABLE link_series (
    key         TEXT PRIMARY KEY,
    scope       TEXT NOT NULL,
    family_place TEXT NOT NULL,
    place       TEXT,
    label       TEXT NOT NULL,
    scoped      INTEGER NOT NULL,
    planned     INTEGER NOT NULL,
    points      INTEGER NOT NULL,
    documents   INTEGER NOT NULL,
    independent INTEGER NOT NULL,
    first       TEXT,
    last        TEXT,
    facets      TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX link_series_rank ON link_series (scoped, independent DESC, points DESC);
  CREATE INDEX link_series_scope ON link_series (scope, points DESC);
  CREATE INDEX link_series_family_place ON link_series (family_place, points DESC);

  CREATE TABLE link_statements (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    said        TEXT,
    reports     INTEGER NOT NULL,
    documents   INTEGER NOT NULL,
    independent INTEGER NOT NULL,
    discrepancy INTEGER NOT NULL DEFAULT 0,
    first_doc   TEXT NOT NULL,
    features    TEXT NOT NULL,
    why         TEXT NOT NULL
  );
  CREATE INDEX link_statements_rank ON link_statements (documents DESC, id);
  CREATE TABLE link_statement_blocks (
    block        TEXT NOT NULL,
    statement_id INTEGER NOT NULL,
    PRIMARY KEY (block, statement_id)
  ) WITHOUT ROWID;
  CREATE TABLE link_reports (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    report       INTEGER NOT NULL,
    statement_id INTEGER NOT NULL,
    claim_ids    TEXT NOT NULL,
    source       TEXT,
    said         TEXT,
    content      TEXT NOT NULL,
    figures      TEXT NOT NULL,
    copy_group   INTEGER,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    why          TEXT NOT NULL,
    PRIMARY KEY (doc_id, report)
  );
  CREATE INDEX link_reports_statement ON link_reports (statement_id);
  CREATE INDEX link_reports_source ON link_reports (source COLLATE NOCASE);

  CREATE TABLE link_conflicts (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    compare      TEXT NOT NULL,
    label        TEXT NOT NULL,
    period       TEXT,
    side_a       TEXT NOT NULL,
    side_b       TEXT NOT NULL,
    statement_id INTEGER,
    why          TEXT NOT NULL,
    UNIQUE (kind, compare, period, side_a, side_b)
  );
  CREATE TABLE link_conflict_points (
    conflict_id INTEGER NOT NULL,
    side        INTEGER NOT NULL,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    figure_id   TEXT NOT NULL,
    PRIMARY KEY (conflict_id, doc_id, figure_id)
  ) WITHOUT ROWID;
  CREATE INDEX link_conflict_points_figure ON link_conflict_points (doc_id, figure_id);

  CREATE TABLE link_signatures (
    doc_id    TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE link_bands (
    band   INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    PRIMARY KEY (band, doc_id)
  ) WITHOUT ROWID;
  CREATE TABLE link_copy_groups (
    id       INTEGER PRIMARY KEY,
    original TEXT NOT NULL,
    members  INTEGER NOT NULL,
    why      TEXT NOT NULL
  );
  CREATE TABLE link_copies (
    doc_id     TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    group_id   INTEGER NOT NULL,
    matched    TEXT,
    similarity REAL NOT NULL,
    why        TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX link_copies_group ON link_copies (group_id);

  CREATE TABLE link_entities (
    id        INTEGER PRIMARY KEY,
    type      TEXT NOT NULL,
    name      TEXT NOT NULL,
    country   TEXT,
    names     TEXT NOT NULL,
    documents INTEGER NOT NULL,
    mentions  INTEGER NOT NULL
  );
  CREATE INDEX link_entities_rank ON link_entities (documents DESC, mentions DESC);
  CREATE INDEX link_entities_type_rank ON link_entities (type, documents DESC, mentions DESC);
  CREATE TABLE link_entity_keys (
    block     TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    PRIMARY KEY (block, entity_id)
  ) WITHOUT ROWID;
  CREATE TABLE link_entity_members (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    cluster_id INTEGER NOT NULL,
    name       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    confidence REAL NOT NULL,
    evidence   TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
  ) WITHOUT ROWID;
  CREATE INDEX link_entity_members_cluster ON link_entity_members (cluster_id);
  `,
  // 5: claims by kind, so that "only direct quotes" or a rare kind finds its rows without reading
  // every claim of the ledger (the web app's claims browser and API).
  `
  CREATE INDEX claims_kind ON claims (kind, doc_id);
  `,
  // cross-article links, for reading large ledgers: a sort key on every point so a series' latest
  // points come from the index, the publication date on each entity member so an entity's members
  // list in date order without sorting all of them, every way a statement's source was written and
  // the days it was said (so candidates that cannot meet a report are not even read).
  `
  ALTER TABLE link_points ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
  UPDATE link_points SET sort_key = coalesce(period_start, published, '');
  CREATE INDEX link_points_series_sort ON link_points (series, sort_key);
  ALTER TABLE link_entity_members ADD COLUMN published TEXT NOT NULL DEFAULT '';
  UPDATE link_entity_members SET published = coalesce((SELECT published FROM documents WHERE id = link_entity_members.doc_id), '');
  CREATE INDEX link_entity_members_cluster_published ON link_entity_members (cluster_id, published);
  ALTER TABLE link_statements ADD COLUMN sources TEXT NOT NULL DEFAULT '';
  UPDATE link_statements SET sources = source;
  ALTER TABLE link_statements ADD COLUMN said_start TEXT NOT NULL DEFAULT '';
  ALTER TABLE link_statements ADD COLUMN said_end TEXT NOT NULL DEFAULT '9999';
  UPDATE link_statements SET said_start = coalesce(json_extract(features, '$.range.start'), ''), said_end = coalesce(json_extract(features, '$.range.end'), '9999');
  CREATE INDEX link_reports_copy ON link_reports (copy_group, statement_id) WHERE copy_group IS NOT NULL;
  `,
  // cross-article links: conflicts between claims (a denial of a report), which carry no figures.
  `
  CREATE TABLE link_conflict_claims (
    conflict_id INTEGER NOT NULL,
    side        INTEGER NOT NULL,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id    TEXT NOT NULL,
    PRIMARY KEY (conflict_id, doc_id, claim_id)
  ) WITHOUT ROWID;
  `,
  // cross-article links: entities ranked by articles alone, so counting a mention does not move a row
  // in the index; an entity's members are found through their dated index only.
  `
  DROP INDEX link_entities_rank;
  DROP INDEX link_entities_type_rank;
  CREATE INDEX link_entities_by_documents ON link_entities (documents DESC);
  CREATE INDEX link_entities_type_documents ON link_entities (type, documents DESC);
  DROP INDEX link_entity_members_cluster;
  `,
  // 9: cheaper writes. The running tallies of migration 3 are added to once per key and batch by the
  // writer (src/store/sqlite.ts, writeTallies) instead of by a trigger per claim, name and figure,
  // each of which counted the document's rows again and moved the tally's rank index (the triggers
  // that take rows away stay).
  `
  DROP TRIGGER source_tally_add;
  DROP TRIGGER entity_tally_add;
  DROP TRIGGER measure_tally_add;
  `,
  // 10: \`statements --source\` reads the statements' sources from their rank index alone: a source
  // that few statements have otherwise read every statement row (tens of thousands at 100k articles)
  `
  DROP INDEX link_statements_rank;
  CREATE INDEX link_statements_rank ON link_statements (documents DESC, id, sources);
  `,
  // 11: conflicts' comparable points are looked up within their period's neighbourhood (src/link/store.ts,
  // comparableSql): half-years and years, and decades, have an index each, so the long periods of a busy
  // comparison key are found without walking back through all of its short ones.
  `
  CREATE INDEX link_points_compare_year ON link_points (compare, period_start) WHERE comparable = 1 AND granularity IN ('half', 'year');
  CREATE INDEX link_points_compare_decade ON link_points (compare, period_start) WHERE comparable = 1 AND granularity = 'decade';
  `,
  // 12: as 11, for weeks, months, seasons and quarters: a day that begins before a period cannot meet
  // it, so the comparison key's own index is read from the period's first day on, and these (at most
  // 92 days long) from an index of their own.
  `
  CREATE INDEX link_points_compare_month ON link_points (compare, period_start) WHERE comparable = 1 AND granularity IN ('week', 'month', 'season', 'quarter');
  `,
  // 13: denials across articles (src/link/positions.ts): positions ("they are there legally, as
  // students") and verdicts on them ("calling them students is a legal fiction"), filed under a status
  // word and the month said, so a new one looks up only the other kind under its words and nearby
  // months; and conflict sides that are part of a claim (an apposition: "…, a reading rejected by Seoul").
  `
  CREATE TABLE link_stances (
    role       TEXT NOT NULL,
    key        TEXT NOT NULL,
    month      TEXT NOT NULL,
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id   TEXT NOT NULL,
    source     TEXT NOT NULL,
    copy_group INTEGER,
    words      TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (role, key, month, doc_id, claim_id)
  ) WITHOUT ROWID;
  CREATE TABLE link_conflict_parts (
    conflict_id INTEGER NOT NULL,
    side        INTEGER NOT NULL,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id    TEXT NOT NULL,
    source      TEXT NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    PRIMARY KEY (conflict_id, doc_id, claim_id, start)
  ) WITHOUT ROWID;
  `,
  // 14: a document keeps its byline (who wrote it, as the page or feed states it); and four indexes that
  // are the leading columns of a longer one go, since the longer one serves every query they served and
  // each costs a B-tree insert per row at ingest (claims by source, documents by date, names, figures by
  // measure)
  `
  ALTER TABLE documents ADD COLUMN byline TEXT;
  DROP INDEX claims_source;
  DROP INDEX documents_published;
  DROP INDEX entities_name;
  DROP INDEX figures_measure;
  `,
];
