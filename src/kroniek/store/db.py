"""The SQLite store: one class owns the connection, one path writes.

Records go in as FORMAT.md extraction records (dicts), whatever produced them —
the CLI, the API, or Parquet parts from a cluster run — so there is one write path.
Ingest is idempotent (same id and text: stored once; changed text: a new version)
and transactional per batch: a killed ingest loses nothing already committed.
Several processes may write one file at once: each write transaction takes SQLite's write lock
when it begins (`BEGIN IMMEDIATE`), so what it checks ("already stored?", the last version)
cannot change under it before it commits; the others wait for it (`timeout`).
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Self

from ..model import text_hash
from ..plover import group_key
from .dedup import DedupResult, link_new

DEFAULT_DB = "kroniek.db"
READ_MMAP = 1 << 30  # readers map the file (up to 1 GiB): pages come from the OS cache without copies
WAL_WAIT = 30.0  # seconds a new connection waits for another process to let it switch the store to WAL


@dataclass(slots=True)
class WriteResult:
    added: int = 0
    unchanged: int = 0
    new_versions: int = 0


def migrations() -> list[tuple[str, str]]:
    """(name, sql) of every numbered migration shipped with the package, in order."""
    folder = resources.files("kroniek.store") / "migrations"
    files = sorted(f for f in folder.iterdir() if f.name.endswith(".sql"))
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


class Store:
    """A kroniek database: schema migrated on open, WAL, foreign keys on."""

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly:
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self._lock = threading.Lock()
        if readonly:
            self.conn.execute(f"PRAGMA mmap_size = {READ_MMAP}")
        else:
            self._wal()
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    def _wal(self) -> None:
        """Switch to WAL. The switch needs the database to itself and SQLite does not wait for that
        (no busy timeout): while another process migrates a new store, try again for up to WAL_WAIT s."""
        deadline = time.monotonic() + WAL_WAIT
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded in the database; return their names.

        Each migration first records its name, in the same transaction: when two processes open a
        new database at once, the second finds the name taken, rolls back and skips it.
        """
        with self._lock:
            self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
                              "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))")
            self.conn.commit()
            done = {r[0] for r in self.conn.execute("SELECT name FROM migrations")}
            applied = []
            for name, sql in migrations():
                if name in done:
                    continue
                try:
                    self.conn.executescript(f"BEGIN IMMEDIATE;INSERT INTO migrations (name) VALUES ('{name}');"
                                            f"{sql}\nCOMMIT;")
                except sqlite3.IntegrityError as exc:
                    self.conn.rollback()
                    if "migrations.name" not in str(exc):
                        raise
                    continue  # applied by another process meanwhile
                except sqlite3.Error:
                    self.conn.rollback()
                    raise
                applied.append(name)
            return applied

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    def has(self, doc_id: str, text: str) -> bool:
        """Whether this exact text is already stored under this id (a rerun skips it)."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ? AND text_hash = ?", (doc_id, text_hash(text)))
        return row.fetchone() is not None

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the write lock from its first statement: committed on
        success, rolled back on any error."""
        with self._lock, self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            yield self.conn

    def write_records(self, records: Iterable[dict[str, Any]]) -> WriteResult:
        """Store a batch of extraction records in one transaction."""
        result = WriteResult()
        with self._writing():
            for record in records:
                outcome = self._write_one(record)
                setattr(result, outcome, getattr(result, outcome) + 1)
            link_new(self.conn)  # near-duplicates are linked in the same transaction
        return result

    def link_duplicates(self) -> DedupResult:
        """Sign and link every unsigned article (a database written before migration 002)."""
        with self._writing():
            return link_new(self.conn)

    def _write_one(self, rec: dict[str, Any]) -> str:
        cur = self.conn
        digest = text_hash(rec["text"])
        if self.has(rec["id"], rec["text"]):
            return "unchanged"
        last = cur.execute("SELECT MAX(version) FROM articles WHERE id = ?", (rec["id"],)).fetchone()[0]
        cur.execute("UPDATE articles SET current = 0 WHERE id = ?", (rec["id"],))
        pk = cur.execute(
            "INSERT INTO articles (id, version, text_hash, lang, date, published, title, url, source, author, text,"
            " warnings) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (rec["id"], (last or 0) + 1, digest, rec.get("lang"), rec.get("date"), rec.get("published"),
             rec.get("title"), rec.get("url"), rec.get("source"), rec.get("author"), rec["text"],
             json.dumps(rec["warnings"], ensure_ascii=False) if rec.get("warnings") else None),
        ).lastrowid
        cur.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)",
                    (pk, rec.get("title") or "", rec["text"]))
        for e in rec.get("entities", []):
            actor = e.get("actor") or {}
            self._actor(actor)
            cur.execute("INSERT INTO mentions (article_pk, start, \"end\", text, type, actor_id, actor_name, country)"
                        " VALUES (?,?,?,?,?,?,?,?)",
                        (pk, e["start"], e["end"], e["text"], e["type"], actor.get("id"), actor.get("name"),
                         actor.get("country")))
        cur.executemany("INSERT INTO timexes (article_pk, start, \"end\", text, type, value) VALUES (?,?,?,?,?,?)",
                        [(pk, t["start"], t["end"], t["text"], t["type"], t["value"]) for t in rec.get("timexes", [])])
        for q in rec.get("quotes", []):
            sp = q.get("speaker") or {}
            self._actor(sp)
            qpk = cur.execute(
                "INSERT INTO quotes (article_pk, start, \"end\", text, direct, cue, speaker_id, speaker_name,"
                " speaker_country, speaker_start, speaker_end, date, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (pk, q["start"], q["end"], q["text"], int(bool(q["direct"])), q.get("cue"), sp.get("id"),
                 sp.get("name"), sp.get("country"), sp.get("start"), sp.get("end"), q.get("date"),
                 q.get("confidence")),
            ).lastrowid
            cur.execute("INSERT INTO quotes_fts (rowid, text) VALUES (?,?)", (qpk, q["text"]))
        for ev in rec.get("events", []):
            self._event(pk, ev)
        return "new_versions" if last else "added"

    def _actor(self, actor: dict[str, Any]) -> None:
        if actor.get("id"):
            self.conn.execute("INSERT OR IGNORE INTO actors (id, name, country, sector) VALUES (?,?,?,?)",
                              (actor["id"], actor.get("name") or actor["id"], actor.get("country"),
                               actor.get("sector")))

    def _event(self, article_pk: int, ev: dict[str, Any]) -> None:
        trig, sent = ev["trigger"], ev["sentence"]
        epk = self.conn.execute(
            "INSERT INTO events (article_pk, type, mode, cameo, date, location, location_country, trigger_start,"
            " trigger_end, trigger_text, sentence_start, sentence_end, group_key, confidence)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article_pk, ev["type"], ev.get("mode"), ev.get("cameo"), ev.get("date"), ev.get("location"),
             ev.get("location_country"),
             trig["start"], trig["end"], trig["text"], sent["start"], sent["end"], group_key(ev),
             ev.get("confidence")),
        ).lastrowid
        for role in ("source", "target"):
            party = ev.get(role)
            for actor in party if isinstance(party, list) else [party] if party else []:
                self._actor(actor)
                self.conn.execute("INSERT INTO event_parties (event_pk, role, actor_id, name, country, sector)"
                                  " VALUES (?,?,?,?,?,?)",
                                  (epk, role, actor.get("id"), actor.get("name") or "", actor.get("country"),
                                   actor.get("sector")))
