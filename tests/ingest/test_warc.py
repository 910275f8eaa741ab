"""WARC/ARC archives: HTML responses become articles; a broken record is a Failure with its offset."""
from __future__ import annotations

import io
from pathlib import Path
from uuid import NAMESPACE_URL, uuid5

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kroniek.ingest.readers import read_inputs
from kroniek.ingest.warc import read_warc
from kroniek.model import Article, Failure

BODY = ("<p>De onderhandelingen tussen Rusland en Oekraïne in Genève duurden bericht {i} urenlang.</p>"
        "<p>Volgens diplomaten is er vooruitgang geboekt, maar een akkoord is nog niet in zicht.</p>")


def page(i: int, dated: bool = True) -> bytes:
    meta = '<meta property="article:published_time" content="2025-04-18T09:00:00+02:00">' if dated else ""
    return (f"<html><head><title>Bericht {i}</title>{meta}</head><body><nav>Home | Sport</nav>"
            f"<article><h1>Bericht {i}</h1>{BODY.format(i=i)}</article></body></html>").encode()


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], ends: list[int] | None = None) -> list[int]:
    """A CC-NEWS-like WARC: request + response per page; returns each response record's offset
    (and appends where each response ends to `ends` when given)."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for url, body, ctype in pages:
            fixed = {"WARC-Date": "2025-04-20T10:00:00Z", "WARC-Record-ID": f"<urn:uuid:{uuid5(NAMESPACE_URL, url)}>"}
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), warc_headers_dict=dict(fixed),
                                            http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True))
            writer.write_record(req)
            req.raw_stream.close()  # warcio's digest buffer
            offsets.append(out.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict=dict(fixed, **{"WARC-Record-ID": f"<urn:uuid:{uuid5(NAMESPACE_URL, url + '#r')}>"}))
            writer.write_record(rec)
            rec.raw_stream.close()
            if ends is not None:
                ends.append(out.tell())
    return offsets


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, [("https://nieuws.example/a", page(1), "text/html; charset=utf-8"),
                      ("https://nieuws.example/logo.png", b"\x89PNG....", "image/png"),
                      ("https://nieuws.example/b", page(2, dated=False), "text/html")])
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Article, Article]
    dated, undated = items
    assert dated.url == "https://nieuws.example/a" and dated.date == "2025-04-18" and not dated.warnings
    assert "Genève duurden bericht 1" in dated.text and "Sport" not in dated.text
    # no date on the page: the crawl month only, with a note saying where it came from
    assert undated.date == "2025-04" and "WARC-Date" in undated.warnings[0]
    assert dated.id != undated.id


def test_broken_record_is_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    """Damage anywhere in a member: one Failure at its offset, every other page still read.

    A corrupt deflate stream may inflate to garbage without an error and run on into the next
    members. With these fixed record ids, damage 30 bytes into the third response does exactly that
    (warcio alone then loses two pages); the sweep covers the rest of the member.
    """
    path = tmp_path / "broken.warc.gz"
    ends: list[int] = []
    urls = [f"https://nieuws.example/1/{i}" for i in range(5)]
    offsets = write_warc(path, [(url, page(i), "text/html") for i, url in enumerate(urls)], ends)
    clean = path.read_bytes()
    damage = [(at, b"X" * 30) for at in range(offsets[2] + 12, ends[2] - 30, 6)]
    damage.append((ends[2] - 8, bytes([clean[ends[2] - 8] ^ 0xFF])))  # the CRC alone: inflates cleanly
    assert offsets[2] + 30 in [at for at, _ in damage]
    for at, junk in damage:
        data = bytearray(clean)
        data[at: at + len(junk)] = junk
        path.write_bytes(bytes(data))
        items = list(read_warc(path, str(path)))
        failures = [i for i in items if isinstance(i, Failure)]
        articles = [i for i in items if isinstance(i, Article)]
        assert [f.reason.split(":")[0] for f in failures] == [f"{path}@{offsets[2]}"], at
        assert sorted(a.url for a in articles) == [urls[i] for i in (0, 1, 3, 4)], at


def test_broken_uncompressed_record_resyncs(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    offsets = write_warc(path, [(f"https://nieuws.example/{i}", page(i), "text/html") for i in range(3)])
    data = bytearray(path.read_bytes())
    data[offsets[1]: offsets[1] + 8] = b"GARBAGE!"
    path.write_bytes(bytes(data))
    items = list(read_warc(path, str(path)))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert f"@{offsets[1]}" in items[1].reason


def test_zstd_and_bz2_archives(tmp_path: Path) -> None:
    import bz2
    import gzip

    import zstandard

    plain = tmp_path / "crawl.warc"
    write_warc(plain, [("https://nieuws.example/z", page(7), "text/html")])
    (tmp_path / "crawl.warc.zst").write_bytes(zstandard.ZstdCompressor().compress(plain.read_bytes()))
    (tmp_path / "crawl.warc.bz2").write_bytes(bz2.compress(plain.read_bytes()))
    (tmp_path / "whole.warc.gz").write_bytes(gzip.compress(plain.read_bytes()))  # one member, not one per record
    for name in ("crawl.warc.zst", "crawl.warc.bz2", "whole.warc.gz"):
        [item] = list(read_inputs([str(tmp_path / name)]))
        assert isinstance(item, Article) and item.url == "https://nieuws.example/z"


def test_truncated_gzip_archive_ends_with_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path, [(f"https://nieuws.example/{i}", page(i), "text/html") for i in range(2)])
    path.write_bytes(path.read_bytes()[: offsets[1] + 50])
    items = list(read_warc(path, str(path)))
    assert isinstance(items[0], Article) and isinstance(items[-1], Failure)
    assert items[-1].reason == f"{path}@{offsets[1]}: archive ends inside a record (truncated)"


def test_arc_archive(tmp_path: Path) -> None:
    """The older ARC format (Internet Archive): warcio converts its records to WARC on the fly."""
    body = (b"<html><head><title>Oud bericht</title></head><body><article><p>"
            + b"De gemeenteraad van Leiden besprak gisteren de nieuwe begroting voor het jaar. " * 4
            + b"</p></article></body></html>")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    desc = b"1 0 Kroniek\nURL IP-address Archive-date Content-type Archive-length\n"
    head = b"filedesc://oud.arc 0.0.0.0 20250420100000 text/plain %d\n" % len(desc)
    record = b"http://oud.example/bericht 1.2.3.4 20250420100000 text/html %d\n" % len(http)
    path = tmp_path / "oud.arc"
    path.write_bytes(head + desc + b"\n" + record + http + b"\n")
    [item] = list(read_inputs([str(path)]))
    assert isinstance(item, Article)
    assert item.url == "http://oud.example/bericht" and item.date == "2025-04"
    assert item.text.count("gemeenteraad van Leiden") == 4


@pytest.mark.parametrize("suffix", [".bz2", ".zst"])
def test_truncated_bz2_and_zstd_archives_end_with_a_failure(tmp_path: Path, suffix: str) -> None:
    """Issue #16, case 3: a cut .warc.bz2 or .warc.zst read as '0 documents, 0 errors'."""
    import bz2

    import zstandard

    plain = tmp_path / "crawl.warc"
    write_warc(plain, [(f"https://nieuws.example/{i}", page(i), "text/html") for i in range(3)])
    compress = bz2.compress if suffix == ".bz2" else zstandard.ZstdCompressor().compress
    whole = compress(plain.read_bytes())
    path = tmp_path / f"cut.warc{suffix}"
    path.write_bytes(whole[: len(whole) - 40])
    items = list(read_inputs([str(path)]))
    assert items and isinstance(items[-1], Failure)
    assert items[-1].reason.startswith(f"{path}@") and "cut short" in items[-1].reason


def test_record_running_past_the_end_is_named_and_the_records_it_swallowed_are_read(tmp_path: Path) -> None:
    """Issue #16, case 3: a record whose length runs past the end silently took the records after it."""
    path = tmp_path / "long.warc"
    urls = [f"https://nieuws.example/{i}" for i in range(4)]
    offsets = write_warc(path, [(url, page(i), "text/html") for i, url in enumerate(urls)])
    data = path.read_bytes()
    header_end = data.index(b"\r\n\r\n", offsets[1])
    length = data.rindex(b"Content-Length: ", offsets[1], header_end)
    digits = data[length + 16: data.index(b"\r\n", length)]
    path.write_bytes(data[:length + 16] + str(int(digits) + 100_000).encode() + data[length + 16 + len(digits):])
    items = list(read_warc(path, str(path)))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article", "Article"]
    assert items[1].reason.startswith(f"{path}@{offsets[1]}: record shorter than its Content-Length")
    assert [i.url for i in items if isinstance(i, Article)] == [urls[0], urls[2], urls[3]]
