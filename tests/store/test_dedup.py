"""Near-duplicates: syndicated copies and updates link to one canonical article, across batches."""
from __future__ import annotations

from pathlib import Path

from kroniek.store.db import Store
from kroniek.store.dedup import THRESHOLD, signature

STORY = ("Minister Rutte zei zaterdag in Den Haag dat het kabinet de militaire steun aan Oekraïne voortzet. "
         "De Tweede Kamer debatteert volgende week over het pakket van twee miljard euro. "
         "Oppositiepartijen willen eerst weten hoe het geld wordt besteed en welke wapens worden geleverd. "
         "Zelensky bedankte Nederland in een videoboodschap en riep andere landen op het voorbeeld te volgen.")
SYNDICATED = "DEN HAAG (ANP) - " + STORY + " Lees ook: ons dossier over de oorlog."
UPDATED = STORY + " Later op de dag meldde het ministerie dat ook munitie wordt geleverd."
SAME_TOPIC = ("Minister Rutte zei maandag in Brussel dat Europa meer moet investeren in defensie. "
              "De NAVO-landen overleggen deze week over de normen voor uitgaven aan het leger. "
              "Volgens de minister is het Nederlandse kabinet bereid om extra geld vrij te maken voor munitie.")


def rec(doc_id: str, text: str) -> dict:
    return {"id": doc_id, "text": text, "entities": [], "timexes": [], "quotes": [
        {"start": 0, "end": 5, "text": text[:5], "direct": True}], "events": []}


def canonical(store: Store) -> dict[str, str | None]:
    return {r["id"]: r["canonical_id"] for r in store.conn.execute("SELECT id, canonical_id FROM articles")}


def test_similarity_separates_copies_from_same_topic() -> None:
    story = signature(STORY)
    assert story.jaccard(signature(SYNDICATED)) >= THRESHOLD
    assert story.jaccard(signature(UPDATED)) >= THRESHOLD
    assert story.jaccard(signature(SAME_TOPIC)) < 0.2


def test_copies_link_to_the_first_across_batches_and_reopen(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.write_records([rec("origineel", STORY), rec("ander", SAME_TOPIC)])
    with Store(db) as store:  # a later ingest, a new connection: signatures come from the table
        store.write_records([rec("kopie", SYNDICATED)])
        store.write_records([rec("update", UPDATED)])
        assert canonical(store) == {"origineel": None, "ander": None, "kopie": "origineel", "update": "origineel"}
        similarity = store.conn.execute("SELECT s.similarity FROM article_signatures s JOIN articles a"
                                        " ON a.pk = s.article_pk WHERE a.id = 'kopie'").fetchone()[0]
        assert THRESHOLD <= similarity < 1
        # counted once in statistics, every copy's records kept
        assert store.conn.execute("SELECT COUNT(*) FROM unique_articles").fetchone()[0] == 2
        assert store.conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == 4
        assert store.link_duplicates().signed == 0  # the write path signed everything already


def test_link_duplicates_signs_articles_stored_without_signatures(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.write_records([rec("a", STORY), rec("b", SYNDICATED)])
        with store.conn:  # as a database filled before migration 002 would be
            store.conn.execute("DELETE FROM article_signatures")
            store.conn.execute("DELETE FROM lsh_bands")
            store.conn.execute("UPDATE articles SET canonical_id = NULL")
        result = store.link_duplicates()
        assert (result.signed, result.duplicates) == (2, 1)
        assert canonical(store) == {"a": None, "b": "a"}


def test_copy_of_a_copy_points_at_the_root_not_a_chain(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.write_records([rec("a", STORY), rec("b", SYNDICATED)])
        store.write_records([rec("c", "BRUSSEL (Belga) - " + SYNDICATED)])
        assert canonical(store) == {"a": None, "b": "a", "c": "a"}


def test_a_new_version_of_the_same_id_is_not_its_own_duplicate(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        store.write_records([rec("a", STORY)])
        store.write_records([rec("a", UPDATED)])  # same id, changed text: the store's version 2
        rows = store.conn.execute("SELECT version, current, canonical_id FROM articles ORDER BY version").fetchall()
        assert [tuple(r) for r in rows] == [(1, 0, None), (2, 1, None)]
        assert store.conn.execute("SELECT COUNT(*) FROM unique_articles").fetchone()[0] == 1
