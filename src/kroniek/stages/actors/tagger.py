"""The statistical name tagger of the actor stage: a small spaCy NER (CNN, no vectors) per language,
shipped in `models/<lang>_kroniek_ner` and trained by `scripts/train_ner.py`.

The KB links and the rules find capitalised runs; the tagger decides, for the names the KB did
not match, whether a run is a name at all and which type it has (PER, ORG, LOC, MISC). It runs
only on a window of text around such runs (a few words each side, within the line), never on
the whole article, which keeps the stage fast: a window is what the tagger's CNN and its
transition features see anyway.
"""
from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from math import inf
from pathlib import Path
from typing import Any

MODELS = Path(__file__).resolve().parents[2] / "models"
WINDOW = 10  # characters of context on each side of a run
SEPARATOR = "\n\n"  # between windows: a break no name crosses
LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
# How the tagger's reading combines with the rules (docs/actors.md): it reads the unknown runs no rule
# clue types (strength 0: the default type), and its type counts as a clue just above that default,
# so any rule clue for the same name in the article outweighs it. Which of its types count is the
# language's `tagger_types` (data/<lang>/actors.yaml); its "no name" is not used.
TAGGER_STRENGTH = 0.5  # the strength of the tagger's type in the per-article vote
ASK_BELOW = 1  # the tagger reads the runs the rules type with less strength than this


def model_path(lang: str) -> Path:
    return MODELS / f"{lang}_kroniek_ner"


@cache
def load(lang: str | None) -> Any:
    """The language's tagger, loaded once per process; None when none is shipped (or when the
    environment sets KRONIEK_NER=0). Its layers multiply through numpy's BLAS rather than blis:
    for a few dozen tokens at a time that is about twice as fast (blis picked its generic kernel
    on the machines measured; benchmarks/bench_actors.py), with the same names."""
    path = model_path(lang or "")
    if not lang or os.environ.get("KRONIEK_NER", "1") == "0" or not (path / "config.cfg").is_file():
        return None
    import spacy
    from spacy.attrs import IS_SPACE, NORM, PREFIX, SHAPE, SUFFIX
    from thinc.api import NumpyOps

    nlp = spacy.load(path)
    getters = nlp.vocab.lex_attr_getters  # a new word computes only what the tagger reads
    nlp.vocab.lex_attr_getters = {k: v for k, v in getters.items() if k in (NORM, PREFIX, SUFFIX, SHAPE, IS_SPACE)}
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        for node in pipe.model.walk():
            node.ops = ops
    nlp.get_pipe("tok2vec").fused = Tok2Vec(nlp.get_pipe("tok2vec").model)
    return nlp


class Tok2Vec:
    """The tagger's embedding and CNN (spaCy's MultiHashEmbed and MaxoutWindowEncoder) as a few numpy
    products. Why: for the few dozen tokens of one article's windows, thinc's forward pass spends
    most of its time calling its forty-odd layers, not multiplying; the same weights give the same
    vectors (tests/stages/test_tagger.py)."""

    def __init__(self, model: Any) -> None:
        nodes = list(model.walk())
        named = lambda name: [n for n in nodes if n.name == name]
        self.ops = named("hashembed")[0].ops
        self.columns = named("extract_features")[0].attrs["columns"]
        self.embeds = [(n.get_param("E"), n.attrs["seed"], n.attrs["column"]) for n in named("hashembed")]
        self.maxouts = [self._maxout(n) for n in named("maxout")]
        self.norms = [(n.get_param("G"), n.get_param("b")) for n in named("layernorm")]
        self.window = named("expand_window")[0].attrs["window_size"]
        if len(self.maxouts) != len(self.norms) or len(self.maxouts) != len(named("expand_window")) + 1:
            raise ValueError("not a MultiHashEmbed + MaxoutWindowEncoder tok2vec")

    @staticmethod
    def _maxout(node: Any) -> tuple[Any, Any, int, int]:
        """Weights ordered piece by piece, so the maximum is taken over contiguous column blocks."""
        n_out, pieces = node.get_dim("nO"), node.get_dim("nP")
        weights = node.get_param("W").reshape(n_out, pieces, node.get_dim("nI"))
        bias = node.get_param("b").reshape(n_out, pieces)
        weights = weights.transpose(1, 0, 2).reshape(pieces * n_out, -1).T.copy()
        return weights, bias.T.reshape(-1).copy(), n_out, pieces

    def _layer(self, X: Any, i: int) -> Any:
        weights, bias, n_out, pieces = self.maxouts[i]
        Y = X @ weights
        Y += bias
        best = Y[:, :n_out]
        for piece in range(1, pieces):
            best = self.ops.xp.maximum(best, Y[:, piece * n_out:(piece + 1) * n_out])
        centred = best - self.ops.xp.add.reduce(best, axis=1, keepdims=True) / n_out
        var = self.ops.xp.add.reduce(centred * centred, axis=1, keepdims=True) / n_out + 1e-08
        gain, shift = self.norms[i]
        return centred * var ** -0.5 * gain + shift

    def __call__(self, doc: Any) -> Any:
        """The doc's token vectors (len(doc) x width)."""
        ids = self.ops.asarray2i(doc.to_array(self.columns), dtype="uint64")
        parts = [self.ops.gather_add(E, self.ops.hash(self.ops.as_contig(ids[:, col]), seed) % E.shape[0])
                 for E, seed, col in self.embeds]
        X = self._layer(self.ops.xp.hstack(parts), 0)
        pad = self.window * (len(self.maxouts) - 1)  # the encoder reads zero rows beyond the text's ends
        zeros = self.ops.xp.zeros((pad, X.shape[1]), dtype=X.dtype)
        X = self.ops.xp.vstack([zeros, X, zeros])
        for i in range(1, len(self.maxouts)):
            X = X + self._layer(self.ops.seq2col(X, self.window), i)
        return X[pad:len(X) - pad]


@dataclass(slots=True)
class Tagged:
    """What the tagger said about the windows it read: its names (article offsets) and the
    windows themselves (a run inside a window without a name of the tagger's is no name to it)."""

    names: dict[tuple[int, int], str] = field(default_factory=dict)
    windows: list[tuple[int, int]] = field(default_factory=list)

    def read(self, start: int, end: int) -> bool:
        """Whether the run lies inside one window (the windows are sorted and disjoint)."""
        i = bisect_right(self.windows, (start, inf)) - 1
        return i >= 0 and self.windows[i][0] <= start and end <= self.windows[i][1]


def windows(text: str, spans: list[tuple[int, int]], width: int = WINDOW) -> list[tuple[int, int]]:
    """Merged windows of about `width` characters each side of the spans, cut at line breaks and
    snapped to spaces, so no word is cut."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        lo = max(text.rfind("\n", 0, start) + 1, start - width)
        if lo > 0 and text[lo - 1] not in " \n":
            space = text.find(" ", lo, start)
            lo = space + 1 if space != -1 else start
        nl = text.find("\n", end)
        hi = min(len(text) if nl == -1 else nl, end + width)
        if hi < len(text) and text[hi] not in " \n":
            space = text.rfind(" ", end, hi)
            hi = space if space != -1 else end
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def tag(nlp: Any, text: str, spans: list[tuple[int, int]]) -> Tagged:
    """Run the tagger on the windows around `spans`; names in article offsets. The windows of an
    article go through the tagger as one text, a blank line between them (one Doc costs less than
    many small ones)."""
    result = Tagged(windows=windows(text, spans))
    joined, starts = "", []
    for lo, hi in result.windows:
        starts.append((len(joined), lo))
        joined += text[lo:hi] + SEPARATOR
    sdoc = nlp.make_doc(joined)
    sdoc.tensor = nlp.get_pipe("tok2vec").fused(sdoc)
    sdoc = nlp.get_pipe("ner")(sdoc)
    for ent in sdoc.ents:
        if ent.label_ not in LABELS:
            continue
        i = bisect_right(starts, (ent.start_char, len(text) + 1)) - 1
        base, lo = starts[i]
        result.names[(lo + ent.start_char - base, lo + ent.end_char - base)] = ent.label_
    return result
