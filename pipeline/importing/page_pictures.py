"""Import step: the pictures of a saved page's article, found so each one left out is listed for the editor.

trafilatura reads the article's words and leaves its pictures behind, so they are looked for in
the page itself: a picture counts as the article's when it stands in the same block of the page
as words the article kept (its figure, its paragraph, the post's body), and is not itself an
author's photo, a share button, a logo or an advert. Tracking pixels and pictures with nothing to name them by are
passed over. Nothing is fetched.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_NOT_ARTICLE = re.compile(r"header|footer|nav|menu|sidebar|widget|comment|related|share|social|avatar|logo"
                          r"|author|banner|advert|\bad\b|promo|cookie", re.IGNORECASE)
_BLOCKS = {"p", "figure", "div", "section", "article", "main", "li", "td", "blockquote"}


def pictures_in_article(html: str, kept: str) -> list[str]:
    """What each of the article's pictures shows (its alt text, else its address); `kept` is the squashed article."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for image in root.iter("img"):
        if image.get("width") in ("0", "1") or image.get("height") in ("0", "1"):
            continue  # a tracking pixel
        ancestors = list(image.iterancestors())
        block = next((index for index, element in enumerate(ancestors) if element.tag in _BLOCKS and _words(element)),
                     None)
        if block is None or not _shares_words(ancestors[block], kept):
            continue  # not beside the article's words: a sidebar's, a comment's, the page's
        if any(_NOT_ARTICLE.search(" ".join([element.tag, element.get("class") or "", element.get("id") or "",
                                             element.get("role") or ""])) for element in ancestors[:block + 1]):
            continue  # an author's photo, a share button, an advert inside the post
        what = " ".join((image.get("alt") or image.get("title") or image.get("src") or "").split())[:200]
        if what and what not in found:
            found.append(what)
    return found


def _words(element: etree._Element) -> str:
    return "".join(element.text_content().split()).casefold()


def _shares_words(block: etree._Element, kept: str) -> bool:
    """Whether a stretch of the block's words is part of what the article kept."""
    words = _words(block)
    return any(words[start:start + 40] in kept for start in range(0, max(len(words) - 40, 0) + 1, 40)) \
        if len(words) >= 40 else bool(words) and words in kept
