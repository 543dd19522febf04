"""Import step: what a saved page says about itself — its description, categories, tags and address.

A page's `<meta name="description">` (or its Open Graph or JSON-LD description) is written by a
person to sum the post up, so it is the summary when it reads as one; its categories and tags
(JSON-LD `articleSection` and `keywords`, `rel="tag"` and category links) become the article's
tags; the last part of its canonical address is its slug, shorter than a slug made of the title.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from pipeline.article import Block, Paragraph, clean_line, plain

_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|read more)\s*$", re.IGNORECASE)
_NOT_A_SLUG = re.compile(r"\d+|index|default|home|page|post|blog|amp|p")


def description_summary(description: str | None, title: str | None, blocks: tuple[Block, ...] | list[Block]
                        ) -> str | None:
    """The page's description, when it is a summary: whole sentences, not the title, not the opening again."""
    text = clean_line(description or "")
    words = re.findall(r"[^\W\d_]{2,}", text)
    if len(words) < 5 or len(text) > 300 or _TRUNCATED.search(text) or text.casefold() == (title or "").casefold():
        return None
    opening = next((_squashed(plain(block.text)) for block in blocks
                    if isinstance(block, Paragraph) and plain(block.text).strip()), "")
    return None if opening.startswith(_squashed(text).rstrip(".")) else text


def page_tags(*groups: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """The page's categories and tags, each once (a "keywords" string split at its commas)."""
    found: dict[str, str] = {}
    for group in groups:
        for entry in group or ():
            for tag in re.split(r"\s*[,;]\s*", entry):
                tag = clean_line(tag)
                if tag and len(tag) <= 40 and tag.casefold() not in ("uncategorized", "uncategorised", "blog"):
                    found.setdefault(tag.casefold(), tag)
    return tuple(found.values())


def url_slug(url: str | None) -> str | None:
    """The last part of a page's address ("/blog/sleep-anxiety/" -> "sleep-anxiety"), if it names the page."""
    if not url:
        return None
    last = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    last = re.sub(r"\.(?:html?|php|aspx?)$", "", last, flags=re.IGNORECASE)
    return last if re.search(r"[^\W\d_]{2,}", last) and not _NOT_A_SLUG.fullmatch(last.lower()) else None


_SITE_CHROME = re.compile(r"widget|sidebar|footer|cloud|nav|menu|related|aside", re.IGNORECASE)


def _in_site_chrome(element) -> bool:
    """In a sidebar's tag cloud, the menu or the footer: the site's tags, not this page's."""
    return any(parent.tag in ("aside", "nav", "footer") or _SITE_CHROME.search(
        f"{parent.get('class') or ''} {parent.get('id') or ''}") for parent in element.iterancestors())


def _squashed(text: str) -> str:
    return "".join(text.split()).casefold()


def page_categories(html: str) -> tuple[str, ...]:
    """Categories and tags the page names for itself: `rel="tag"`/`rel="category"` links, Open Graph
    `article:section`/`article:tag`, and JSON-LD `articleSection`/`keywords`."""
    import json

    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ()
    found = [" ".join(link.text_content().split()) for link in root.iter("a")
             if {"tag", "category"} & set((link.get("rel") or "").lower().split()) and not _in_site_chrome(link)]
    found += [meta.get("content") or "" for meta in root.iter("meta")
              if (meta.get("property") or "").lower() in ("article:section", "article:tag")]
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []:
            for key in ("articleSection", "keywords"):
                value = item.get(key) if isinstance(item, dict) else None
                found += [value] if isinstance(value, str) else [v for v in value or () if isinstance(v, str)]
    return page_tags(found)
