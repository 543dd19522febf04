"""Article page step: `build/<slug>/index.html`, one article for the client: player, crisis line,
the article read along, its files."""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pipeline.article import Article
from pipeline.audio import Recording, narration_script
from pipeline.ebook import Node, book_text
from pipeline.errors import RenderError
from pipeline.language import long_date, phrases
from pipeline.library.assets import inline_asset, listening
from pipeline.outputs import file_names, offered
from pipeline.sources import Practice, edition_mark, review_line
from pipeline.stamp import phone_link, stamp
from pipeline.templating import environment

logger = logging.getLogger(__name__)


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


def render_article_page(article: Article, recording: Recording | None, practice: Practice,
                        built: Collection[str] | None = None) -> str:
    """One article's page, for the client, in its own folder beside its files: every link is relative to it.

    First the title, the summary, the player and the crisis line; then the article as written,
    each sentence the voice reads lit as it is spoken and playing from there when chosen; then the
    files. `built` names the files the folder holds; without it every file is linked. The player,
    the read-along and every word about audio show only when the article was narrated (its MP3 is
    among the files)."""
    style, style_hash = inline_asset("library.css", "</style")
    script, script_hash = inline_asset("read-along.js", "</script")
    slug = article.slug
    names = file_names(slug)
    narrated = recording is not None and (built is None or names["recording"] in built)
    language = article.language
    return environment(language).get_template("article.html.j2").render(
        article=article,
        updated=long_date(article.updated, language) if article.updated else None,
        listening_time=listening(recording, language) if narrated else None,
        reviewed=review_line(article),
        edition=str(edition_mark(article)),
        downloads=client_downloads(downloads(slug, built, language), names, narrated, language),
        audio=names["recording"] if narrated else None,
        captions=names["captions"] if built is None or names["captions"] in built else None,
        body=article_text(article, recording if narrated else None, practice),
        stamp=stamp(practice, language),
        phone_link=phone_link(practice.practice.phone),
        style=style,
        script=script,
        style_hash=style_hash,
        script_hash=script_hash,
    )


def client_downloads(files: Sequence[Download], names: dict[str, str], narrated: bool,
                     language: str) -> tuple[Download, ...]:
    """The files a client takes away: the handouts, the audio and the e-book (the captions play in
    the player). An e-book without a recording is a plain e-book, not a read-along one, and there
    is no audio to take."""
    _ = phrases(language)
    kept = []
    for file in files:
        if file.href == names["captions"] or (file.href == names["recording"] and not narrated):
            continue
        if file.href == names["ebook"] and not narrated:
            file = Download(_("E-book"), file.kind, file.href)
        kept.append(file)
    return tuple(kept)


def article_text(article: Article, recording: Recording | None, practice: Practice) -> tuple[Node, ...]:
    """The article's blocks as written (headings, lists, quotes, tables), cut into the sentences the
    voice reads, each timed by its caption cue when there is a recording: the e-book's aligned body."""
    script = narration_script(article, practice)
    try:
        return book_text(article, script, recording.cues if recording else None).body
    except RenderError as error:  # a recording from other sources than today's: shown without read-along
        logger.warning("%s: the page shows the article without read-along: %s", article.slug, error)
        return book_text(article, script, None).body
