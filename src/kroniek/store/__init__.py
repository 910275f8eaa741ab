"""The SQLite store and the queries shared by the CLI, the API and the web pages."""
from .db import DEFAULT_DB, Store, WriteResult
from .queries import Filters, Page

__all__ = ["DEFAULT_DB", "Filters", "Page", "Store", "WriteResult"]
