"""The e-book's text, overlays and package, from the narration script and cue timings (no voice)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import pytest
from lxml import etree

from pipeline.audio import Cue, Recording, narration_script
from pipeline.ebook import book_identifier, render_epub
from pipeline.ebook.reading import book_text
from pipeline.errors import RenderError
from pipeline.sources import parse_article, read_article
from tests.conftest import FIXTURES
from tests.ebook.epub_validators import clock_ms, ids_in_order, overlay_pars

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
FAKE_MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(200)  # the package never reads inside it


def timed(script) -> Recording:
    """The script as if spoken: one second a sentence, then its pause, as `perform` times cues."""
    cues, position = [], 0
    for segment in script.segments:
        cues.append(Cue(position, position + 1000, segment.written, segment.block))
        position += 1000 + segment.pause_after_ms
    return Recording(FAKE_MP3, "", cues[-1].end_ms, (), tuple(cues))


@pytest.fixture(scope="module")
def every_block():
    return read_article(FIXTURES / "article_with_every_block.md")


def _files(book: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _text(xhtml: bytes) -> str:
    return " ".join("".join(etree.fromstring(xhtml).itertext()).split())


def test_every_spoken_sentence_is_one_element_with_its_cue(every_block, practice):
    script = narration_script(every_block, practice)
    recording = timed(script)
    text = book_text(every_block, script, recording.cues)
    shown = text.sentences("article") + text.sentences("stamp")
    spoken = [sentence for sentence in shown if sentence.id]
    assert [s.id for s in spoken] == [f"s{number}" for number in range(1, len(script.segments) + 1)]
    assert [s.clip for s in spoken] == [(cue.start_ms, cue.end_ms) for cue in recording.cues]
    book = _files(render_epub(every_block, practice, script, recording))
    article = book["EPUB/article.xhtml"].decode()
    tree = etree.fromstring(book["EPUB/article.xhtml"])
    assert tree.find(f".//{XHTML}table/{XHTML}thead/{XHTML}tr/{XHTML}th").text == "Feeling"  # shown, not read
    assert tree.find(f".//{XHTML}ol[@start='3']") is not None
    assert tree.find(f".//{XHTML}blockquote//{XHTML}ul") is not None
    assert tree.find(f".//{XHTML}h4").get("id") or tree.find(f".//{XHTML}h4/{XHTML}span").get("id")
    assert re.search(r'<tr id="s\d+"><td>Panic</td><td>The bond feels threatened</td></tr>', article)
    assert re.search(r"<li>\s*<p><span id=\"s\d+\">Starting at three", article)  # the list numbers itself
    assert "Dr. Jane Lee" not in article  # the author is metadata, not spoken text
    stamp = _text(book["EPUB/stamp.xhtml"])
    assert practice.practice.phone in stamp and "988" in stamp and stamp.startswith("About ")


UNSPOKEN = """\
---
title: "Feelings 💛 and Words"
---

Some people text a 💛 instead of words.

💛 🙂

---

In Hebrew, peace is שָׁלוֹם.
"""


def test_text_the_voice_skips_is_still_shown(practice):
    article = parse_article(UNSPOKEN.encode(), "feelings.md", default_slug="feelings")
    script = narration_script(article, practice)
    book = _files(render_epub(article, practice, script, timed(script)))
    page = book["EPUB/article.xhtml"].decode()
    assert "<p>💛 🙂</p>" in page  # shown, with no id: nothing is read
    assert re.search(r'<span id="s\d+">Some people text a 💛 instead of words.</span>', page)
    assert re.search(r'<span id="s\d+">In Hebrew, peace is שָׁלוֹם.</span>', page)
    assert "<hr/>" in page


def test_captions_from_another_script_are_refused(short_article, practice):
    script = narration_script(short_article, practice)
    recording = timed(script)
    wrong = replace(recording, cues=(*recording.cues[:2], replace(recording.cues[2], text="Something else."),
                                     *recording.cues[3:]))
    with pytest.raises(RenderError, match="captions do not follow the narration script"):
        render_epub(short_article, practice, script, wrong)


def test_overlays_cover_the_recording_and_resolve(seed_article, practice, tmp_path):
    script = narration_script(seed_article, practice)
    recording = timed(script)
    book = render_epub(seed_article, practice, script, recording)
    path = tmp_path / "seed.epub"
    path.write_bytes(book)
    files = _files(book)
    opf = etree.fromstring(files["EPUB/package.opf"])
    durations = {meta.get("refines"): clock_ms(meta.text) for meta in opf.iter(f"{OPF}meta")
                 if meta.get("property") == "media:duration"}
    assert durations[None] == recording.duration_ms
    assert durations["#article-overlay"] + durations["#stamp-overlay"] == recording.duration_ms
    pars = overlay_pars(path)
    clips = [par for smil in ("EPUB/article.smil", "EPUB/stamp.smil") for par in pars[smil]]
    assert [par.begin_ms for par in clips] == [cue.start_ms for cue in recording.cues]
    # Each clip runs on to the next sentence, pause included: the clips tile the whole recording.
    assert [par.end_ms for par in clips] == [cue.start_ms for cue in recording.cues[1:]] + [recording.duration_ms]
    assert clips[0].begin_ms == 0
    for smil, overlay in (("EPUB/article.smil", "#article-overlay"), ("EPUB/stamp.smil", "#stamp-overlay")):
        assert sum(par.end_ms - par.begin_ms for par in pars[smil]) == durations[overlay]
    for smil, document in (("EPUB/article.smil", "article.xhtml"), ("EPUB/stamp.smil", "stamp.xhtml")):
        ids = ids_in_order(path, document)
        assert [par.fragment for par in pars[smil]] == [i for i in ids if re.fullmatch(r"s\d+", i)]
    items = {item.get("id"): item for item in opf.iter(f"{OPF}item")}
    assert items["article"].get("media-overlay") == "article-overlay"
    assert items["audio"].get("media-type") == "audio/mpeg"
    assert items["cover"].get("properties") == "cover-image"
    active = [meta.text for meta in opf.iter(f"{OPF}meta") if meta.get("property") == "media:active-class"]
    assert active == ["-epub-media-overlay-active"]
    assert b".-epub-media-overlay-active {" in files["EPUB/book.css"]
    features = {meta.text for meta in opf.iter(f"{OPF}meta") if meta.get("property") == "schema:accessibilityFeature"}
    assert "synchronizedAudioText" in features and "structuralNavigation" in features


def test_the_book_is_byte_for_byte_repeatable(seed_article, practice):
    script = narration_script(seed_article, practice)
    first = render_epub(seed_article, practice, script, timed(script))
    assert render_epub(seed_article, practice, script, timed(script)) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        entries = archive.infolist()
    assert first[30:38] == b"mimetype" and entries[0].filename == "mimetype"
    assert entries[0].compress_type == zipfile.ZIP_STORED and not entries[0].extra
    assert {entry.date_time for entry in entries} == {(2025, 8, 4, 0, 0, 0)}  # the article's date
    assert seed_article.updated.isoformat() == "2025-08-04"
    modified = re.search(rb'dcterms:modified">([^<]+)<', _files(first)["EPUB/package.opf"])[1]
    assert modified == b"2025-08-04T00:00:00Z"


def test_the_identifier_stays_with_the_article_across_editions(seed_article, practice):
    edited = replace(seed_article, summary="Another summary.")
    assert book_identifier(edited, practice) == book_identifier(seed_article, practice)
    assert book_identifier(replace(seed_article, slug="another"), practice) != book_identifier(seed_article, practice)


def test_without_a_recording_the_book_is_text_only_and_spanish(spanish_article, practice):
    book = _files(render_epub(spanish_article, practice, narration_script(spanish_article, practice), None))
    assert not [name for name in book if name.endswith((".smil", ".mp3"))]
    opf = book["EPUB/package.opf"].decode()
    assert "<dc:language>es</dc:language>" in opf and "media:" not in opf and "synchronizedAudioText" not in opf
    assert "auditory" not in opf
    assert 'lang="es"' in book["EPUB/article.xhtml"].decode()
    assert "Índice" in book["EPUB/nav.xhtml"].decode()
    assert "Actualizado el 4 de agosto de 2025" in _text(book["EPUB/article.xhtml"])


def test_invisible_characters_inside_words_do_not_break_the_match(practice):
    """The captions drop a zero-width space inside a word ('Zero​width'); the book still finds its sentence."""
    fixture = FIXTURES / "article_with_emoji_rtl_and_invisible_characters.md"
    article = parse_article(fixture.read_bytes(), fixture.name, default_slug="feelings")
    script = narration_script(article, practice)
    recording = timed(script)
    text = book_text(article, script, recording.cues)
    timed_ids = [s.id for s in text.sentences("article") + text.sentences("stamp") if s.clip]
    assert len(timed_ids) == len(recording.cues)
    page = _files(render_epub(article, practice, script, recording))["EPUB/article.xhtml"].decode()
    assert re.search(r'<span id="s\d+">Some people text a 💛 or a 🙂 instead of words.</span>', page)


@pytest.mark.parametrize("name", ["EPUB/article.xhtml", "EPUB/stamp.xhtml", "EPUB/nav.xhtml", "EPUB/article.smil",
                                  "EPUB/package.opf"], ids=lambda name: name.rsplit("/", 1)[-1])
def test_the_short_articles_book_matches_golden(short_article, practice, golden, name):
    script = narration_script(short_article, practice)
    files = _files(render_epub(short_article, practice, script, timed(script)))
    golden(f"ebook-sleep-and-worry-{name.rsplit('/', 1)[-1]}", files[name].decode("utf-8"))


STRUCK = """\
---
title: Marks
---

We meet ~~weekly~~ every two weeks. Call us.

| Day | Time |
|---|---|
| ~~Monday~~ Tuesday | 9 to 5 |

1. ~~Old step.~~
2. New step.
"""


def test_struck_through_words_are_shown_struck_inside_their_sentence_and_not_read(practice):
    article = parse_article(STRUCK.encode(), "marks.md", default_slug="marks")
    script = narration_script(article, practice)
    page = _files(render_epub(article, practice, script, timed(script)))["EPUB/article.xhtml"].decode()
    assert re.search(r'<span id="s\d+">We meet <del>weekly</del> every two weeks.</span> <span id="s\d+">Call',
                     page)
    assert re.search(r'<tr id="s\d+"><td><del>Monday</del> Tuesday</td><td>9 to 5</td></tr>', page)
    assert "<p><del>Old step.</del></p>" in page  # shown, with nothing to read
    assert re.search(r'<li>\s*<p><span id="s\d+">New step.</span></p>', page)


def test_the_review_line_is_in_the_book_under_its_title(short_article, practice):
    from datetime import date

    reviewed = replace(short_article, reviewed_by="Jane Doe, LCSW", reviewed_on=date(2025, 3, 3))
    book = _files(render_epub(reviewed, practice, narration_script(reviewed, practice), None))
    article = _text(book["EPUB/article.xhtml"])
    assert "Reviewed by Jane Doe, LCSW, on March 3, 2025" in article
    assert article.index(short_article.title) < article.index("Reviewed by")
    unreviewed = _files(render_epub(short_article, practice, narration_script(short_article, practice), None))
    assert "Reviewed by" not in _text(unreviewed["EPUB/article.xhtml"])
