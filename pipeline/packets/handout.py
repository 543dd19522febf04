"""Handout step: every handout of a packet in ONE HTML document, rendered by WeasyPrint as one tagged PDF/UA file.

One document, not PDFs joined afterwards: WeasyPrint then makes one structure tree, a bookmark
per handout (from its title) and page numbers that run on; joining finished tagged PDFs is
where their tagging breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.article import Article, Block
from pipeline.handout import Edition, outline, write_pdf
from pipeline.language import long_date, phrases
from pipeline.packets.source import Packet
from pipeline.sources import Clinician, Practice, edition_mark, review_line
from pipeline.stamp import Stamp, stamp
from pipeline.templating import environment

PAPER = {"letter": "letter", "a4": "A4"}


@dataclass(frozen=True)
class PacketHandout:
    article: Article
    anchor: str  # the cover's link to it
    blocks: tuple[Block, ...]
    updated: str | None
    reviewed: str | None
    edition_mark: str


@dataclass(frozen=True)
class PacketDocument:
    """What the packet template reads."""

    title: str
    document_title: str  # the PDF's title, shown in the viewer's title bar
    language: str
    edition: Edition
    paper: str
    stamp: Stamp
    signed: str | None  # the clinician who gives it, "Ana Núñez, LCSW"
    handouts: tuple[PacketHandout, ...]
    updated: object = None  # the newest handout's date: the PDF's date, so the bytes stay the same


def packet_html(packet: Packet, articles: Sequence[Article], practice: Practice, edition: Edition,
                clinician: Clinician | None = None) -> str:
    """The packet as one HTML document: the input to the PDF, and what a golden file can hold."""
    language = articles[0].language
    _ = phrases(language)
    handouts = tuple(
        PacketHandout(article, f"handout-{number}-{article.slug}", outline(article.blocks),
                      long_date(article.updated, language) if article.updated else None, review_line(article),
                      _("Edition {mark}").format(mark=edition_mark(article)))
        for number, article in enumerate(articles, start=1))
    title = packet.title if edition == "regular" else _("{title} (large print)").format(title=packet.title)
    document = PacketDocument(packet.title, title, language, edition, PAPER[practice.handout.paper],
                              stamp(practice, language), clinician.signed if clinician else None, handouts,
                              newest(articles))
    return environment(language).get_template("packet.html.j2").render(packet=document)


def packet_handout(packet: Packet, articles: Sequence[Article], practice: Practice, edition: Edition,
                   clinician: Clinician | None = None) -> bytes:
    """The packet's handout PDF of one edition ("regular" or "large-print")."""
    return write_pdf(packet_html(packet, articles, practice, edition, clinician), newest(articles))


def newest(articles: Sequence[Article]):
    dates = [article.updated for article in articles if article.updated]
    return max(dates) if dates else None
