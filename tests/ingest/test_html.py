"""HTML pages: main text without boilerplate, metadata, and dates at the granularity the page gives."""
from __future__ import annotations

import gzip
from pathlib import Path

from kroniek.ingest.html import extract_page, fragment_text, granular_date, read_html
from kroniek.ingest.readers import read_inputs
from kroniek.model import Article, Failure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_page_main_text_and_metadata() -> None:
    [article] = list(read_html(FIXTURES / "page_nl.html", "page_nl.html"))
    assert isinstance(article, Article)
    assert article.id == "page_nl"
    assert "Wij laten Oekraïne niet in de steek" in article.text
    assert "Abonneer" not in article.text and "Cookiebeleid" not in article.text
    assert article.title == "Kabinet zet steun aan Oekraïne voort"
    assert article.source == "Voorbeeldkrant"
    assert article.url == "https://voorbeeldkrant.example/binnenland/steun-oekraine"
    # 23:30 in Amsterdam is the 19th there (the 19th is also 21:30 UTC): the page's own day
    assert article.date == "2025-04-19"
    assert "\n\n" in article.text  # paragraphs stay separable for the segment stage


def test_author_is_extracted() -> None:
    page = extract_page((FIXTURES / "page_nl.html").read_bytes())
    assert page is not None and page.author == "Anna de Vries"


def test_month_only_date_stays_a_month() -> None:
    [article] = list(read_html(FIXTURES / "page_month.html", "page_month.html"))
    assert isinstance(article, Article)
    assert article.date == "2025-04"
    assert article.granularity == "month"


def test_undated_page_gets_no_date_and_month_text_no_invented_day() -> None:
    body = "<p>" + "De regering sprak over de begroting en de zorg in het land. " * 8 + "</p>"
    undated = f"<html><head><title>Zonder datum</title></head><body><article>{body}</article></body></html>"
    page = extract_page(undated)
    assert page is not None and page.date is None
    in_text = f"<html><body><article><p>Gepubliceerd in april 2025</p>{body}</article></body></html>"
    page = extract_page(in_text)
    assert page is not None and page.date == "2025-04"


def test_url_date_keeps_its_granularity() -> None:
    body = "<p>" + "De minister verdedigde het plan in de Kamer tegen felle kritiek. " * 8 + "</p>"
    page = extract_page(f"<html><body><article>{body}</article></body></html>",
                        url="https://krant.example/2024/11/plan-verdedigd")
    assert page is not None and page.date == "2024-11"


def test_granular_date_forms() -> None:
    assert granular_date("2025-04") == "2025-04"
    assert granular_date("2025-04-19T23:30:00+02:00") == "2025-04-19"
    assert granular_date("za, 19 apr 2025 10:00:00 +0200") == "2025-04-19"
    assert granular_date("April 19, 2025") == "2025-04-19"
    assert granular_date("april 2025") == "2025-04"
    assert granular_date("2025-02-30") is None
    assert granular_date("binnenkort") is None


def test_fragment_text_strips_markup() -> None:
    text = fragment_text("<p>Een <b>vet</b> woord.</p><script>x()</script><p>Tweede&nbsp;alinea</p>")
    assert text == "Een vet woord.\n\nTweede alinea"


def test_compressed_html_and_registration(tmp_path: Path) -> None:
    target = tmp_path / "bericht.html.gz"
    target.write_bytes(gzip.compress((FIXTURES / "page_nl.html").read_bytes()))
    [article] = list(read_inputs([str(target)]))
    assert isinstance(article, Article) and article.id == "bericht"


def test_binary_and_empty_pages_are_failures(tmp_path: Path) -> None:
    binary = tmp_path / "kapot.html"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    empty = tmp_path / "leeg.html"
    empty.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    items = [*read_html(binary, str(binary)), *read_html(empty, str(empty))]
    assert all(isinstance(i, Failure) for i in items) and len(items) == 2
    assert "kapot.html" in items[0].reason and "leeg.html" in items[1].reason
