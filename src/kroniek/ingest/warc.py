"""WARC and ARC archives (CC-NEWS layout): each HTML response record becomes one article.

The page's own date comes first. WARC-Date is when the crawler fetched the page, not when it was
published (CC-NEWS fetches within hours to days, across month ends too), so a page that states no
date gets only the crawl *month*, with a warning: the dates stage then estimates the day from the
text instead of trusting a crawl day. The id hashes WARC-Target-URI, so a re-crawled page with
changed text becomes a new version of the same article in the store.

A broken record is a Failure naming the file and byte offset; reading resumes at the next record
(the next gzip member in a .warc.gz, the next `WARC/1.` line otherwise). So does a record shorter
than its Content-Length, which has swallowed the records after it. `.bz2` and `.zst` archives are
read through `streams.open_stream`, which names a file cut short.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..model import Failure, stable_id
from .html import article_from_html
from .readers import READERS, Item
from .streams import (
    CHUNK,
    MAX_BYTES,
    ArchiveError,
    Decompressed,
    TruncatedError,
    open_stream,
)

RECORD_STARTS = (b"\x1f\x8b\x08", b"WARC/1.")  # a gzip member, an uncompressed WARC header
HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCAN = 1 << 20
_SPOOL = 64 << 20  # a member inflating beyond this (a whole-file gzip) spills to a temp file


def next_record_start(fh: IO[bytes], after: int) -> int | None:
    """Offset of the first record start (gzip member or WARC header) after `after`, or None."""
    pos = after + 1
    while True:
        fh.seek(pos)
        chunk = fh.read(_SCAN + 16)
        if not chunk:
            return None
        hits = [i for i in (chunk.find(m) for m in RECORD_STARTS) if i >= 0]
        if hits:
            return pos + min(hits)
        if len(chunk) <= 16:
            return None
        pos += _SCAN


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return ((headers.get_header("Content-Type") if headers else None) or "").lower()


def _status_ok(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return True
    code = record.http_headers.get_statuscode() or ""
    return code.startswith("2")


def record_item(record: Any, origin: str) -> Item | None:
    """One archive record as an Article or Failure; None for records that are not HTML pages."""
    if record.rec_type not in ("response", "resource") or not _status_ok(record):
        return None
    ctype = _content_type(record)
    if ctype and not any(t in ctype for t in HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc_id = stable_id(url) if url else None
    payload = record.content_stream().read(MAX_BYTES + 1)
    if len(payload) > MAX_BYTES:
        return Failure(doc_id or origin, f"{origin}: page over {MAX_BYTES // 1_000_000} MB")
    crawled = record.rec_headers.get_header("WARC-Date") or ""
    month = crawled[:7] if len(crawled) >= 7 else None
    return article_from_html(payload, origin, url=url, id=doc_id, fallback_date=month,
                             fallback_note=f"page states no date; crawl month {month} from WARC-Date")


def _failure(where: str, why: str) -> Failure:
    """A Failure whose reason starts with the record's place, `file@offset`."""
    return Failure(where, f"{where}: {why}")


def _broken(exc: Exception) -> str:
    return f"broken record ({type(exc).__name__}: {str(exc)[:160]!r})"


def _short(record: Any) -> bool:
    """Whether the record ends before its Content-Length: it ran into the end of the file (cut
    short) and has swallowed whatever followed it (the records after a wrong length)."""
    stream = record.raw_stream
    while stream.read(CHUNK):
        pass
    return getattr(stream, "limit", 0) > 0


def _records(iterator: Any, origin: str, base: int | None = None) -> Iterator[Item]:
    """Items of an ArchiveIterator's records; `base` (a gzip member's offset) names them all when given.

    Returns the offset of a record shorter than its length (reading stops there), else None.
    """
    for record in iterator:
        offset = iterator.offset if base is None else base
        where = f"{origin}@{offset}"
        try:
            item = record_item(record, where)
        except ArchiveError:
            raise  # the file is damaged, not this record: the caller names it
        except Exception as exc:  # noqa: BLE001 -- a record's payload can break in many ways
            item = _failure(where, f"broken record ({type(exc).__name__}: {exc})")
        if _short(record):
            yield _failure(where, "record shorter than its Content-Length (the file is cut short or the length "
                                  "is wrong)")
            return offset
        if item is not None:
            yield item
    return None


def gzip_members(fh: IO[bytes], origin: str) -> Iterator[tuple[int, IO[bytes] | Failure]]:
    """(offset, decompressed member) for each gzip member, its CRC checked; a broken one is a Failure.

    A corrupt deflate stream can decode to garbage for a while and swallow the members after it, so
    each member is verified on its own and reading resumes at the next gzip header after the broken
    member's *start*, never after the point where the damage was noticed.
    """
    size = os.fstat(fh.fileno()).st_size
    pos: int | None = 0
    while pos is not None and pos < size:
        fh.seek(pos)
        member = Decompressed(fh, "gzip", single=True, borrowed=True)
        out = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 -- handed to the caller, closed on every path
        try:
            shutil.copyfileobj(member, out, CHUNK)
        except TruncatedError:
            out.close()
            yield pos, _failure(f"{origin}@{pos}", "archive ends inside a record (truncated)")
            return
        except ArchiveError as exc:
            out.close()
            yield pos, _failure(f"{origin}@{pos}", f"broken record ({exc})")
            pos = next_record_start(fh, pos)
            continue
        out.seek(0)
        yield pos, out
        pos += member.consumed


def read_warc(path: Path, origin: str) -> Iterator[Item]:
    """Every HTML page in a WARC/ARC file (plain, .gz per record, .bz2, .zst)."""
    if path.suffix.lower() == ".gz":  # read raw: its members are inflated one by one, by offset
        with path.open("rb") as fh:
            yield from _read_gzip(fh, origin)
    else:
        with open_stream(path) as fh:
            yield from _read_stream(fh, fh.seekable(), origin)


def _read_gzip(fh: IO[bytes], origin: str) -> Iterator[Item]:
    """.warc.gz / .arc.gz: member by member, each named by its offset."""
    from warcio.archiveiterator import ArchiveIterator

    for pos, member in gzip_members(fh, origin):
        if isinstance(member, Failure):
            yield member
            continue
        with member:
            try:
                yield from _records(ArchiveIterator(member, arc2warc=True), origin, pos)
            except Exception as exc:  # noqa: BLE001 -- warcio's parser errors on a member that inflated fine
                yield _failure(f"{origin}@{pos}", _broken(exc))


def _read_stream(fh: IO[bytes], seekable: bool, origin: str) -> Iterator[Item]:
    """Plain, .bz2 or .zst: a broken record resyncs at the next `WARC/1.` line when the file can seek."""
    from warcio.archiveiterator import ArchiveIterator

    start: int | None = 0
    while start is not None:
        if seekable:
            fh.seek(start)
        iterator = ArchiveIterator(fh, arc2warc=True)
        try:
            broken_at = yield from _records(iterator, origin)
            if broken_at is None and seekable and iterator.offset < os.fstat(fh.fileno()).st_size:
                yield _failure(f"{origin}@{iterator.offset}", "archive ends inside a record (truncated)")
        except TruncatedError as exc:
            broken_at = None
            yield _failure(f"{origin}@{iterator.offset}", f"archive ends inside a record ({exc})")
        except Exception as exc:  # noqa: BLE001 -- warcio raises its own and parser errors mid-archive
            broken_at = iterator.offset
            yield _failure(f"{origin}@{broken_at}", _broken(exc) + ("" if seekable else "; rest of file skipped"))
        start = next_record_start(fh, broken_at) if broken_at is not None and seekable else None


for _suffix in (".warc", ".arc"):
    READERS[_suffix] = read_warc
