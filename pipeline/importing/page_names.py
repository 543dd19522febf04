"""Import step: the article's own words that name a social network or "Print" are kept from the share-button filters.

trafilatura drops every piece of text that is only "Facebook", "Twitter", "Instagram", "E-Mail",
"Print"… wherever it stands, taking it for a share button — a table cell, a list item or a
heading of the article's own goes with it — and the importer takes such a line for a share
button too. Whether it is one is told here, from the page before trafilatura reads it: a name
that is a link, or stands in a part of the page marked as sharing, social links, a menu, a
sidebar or a footer, is furniture; any other is the article's text. Each of those is marked with
an invisible WORD JOINER that trafilatura's filter does not see past, and the mark is taken out
again as soon as trafilatura has picked out the article.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from trafilatura.utils import RE_FILTER  # the lines trafilatura leaves out as share buttons

from pipeline.importing.page_lines import page_part

MARK = "\u2060"
_NOT_TEXT = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "textarea"}
_BUTTONS = {"a", "button", "label", "option"}


def with_names_marked(html: str) -> str:
    """The page with each name in its article text marked to be kept (unchanged if it has none)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    body = root.find("body")  # its classes name the page's template, not a part of it
    if body is None or not sum(_mark(child, "page text") for child in body):
        return html
    return lxml.html.tostring(root, encoding="unicode")


def _mark(element: etree._Element, inherited: str) -> int:
    """Mark the names in an element's own text and its children's; how many were marked."""
    if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
        return 0
    part = page_part(element, inherited)
    text = part == "page text" and element.tag not in _BUTTONS
    marked = 0
    if text and element.text:
        element.text, marked = _marked(element.text)
    for child in element:
        marked += _mark(child, part if text else "furniture")
        if text and child.tail:
            child.tail, count = _marked(child.tail)
            marked += count
    return marked


def _marked(text: str) -> tuple[str, int]:
    lines = text.split("\n")
    count = 0
    for index, line in enumerate(lines):
        if line.strip() and RE_FILTER.match(line.strip()):
            lines[index] = re.sub(r"(\S)(\s*)$", rf"\1{MARK}\2", line)
            count += 1
    return "\n".join(lines), count


def unmarked(body: etree._Element) -> set[str]:
    """Take the marks out of trafilatura's article, in place; the texts that were marked, to be kept."""
    kept: set[str] = set()
    for element in body.iter():
        for name in ("text", "tail"):
            value = getattr(element, name)
            if value and MARK in value:
                kept.update(line.replace(MARK, "").strip() for line in value.split("\n") if MARK in line)
                setattr(element, name, value.replace(MARK, ""))
    return kept
