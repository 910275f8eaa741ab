-- Near-duplicates (syndicated copies, updated versions under another id): MinHash signatures and
-- LSH band keys persist here, so articles ingested in a later batch are compared with earlier ones.
ALTER TABLE articles ADD COLUMN canonical_id TEXT;  -- NULL: counts itself; else the id of the article it copies

CREATE INDEX articles_canonical ON articles (canonical_id);

CREATE TABLE article_signatures (
    article_pk INTEGER PRIMARY KEY REFERENCES articles (pk) ON DELETE CASCADE,
    minhash    BLOB NOT NULL,        -- num_perm unsigned 32-bit hash values, little-endian
    similarity REAL                  -- estimated Jaccard with the canonical article, when a duplicate
);

CREATE TABLE lsh_bands (
    band       INTEGER NOT NULL,
    key        INTEGER NOT NULL,     -- 64-bit hash of the band's slice of the signature
    article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE
);
CREATE INDEX lsh_bands_key ON lsh_bands (band, key);
CREATE INDEX lsh_bands_article ON lsh_bands (article_pk);

-- what statistics count: one row per story (current versions that copy no other article)
CREATE VIEW unique_articles AS SELECT * FROM articles WHERE current = 1 AND canonical_id IS NULL;
