"""The analyst's workbench: a FastAPI app whose API and pages share store.queries."""
from .app import create_app, serve

__all__ = ["create_app", "serve"]
