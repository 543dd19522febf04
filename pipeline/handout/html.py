"""Handout step: an article and the practice's stamp become handout HTML (Jinja2), then a PDF."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal, get_args

from pipeline.article import (
    Article,
    Block,
    BlockVisitor,
    BulletList,
    CodeBlock,
    Heading,
    ListItem,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Table,
)
from pipeline.handout.pdf import write_pdf
from pipeline.handout.qr import QrCode, qr_code
from pipeline.language import long_date, phrases
from pipeline.outputs import file_names
from pipeline.sources import Practice, article_page_url, edition_mark, review_line
from pipeline.stamp import Stamp, display_url, stamp
from pipeline.templating import environment

Edition = Literal["regular", "large-print"]
EDITIONS: tuple[Edition, ...] = get_args(Edition)
PAPER = {"letter": "letter", "a4": "A4"}  # profile value -> CSS page size


@dataclass(frozen=True)
class Handout:
    """What the handout template reads: the article, its stamp and the edition's choices."""

    article: Article
    blocks: tuple[Block, ...]  # the body, headings renumbered so no level is skipped
    stamp: Stamp
    edition: Edition
    title: str  # the PDF's document title, shown in the viewer's title bar
    paper: str
    updated: str | None  # "August 4, 2025"; None for an article that gives no date
    codes: tuple[QrCode, ...]
    reviewed: str | None = None  # "Reviewed by Jane Doe, LCSW, on March 3, 2025"
    edition_mark: str = ""  # "Edition 2025-08-04 · 3f9a2c1": on the first page and in the PDF's metadata
    edition_footer: str = ""  # "Ed. 3f9a2c1": the digest on every page, beside the page number


def render_handout(article: Article, practice: Practice, edition: Edition) -> bytes:
    """The handout PDF of one edition ("regular" or "large-print")."""
    return write_pdf(handout_html(article, practice, edition), article.updated)


def handout_html(article: Article, practice: Practice, edition: Edition) -> str:
    """The handout as HTML: the input to the PDF, and what the golden files hold."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown handout edition {edition!r}; expected one of {EDITIONS}")
    _ = phrases(article.language)
    handout = Handout(
        article=article,
        blocks=outline(article.blocks),
        stamp=stamp(practice, article.language),
        edition=edition,
        title=article.title if edition == "regular" else _("{title} (large print)").format(title=article.title),
        paper=PAPER[practice.handout.paper],
        updated=long_date(article.updated, article.language) if article.updated else None,
        codes=qr_codes(article, practice),
        reviewed=review_line(article),
        edition_mark=_("Edition {mark}").format(mark=edition_mark(article)),
        edition_footer=_("Ed. {digest}").format(digest=edition_mark(article).digest),
    )
    return environment(article.language).get_template("handout.html.j2").render(handout=handout)


def qr_codes(article: Article, practice: Practice) -> tuple[QrCode, ...]:
    """Where to read the article online (or reach the practice), and where to listen to it."""
    contact = practice.practice
    _ = phrases(article.language)
    if article.canonical_url:
        shown = display_url(article.canonical_url)
        codes = [qr_code(article.canonical_url, _("Scan to read this online"),
                         _("QR code: read this article online at {address}").format(address=shown))]
    else:
        shown = display_url(contact.contact_page)
        codes = [qr_code(contact.contact_page, _("Scan to contact us"),
                         _("QR code: {name} contact page at {address}").format(name=contact.name, address=shown))]
    # The article's own page (player, read-along, files) once build/ is published; else the bare MP3.
    page = article_page_url(practice, article.slug)
    recording = file_names(article.slug)["recording"]
    audio = page or contact.audio_base_url and f"{contact.audio_base_url.rstrip('/')}/{recording}"
    if audio:
        codes.append(qr_code(audio, _("Scan to listen"),
                             _("QR code: listen to this article at {address}").format(address=display_url(audio))))
    return tuple(codes)


def outline(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Renumber headings so none skips a level below the title (an H4 under an H2 becomes an H3).

    Screen-reader users move by heading level, and a skipped level reads as missing content.
    Headings keep their order and nesting: two H4s under one H2 both become H3s.
    """
    return tuple(_Outline().visit_all(blocks))


class _Outline(BlockVisitor[Block]):
    """Each block as the handout shows it: headings renumbered, everything else as it is."""

    def __init__(self) -> None:
        self.open_levels = [(1, 1)]  # (level in the source, level in the handout); the title is H1

    def heading(self, block: Heading) -> Block:
        while len(self.open_levels) > 1 and self.open_levels[-1][0] >= block.level:
            self.open_levels.pop()
        level = min(self.open_levels[-1][1] + 1, 6)
        self.open_levels.append((block.level, level))
        return dataclasses.replace(block, level=level)

    def paragraph(self, block: Paragraph) -> Block:
        return block

    def bullet_list(self, block: BulletList) -> Block:
        return dataclasses.replace(block, items=self._items(block.items))

    def ordered_list(self, block: OrderedList) -> Block:
        return dataclasses.replace(block, items=self._items(block.items))

    def quote(self, block: Quote) -> Block:
        return Quote(tuple(self.visit_all(block.blocks)))

    def code_block(self, block: CodeBlock) -> Block:
        return block

    def table(self, block: Table) -> Block:
        return block

    def rule(self, block: Rule) -> Block:
        return block

    def _items(self, items: tuple[ListItem, ...]) -> tuple[ListItem, ...]:
        return tuple(ListItem(tuple(self.visit_all(item.blocks))) for item in items)
