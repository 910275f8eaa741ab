"""Paging on a store with more rows than one page: every list page renders its pager."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kroniek.store.db import Store

from .conftest import Server, _run, handmade_record


@pytest.fixture(scope="module")
def sixty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """60 copies of the hand-made article: 180 quotes, 120 events, more than one page of each."""
    db: Path = tmp_path_factory.mktemp("sixty") / "kroniek.db"
    records = []
    for i in range(60):
        rec = handmade_record(f"hand-{i:02d}")
        rec["text"] += f" ({i})"
        records.append(rec)
    with Store(db) as store:
        store.write_records(records)
    yield from _run(db, None)


@pytest.mark.parametrize("path", ["/articles", "/quotes", "/events", "/search?q=Poetin", "/articles?offset=50",
                                  "/quotes?offset=150", "/events?offset=50&limit=20", "/actors?limit=2&offset=2"])
def test_list_pages_render_their_pager(sixty: Server, path: str) -> None:
    with sixty.client() as c:
        response = c.get(path)
    assert response.status_code == 200, response.text[:500]
    assert 'class="pager"' in response.text
