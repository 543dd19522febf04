"""Library page step: one self-contained `index.html` to browse, play, read along and download."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from pipeline.audio import Recording
from pipeline.errors import RenderError
from pipeline.sources import Article, Practice, listening_time, long_date, phone_link, reading_grade, stamp
from pipeline.templates import TEMPLATES, environment


@dataclass(frozen=True)
class Sentence:
    """One caption in the read-along view; times in seconds, as the audio element counts."""

    text: str
    start: str
    end: str


@dataclass(frozen=True)
class Passage:
    """The sentences of one paragraph, heading or list item; `chapter` when it opens a chapter."""

    sentences: tuple[Sentence, ...]
    chapter: bool


@dataclass(frozen=True)
class Download:
    label: str
    kind: str  # "PDF", "MP3", …
    href: str


@dataclass(frozen=True)
class Listing:
    """One article as the page shows it."""

    article: Article
    updated: str | None
    reading_grade: float
    downloads: tuple[Download, ...]
    audio: str
    captions: str
    listening_time: str | None
    transcript: tuple[Passage, ...]


def downloads(slug: str) -> tuple[Download, ...]:
    """The built files of one article, as links relative to `index.html`."""
    return (
        Download("Handout", "PDF", f"{slug}/{slug}.pdf"),
        Download("Large print", "PDF", f"{slug}/{slug}-large-print.pdf"),
        Download("Audio", "MP3", f"{slug}/{slug}.mp3"),
        Download("Captions", "WebVTT", f"{slug}/{slug}.vtt"),
        Download("E-mail draft", ".eml", f"{slug}/{slug}.eml"),
    )


def transcript(recording: Recording, title: str = "") -> tuple[Passage, ...]:
    """The captions grouped back into paragraphs by the block each sentence came from; the
    title and chapter headings are marked so they read as headings."""
    headings = {chapter.title.strip() for chapter in recording.chapters} | {title.strip()}
    headings.discard("")
    groups: list[list[Sentence]] = []
    last_block: int | None = None
    for cue in recording.cues:
        sentence = Sentence(cue.text, f"{cue.start_ms / 1000:.3f}", f"{cue.end_ms / 1000:.3f}")
        if cue.block != last_block or not groups:
            groups.append([])
            last_block = cue.block
        groups[-1].append(sentence)
    return tuple(
        Passage(tuple(group), " ".join(s.text for s in group).strip() in headings)
        for group in groups
    )


def listing(article: Article, recording: Recording | None) -> Listing:
    slug = article.slug
    return Listing(
        article=article,
        updated=long_date(article.updated) if article.updated else None,
        reading_grade=reading_grade(article),
        downloads=downloads(slug),
        audio=f"{slug}/{slug}.mp3",
        captions=f"{slug}/{slug}.vtt",
        listening_time=listening_time(recording.duration_ms) if recording else None,
        transcript=transcript(recording, article.title) if recording else (),
    )


def inline_asset(name: str, closing_tag: str) -> tuple[Markup, str]:
    """A stylesheet or script to inline, and its CSP hash; these are our files, never content."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    if closing_tag in text.lower():
        raise RenderError(f"templates/{name}: must not contain {closing_tag!r}")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def render_library_page(
    articles: Sequence[Article], recordings: Mapping[str, Recording], practice: Practice
) -> str:
    """The whole page as one file: styles and script inlined, links relative to the build folder."""
    style, style_hash = inline_asset("library.css", "</style")
    script, script_hash = inline_asset("library.js", "</script")
    language = articles[0].language if articles else "en"
    return environment().get_template("library.html.j2").render(
        listings=[listing(article, recordings.get(article.slug)) for article in articles],
        stamp=stamp(practice),
        phone_link=phone_link(practice.practice.phone),
        language=language,
        style=style,
        script=script,
        style_hash=style_hash,
        script_hash=script_hash,
    )
