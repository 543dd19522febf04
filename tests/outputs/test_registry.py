"""The output registry: one table that names every output's word, file, audience and needs."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.outputs import (
    ONLY_WORDS,
    OUTPUTS,
    REGISTRY,
    file_names,
    needed_by,
    selected,
    still_current,
    words_needing,
)

PACKAGE = Path(__file__).resolve().parents[2] / "pipeline"


def profile(large_print: bool = False, epub: bool = False) -> SimpleNamespace:
    return SimpleNamespace(email=SimpleNamespace(attach_large_print=large_print, attach_epub=epub),
                           publish=SimpleNamespace(base_url=None))


def test_todays_only_words_keep_working_as_groups() -> None:
    assert ONLY_WORDS == ("pdf", "audio", "epub", "email", "index", "packets")
    assert selected({"pdf"}) == {"handout", "large-print", "scorecard"}
    assert selected({"audio"}) >= {"recording", "captions", "chapters"}
    assert selected({"index"}) >= {"article-page", "library-page", "feed"}
    assert selected(ONLY_WORDS) == set(REGISTRY)
    assert selected({"packets"}) == {"packet-handout", "packet-large-print", "packet-recording", "packet-captions",
                                     "packet-email", "send-kit", "scorecard"}


def test_every_output_declares_its_audience_and_the_email_draft_is_for_staff() -> None:
    assert {o.audience for o in OUTPUTS} == {"client", "staff"}
    assert REGISTRY["email"].audience == "staff"
    assert all(REGISTRY[key].audience == "client"
               for key in ("handout", "large-print", "recording", "captions", "ebook", "article-page",
                           "library-page", "feed"))


@pytest.mark.parametrize(("large_print", "epub", "needs"), [
    (False, False, {"handout"}),
    (True, False, {"handout", "large-print"}),
    (True, True, {"handout", "large-print", "ebook"}),
], ids=["handout", "with-large-print", "with-everything"])
def test_the_drafts_needs_follow_the_profile(large_print, epub, needs) -> None:
    assert set(REGISTRY["email"].needs(profile(large_print, epub))) == needs


def test_what_needs_the_recording_is_read_from_the_registry() -> None:
    assert needed_by("recording", profile()) == {"captions", "chapters", "ebook", "email"}
    assert words_needing("recording", profile()) == {"audio", "epub", "email"}


def test_an_output_is_current_only_while_what_it_needs_is() -> None:
    everything = {"handout", "large-print", "recording", "captions", "chapters", "ebook", "email"}
    assert still_current(everything - {"handout"}, everything, profile()) == everything - {"handout", "email"}
    # The draft attaches the recording when there is one: a stale recording makes it stale too ...
    assert "email" not in still_current(everything - {"recording"}, everything, profile())
    # ... and without any recording it stands on the handout alone.
    assert "email" in still_current({"handout", "email"}, {"handout", "email"}, profile())
    # The e-book's key holds the recording it reads along with: it judges itself.
    assert "ebook" in still_current(everything - {"recording"}, everything, profile())


def test_each_output_file_name_is_spelled_in_the_registry_alone() -> None:
    """No module but the registry spells an article's or a packet's output file name."""
    patterns = [re.escape(o.file).replace(r"\{slug\}", r"\{[^}]*\}") for o in OUTPUTS
                if o.file and "{slug}" in o.file]
    spelled = re.compile("|".join(patterns))
    found = [f"{path.relative_to(PACKAGE)}:{number}" for path in sorted(PACKAGE.rglob("*.py"))
             if path.parent.name != "outputs"
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if spelled.search(line)]
    assert found == []


def test_file_names_are_the_documented_ones() -> None:
    assert file_names("panic") == {
        "handout": "panic.pdf", "large-print": "panic-large-print.pdf", "recording": "panic.mp3",
        "captions": "panic.vtt", "chapters": "panic.chapters.json", "ebook": "panic.epub", "email": "panic.eml",
        "article-page": "index.html"}
