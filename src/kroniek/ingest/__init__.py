"""Readers for every input format; importing this package registers them all in `readers.READERS`."""
from . import feeds, html, readers, warc

__all__ = ["feeds", "html", "readers", "warc"]
