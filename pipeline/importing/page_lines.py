"""Import step: a saved page's visible text, line by line, each line labelled with the part of the page it is in.

To tell the editor what was left out of a saved page, every line of the page's text is compared
with what the article kept; a line that is not in the article is listed with the part of the page
it stood in (menu, sidebar, comments, footer…), found from its tags, classes, ids and roles.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from pipeline.importing.furniture import BYLINE, Byline, Removed, byline, furniture, is_call_to_action
from pipeline.importing.platforms import platform_chrome

_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "select", "textarea")
_BREAKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
           "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
           "pre", "section", "table", "td", "th", "tr", "ul", "button", "label"}
# Words in a tag, class, id or role that say what a part of the page is; the innermost one wins.
_PARTS = (
    ("cookie", "cookie notice"), ("consent", "cookie notice"), ("skip", "skip link"),
    ("breadcrumb", "breadcrumbs"), ("shar", "share buttons"), ("social", "social links"),
    ("newsletter", "newsletter sign-up"), ("subscribe", "newsletter sign-up"), ("comment", "comments"),
    ("related", "related posts"), ("recent", "related posts"), ("nextstory", "related posts"),
    ("next-post", "previous/next links"), ("pagination", "previous/next links"),
    ("post-nav", "previous/next links"), ("sidebar", "sidebar"), ("widget", "sidebar"),
    ("complementary", "sidebar"), ("aside", "sidebar"), ("byline", "byline"), ("meta", "byline"),
    ("nav", "navigation menu"), ("menu", "navigation menu"), ("banner", "page header"),
    ("header", "page header"), ("contentinfo", "page footer"), ("footer", "page footer"), ("form", "form"),
)


def page_lines(html: str) -> list[tuple[str, str]]:
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
        part = page_part(element, inherited)
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


def left_out(page: list[tuple[str, str]], kept: str, title: str | None) -> tuple[list[Removed], list[Byline]]:
    """Each page line that is not in the article, labelled by the part of the page it was in."""
    removed: list[Removed] = []
    found: list[Byline] = []
    for number, (kind, line) in enumerate(page, start=1):
        squashed = squash(line)
        if not re.search(r"\w", line) or squashed in kept or (title and squashed == squash(title)):
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


def page_part(element: etree._Element, inherited: str) -> str:
    """What part of the page an element is, from its tag, class, id and role; else its parent's."""
    names = " ".join(word for word in " ".join([element.tag, element.get("class") or "", element.get("id") or "",
                                                element.get("role") or ""]).lower().split()
                     # A post filed under "social" is no social link, nor is WordPress's "format-standard" a form.
                     if not word.startswith(("category-", "tag-", "format-")))
    kind = next((kind for word, kind in _PARTS if word in names), None)
    if element.tag == "main" or element.get("role") == "main":
        inherited = "page text"  # the page's content, whatever a wrapper round the whole page is called
    if kind is None or (kind == "form" and inherited != "page text"):
        return inherited
    return kind


def squash(text: str) -> str:
    """Text for comparing: no spaces at all (inline tags and links move them around), any case."""
    return "".join(text.split()).casefold()
