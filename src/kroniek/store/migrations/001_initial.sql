-- kroniek store, first schema. Every record row is tied to its article version and offsets.
CREATE TABLE articles (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,           -- the document id as given or hashed from content
    version     INTEGER NOT NULL,        -- 1, 2, … when the same id arrives with a changed text
    text_hash   TEXT NOT NULL,
    current     INTEGER NOT NULL DEFAULT 1,
    lang        TEXT,
    date        TEXT,                    -- as given: YYYY, YYYY-MM or YYYY-MM-DD
    published   TEXT,                    -- best estimate of the publication day
    title       TEXT,
    url         TEXT,
    source      TEXT,
    text        TEXT NOT NULL,
    warnings    TEXT,                    -- JSON list
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (id, text_hash)
);
CREATE INDEX articles_id ON articles (id, current);
CREATE INDEX articles_date ON articles (published, date);

CREATE TABLE actors (
    id       TEXT PRIMARY KEY,           -- knowledge-base id (QID, ISO3, …)
    name     TEXT NOT NULL,
    country  TEXT,
    sector   TEXT
);

CREATE TABLE mentions (
    pk         INTEGER PRIMARY KEY,
    article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    actor_id   TEXT,
    actor_name TEXT,
    country    TEXT
);
CREATE INDEX mentions_article ON mentions (article_pk);
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE timexes (
    pk         INTEGER PRIMARY KEY,
    article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL
);
CREATE INDEX timexes_article ON timexes (article_pk);

CREATE TABLE quotes (
    pk              INTEGER PRIMARY KEY,
    article_pk      INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            TEXT NOT NULL,
    direct          INTEGER NOT NULL,
    cue             TEXT,
    speaker_id      TEXT,
    speaker_name    TEXT,
    speaker_country TEXT,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    date            TEXT
);
CREATE INDEX quotes_article ON quotes (article_pk);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX quotes_date ON quotes (date);

CREATE TABLE events (
    pk             INTEGER PRIMARY KEY,
    article_pk     INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    mode           TEXT,
    cameo          TEXT,
    date           TEXT,
    location       TEXT,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger_text   TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    group_key      TEXT                  -- same type, source, target and day across articles
);
CREATE INDEX events_article ON events (article_pk);
CREATE INDEX events_type_date ON events (type, date);
CREATE INDEX events_group ON events (group_key);

-- source and target parties: one row per actor, so compound actors query like single ones
CREATE TABLE event_parties (
    event_pk  INTEGER NOT NULL REFERENCES events (pk) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('source', 'target')),
    actor_id  TEXT,
    name      TEXT NOT NULL,
    country   TEXT,
    sector    TEXT
);
CREATE INDEX event_parties_event ON event_parties (event_pk);
CREATE INDEX event_parties_actor ON event_parties (actor_id, role);
CREATE INDEX event_parties_country ON event_parties (country, role);

CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles', content_rowid='pk');
CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, content='quotes', content_rowid='pk');
