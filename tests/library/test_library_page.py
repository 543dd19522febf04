"""The library page: golden output, relative links, read-along transcript, escaping, the stamp."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from html.parser import HTMLParser

import pytest
from conftest import SHORT_ARTICLE_CUES

from pipeline.audio.recording import Chapter, Cue, Recording
from pipeline.library.page import render_library_page, transcript
from pipeline.sources.stamp import stamp

CUES = SHORT_ARTICLE_CUES


def recording(cues=CUES, duration_ms: int = 6000) -> Recording:
    return Recording(
        mp3=b"ID3 not a real mp3",
        captions="WEBVTT\n",
        duration_ms=duration_ms,
        chapters=(Chapter("Sleep and Worry", 0, 3600), Chapter("What helps?", 3600, duration_ms)),
        cues=tuple(Cue(start, end, text, block) for start, end, text, block in cues),
    )


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self._inside: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._inside = tag if tag in self.inline else None

    def handle_endtag(self, tag):
        self._inside = None

    def handle_data(self, data):
        if self._inside:
            self.inline[self._inside].append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def parsed(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    return elements


@pytest.fixture(scope="module")
def page(short_article, seed_article, practice) -> str:
    return render_library_page([short_article, seed_article], {"sleep-and-worry": recording()}, practice)


def test_page_matches_golden(page, golden):
    golden("library-index.html", page)


def test_links_are_relative_to_the_build_folder(page):
    hrefs = [a["href"] for a in parsed(page).all("a")]
    for slug in ("sleep-and-worry", "codependency"):
        for name in (".pdf", "-large-print.pdf", ".mp3", ".vtt", ".eml"):
            assert f"{slug}/{slug}{name}" in hrefs
    outside = {h for h in hrefs if re.match(r"[a-z]+:", h)}
    assert outside == {"tel:+17045550123", "mailto:hello@example.com", "https://www.example.com"}


def test_audio_player_has_its_captions_track(page):
    elements = parsed(page)
    (audio,) = elements.all("audio")  # the seed article has no recording here: no player
    assert audio["src"] == "sleep-and-worry/sleep-and-worry.mp3" and "controls" in audio
    (track,) = elements.all("track")
    assert track["kind"] == "captions" and track["src"] == "sleep-and-worry/sleep-and-worry.vtt"
    assert track["srclang"] == "en"


def test_page_shows_what_the_office_needs(page, short_article):
    assert "Sleep and Worry" in page and short_article.summary in page
    assert '<time datetime="2025-03-14">March 14, 2025</time>' in page
    assert "<dd>under a minute</dd>" in page  # the fake recording lasts 6 s
    assert re.search(r"<dd>US grade \d+\.\d</dd>", page)


def test_read_along_sentences_carry_their_cue_times(page):
    sentences = [a for a in parsed(page).all("span") if a.get("class") == "sentence"]
    assert [(s["data-start"], s["data-end"]) for s in sentences] == [
        (f"{start / 1000:.3f}", f"{end / 1000:.3f}") for start, end, _, _ in CUES
    ]
    assert all(s["role"] == "button" and s["tabindex"] == "0" for s in sentences)


def test_transcript_groups_cues_into_paragraphs_by_block():
    passages = transcript(recording())
    assert [[s.text for s in p.sentences] for p in passages] == [
        ["Sleep and Worry"],
        ["Worry often gets louder at night.", "Dr. Lee says that is normal."],
        ["What helps?"],
        ["Write the worry down."],
        ["Get up if you can't sleep after 20 minutes."],
    ]
    assert [p.chapter for p in passages] == [True, False, True, False, False]


def test_transcript_marks_the_title_even_in_an_untitled_first_chapter():
    narrated = dataclasses.replace(recording(), chapters=(Chapter("Introduction", 0, 3600),
                                                          Chapter("What helps?", 3600, 6000)))
    assert [p.chapter for p in transcript(narrated, "Sleep and Worry")] == [True, False, True, False, False]
    assert [p.chapter for p in transcript(narrated)] == [False, False, True, False, False]


def test_footer_carries_the_whole_stamp(page, practice):
    footer = page[page.index("<footer"):page.index("</footer>")]
    s = stamp(practice)
    for fact in (s.name, s.phone, s.email, s.website_display, s.response_time, s.disclaimer,
                 "Arizona, Florida", "Charlotte, North Carolina and Carefree, Arizona"):
        assert fact in footer
    assert "988 Suicide &amp; Crisis Lifeline" in footer


def test_everything_is_inline_and_allowed_only_by_hash(page):
    elements = parsed(page)
    assert not elements.all("link") and not elements.all("img") and not elements.all("iframe")
    assert all("src" not in attrs for attrs in elements.all("script"))
    (policy,) = [m["content"] for m in elements.all("meta") if m.get("http-equiv")]
    for kind in ("script", "style"):
        (text,) = elements.inline[kind]
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{kind}-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy


def test_nothing_from_an_article_becomes_markup(short_article, practice):
    hostile = dataclasses.replace(
        short_article,
        title='<script>alert("title")</script>',
        summary='"><img src=x onerror=alert(1)>',
    )
    cues = ((0, 900, '</span><script>alert("cue")</script>', 0), (1000, 2000, "\" onclick=\"alert(2)", 1))
    page = render_library_page([hostile], {hostile.slug: recording(cues)}, practice)
    elements = parsed(page)
    assert len(elements.all("script")) == 1 and not elements.all("img")
    assert not any(name.startswith("on") for _, attrs in elements.tags for name in attrs)
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
