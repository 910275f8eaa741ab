"""kroniek: who said or did what to whom, when and where — from dated news articles."""
from .model import Article, Doc, Failure, Options, make_article, stable_id
from .pipeline import Pipeline

__all__ = ["Article", "Doc", "Failure", "Options", "Pipeline", "analyse"]
__version__ = "0.1.0"

_PIPELINES: dict[str | None, Pipeline] = {}


def analyse(text: str, date: str | None = None, lang: str | None = None, id: str | None = None,
            title: str | None = None) -> dict:
    """Analyse one text and return its FORMAT.md extraction record (for notebooks and scripts).

    It never raises for bad input: text that cannot be analysed (empty, binary, too long, not a
    string) or a document a stage fails on gives a record with empty lists and an `error` saying why,
    so a loop over many texts goes on.
    """
    if lang not in _PIPELINES:
        _PIPELINES[lang] = Pipeline(Options(lang=lang))
    article = make_article(text=text, date=date, lang=lang, id=id, title=title, origin="analyse()")
    [done] = _PIPELINES[lang].run_many([article])
    if isinstance(done, Doc):
        return done.record()
    given = text if isinstance(text, str) else ""
    doc_id = article.id if isinstance(article, Article) else str(id) if id not in (None, "") else stable_id(given)
    return {"id": doc_id, "lang": lang, "date": None, "published": None, "text": given, "entities": [],
            "timexes": [], "quotes": [], "events": [], "error": done.reason}
