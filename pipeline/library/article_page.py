"""Article page step: `build/<slug>/index.html`, one article's player, read-along, files and stamp."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from babel.numbers import format_decimal

from pipeline.article import Article
from pipeline.audio import Recording
from pipeline.language import language_name, long_date, phrases
from pipeline.library.assets import inline_asset, listening
from pipeline.outputs import file_names, offered
from pipeline.plain_language import reading_grade, reading_scale
from pipeline.sources import Practice, edition_mark, review_line
from pipeline.stamp import phone_link, stamp
from pipeline.templating import environment


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


def downloads(slug: str, built: Collection[str] | None = None, language: str = "en") -> tuple[Download, ...]:
    """The article's files a client may download (as the output registry offers them), as links
    relative to its own page; only those `built`, when given. Staff files, such as the e-mail
    draft, are never among them."""
    _ = phrases(language)
    every = tuple(Download(_(output.label), output.kind, output.name(slug)) for output in offered("client"))
    return every if built is None else tuple(d for d in every if d.href in built)


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


def reading_level(article: Article) -> str:
    """'US grade 7.2', or for Spanish '68,0 de 100 en la escala Szigriszt-Pazos (INFLESZ), …'."""
    value = format_decimal(reading_grade(article), format="0.0", locale=article.language)
    return phrases(article.language)(reading_scale(article.language).shown).format(value=value)


def render_article_page(article: Article, recording: Recording | None, practice: Practice,
                        built: Collection[str] | None = None) -> str:
    """One article's page, in its own folder beside its files: every link is relative to it.

    `built` names the files the folder holds; without it every file is linked. The player and the
    read-along show only when the article was narrated (its MP3 is among the files)."""
    style, style_hash = inline_asset("library.css", "</style")
    script, script_hash = inline_asset("read-along.js", "</script")
    slug = article.slug
    names = file_names(slug)
    narrated = recording is not None and (built is None or names["recording"] in built)
    language = article.language
    return environment(language).get_template("article.html.j2").render(
        article=article,
        updated=long_date(article.updated, language) if article.updated else None,
        listening_time=listening(article, recording, practice),
        reading_level=reading_level(article),
        reviewed=review_line(article),
        edition=str(edition_mark(article)),
        language_name=language_name(article.language),
        downloads=downloads(slug, built, language),
        audio=names["recording"] if narrated else None,
        captions=names["captions"],
        transcript=transcript(recording, article.title) if narrated and recording else (),
        stamp=stamp(practice, language),
        phone_link=phone_link(practice.practice.phone),
        style=style,
        script=script,
        style_hash=style_hash,
        script_hash=script_hash,
    )
