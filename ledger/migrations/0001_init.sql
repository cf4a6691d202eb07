-- Schema 1: what a run read (sources, claims), what its checks found
-- (findings, and which claims each names), reviewer verdicts, and the runs.
CREATE TABLE schema_version (version INTEGER NOT NULL);

CREATE TABLE runs (
  id       INTEGER PRIMARY KEY,
  started  TEXT NOT NULL,
  finished TEXT,
  version  TEXT NOT NULL,
  inputs   TEXT NOT NULL,
  sources  INTEGER NOT NULL DEFAULT 0,
  claims   INTEGER NOT NULL DEFAULT 0,
  findings INTEGER NOT NULL DEFAULT 0
);

-- A source is keyed by its content (file, role and text): re-reading it
-- finds the same row; an edited highlight is a new row.
CREATE TABLE sources (
  id        TEXT PRIMARY KEY,
  hash      TEXT NOT NULL,
  file      TEXT NOT NULL,
  line      INTEGER NOT NULL,
  col       INTEGER NOT NULL,
  role      TEXT NOT NULL,
  lang      TEXT NOT NULL,
  text      TEXT NOT NULL,
  note_of   TEXT,
  title     TEXT,
  url       TEXT,
  author    TEXT NOT NULL DEFAULT '',
  location  TEXT NOT NULL DEFAULT '',
  date      TEXT NOT NULL DEFAULT '',
  tags      TEXT NOT NULL DEFAULT '',
  format    TEXT NOT NULL DEFAULT '',
  first_run INTEGER NOT NULL REFERENCES runs(id),
  last_run  INTEGER NOT NULL REFERENCES runs(id)
);
CREATE INDEX sources_file ON sources(file);

CREATE TABLE claims (
  id         TEXT PRIMARY KEY,
  source     TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  file       TEXT NOT NULL,
  line       INTEGER NOT NULL,
  col        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  value      REAL NOT NULL,
  unit       TEXT NOT NULL,
  min        REAL,
  max        REAL,
  qualifier  TEXT NOT NULL,
  kind       TEXT NOT NULL,
  change     TEXT NOT NULL,
  partner    TEXT,
  subject    TEXT NOT NULL,
  metric     TEXT NOT NULL,
  period     TEXT NOT NULL,
  period_key TEXT NOT NULL,
  rule       TEXT NOT NULL,
  step       REAL NOT NULL,
  bound      TEXT NOT NULL,
  start      INTEGER NOT NULL,
  stop       INTEGER NOT NULL,
  sentence   INTEGER NOT NULL
);
CREATE INDEX claims_source ON claims(source);
CREATE INDEX claims_topic ON claims(subject, metric);

CREATE TABLE findings (
  id        TEXT PRIMARY KEY,
  kind      TEXT NOT NULL,
  status    TEXT NOT NULL,
  rule      TEXT NOT NULL,
  message   TEXT NOT NULL,
  claims    TEXT NOT NULL, -- JSON list of claim ids, in the finding's order
  detail    TEXT,          -- JSON: values, expected, deviation
  first_run INTEGER NOT NULL REFERENCES runs(id),
  last_run  INTEGER NOT NULL REFERENCES runs(id)
);

CREATE TABLE finding_claims (
  finding TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  claim   TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  PRIMARY KEY (finding, claim)
) WITHOUT ROWID;
CREATE INDEX finding_claims_claim ON finding_claims(claim);

-- A verdict is kept by the claim's id; when a highlight is edited, the
-- verdict moves to the new claim with the same file, text and value.
CREATE TABLE verdicts (
  claim   TEXT PRIMARY KEY,
  verdict TEXT NOT NULL,
  note    TEXT NOT NULL,
  run     INTEGER NOT NULL REFERENCES runs(id)
);
