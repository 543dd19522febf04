"""Reading step: an article's shape checked — headings with no words or nothing under them, a title
that is a phone number, a banner or a menu word, a summary that repeats the first sentence.

These are what a page copied from a browser leaves behind (the site's banner as the title, its
menu as empty headings). `check` reports them for every article, hand-written or imported; the
importer turns them into a draft's review items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.article import (
    Article,
    Block,
    BlockVisitor,
    BulletList,
    CodeBlock,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Table,
    plain,
)
from pipeline.sources.summary import first_sentence

_PHONE = re.compile(r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b")
_BANNER = re.compile(
    r"\b(?:(?:now\s+)?accepting\s+(?:new\s+)?(?:clients|patients)|book\s+(?:now|online|today|an?\s+appointment"
    r"|your\s+(?:session|appointment))|schedule\s+(?:now|today|an?\s+(?:appointment|consultation|session))"
    r"|call\s+(?:us\s+)?(?:now|today)|free\s+(?:\d+[- ]minute\s+)?consultation|request\s+an?\s+appointment"
    r"|(?:aceptamos|aceptando)\s+(?:nuevos\s+)?(?:clientes|pacientes)|reserve?\s+(?:ahora|su\s+cita|tu\s+cita)"
    r"|(?:agende|agenda|pida)\s+(?:su\s+|tu\s+|una\s+)?cita|ll[aá]menos(?:\s+hoy)?|consulta\s+gratuita)\b",
    re.IGNORECASE)
# What a site's menu and sidebar call their links; never an article's title.
_MENU_WORDS = {
    "home", "home page", "about", "about us", "about me", "contact", "contact us", "services", "our services", "blog",
    "menu", "main menu", "our team", "meet the team", "categories", "category", "uncategorized", "tags", "archives",
    "search", "login", "log in", "sign in", "shop", "client portal", "privacy policy", "book now", "skip to content",
    "inicio", "contacto", "contáctenos", "servicios", "nosotros", "sobre nosotros", "quiénes somos",
}


@dataclass(frozen=True)
class Finding:
    """One thing wrong with an article's shape: the field or line it is at, and what is wrong."""

    where: str  # "title", "summary", "line 12"
    message: str
    error: bool  # the handout would come out wrong, not merely read less well


def article_structure(article: Article) -> tuple[Finding, ...]:
    """The structure findings for an article read from its source."""
    return structure_findings(article.title, article.summary, article.blocks, article.language,
                              summary_written=not article.summary_from_body)


def structure_findings(title: str, summary: str, blocks: tuple[Block, ...], language: str = "en",
                       summary_written: bool = True) -> tuple[Finding, ...]:
    """Everything wrong with the shape of a title, summary and body."""
    findings = [*_title_findings(title)]
    walker = _Headings()
    walker.visit_all(blocks)
    findings += walker.findings
    findings += _orphan_headings(blocks)
    if summary_written and _repeats_opening(summary, blocks, language):
        findings.append(Finding("summary", f"{summary!r} repeats the article's first sentence, so the handout "
                                           "prints it twice; write what the article is about in one line", False))
    return tuple(findings)


def title_problem(title: str) -> str | None:
    """Why a line cannot be an article's title (a phone number, the site's banner, a menu link), or None."""
    found = _title_findings(title)
    return found[0].message if found else None


def _title_findings(title: str) -> list[Finding]:
    words = " ".join(title.split()).strip(" .:|–—-")
    if words.casefold() in _MENU_WORDS:
        return [Finding("title", f"{title!r} is a menu link, not the article's title; expected what the "
                                 "article is called", True)]
    if match := _BANNER.search(words):
        return [Finding("title", f"{title!r} is the site's banner ({match[0]!r}), not the article's title; "
                                 "expected what the article is called", True)]
    if (match := _PHONE.search(words)) and len(re.findall(r"[^\W\d_]{2,}", words)) < 3:
        return [Finding("title", f"{title!r} is a phone number, not the article's title; expected what "
                                 "the article is called", True)]
    if match:
        return [Finding("title", f"{title!r} holds a phone number ({match[0]!r}); a title names what the "
                                 "article is about", True)]
    return []


def _where(block: Heading) -> str:
    return f"line {block.line}" if block.line else "body"


def _orphan_headings(blocks: tuple[Block, ...]) -> list[Finding]:
    """A heading followed by another of the same or a higher level, or by nothing, heads no text."""
    findings = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading) or not re.search(r"\w", plain(block.text)):
            continue  # an empty heading is its own finding
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or isinstance(following, Heading) and following.level <= block.level:
            findings.append(Finding(_where(block), f"heading {plain(block.text).strip()!r} has nothing under it; "
                                                   "expected text after it, or delete it", True))
    return findings


def _repeats_opening(summary: str, blocks: tuple[Block, ...], language: str) -> bool:
    said = _words(summary)
    opening = _words(first_sentence(blocks, "", language))
    if not said or not opening or len(said.split()) < 4:
        return False
    paragraph = next((_words(plain(block.text)) for block in blocks if isinstance(block, Paragraph)
                      and plain(block.text).strip()), "")
    return said == opening or paragraph.startswith(said)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


class _Headings(BlockVisitor[None]):
    """Headings with no words, wherever they stand (a list item, a quote); a blank one the Markdown
    reader has already left out with a warning."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def heading(self, block: Heading) -> None:
        if not re.search(r"\w", plain(block.text)):  # blank, or marks only ("**", "—")
            self.findings.append(Finding(_where(block), "empty heading; the handout would show a gap with no "
                                                        "title. Give it words or delete the line", True))

    def paragraph(self, block: Paragraph) -> None:
        pass

    def bullet_list(self, block: BulletList) -> None:
        for item in block.items:
            self.visit_all(item.blocks)

    def ordered_list(self, block: OrderedList) -> None:
        for item in block.items:
            self.visit_all(item.blocks)

    def quote(self, block: Quote) -> None:
        self.visit_all(block.blocks)

    def code_block(self, block: CodeBlock) -> None:
        pass

    def table(self, block: Table) -> None:
        pass

    def rule(self, block: Rule) -> None:
        pass
