"""Import step: a saved HTML page becomes a draft, its main content found by trafilatura.

trafilatura picks the article out of the page and returns it as XML (head, p, list, quote, hi,
ref…), which is turned into the article's typed blocks here. To tell the editor what was left
out, every line of the page's text is compared with what was kept.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml import etree

from pipeline.article import (
    Block,
    BulletList,
    CodeBlock,
    Heading,
    ListItem,
    OrderedList,
    Paragraph,
    Quote,
    Span,
    Table,
    Text,
    plain,
    text_runs,
)
from pipeline.importing.draft import Draft
from pipeline.importing.furniture import (
    BYLINE,
    Byline,
    Removed,
    byline,
    furniture,
    is_call_to_action,
    trim_call_to_action,
)
from pipeline.importing.platform_html import without_platform_chrome
from pipeline.importing.platforms import platform_chrome
from pipeline.importing.spans import merged, stripped, top_level_two

SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:")
_CREDENTIAL = re.compile(r";\s*(?=(?:[A-Z][A-Za-z]{0,3}\.?-?){1,3}\b)")  # "Jane Doe; LCSW" -> "Jane Doe, LCSW"
_STYLES = {"#b": "strong", "#i": "emphasis", "#u": "emphasis", "#t": "code"}
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "select", "textarea")
_BREAKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
           "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
           "pre", "section", "table", "td", "th", "tr", "ul", "button", "label"}
# Words in a tag, class, id or role that say what a part of the page is; the innermost one wins.
_PARTS = (
    ("cookie", "cookie notice"), ("consent", "cookie notice"), ("skip", "skip link"),
    ("breadcrumb", "breadcrumbs"), ("shar", "share buttons"), ("social", "social links"),
    ("newsletter", "newsletter sign-up"), ("subscribe", "newsletter sign-up"), ("comment", "comments"),
    ("related", "related posts"), ("recent", "related posts"), ("pagination", "previous/next links"),
    ("post-nav", "previous/next links"), ("sidebar", "sidebar"), ("widget", "sidebar"),
    ("complementary", "sidebar"), ("aside", "sidebar"), ("byline", "byline"), ("meta", "byline"),
    ("nav", "navigation menu"), ("menu", "navigation menu"), ("banner", "page header"),
    ("header", "page header"), ("contentinfo", "page footer"), ("footer", "page footer"), ("form", "form"),
)


def read_html(html: str) -> Draft:
    """Read a saved web page into a draft article."""
    platform = without_platform_chrome(html)
    document = trafilatura.bare_extraction(
        platform.html, include_comments=False, include_formatting=True, include_links=True, include_tables=True,
        with_metadata=True,
        date_extraction_params={"original_date": False, "extensive_search": True,
                                "max_date": date.today().isoformat()},
    )
    if document is None or document.body is None:
        return Draft(blocks=())
    reader = _Reader(document.url)
    title = platform.title or " ".join((document.title or "").split()) or None
    blocks = [block for block in reader.blocks(document.body)
              if not (isinstance(block, (Heading, Paragraph)) and plain(block.text) in (title, platform.subtitle))]
    top_level_two(blocks)
    page = _page_lines(html)
    kept = _squash(" ".join([title or "", document.author or "", *(plain(t) for t in text_runs(blocks))]))
    removed, found = _left_out(page, kept, title)
    lines = [_where(block, page) for block in blocks]
    for index in reversed(range(len(blocks))):
        block = blocks[index]
        if not isinstance(block, (Paragraph, Heading)):
            continue
        if meta := byline(plain(block.text)):
            found.append(meta)
            removed.append(Removed(lines[index], BYLINE, plain(block.text)))
            del blocks[index], lines[index]
        elif kind := furniture(plain(block.text)) or platform_chrome(plain(block.text)):
            removed.append(Removed(lines[index], kind, plain(block.text)))
            del blocks[index], lines[index]
    removed += trim_call_to_action(blocks, lines)
    author = _CREDENTIAL.sub(", ", document.author) if document.author else None
    try:
        updated = date.fromisoformat(document.date) if document.date else None
    except ValueError:
        updated = None
    return Draft(
        blocks=tuple(blocks), title=title,
        author=author or next((b.author for b in found if b.author), None),
        # A stamp on the page saying when it was updated is the editor's date; else the page's own.
        updated=next((b.updated for b in found if b.updated), None) or updated
        or next((b.published for b in found if b.published), None),
        canonical_url=document.url if (document.url or "").startswith(("https://", "http://")) else None,
        removed=tuple(sorted(removed, key=lambda item: item.line)), summary=platform.subtitle,
        language=platform.language,
    )


class _Reader:
    """trafilatura's XML elements to article blocks."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url

    def blocks(self, parent: etree._Element) -> list[Block]:
        out: list[Block] = []
        loose: list[Span] = [Span(parent.text)] if parent.text else []  # words outside any paragraph

        def paragraph() -> None:
            if plain(stripped(merged(loose))):
                out.append(Paragraph(stripped(merged(loose))))
            loose.clear()

        for child in parent:
            block = self.block(child)
            if block is None:
                loose.extend([Span("\n")] if child.tag == "lb" else self.spans(child, {}) if child.tag in ("hi", "ref")
                             else [])
            else:
                paragraph()
                if not isinstance(block, (Heading, Paragraph)) or plain(block.text).strip():
                    out.append(block)
            if child.tail:
                loose.append(Span(child.tail))
        paragraph()
        return out

    def block(self, element: etree._Element) -> Block | None:
        tag = element.tag
        if tag == "head":
            level = re.fullmatch(r"h([1-6])", element.get("rend") or "")
            return Heading(int(level[1]) if level else 2, self.text(element))
        if tag == "p":
            return Paragraph(self.text(element))
        if tag == "list":
            items = tuple(ListItem(tuple(blocks)) for item in element if item.tag == "item"
                          if (blocks := self.item(item)))
            if not items:
                return None
            return OrderedList(items) if element.get("rend") == "ol" else BulletList(items)
        if tag == "quote":
            inner = self.blocks(element)
            return Quote(tuple(inner)) if inner else None
        if tag == "code":
            return CodeBlock("".join(element.itertext()).strip("\n"))
        if tag == "table":
            rows = [tuple(self.text(cell) for cell in row if cell.tag == "cell") for row in element if row.tag == "row"]
            heads = [row for row in element if row.tag == "row" and all(c.get("role") == "head" for c in row)]
            if heads and rows:
                return Table(rows[0], tuple(rows[1:]))
            return Table((), tuple(rows)) if rows else None
        return None

    def item(self, element: etree._Element) -> list[Block]:
        """A list item: its own words first, then anything nested (sub-lists, paragraphs)."""
        words = self.text(element, skip_blocks=True)
        nested = [block for child in element if (block := self.block(child)) is not None]
        return ([Paragraph(words)] if plain(words).strip() else []) + nested

    def text(self, element: etree._Element, skip_blocks: bool = False) -> Text:
        spans = self.spans(element, {}, skip_blocks=skip_blocks)
        return stripped(merged(spans))

    def spans(self, element: etree._Element, style: dict, skip_blocks: bool = False) -> list[Span]:
        out: list[Span] = []
        if element.text:
            out.append(Span(element.text, **style))
        for child in element:
            if skip_blocks and child.tag in ("list", "p", "quote", "table", "code"):
                pass
            elif child.tag == "lb":
                out.append(Span("\n", **style))
            elif child.tag == "hi":
                flag = _STYLES.get(child.get("rend", ""), "")
                out += self.spans(child, {**style, flag: True} if flag else style)
            elif child.tag == "ref":
                target = urljoin(self.base_url or "", child.get("target") or "")
                href = {"href": target} if target.lower().startswith(SAFE_LINK_SCHEMES) else {}
                out += self.spans(child, {**style, **href})
            elif child.tag != "graphic":
                out += self.spans(child, style)
            if child.tail:
                out.append(Span(child.tail, **style))
        return out


def _squash(text: str) -> str:
    """Text for comparing: no spaces at all (inline tags and links move them around), any case."""
    return "".join(text.split()).casefold()


def _where(block: Block, page: list[tuple[str, str]]) -> int:
    """The number of the page line a block starts on, so notes about it read in page order."""
    text = _squash(" ".join(plain(t) for t in text_runs([block])))
    return next((number for number, (_, line) in enumerate(page, start=1)
                 if (squashed := _squash(line)) and (squashed in text or text in squashed)), len(page) + 1)


def _page_lines(html: str) -> list[tuple[str, str]]:
    """The page's visible text, a line per block of the layout, each with the part of the page it is in."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    lines: list[tuple[str, str]] = []
    words: list[tuple[str, str]] = []  # (text, the part of the page it is in)

    def flush() -> None:
        line = re.sub(r" ([,.;:!?])", r"\1", " ".join("".join(text for text, _ in words).split()))
        if line:
            lines.append((next(part for text, part in words if text.strip()), line))
        words.clear()

    def walk(element: etree._Element, inherited: str) -> None:
        if not isinstance(element.tag, str) or element.tag in _INVISIBLE:
            return
        part = _part(element, inherited)
        if element.tag in _BREAKS:
            flush()
        elif element.tag == "a":
            words.append((" ", part))  # menus often set links side by side with no space between
        if element.text:
            words.append((element.text, part))
        for child in element:
            walk(child, part)
            if child.tail:
                words.append((child.tail, part))
        if element.tag in _BREAKS:
            flush()
        elif element.tag == "a":
            words.append((" ", part))

    body = root.find("body")
    walk(body if body is not None else root, "page text")
    flush()
    return lines


def _left_out(page: list[tuple[str, str]], kept: str, title: str | None) -> tuple[list[Removed], list[Byline]]:
    """Each page line that is not in the article, labelled by the part of the page it was in."""
    removed: list[Removed] = []
    found: list[Byline] = []
    for number, (kind, line) in enumerate(page, start=1):
        squashed = _squash(line)
        if not re.search(r"\w", line) or squashed in kept or (title and squashed == _squash(title)):
            continue
        if (meta := byline(line)) is not None:
            found.append(meta)
            kind = BYLINE
        elif kind == "page text" and is_call_to_action(line):
            kind = "call to action"
        elif kind == "page text" and (chrome := platform_chrome(line) or furniture(line)):
            kind = chrome
        removed.append(Removed(number, kind, line))
    return removed, found


def _part(element: etree._Element, inherited: str) -> str:
    """What part of the page an element is, from its tag, class, id and role; else its parent's."""
    names = " ".join([element.tag, element.get("class") or "", element.get("id") or "",
                      element.get("role") or ""]).lower()
    kind = next((kind for word, kind in _PARTS if word in names), None)
    if kind is None or (kind == "form" and inherited != "page text"):
        return inherited
    return kind
