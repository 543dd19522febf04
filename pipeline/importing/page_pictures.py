"""Import step: the pictures, videos and players of a saved page's article, found so each one left out is listed.

trafilatura reads the article's words and leaves its pictures and players behind, so they are
looked for in the page itself: one counts as the article's when it stands in the same block of
the page as words the article kept (its figure, its paragraph, the post's body), and is not
itself an author's photo, a share button, a logo or an advert. A `<figure>` is one item with its
caption, and a `<picture>` one picture whatever sources it offers. Tracking pixels are passed
over. Nothing is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree

_NOT_ARTICLE = re.compile(r"header|footer|nav|menu|sidebar|widget|comment|related|share|social|avatar|logo"
                          r"|author|banner|advert|\bad\b|promo|cookie", re.IGNORECASE)
_BLOCKS = {"p", "figure", "div", "section", "article", "main", "li", "td", "blockquote"}
_MEDIA = ("figure", "picture", "img", "video", "audio", "iframe")
_VIDEO_HOSTS = re.compile(r"(?:^|\.)(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|wistia\.(?:com|net)"
                          r"|loom\.com|dailymotion\.com|facebook\.com|tiktok\.com)$")


@dataclass(frozen=True)
class Media:
    """One picture, video, sound or embedded player of the article, as the editor is told of it."""

    kind: str  # "picture", "video", "audio", "embed"
    what: str  # its caption, else its alt text or title, else its address
    host: str = ""  # where a player plays from: "youtube.com"
    caption: str = ""  # a figure's caption, which goes with it (never listed on its own)


def media_in_article(html: str, kept: str) -> list[Media]:
    """Each picture and player of the article, in page order; `kept` is the squashed article text."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found: list[Media] = []
    for element in root.iter(*_MEDIA):
        if any(parent.tag in ("figure", "picture", "video", "audio") for parent in element.iterancestors()):
            continue  # part of a figure, picture or player already counted
        if element.tag == "img" and (element.get("width") in ("0", "1") or element.get("height") in ("0", "1")):
            continue  # a tracking pixel
        if element.tag == "figure" and not element.xpath(".//img | .//picture | .//video | .//audio | .//iframe"):
            continue  # a figure of words only (a quote, a table): its words are the article's
        if not _in_article(element, kept):
            continue
        media = _media(element)
        if media.what and media not in found:
            found.append(media)
    return found


def _media(element: etree._Element) -> Media:
    caption = _text(element.find(".//figcaption")) if element.tag == "figure" else ""
    inner = element
    if element.tag in ("figure", "picture"):
        inner = next(iter(element.xpath(".//iframe | .//video | .//audio | .//img")), element)
    source = inner.get("src") or inner.get("data-src") or next(iter(inner.xpath(".//source/@src")), "") or ""
    name = " ".join((inner.get("alt") or inner.get("title") or inner.get("aria-label") or "").split())
    host = (urlsplit(source if "//" in source else "").hostname or "").removeprefix("www.")
    match inner.tag:
        case "iframe":
            kind = "video" if _VIDEO_HOSTS.search(host) else "embed"
        case "video" | "audio":
            kind = inner.tag
        case _:
            kind, host = "picture", ""
    address = source.split("//", 1)[-1].split("?", 1)[0]  # a player with no title: where it plays from
    # A picture with no words is named by its file; an image service's address may end with the
    # picture's own, escaped (Substack's ".../https%3A%2F%2F...%2Fphoto.jpeg").
    path = source.split("?", 1)[0]
    file = (unquote(path) if "%2f" in path.lower() else path).rsplit("/", 1)[-1]
    what = caption or name or (file if kind == "picture" else address) or kind
    return Media(kind, what[:200], host, caption)


def _in_article(element: etree._Element, kept: str) -> bool:
    """Beside the article's words, and not in an author box, a share bar or an advert."""
    ancestors = list(element.iterancestors())  # a figure's own caption is not the article's text
    block = next((index for index, parent in enumerate(ancestors) if parent.tag in _BLOCKS and _words(parent)), None)
    if block is None or not _shares_words(ancestors[block], kept):
        return False  # not beside the article's words: a sidebar's, a comment's, the page's
    return not any(_NOT_ARTICLE.search(" ".join([parent.tag, parent.get("class") or "", parent.get("id") or "",
                                                 parent.get("role") or ""])) for parent in ancestors[:block + 1])


def _text(element: etree._Element | None) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def _words(element: etree._Element) -> str:
    return "".join(element.text_content().split()).casefold()


def _shares_words(block: etree._Element, kept: str) -> bool:
    """Whether a stretch of the block's words is part of what the article kept."""
    words = _words(block)
    return any(words[start:start + 40] in kept for start in range(0, max(len(words) - 40, 0) + 1, 40)) \
        if len(words) >= 40 else bool(words) and words in kept


def media_notes(media: list[Media]) -> tuple[str, ...]:
    """One review line per kind of picture or player left out: the handout prints the words only."""
    notes = []
    for kind in dict.fromkeys(item.kind for item in media):
        count = sum(item.kind == kind for item in media)
        name = {"picture": "picture", "video": "video", "audio": "sound recording", "embed": "embedded player"}[kind]
        notes.append(f"review: {count} {name}{'s' if count != 1 else ''} left out (listed above as removed); "
                     "check the text still reads well without them, and describe in words what a reader needs")
    return tuple(notes)
