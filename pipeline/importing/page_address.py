"""Import step: a saved page's own address — its canonical link, else its og:url — never its `<base href>`.

`<base href>` only says where the page's relative links point; a page can set it to any address,
so an address taken from it would go under the handout's QR code as the article's own. Only an
absolute http(s) address is returned; the importer then holds it to the articles' address rule.
"""

from __future__ import annotations

from lxml import etree, html


def page_address(page: str) -> str | None:
    """The address the page declares as its own, or None."""
    try:
        root = html.document_fromstring(page[:2_000_000], parser=html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None
    head = root.find("head")
    if head is None:
        return None
    for link in head.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return _absolute(link.get("href"))
    for meta in head.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:url":
            return _absolute(meta.get("content"))
    return None


def _absolute(address: str | None) -> str | None:
    address = (address or "").strip()
    return address if address.startswith(("https://", "http://")) else None
