"""The books as publishers check them: EPUBCheck and DAISY Ace on the seed's read-along book (from the
real build, real voice) and on the Spanish fixture's text-only book, and the seed's overlays read back
against its captions."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from pipeline.audio import narration_script
from pipeline.ebook import render_epub
from tests.ebook.epub_validators import ace, epubcheck, ids_in_order, overlay_pars

pytestmark = pytest.mark.slow
SLUG = "codependency"


@pytest.fixture(scope="module")
def seed_book(seed_build) -> Path:
    out, _result = seed_build
    return out / SLUG / f"{SLUG}.epub"


@pytest.fixture(scope="module")
def spanish_book(spanish_article, practice, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spanish") / "sueno-y-preocupacion.epub"
    path.write_bytes(render_epub(spanish_article, practice, narration_script(spanish_article, practice), None))
    return path


def test_epubcheck_finds_nothing_in_the_read_along_seed(seed_book):
    assert epubcheck(seed_book) == []


def test_epubcheck_finds_nothing_in_the_spanish_text_only_book(spanish_book):
    assert epubcheck(spanish_book) == []


def test_ace_finds_no_serious_violation_in_either_book(seed_book, spanish_book, tmp_path):
    for book in (seed_book, spanish_book):
        serious, report = ace(book, tmp_path / book.stem)
        assert serious == [], book.name
        metadata = report["a11y-metadata"]
        assert not metadata["empty"]
        for name in ("schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                     "schema:accessibilityHazard", "schema:accessibilitySummary", "dcterms:conformsTo"):
            assert name in metadata["present"], (book.name, name)
        checked = {document["earl:testSubject"]["url"].rsplit("/", 1)[-1] for document in report["assertions"]}
        assert {"article.xhtml", "stamp.xhtml", "nav.xhtml"} <= checked, book.name
    assert report["earl:testSubject"]["metadata"]["dc:language"] == "es"


def test_both_validators_catch_a_broken_book(seed_book, tmp_path):
    """Control: the same book with a par pointing at no sentence, no language and an image without a
    description fails both."""
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(seed_book) as source, zipfile.ZipFile(broken, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "EPUB/article.xhtml":
                data = re.sub(rb' (xml:)?lang="en"', b"", data).replace(b"</h1>", b'</h1><img src="cover.png"/>')
            if entry.filename == "EPUB/article.smil":
                data = data.replace(b'#s2"', b'#no-such-sentence"')
            target.writestr(entry, data)
    assert any(" RSC-012 " in message and "article.smil" in message for message in epubcheck(broken))
    serious, _report = ace(broken, tmp_path / "ace")
    assert any("html-has-lang" in found or "image-alt" in found for found in serious), serious


def _vtt_starts(captions: str) -> list[int]:
    starts = []
    for hours, minutes, seconds, millis in re.findall(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> ", captions, re.M):
        starts.append(((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis))
    return starts


def test_the_seeds_overlays_follow_its_captions(seed_book):
    """Every par names an element of its document, in document order, and the clips start where the
    captions' cues do: all of them, title and stamp included, in the recording's order."""
    pars = overlay_pars(seed_book)
    assert set(pars) == {"EPUB/article.smil", "EPUB/stamp.smil"}
    clips = []
    for smil, document in (("EPUB/article.smil", "article.xhtml"), ("EPUB/stamp.smil", "stamp.xhtml")):
        ids = ids_in_order(seed_book, document)
        fragments = [par.fragment for par in pars[smil]]
        assert {par.document for par in pars[smil]} == {document}
        assert all(fragment in ids for fragment in fragments), smil
        assert fragments == sorted(fragments, key=ids.index), f"{smil}: pars out of document order"
        assert {par.audio for par in pars[smil]} == {f"{SLUG}.mp3"}
        clips += pars[smil]
    assert all(par.end_ms > par.begin_ms for par in clips)
    assert [par.begin_ms for par in clips] == sorted(par.begin_ms for par in clips)
    assert all(clip.end_ms == after.begin_ms for clip, after in zip(clips, clips[1:], strict=False))
    captions = (seed_book.parent / f"{SLUG}.vtt").read_text(encoding="utf-8")
    assert [par.begin_ms for par in clips] == _vtt_starts(captions)
    with zipfile.ZipFile(seed_book) as archive:
        assert archive.read(f"EPUB/{SLUG}.mp3") == (seed_book.parent / f"{SLUG}.mp3").read_bytes()
