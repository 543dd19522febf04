"""Import step: a post from Medium's export ("Download your information", its posts/ folder) becomes a draft.

Medium writes each post as a page of its own, marked the same way in every export: the title and
subtitle as the body's first `graf`s (`graf--title`, `graf--subtitle`), then paragraphs, headings,
lists, quotes and code as `graf--p`, `graf--h3`/`graf--h4`, `graf--li`, `graf--blockquote` and
`graf--pre` (one `<pre>` per block of lines, each line ended by `<br>`), pictures and embedded
players as `<figure>`s, and a `<footer>` with the author (`p-author`), the date (`dt-published`),
the tags (`p-tag`) and the post's address (`p-canonical`). That markup is read as it is: there is
no site around the post for trafilatura to find it in. A draft — a file Medium names `draft_…`,
whose footer has neither a date nor an address — is skipped, and so is a response to another
post: one paragraph with no title or subtitle of its own, which Medium names by its first words.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date

import lxml.html
from lxml import etree

from pipeline.importing.draft import Draft, Skipped
from pipeline.importing.fragment import fragment_blocks
from pipeline.importing.furniture import Removed

_BODY = re.compile(r"<section\b[^>]*\bdata-field\s*=\s*[\"']?body\b", re.IGNORECASE)
_GRAF = re.compile(r"\bclass\s*=\s*[\"'][^\"']*\bgraf--", re.IGNORECASE)
_SOURCE_BREAK = re.compile(r"[ \t]*\n[ \t]*")  # where the file's own lines break, not the code's


def is_medium_export(html: str) -> bool:
    """Whether a page is a post from Medium's export: its body section and Medium's `graf` classes."""
    return bool(_BODY.search(html) and _GRAF.search(html))


def _class(*words: str) -> str:
    return " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {word} ')" for word in words)


def _text(found: list[etree._Element]) -> str | None:
    return (" ".join(found[0].text_content().split()) or None) if found else None


def read_medium(html: str, name: str) -> Draft | Skipped:
    """A post from Medium's export as a draft to review, or skipped: a draft on Medium, or a response."""
    try:
        root = lxml.html.document_fromstring(html)
    except ValueError:  # a page that declares its encoding as XML does is read as the UTF-8 it now is
        root = lxml.html.document_fromstring(html.encode("utf-8"))
    published = root.xpath(f"//time[{_class('dt-published')}]/@datetime")
    canonical = root.xpath(f"//a[{_class('p-canonical')}]/@href")
    title = _text(root.xpath(f"//*[{_class('p-name')}]")) or _text(root.xpath(f"//*[{_class('graf--title')}]")) \
        or _text(root.xpath("//title"))
    if name.lower().startswith("draft_") or not published and not canonical:
        return Skipped(title or name, "draft")
    subtitle = _text(root.xpath("//section[@data-field='subtitle']")) \
        or _text(root.xpath(f"//*[{_class('graf--subtitle')}]"))
    body = next(iter(root.xpath("//section[@data-field='body']")), root)
    grafs = body.xpath(f".//*[{_class('graf')}]")
    if title and not subtitle and len(grafs) == 1 and grafs[0].tag == "p" \
            and (_text(grafs) or "").startswith(title.rstrip("…. ")):
        return Skipped(title, "response to another post")  # no title of its own: Medium names it by its words
    removed = _prepared(body, title)
    blocks, dropped = fragment_blocks(lxml.html.tostring(body, encoding="unicode"))
    removed += dropped
    shown = sum(1 for item in removed if item.kind in ("image", "embed"))
    notes = (f"review: {shown} picture(s) or embedded player(s) were left out; check the text still reads well "
             "without them",) if shown else ()
    return Draft(
        blocks=blocks, title=title, summary=subtitle, canonical_url=canonical[0].strip() if canonical else None,
        author=_text(root.xpath(f"//*[{_class('p-author')}]")), updated=_day(published[0] if published else None),
        tags=tuple(tag for tag in (_text([found]) for found in root.xpath(f"//a[{_class('p-tag')}]")) if tag),
        removed=tuple(Removed(number, item.kind, item.text) for number, item in enumerate(removed, start=1)),
        notes=notes,
    )


def _prepared(body: etree._Element, title: str | None) -> list[Removed]:
    """The body made plain HTML: title and subtitle out, pictures listed and out, code and quotes joined."""
    for element in body.xpath(f".//*[{_class('graf--title', 'graf--subtitle')}]"):
        _drop(element)
    first = body.xpath(f".//*[{_class('graf')}][1]")
    if first and first[0].tag in ("h1", "h2", "h3", "h4") and _text(first) == title:
        _drop(first[0])  # an older export's title, without the graf--title class
    for divider in body.xpath(f".//section[1]//*[{_class('section-divider')}]"):
        _drop(divider)  # Medium shows a break between sections, not above the first
    removed = []
    for figure in body.xpath(".//figure"):
        kind = "embed" if figure.xpath(".//iframe") else "image"
        what = _text(figure.xpath(".//figcaption")) or (figure.xpath(".//img/@alt") or [""])[0].strip() \
            or (figure.xpath(".//img/@src | .//iframe/@src") or [kind])[0]
        removed.append(Removed(0, kind, what[:200]))
        _drop(figure)
    for card in body.xpath(f".//*[{_class('graf--mixtapeEmbed')}]"):
        _link_card(card)
    for run in _runs(body, "pre", "graf--pre"):
        code = etree.Element("pre")
        code.text = "\n".join(_code(pre) for pre in run)
        _replace(run, code)
    for run in _runs(body, "blockquote", "graf--blockquote"):
        quote = etree.Element("blockquote")
        for part in run:
            part.tag = "p"  # each quoted graf a paragraph of one quote, as Medium shows them
        _replace(run, quote, keep=True)
    return removed


def _runs(body: etree._Element, tag: str, kind: str) -> list[list[etree._Element]]:
    """Elements of one kind that stand one after another, with nothing but spaces between."""
    runs: list[list[etree._Element]] = []
    for element in body.xpath(f".//{tag}[{_class(kind)}]"):
        before = element.getprevious()
        if runs and before is runs[-1][-1] and not (before.tail or "").strip():
            runs[-1].append(element)
        else:
            runs.append([element])
    return runs


def _replace(run: list[etree._Element], new: etree._Element, keep: bool = False) -> None:
    run[0].addprevious(new)
    new.tail = run[-1].tail
    for element in run:
        if keep:
            element.tail = None
            new.append(element)
        else:
            element.getparent().remove(element)


def _code(pre: etree._Element) -> str:
    """A code block's lines: Medium ends each with `<br>`; where it does not, the text's own lines are the code's."""
    if pre.xpath(".//br"):
        parts: list[str] = []

        def walk(element: etree._Element) -> None:
            parts.append("\n" if element.tag == "br" else _SOURCE_BREAK.sub("", element.text or ""))
            for child in element:
                walk(child)
                parts.append(_SOURCE_BREAK.sub("", child.tail or ""))

        walk(pre)
        return "".join(parts).strip("\n")
    lines = "".join(pre.itertext()).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return textwrap.dedent("\n".join(line.rstrip() for line in lines))


def _link_card(card: etree._Element) -> None:
    """A link Medium shows as a card (title, description, site) becomes a paragraph with the link and its title."""
    anchor = next(iter(card.xpath(".//a[@href]")), None)
    paragraph = etree.Element("p")
    if anchor is not None:
        link = etree.SubElement(paragraph, "a", href=anchor.get("href", ""))
        link.text = _text(anchor.xpath(".//strong")) or _text([anchor])
    paragraph.tail = card.tail
    card.addprevious(paragraph)
    card.getparent().remove(card)


def _drop(element: etree._Element) -> None:
    if element.getparent() is not None:
        element.drop_tree()  # its tail stays


def _day(stamp: str | None) -> date | None:
    try:
        return date.fromisoformat(stamp.strip()[:10]) if stamp else None
    except ValueError:
        return None
