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
];
