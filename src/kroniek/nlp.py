"""spaCy pipelines, loaded lazily once per process, and parses made only where a stage asks.

Parsing every sentence would cost most of the pipeline's time budget, so no stage parses
up front: the quote and event stages call `parse_sentences(doc, indices, options)` for the
sentences that hold a cue, a trigger or an actor. The article is tokenized once (one spaCy
Doc over the whole text, so token and span offsets are article offsets); the tagger,
morphologizer, lemmatizer and parser then run on the asked-for sentences only, and their
annotations are written back into that Doc. Sentences never asked for have tokens only
(no POS, lemma or dependencies).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import lexicons
from .model import Doc, Options

if TYPE_CHECKING:  # spaCy is imported when a parse is first asked for: a run that needs none starts fast
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

MODELS = Path(__file__).resolve().parent / "models"
SHIPPED = {"nl": "nl_kroniek", "en": "en_kroniek"}
_COPIED = ["POS", "TAG", "MORPH", "LEMMA", "HEAD", "DEP"]  # the annotations a parse writes back


class ModelMissing(LookupError):
    """No spaCy pipeline for a language: neither shipped nor given by Options.spacy_model."""


def customise_tokenizer(nlp: Language, lang: str) -> Language:
    """Add data/<lang>/segment.yaml's special cases (e.g. ",," as an opening quote) to nlp's tokenizer."""
    for orth, attrs in ((lexicons.for_language(lang, "segment") or {}).get("special_cases") or {}).items():
        nlp.tokenizer.add_special_case(orth, [{"ORTH": orth, **(attrs or {})}])
    return nlp


@cache
def tokenizer_nlp(lang: str) -> Language:
    """A blank spaCy pipeline (tokenizer only) with kroniek's news exceptions, for token-level rules."""
    import spacy

    return customise_tokenizer(spacy.blank(lang), lang)


def model_path(lang: str) -> Path:
    return MODELS / SHIPPED.get(lang, f"{lang}_kroniek")


@cache
def load(lang: str, model: str | None = None) -> Language:
    """The pipeline for `lang`: `model` (an installed package name or a path) if given, else the
    shipped one; loaded once per process."""
    name = model or model_path(lang)
    if model is None and not Path(name).is_dir():
        raise ModelMissing(f"no shipped spaCy pipeline for {lang!r} (looked in {name}); "
                           "set Options.spacy_model to an installed one")
    import spacy

    nlp = customise_tokenizer(spacy.load(name), lang)
    lexicons.long_lived()
    return nlp


def pipeline_for(doc: Doc, options: Options | None = None) -> Language:
    return load(doc.lang or "", (options.spacy_model if options else None) or None)


def _full_doc(doc: Doc, nlp: Language) -> SpacyDoc:
    """The article's spaCy Doc: reused from an earlier parse, else tokenized now."""
    earlier = next(iter(doc.parses.values()), None)
    return earlier.doc if earlier is not None else nlp.tokenizer(doc.text)


def _sentence_doc(nlp: Language, span: SpacySpan) -> SpacyDoc:
    """A fresh Doc of one sentence: re-tokenizing its text is several times cheaper than
    Span.as_doc; as_doc only when the tokens would differ from the article's."""
    sub = nlp.tokenizer(span.text)
    return sub if len(sub) == len(span) else span.as_doc()


def parse_sentences(doc: Doc, indices: Iterable[int], options: Options | None = None) -> dict[int, SpacySpan]:
    """Parse the sentences `indices` of doc.sentences (skipping ones already parsed), store them
    in doc.parses and return {index: spaCy Span} for the asked indices.

    Spans belong to one spaCy Doc over the whole article, so `span.start_char`, `token.idx`
    are offsets into doc.text. With options.parse False, or for a language kroniek does not
    analyse, nothing is parsed and {} is returned.
    """
    if (options is not None and not options.parse) or not doc.analysable or not lexicons.has_language(doc.lang, "segment"):
        return {}
    wanted = sorted({i for i in indices if 0 <= i < len(doc.sentences)})
    todo = [i for i in wanted if i not in doc.parses]
    if todo:
        nlp = pipeline_for(doc, options)
        full = _full_doc(doc, nlp)
        spans = {i: full.char_span(*doc.sentences[i], alignment_mode="expand") for i in todo}
        spans = {i: s for i, s in spans.items() if s is not None and len(s)}
        parsed = nlp.pipe(_sentence_doc(nlp, s) for s in spans.values())
        table = full.to_array(_COPIED)
        for span, sub in zip(spans.values(), parsed):
            table[span.start:span.end] = sub.to_array(_COPIED)
        full.from_array(_COPIED, table)
        doc.parses.update(spans)
    return {i: doc.parses[i] for i in wanted if i in doc.parses}


def parse_text(lang: str, text: str, options: Options | None = None) -> SpacyDoc:
    """One sentence's text parsed on its own (offsets are the text's): the cheap path for a stage
    that needs a single sentence's syntax and not the article's token alignment."""
    nlp = load(lang, (options.spacy_model if options else None) or None)
    return nlp(text, disable=[p for p in ("trainable_lemmatizer", "lemmatizer") if p in nlp.pipe_names])


def parse_all(doc: Doc, options: Options | None = None) -> dict[int, SpacySpan]:
    """Every sentence parsed (the slow path, for evaluation and for users who want full parses)."""
    return parse_sentences(doc, range(len(doc.sentences)), options)


def tag_text(lang: str, text: str, options: Options | None = None) -> list[tuple[int, str]]:
    """(offset, UPOS) for the words of one sentence's text, tagged without the parser or the
    lemmatizer (about half a parse's cost): for a stage that needs a word class, not syntax."""
    nlp = load(lang, (options.spacy_model if options else None) or None)
    skip = [p for p in ("parser", "trainable_lemmatizer", "lemmatizer") if p in nlp.pipe_names]
    return [(t.idx, t.pos_) for t in nlp(text, disable=skip)]
