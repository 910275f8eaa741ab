"""Package data: the one loader for every stage's lexicons, patterns and word lists.

Data lives in `data/<lang>/<kind>.yaml` (and `data/kb/`, `data/plover.yaml`); a new
language is a new folder. YAML is read with libyaml when present, once per process; what is
costly to compile from it (the KB, the name automaton) is kept in a cache between runs, keyed
by the files it was built from.
"""
from __future__ import annotations

import atexit
import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

import yaml

DATA = Path(__file__).resolve().parent / "data"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
T = TypeVar("T")
try:
    VERSION = version("kroniek")
except PackageNotFoundError:  # run from a source tree
    VERSION = "source"


def read_yaml(path: Path) -> Any:
    """Any YAML file (a user's too), parsed with the fast loader."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


@cache
def load(*parts: str) -> Any:
    """A shipped YAML file under data/, or None when there is none; callers must not mutate it.
    Parsed once per process, and kept parsed between runs while the file is unchanged."""
    path = DATA.joinpath(*parts)
    if not path.is_file():
        return None
    return cached("yaml-" + "-".join(parts).replace("/", "-"), files_digest([path]), lambda: read_yaml(path))


def for_language(lang: str | None, kind: str, fallback: str | None = None) -> Any:
    """data/<lang>/<kind>.yaml, else the fallback language's, else None."""
    found = load(lang, f"{kind}.yaml") if lang else None
    if found is None and fallback:
        found = load(fallback, f"{kind}.yaml")
    return found


def has_language(lang: str | None, kind: str) -> bool:
    return bool(lang) and DATA.joinpath(lang, f"{kind}.yaml").is_file()


@cache
def languages() -> tuple[str, ...]:
    """Languages kroniek analyses: data folders with a `segment.yaml` (adding `data/de/` adds German)."""
    return tuple(sorted(p.parent.name for p in DATA.glob("*/segment.yaml")))


K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """Answers remembered by key for a process's life, forgotten all at once past `size` keys: words
    and names recur across articles, and a long run must not grow without end."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get_or(self, key: K, compute: Callable[[K], V]) -> V:
        if key in self:
            return self[key]
        if len(self) >= self.size:
            self.clear()
        value = self[key] = compute(key)
        return value


@cache
def word_list(*parts: str) -> frozenset[str]:
    """A one-entry-a-line list under data/ (empty when missing)."""
    path = DATA.joinpath(*parts)
    if not path.is_file():
        return frozenset()
    return frozenset(line for line in path.read_text(encoding="utf-8").split("\n") if line)


def cache_dir() -> Path | None:
    """Where compiled resources are kept between runs (KRONIEK_CACHE, else the user's cache dir);
    None when caching is off (KRONIEK_CACHE=off)."""
    given = os.environ.get("KRONIEK_CACHE")
    if given == "off":
        return None
    return Path(given) if given else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kroniek"


def files_digest(paths: Iterable[Path], *extra: str) -> str:
    """A key for resources built from these files: their paths, sizes and modification times, and
    kroniek's version, so any edit or upgrade builds anew."""
    h = hashlib.sha1(VERSION.encode())
    for part in extra:
        h.update(part.encode())
    for path in paths:
        stat = path.stat()
        h.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()[:20]


def cached(kind: str, digest: str, build: Callable[[], T]) -> T:
    """A compiled resource from the cache, or built and stored there (atomically; a cache that
    cannot be read or written only costs the build)."""
    folder = cache_dir()
    path = folder / f"{kind}-{digest}.pickle" if folder else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # noqa: BLE001 -- a truncated or foreign file: rebuild it
            path.unlink(missing_ok=True)
    value = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(fh.name, path)
            for old in path.parent.glob(f"{kind}-*.pickle"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
    return value


def long_lived() -> None:
    """Take what is loaded so far out of the cycle collector's sight (gc.freeze): models, the KB and
    compiled lexicons live as long as the process, and a full collection scanned their ~200,000
    objects for ~0.1 s each time. Whatever else was alive then is frozen too, so the process unfreezes
    at exit: the last collection must still finalize a caller's objects (an open file flushes its
    buffer there), which a frozen one would skip."""
    gc.freeze()
    atexit.unregister(gc.unfreeze)
    atexit.register(gc.unfreeze)
