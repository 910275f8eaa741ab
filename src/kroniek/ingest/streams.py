"""Plain and compressed files read as one bounded byte stream, and lines read from it.

Every reader opens its file here, so `.gz`, `.bz2` and `.zst` behave alike: they are inflated as they
are read, a little at a time (never a whole file or a whole line into memory), concatenated members
are read on, and a file that is corrupt or cut short raises `ArchiveError` naming the compressed
byte offset. The standard library ends a cut-off `.bz2` with an EOFError that warcio takes for a
clean end, and zstd's stream reader says nothing at all: both used to read as "0 documents, 0 errors".
"""
from __future__ import annotations

import bz2
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import zstandard

from ..model import MAX_CHARS, Failure

MAX_BYTES = 4 * MAX_CHARS  # a document's bytes (UTF-8, JSON escapes) may outnumber its characters
CHUNK = 1 << 16
COMPRESSION = {".gz": "gzip", ".bz2": "bzip2", ".zst": "zstd"}
_ZSTD_FEED = 256  # zstd cannot cap its output per call; 256 input bytes inflate to at most ~8 MB
_PEEK = 8192


class ArchiveError(ValueError):
    """Compressed data that is not what its suffix says, or is damaged."""


class TruncatedError(ArchiveError):
    """Compressed data that ends inside a member: the file was cut short."""


class _Member:
    """One gzip member, bzip2 stream or zstd frame being inflated, a bounded amount per call."""

    def __init__(self, kind: str, data: bytes = b"") -> None:
        self.kind = kind
        self.pending = data  # compressed input not yet given to the decompressor
        self.full = False  # the last call filled its quota: more output may come without input
        if kind == "gzip":
            self.inflater = zlib.decompressobj(31)
        elif kind == "bzip2":
            self.inflater = bz2.BZ2Decompressor()
        else:
            self.inflater = zstandard.ZstdDecompressor().decompressobj()

    @property
    def eof(self) -> bool:
        return self.inflater.eof

    @property
    def needs_input(self) -> bool:
        if self.pending or self.full:
            return False
        return self.inflater.needs_input if self.kind == "bzip2" else True

    def unused(self) -> bytes:
        """Input after the end of this member (the start of the next one)."""
        return self.inflater.unused_data + self.pending

    def inflate(self, size: int) -> bytes:
        if self.kind == "zstd":
            piece, self.pending = self.pending[:_ZSTD_FEED], self.pending[_ZSTD_FEED:]
            return self.inflater.decompress(piece)
        data, self.pending = self.pending, b""
        out = self.inflater.decompress(data, size)
        if self.kind == "gzip":
            self.pending = self.inflater.unconsumed_tail
        self.full = len(out) >= size
        return out


class Decompressed(io.RawIOBase):
    """A compressed file inflated as it is read; `single` stops after the first member.

    `consumed` is the compressed size of the members finished so far, so a caller reading one
    gzip member at a time knows where the next one starts; such a caller keeps its file open
    (`borrowed`), the stream does not close it.
    """

    def __init__(self, raw: BinaryIO, kind: str, single: bool = False, borrowed: bool = False) -> None:
        super().__init__()
        self.raw, self.kind, self.single, self.borrowed = raw, kind, single, borrowed
        self.member = _Member(kind)
        self.fed = self.consumed = 0
        self.buffer = b""
        self.done = False

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if not self.borrowed:
            self.raw.close()
        super().close()

    def readinto(self, target: memoryview) -> int:  # type: ignore[override]
        while not self.buffer and not self.done:
            self.buffer = self._inflate(len(target))
        n = min(len(target), len(self.buffer))
        target[:n] = self.buffer[:n]
        self.buffer = self.buffer[n:]
        return n

    def _inflate(self, size: int) -> bytes:
        member = self.member
        if member.eof:
            rest = member.unused()
            self.consumed = self.fed - len(rest)
            if not self.single and not rest:
                rest = self._read()
            if self.single or not rest:
                self.done = True
                return b""
            member = self.member = _Member(self.kind, rest)
        elif member.needs_input:
            chunk = self._read()
            if not chunk:
                if self.fed == 0:
                    raise TruncatedError(f"empty {self.kind} file")
                raise TruncatedError(f"{self.kind} data ends at byte {self.fed} inside a compressed stream "
                                     "(file cut short)")
            member.pending += chunk
        try:
            return member.inflate(size)
        except (zlib.error, OSError, EOFError, zstandard.ZstdError) as exc:
            raise ArchiveError(f"corrupt {self.kind} data before byte {self.fed} ({exc})") from exc

    def _read(self) -> bytes:
        chunk = self.raw.read(CHUNK)
        self.fed += len(chunk)
        return chunk


def open_stream(path: Path) -> io.BufferedReader:
    """The file's bytes, inflated as they are read when its suffix says it is compressed."""
    kind = COMPRESSION.get(path.suffix.lower())
    raw = path.open("rb")
    if kind is None:
        return raw
    return io.BufferedReader(Decompressed(raw, kind), CHUNK)


def open_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` + 1 bytes of the (inflated) file: one more than allowed tells it is too long."""
    with open_stream(path) as stream:
        return stream.read(limit + 1)


def is_binary(head: bytes) -> bool:
    """NUL bytes near the start: an image, an archive, UTF-16 — not text."""
    return b"\x00" in head[:_PEEK]


def read_whole(path: Path, origin: str) -> bytes | Failure:
    """A one-document file's bytes, or a Failure when it is damaged, too long or binary."""
    try:
        data = open_bytes(path)
    except ArchiveError as exc:
        return Failure(path.name, f"{origin}: {exc}")
    if len(data) > MAX_BYTES:
        return Failure(path.name, f"{origin}: file over {MAX_BYTES // 1_000_000} MB, not an article")
    if is_binary(data):
        return Failure(path.name, f"{origin}: binary content (NUL bytes), not text")
    return data


def lines(stream: io.BufferedReader, origin: str, limit: int = MAX_BYTES) -> Iterator[tuple[int, str | Failure]]:
    """(number, text) per line of a UTF-8 stream; a Failure for a line that cannot be used.

    A line over `limit` bytes is skipped without being held in memory; a line that is not UTF-8
    fails alone; binary content or a damaged archive ends the file with a Failure saying so.
    """
    number = 0
    try:
        if is_binary(stream.peek(_PEEK)):
            yield 0, Failure(origin, f"{origin}: binary content (NUL bytes), not text")
            return
        while line := stream.readline(limit + 1):
            number += 1
            where = f"{origin}:{number}"
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := stream.readline(CHUNK)) and not rest.endswith(b"\n"):
                    pass
                yield number, Failure(where, f"{where}: line over the size limit of {limit // 1_000_000} MB")
                continue
            try:
                yield number, line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield number, Failure(where, f"{where}: not valid UTF-8 (byte {exc.start}: "
                                             f"{line[exc.start:exc.start + 4]!r})")
        if number == 0:
            yield 0, Failure(origin, f"{origin}: empty file")
    except ArchiveError as exc:
        yield number, Failure(origin, f"{origin}: {exc}; {number} lines read, the rest is lost")
