"""Import step: a saved HTML page becomes a draft, its main content found by trafilatura.

trafilatura picks the article out of the page and returns it as XML (head, p, list, quote, hi,
ref…), which is turned into the article's typed blocks here. To tell the editor what was left
out, every line of the page's text is compared with what was kept.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from urllib.parse import urljoin

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
from pipeline.importing.closing import trim_call_to_action
from pipeline.importing.draft import Draft
from pipeline.importing.fragment import fragment_blocks
from pipeline.importing.furniture import (
    BYLINE,
    Byline,
    Removed,
    bare_date,
    byline,
    furniture,
)
from pipeline.importing.page_address import page_address
from pipeline.importing.page_chrome import author_name, without_blog_chrome, without_site_name
from pipeline.importing.page_lines import left_out, page_lines, page_part, squash
from pipeline.importing.page_meta import description_summary, page_categories, page_tags, url_slug
from pipeline.importing.page_names import MARK, unmarked, with_names_marked
from pipeline.importing.page_pictures import Media, media_in_article, media_notes
from pipeline.importing.platform_html import without_platform_chrome
from pipeline.importing.platforms import captioned_author, platform_chrome
from pipeline.importing.preformatted import code_in_pre
from pipeline.importing.spans import merged, spaced, stripped, top_level_two
from pipeline.importing.stamps import stamped_date

SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:")
_CREDENTIAL = re.compile(r";\s*(?=(?:[A-Z][A-Za-z]{0,3}\.?-?){1,3}\b)")  # "Jane Doe; LCSW" -> "Jane Doe, LCSW"
_STYLES = {"#b": "strong", "#i": "emphasis", "#u": "emphasis", "#t": "code", "#sup": "superscript",
           "#sub": "subscript"}
_CONTAINERS = {"div", "section", "article", "main", "span"}


def read_html(html: str) -> Draft:
    """Read a saved web page into a draft article."""
    platform = without_platform_chrome(html)
    document = trafilatura.bare_extraction(
        code_in_pre(with_names_marked(platform.html)), include_comments=False, include_formatting=True,
        include_links=True, include_tables=True, with_metadata=True,
        date_extraction_params={"original_date": False, "extensive_search": True,
                                "max_date": date.today().isoformat()},
    )
    if document is None or isinstance(document, dict) or document.body is None:
        return Draft(blocks=())
    names = unmarked(document.body)  # the article's own "Facebook", "Print"…: kept, never taken for buttons
    page = page_lines(html)
    reader = _Reader(document.url, " ".join(" ".join(line for _, line in page).split()))
    title = platform.title or without_site_name(" ".join((document.title or "").replace(MARK, "").split()),
                                                document.sitename, document.hostname) or None
    # A Blogger post is read as a post in a Blogger backup is (its pictures are found in the page
    # below); trafilatura's reading is kept for a template that writes the post from a script.
    body, dropped = fragment_blocks(platform.post) if platform.post else ((), ())
    if not body:
        body, dropped = tuple(reader.blocks(document.body)), ()
    blocks = [block for block in body
              if not (isinstance(block, (Heading, Paragraph)) and plain(block.text) in (title, platform.subtitle))]
    top_level_two(blocks)
    kept = squash(" ".join([title or "", platform.subtitle or "", document.author or "",
                            *(plain(t) for t in text_runs(blocks))]))
    removed, found = left_out(page, kept, title)
    media = media_in_article(html, kept)
    media += [Media("picture", what) for what in reader.pictures if all(what != item.what for item in media)]
    captions = {item.caption for item in media if item.caption}  # a caption goes with its picture
    removed = [item for item in removed if item.text not in captions]
    blocks = [block for block in blocks if not (isinstance(block, Paragraph) and plain(block.text) in captions)]
    removed += [Removed(0, f"{item.kind}: {item.host}" if item.host else item.kind, item.what) for item in media]
    removed += [Removed(0, item.kind, item.text) for item in dropped if item.kind != "image"]
    lines = [_where(block, page) for block in blocks]
    for index in reversed(range(len(blocks))):
        block = blocks[index]
        if not isinstance(block, (Paragraph, Heading)):
            continue
        if (meta := byline(plain(block.text))) and not bare_date(meta):  # a bare "Mar 3" in the text stays
            found.append(meta)
            removed.append(Removed(lines[index], BYLINE, plain(block.text)))
            del blocks[index], lines[index]
        elif author_beside := captioned_author(plain(block.text)):
            found.append(Byline(author=author_beside))
            removed.append(Removed(lines[index], "author photo caption", plain(block.text)))
            del blocks[index], lines[index]
        elif plain(block.text).strip() not in names and (
                kind := furniture(plain(block.text)) or platform_chrome(plain(block.text))):
            removed.append(Removed(lines[index], kind, plain(block.text)))
            del blocks[index], lines[index]
    chrome, categories = without_blog_chrome(blocks, lines)
    removed += chrome + trim_call_to_action(blocks, lines)
    named = platform.author or document.author  # the platform's own mark before trafilatura's guess
    author = author_name(_CREDENTIAL.sub(", ", named) if named else None)
    try:
        updated = date.fromisoformat(document.date) if document.date else None
    except ValueError:
        updated = None
    # A stamp on the page saying when it was updated is the editor's date; else the page's own.
    updated, stamp_note = stamped_date(found, updated)
    picture_notes = media_notes(media)
    # Words from the page's own text that the reader left out are not chrome: they may be the article's.
    unread = [item for item in removed if item.kind == "page text" and len(item.text.split()) >= 3]
    if unread:
        picture_notes += (f"review: {len(unread)} line{'s' if len(unread) != 1 else ''} of the page's own text "
                          "left out (listed above as 'page text'); copy back any that belong to the article",)
    canonical = page_address(html)  # never trafilatura's url, which may come from <base href>
    return Draft(
        blocks=tuple(blocks), title=title,
        author=author or next((b.author for b in found if b.author), None),
        updated=updated,
        canonical_url=canonical, slug=url_slug(canonical),
        removed=tuple(sorted(removed, key=lambda item: item.line)),
        summary=platform.subtitle or description_summary(document.description, title, blocks),
        tags=page_tags(categories, document.categories, document.tags, page_categories(html)),
        language=platform.language, notes=(*picture_notes, *((stamp_note,) if stamp_note else ())),
    )


class _Reader:
    """trafilatura's XML elements to article blocks."""

    def __init__(self, base_url: str | None, page_text: str = "") -> None:
        self.base_url, self.page_text = base_url, page_text
        self.pictures: list[str] = []  # what each picture left out showed, for a removed: line

    def blocks(self, parent: etree._Element) -> list[Block]:
        out: list[Block] = []
        loose: list[Span] = [Span(parent.text)] if parent.text else []  # words outside any paragraph

        def paragraph() -> None:
            text = stripped(merged(spaced(loose, self.page_text)))
            if plain(text):
                out.append(Paragraph(text))
            loose.clear()

        for child in parent:
            if child.tag in _CONTAINERS:  # trafilatura's fallback keeps the page's own divs
                paragraph()
                out.extend(self.blocks(child) if page_part(child, "page text") == "page text" else [])
                loose.extend([Span(child.tail)] if child.tail else [])
                continue
            if cells := _layout_cells(child):  # a table that lays the page out holds text, not data
                paragraph()
                for cell in cells:
                    out.extend(self.blocks(cell))
                loose.extend([Span(child.tail)] if child.tail else [])
                continue
            block = self.block(child)
            if block is None:
                loose.extend([Span("\n")] if child.tag == "lb" else self.inline(child) if child.tag in ("hi", "ref")
                             else [])
            else:
                paragraph()
                if not isinstance(block, (Heading, Paragraph)) or plain(block.text).strip():
                    out.append(block)
            if child.tail:
                loose.append(Span(child.tail))
        paragraph()
        return out

    def picture(self, element: etree._Element) -> None:
        self.pictures.append(" ".join((element.get("alt") or element.get("title") or element.get("src")
                                       or "picture").split())[:200])

    def block(self, element: etree._Element) -> Block | None:
        tag = element.tag
        if tag == "graphic":
            self.picture(element)
            return None
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
            return Table(rows[0], tuple(rows[1:])) if rows else None  # a marked header row, else the first
        return None

    def inline(self, element: etree._Element) -> list[Span]:
        """A link or styled words standing loose beside the blocks, with its own link and style."""
        holder = etree.Element("p")
        holder.append(copy.deepcopy(element))
        holder[0].tail = None
        return self.spans(holder, {})

    def item(self, element: etree._Element) -> list[Block]:
        """A list item: its own words first, then anything nested (sub-lists, paragraphs)."""
        if element.find("head") is not None:  # a card with its own heading: read in order, the heading once
            return self.blocks(element)
        words = self.text(element, skip_blocks=True)
        nested = [block for child in element if (block := self.block(child)) is not None]
        return ([Paragraph(words)] if plain(words).strip() else []) + nested

    def text(self, element: etree._Element, skip_blocks: bool = False) -> Text:
        spans = self.spans(element, {}, skip_blocks=skip_blocks)
        return stripped(merged(spaced(spans, self.page_text)))

    def spans(self, element: etree._Element, style: dict, skip_blocks: bool = False) -> list[Span]:
        out: list[Span] = []
        if element.text:
            out.append(Span(element.text, **style))
        for child in element:
            if skip_blocks and child.tag in ("list", "p", "quote", "table", "code"):
                pass
            elif child.tag == "lb":
                out.append(Span("\n", **style))
            elif child.tag == "del":  # trafilatura's <del rend="overstrike"> for <del>, <s> and <strike>
                out += self.spans(child, {**style, "struck": True})
            elif child.tag == "hi":
                flag = _STYLES.get(child.get("rend", ""), "")
                out += self.spans(child, {**style, flag: True} if flag else style)
            elif child.tag == "ref":
                target = urljoin(self.base_url or "", child.get("target") or "")
                href = {"href": target} if target.lower().startswith(SAFE_LINK_SCHEMES) else {}
                out += self.spans(child, {**style, **href})
            elif child.tag == "graphic":
                self.picture(child)
            else:
                out += self.spans(child, style)
            if child.tail:
                out.append(Span(child.tail, **style))
        return out


def _layout_cells(element: etree._Element) -> list[etree._Element]:
    """The cells of a table that only lays the page out, in reading order; none for a table of data.

    A table of one cell, or one whose cells hold headings, lists or several paragraphs, is the
    page's layout (an old site's, or an e-mail's): its text is the article's, not a grid of data.
    """
    if element.tag != "table":
        return []
    cells = [cell for row in element if row.tag == "row" for cell in row if cell.tag == "cell"]
    laid_out = len(cells) == 1 or any(
        cell.find("head") is not None or cell.find("list") is not None or len(cell.findall("p")) >= 2
        for cell in cells)
    return cells if laid_out else []


def _where(block: Block, page: list[tuple[str, str]]) -> int:
    """The number of the page line a block starts on, so notes about it read in page order."""
    text = squash(" ".join(plain(t) for t in text_runs([block])))
    return next((number for number, (_, line) in enumerate(page, start=1)
                 if (squashed := squash(line)) and (squashed in text or text in squashed)), len(page) + 1)
