"""kroniek: who said or did what to whom, when and where — from dated news articles."""
from .model import Article, Doc, Failure, Options, make_article
from .pipeline import Pipeline

__all__ = ["Article", "Doc", "Failure", "Options", "Pipeline", "analyse"]
__version__ = "0.1.0"

_PIPELINES: dict[str | None, Pipeline] = {}


def analyse(text: str, date: str | None = None, lang: str | None = None, id: str | None = None,
            title: str | None = None) -> dict:
    """Analyse one text and return its FORMAT.md extraction record (for notebooks and scripts)."""
    if lang not in _PIPELINES:
        _PIPELINES[lang] = Pipeline(Options(lang=lang))
    article = make_article(text=text, date=date, lang=lang, id=id, title=title, origin="analyse()")
    return _PIPELINES[lang](article).record()
