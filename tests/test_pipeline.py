"""The pipeline checks stage order at build time and never lets one document end a batch."""
from __future__ import annotations

import time

import pytest

import kroniek
from kroniek.model import Article, Doc, Failure, Options
from kroniek.pipeline import Pipeline, PipelineError
from kroniek.stages import register


class _Needs:
    name = "needs"
    requires = ("entities",)
    provides = ("x",)

    def __call__(self, doc: Doc) -> Doc:
        return doc


class _Boom:
    name = "boom"
    requires = ("text",)
    provides = ()

    def __call__(self, doc: Doc) -> Doc:
        if "boom" in doc.text:
            raise RuntimeError("stage bug")
        return doc


def test_wrong_order_fails_at_build_time() -> None:
    with pytest.raises(PipelineError, match="needs.*entities"):
        Pipeline(stages=[_Needs()])


def test_default_order_is_the_documented_one() -> None:
    assert Pipeline().names == ["language", "origin", "segment", "actors", "dates", "quotes", "events"]


def test_a_failing_document_becomes_a_failure_and_the_batch_goes_on() -> None:
    pipe = Pipeline(stages=[_Boom()])
    out = list(pipe.run_many([Article("a", "boom"), Article("b", "fine")]))
    assert isinstance(out[0], Failure) and "stage bug" in out[0].reason and out[0].doc_id == "a"
    assert out[0].reason.startswith("a: ")  # the message names the document
    assert isinstance(out[1], Doc) and out[1].article.id == "b"


@register
class _Slow:
    """A registered user stage (it joins a pipeline by name) that takes its time on 'slow' texts."""

    name = "test-slow"
    requires = ("text",)
    provides = ()

    def __init__(self, options: Options, kb: object) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        if "slow" in doc.text:
            time.sleep(0.2)
        return doc


def test_a_document_over_its_time_budget_fails_by_name_and_the_batch_goes_on() -> None:
    pipe = Pipeline(Options(stages=("language", "test-slow"), max_seconds=0.1))
    assert pipe.names == ["language", "test-slow"]
    out = list(pipe.run_many([Article("s1", "a slow text"), Article("f1", "a fast text")]))
    assert isinstance(out[0], Failure) and out[0].reason.startswith("s1: analysis took over 0.1 s")
    assert isinstance(out[1], Doc)
    assert isinstance(Pipeline(Options(stages=("test-slow",), max_seconds=0))(Article("s2", "slow")), Doc)


def test_an_unknown_stage_name_fails_at_build_time() -> None:
    with pytest.raises(PipelineError, match="no stage registered"):
        Pipeline(Options(stages=("language", "nonesuch")))


def test_analyse_returns_a_record_with_every_kind() -> None:
    rec = kroniek.analyse("Poetin zei zaterdag: „Wij willen vrede.”", date="2025-04-22", lang="nl")
    assert set(rec) >= {"id", "lang", "date", "published", "text", "entities", "timexes", "quotes", "events"}
    assert rec["lang"] == "nl" and rec["date"] == "2025-04-22"
    for kind in ("entities", "timexes"):
        for item in rec[kind]:
            assert rec["text"][item["start"]:item["end"]] == item["text"]
    assert rec["quotes"] and all(q["text"] in rec["text"][q["start"]:q["end"]] for q in rec["quotes"])


def test_stage_subset_option() -> None:
    assert Pipeline(Options(stages=("language", "segment"))).names == ["language", "segment"]


def test_unsupported_language_is_reported_and_not_analysed() -> None:
    rec = kroniek.analyse("Der Bundeskanzler sagte am Montag in Berlin, dass Deutschland die Ukraine weiter "
                          "unterstützen werde. Die Regierung kündigte neue Hilfen an.", id="de1")
    assert rec["lang"] == "de"
    assert any("'de'" in w and "not supported" in w for w in rec["warnings"])
    assert rec["entities"] == rec["timexes"] == rec["quotes"] == rec["events"] == []


def test_supported_languages_come_from_the_data_folders() -> None:
    from kroniek import lexicons

    assert lexicons.languages() == ("en", "nl")


def test_a_file_the_caller_left_open_is_flushed_at_exit(tmp_path) -> None:
    """The loaded models are frozen out of the cycle collector (lexicons.long_lived); a caller's file
    opened before them, written after, and never closed must still reach the disk at exit."""
    import subprocess
    import sys

    out = tmp_path / "out.txt"
    script = (
        "import kroniek\n"
        f"out = open({str(out)!r}, 'w')\n"
        "texts = ['Poetin zei zaterdag: „Wij willen vrede.” Rusland viel Oekraïne aan.',\n"
        "         'Biden said on Monday that the US would send troops to Poland.']\n"
        "count = lambda record: len(record['events'])  # a function: the module's globals are in a cycle\n"
        "for i in range(200):\n"
        "    record = kroniek.analyse(texts[i % 2], date='2025-04-22')\n"
        "    out.write(f\"{i} {count(record)}\\n\")\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 200
