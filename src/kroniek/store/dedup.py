"""Near-duplicate articles (syndicated copies, updated versions under another id) via MinHash LSH.

A wire story printed by ten papers is one story: statistics count it once (the `unique_articles`
view), while every copy keeps its records, so its quotes and events stay findable as mentions.

Signatures and LSH band keys live in SQLite (migration 002), not in an in-memory index, so an
article ingested today is compared with everything ingested before, by any process, without
loading the whole corpus: a lookup is one indexed query on (band, key). The first article of a
cluster to be stored is its canonical one; later copies point at it (`articles.canonical_id`),
never at another copy. A new version of an article (same id) is handled by the store's
versioning, so an article is never linked to its own id.

`Store.write_records` calls `link_new` in its own transaction, so every write path (CLI, API,
Parquet parts) links duplicates and an article is never stored unsigned. `Store.link_duplicates()`
does the same for a database written before migration 002.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch and numpy load on the first write, not at every start of the CLI
    from datasketch import MinHash

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme; pinned because stored signatures must stay comparable
SHINGLE = 4  # words per shingle: a changed word touches few shingles, shared stock phrases stay rare
THRESHOLD = 0.7  # estimated Jaccard over shingles; copies with new headers/footers stay above it
_WORDS = re.compile(r"\w+")


@cache
def _bands() -> list[tuple[int, int]]:
    """datasketch's optimal (b, r) banding for the threshold, as index ranges."""
    from datasketch import MinHashLSH

    return MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges


@dataclass(slots=True)
class DedupResult:
    signed: int = 0  # articles signed in this call
    duplicates: int = 0  # of those, how many were linked to a canonical article


def shingles(text: str) -> set[bytes]:
    """Overlapping word SHINGLE-grams, case-folded; a text shorter than that is its words."""
    words = _WORDS.findall(text.casefold())
    if len(words) < SHINGLE:
        return {w.encode() for w in words}
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> MinHash:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(shingles(text))
    return mh


def _from_blob(blob: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(blob, dtype="<u4").copy())


def band_keys(mh: MinHash) -> list[tuple[int, int]]:
    """(band, key) pairs: articles sharing any pair are candidates for a full comparison."""
    import numpy as np

    values = np.asarray(mh.hashvalues, dtype="<u4")
    return [(band, int.from_bytes(hashlib.blake2b(values[start:end].tobytes(), digest_size=8).digest(),
                                  "little", signed=True))
            for band, (start, end) in enumerate(_bands())]


def _best_match(conn: sqlite3.Connection, article_id: str, mh: MinHash,
                keys: list[tuple[int, int]]) -> tuple[str, float] | None:
    """(canonical id, similarity) of the most similar current article under another id, if close enough."""
    pairs = " OR ".join("(b.band = ? AND b.key = ?)" for _ in keys)
    rows = conn.execute(
        "SELECT DISTINCT a.pk, a.id, a.canonical_id, s.minhash FROM lsh_bands b"
        " JOIN articles a ON a.pk = b.article_pk JOIN article_signatures s ON s.article_pk = a.pk"
        f" WHERE a.current = 1 AND a.id != ? AND ({pairs})",
        [article_id, *(v for pair in keys for v in pair)]).fetchall()
    best: tuple[str, float] | None = None
    for _pk, candidate_id, canonical_id, blob in rows:
        score = mh.jaccard(_from_blob(blob))
        if score >= THRESHOLD and (best is None or score > best[1]):
            best = (canonical_id or candidate_id, score)
    return best


def link_new(conn: sqlite3.Connection) -> DedupResult:
    """Sign the articles stored since the last signed one and link near-duplicates; no commit here.

    Article pks only grow (a deleted article's signature goes with it), so "after the highest
    signed pk" is exactly the unsigned articles, found through the primary key without a scan.
    """
    result = DedupResult()
    last = conn.execute("SELECT COALESCE(MAX(article_pk), 0) FROM article_signatures").fetchone()[0]
    todo = conn.execute("SELECT pk, id, text FROM articles WHERE pk > ? ORDER BY pk", (last,)).fetchall()
    for pk, article_id, text in todo:
        mh = signature(text)
        keys = band_keys(mh)
        match = _best_match(conn, article_id, mh, keys)
        similarity = None
        if match and match[0] != article_id:
            conn.execute("UPDATE articles SET canonical_id = ? WHERE pk = ?", (match[0], pk))
            similarity = match[1]
            result.duplicates += 1
        conn.execute("INSERT INTO article_signatures (article_pk, minhash, similarity) VALUES (?,?,?)",
                     (pk, mh.hashvalues.astype("<u4").tobytes(), similarity))
        conn.executemany("INSERT INTO lsh_bands (band, key, article_pk) VALUES (?,?,?)",
                         [(band, key, pk) for band, key in keys])
        result.signed += 1
    return result
