"""kroniek: who said or did what to whom, when and where — from dated news articles."""
from .model import Article, Doc
from .pipeline import Options, Pipeline, analyse

__all__ = ["Article", "Doc", "Options", "Pipeline", "analyse"]
__version__ = "0.1.0"
