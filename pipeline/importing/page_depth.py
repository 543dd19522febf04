"""Import step: a saved page nested deeper than HTML parsers read is flattened first, so no text is lost.

libxml2 (under lxml and trafilatura) stops reading a page at 256 nested elements and returns
what it read so far: every word after the deep part vanished from the draft, with no line
saying so. Such a page is read once with libxml2's larger limit (2,048), and the elements past
a safe depth are unwrapped — their text and children stay where they were — before any other
step reads it. A page nested deeper still is refused, naming the line.
"""

from __future__ import annotations

from pathlib import PurePath

from lxml import etree, html

from pipeline.errors import ImportFailed

SAFE_DEPTH = 200  # below libxml2's 256, with room for the wrappers later steps add
_CONTAINERS = {"div", "span", "section", "article", "main", "header", "footer", "aside", "nav", "font", "center",
               "figure", "form", "label"}


def shallow_page(page: str, name: str) -> tuple[str, list[str]]:
    """The page, with its nesting past SAFE_DEPTH unwrapped, and a review note when anything was."""
    if page.count("<") < SAFE_DEPTH:  # too few tags to nest that deep: the common case costs nothing
        return page, []
    parser = html.HTMLParser(huge_tree=True, default_doctype=False)
    try:
        root = html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        return page, []  # nothing to read: the importer says so itself
    for error in parser.error_log:
        if "Excessive depth" in error.message:
            raise ImportFailed(f"{name}: line {error.line}: the page nests its elements more than 2,048 deep, past "
                               "what can be read without losing the text after it; save the article's own part "
                               "of the page, or paste its text into a .txt file")
    depth = _depths(root)
    if max(depth.values()) <= SAFE_DEPTH:
        return page, []
    # Wrappers past half the safe depth go first: unwrapping a div or a span changes nothing a reader sees.
    for element in reversed([element for element, level in depth.items()
                             if level > SAFE_DEPTH // 2 and element.tag in _CONTAINERS]):
        element.drop_tag()  # innermost first, so each is still in the tree when unwrapped
    note = []
    depth = _depths(root)
    if max(depth.values()) > SAFE_DEPTH:  # lists or quotes inside each other: flattened, and said
        for element in reversed([element for element, level in depth.items() if level > SAFE_DEPTH]):
            element.drop_tag()
        note = [f"review: {PurePath(name).name} nests lists, quotes or tables more than {SAFE_DEPTH} deep; "
                "the deepest were flattened so no text is lost — check how that part reads"]
    return html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>"), note


def _depths(root: html.HtmlElement) -> dict[html.HtmlElement, int]:
    """Each element's depth below the root (comments and the like included: they nest nothing)."""
    depth = {root: 0}
    for element in root.iterdescendants():
        depth[element] = depth[element.getparent()] + 1
    return {element: level for element, level in depth.items() if isinstance(element.tag, str)}
