"""Import step: a web page copied as plain text becomes a draft — title, byline, date and typed blocks.

Copied pages carry the site around the article (menus, share buttons, cookie notices, the
practice's closing call to action). Each line is first sorted into byline/date, page furniture
(recognised in page_furniture) or article text; the article text is then grouped at blank lines
and read as headings, lists, quotes and paragraphs. Everything dropped is listed for the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.importing.furniture import (
    BYLINE,
    Byline,
    Removed,
    byline,
    furniture,
    is_contents,
    is_page_end,
    trim_call_to_action,
)
from pipeline.sources import Block, BulletList, Heading, ListItem, OrderedList, Paragraph, Quote, Span, plain, sentences


@dataclass(frozen=True)
class Draft:
    """What an importer read from a page, before it is written as an article source."""

    blocks: tuple[Block, ...]
    title: str | None = None
    author: str | None = None
    updated: date | None = None
    canonical_url: str | None = None
    removed: tuple[Removed, ...] = ()
    summary: str | None = None  # an export's own excerpt; else the first sentence is used
    tags: tuple[str, ...] = ()
    slug: str | None = None  # an export's own slug, before it is made safe
    notes: tuple[str, ...] = ()  # "review: …" lines for the editor


# --- lines, chunks and blocks ----------------------------------------------------------------

_BULLET = re.compile(r"([•◦○▪▫‣∙●■□·*+\-–])\s+(\S.*)")
_SUB_BULLET = "◦○▫"
_NUMBER = re.compile(r"(\d{1,3})([.)])\s+(?:\1[.)]\s+)?(\S.*)")  # also "3. 3. Item", doubled by a copy-paste
_QUOTED = re.compile(r"([“\"])[^”\"]+([”\"])")
_ATTRIBUTION = re.compile(r"[—―–]\s*\S.*")


@dataclass(frozen=True)
class _Line:
    number: int
    indent: int
    text: str


def _lines(text: str) -> list[_Line]:
    out = []
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.replace("\t", "    ").replace("\u00ad", "").replace("\u200b", "")
        stripped = " ".join(raw.split())  # also turns no-break spaces into plain ones
        out.append(_Line(number, len(raw) - len(raw.lstrip()), stripped))
    return out


def read_text(text: str) -> Draft:
    """Read copied page text into a draft article."""
    lines = _lines(text)
    removed: list[Removed] = []
    found: list[Byline] = []
    kept = _sort_lines(lines, removed, found)
    chunks = _chunks(kept)
    bylines = [item.line for item in removed if item.kind == BYLINE]
    title, chunks = _title(chunks, removed, min(bylines, default=None))
    blocks, starts = _blocks(chunks)
    removed += trim_call_to_action(blocks, starts)
    updated = next((b.updated for b in found if b.updated), None) or max(
        (b.published for b in found if b.published), default=None)
    return Draft(
        blocks=tuple(blocks), title=title, author=next((b.author for b in found if b.author), None),
        updated=updated, removed=tuple(sorted(removed, key=lambda item: item.line)),
    )


def _sort_lines(lines: list[_Line], removed: list[Removed], found: list[Byline]) -> list[_Line]:
    """Keep the article's lines; note bylines, dates and page furniture as they are taken out."""
    total = sum(len(line.text) for line in lines) or 1
    seen = 0
    kept: list[_Line] = []
    in_contents = False
    for index, line in enumerate(lines):
        seen += len(line.text)
        in_contents = in_contents and bool(line.text)
        if not line.text:
            kept.append(line)
        elif in_contents:
            removed.append(Removed(line.number, "table of contents", line.text))
        elif is_page_end(line.text) and seen > total / 3:  # not a sidebar above the text
            rest = " / ".join(later.text for later in lines[index:] if later.text)
            removed.append(Removed(line.number, "comments, related posts and page footer", rest))
            break
        elif is_contents(line.text):
            in_contents = True
            removed.append(Removed(line.number, "table of contents", line.text))
        elif (meta := byline(line.text)) is not None:
            found.append(meta)
            removed.append(Removed(line.number, BYLINE, line.text))
        elif kind := furniture(line.text):
            removed.append(Removed(line.number, kind, line.text))
        else:
            kept.append(line)
    return kept


def _chunks(lines: list[_Line]) -> list[list[_Line]]:
    """Group lines at blank lines; a page pasted with no blank lines at all is read a line at a time."""
    chunks: list[list[_Line]] = [[]]
    for line in lines:
        if line.text:
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    chunks = [chunk for chunk in chunks if chunk]
    if len(chunks) == 1 and len(chunks[0]) >= 4:
        chunks = [[line] for line in chunks[0]]
    # A heading with its text pasted straight under it, no blank line between, stands on its own.
    split: list[list[_Line]] = []
    for chunk in chunks:
        if len(chunk) > 1 and _bare_heading(chunk[0]) and len(chunk[1].text.split()) > 8:
            split += [chunk[:1], chunk[1:]]
        else:
            split.append(chunk)
    return split


def _bare_heading(line: _Line) -> bool:
    """A short capitalised line with no closing punctuation, such as 'Why the Holidays Hurt'."""
    item = _list_line(line)
    text = item[2] if item and item[0] == "number" else line.text
    return (not (item and item[0] == "bullet") and len(text.split()) <= 12 and text[0].isupper()
            and not re.search(r"[.!?:;,…\"”’)]$", text))


def _title(chunks: list[list[_Line]], removed: list[Removed], byline_at: int | None
           ) -> tuple[str | None, list[list[_Line]]]:
    """The page's title: a standalone title-like line among the short lines before the article text.

    Above a byline it is the last such line (a site name often stands alone above the title);
    without a byline it is the first. Only a site name and menu may come before it.
    """
    head: list[int] = []
    for index, chunk in enumerate(chunks[:-1]):
        if not all(len(line.text.split()) <= 16 and not line.text.endswith(":") for line in chunk):
            break
        if len(chunk) == 1 and _looks_like_title(chunk[0].text):
            head.append(index)
    above = [index for index in head if byline_at and chunks[index][0].number < byline_at]
    if not head:
        return None, chunks
    chosen = above[-1] if above else head[0]
    before = chunks[:chosen]
    if not all(len(line.text.split()) <= 5 and not line.text.endswith((".", "!", "?"))
               for chunk in before for line in chunk):
        return None, chunks
    for chunk in before:
        removed.append(Removed(chunk[0].number, "site name and menu", " / ".join(line.text for line in chunk)))
    return chunks[chosen][0].text, chunks[chosen + 1:]


def _looks_like_title(text: str) -> bool:
    return (2 <= len(text.split()) <= 16 and (text[0].isupper() or text[0].isdigit())
            and not text.endswith((".", ":", ",", ";")) and _list_line(_Line(0, 0, text)) is None
            and len(sentences(text)) == 1)


def _list_line(line: _Line) -> tuple[str, int, str] | None:
    """('bullet'|'number', number or 0, item text) for a list line."""
    if match := _NUMBER.fullmatch(line.text):
        return "number", int(match[1]), match[3]
    if match := _BULLET.fullmatch(line.text):
        return "bullet", 1 if match[1] in _SUB_BULLET else 0, match[2]
    return None


def _segments(chunks: list[list[_Line]]) -> list[tuple[str, list[_Line], bool]]:
    """Split chunks into runs of list lines and of text lines: (kind, lines, whether it fills its chunk)."""
    out: list[tuple[str, list[_Line], bool]] = []
    for chunk in chunks:
        runs: list[tuple[str, list[_Line]]] = []
        for line in chunk:
            item = _list_line(line)
            kind = item[0] if item else "text"
            if runs and runs[-1][0] != "text" and line.indent > runs[-1][1][0].indent:
                kind = runs[-1][0]  # an indented line under a list item belongs to that list
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(line)
            else:
                runs.append((kind, [line]))
        out += [(kind, run, len(runs) == 1) for kind, run in runs]
    return out


def _blocks(chunks: list[list[_Line]]) -> tuple[list[Block], list[int]]:
    """Read each run of lines as a heading, list, quote or paragraph; also where each block began."""
    segments = _segments(chunks)
    blocks: list[Block] = []
    starts: list[int] = []
    index = 0
    while index < len(segments):
        kind, lines, alone = segments[index]
        following = segments[index + 1] if index + 1 < len(segments) else None
        lead_in = bool(blocks) and isinstance(blocks[-1], Paragraph) and plain(blocks[-1].text).endswith(":")
        starts.append(lines[0].number)
        if kind == "number" and _numbered_title(lines, alone, following, lead_in):
            blocks.append(_heading(_NUMBER.sub(r"\1\2 \3", lines[0].text)))
        elif kind in ("bullet", "number"):
            # Neighbouring chunks of the same kind are one list whose items had blank lines between.
            run = list(lines)
            while following and following[0] == kind:
                index += 1
                run += following[1]
                following = segments[index + 1] if index + 1 < len(segments) else None
            blocks.append(_list(kind, run))
        elif _is_quote(lines):
            quote: list[Block] = [Paragraph(_text(lines))]
            if following and following[0] == "text" and len(following[1]) == 1 and _ATTRIBUTION.fullmatch(
                    following[1][0].text):
                quote.append(Paragraph(_text(following[1])))
                index += 1
            blocks.append(Quote(tuple(quote)))
        elif alone and len(lines) == 1 and following and not lead_in and _is_heading(lines[0].text):
            blocks.append(_heading(lines[0].text))
        else:
            blocks.append(Paragraph(_text(lines)))
        index += 1
    return blocks, starts


def _numbered_title(lines: list[_Line], alone: bool, following: tuple | None, lead_in: bool) -> bool:
    """'2. Make Time to Talk' standing alone with text (not another item) after it is a section title."""
    item = _list_line(lines[0])
    return (alone and len(lines) == 1 and not lead_in and following is not None and following[0] != "number"
            and item is not None and _is_heading(item[2], numbered=True))


def _is_heading(text: str, numbered: bool = False) -> bool:
    words = len(text.split())
    if not (text[0].isupper() or text[0].isdigit()) or text.endswith((":", ",", ";", "…")):
        return False
    if len(sentences(text)) != 1:
        return False
    if text.endswith("?"):
        return words <= 12
    if text.endswith((".", "!")):
        return words <= 10 and "," not in text
    return words <= (14 if numbered else 12)


def _is_quote(lines: list[_Line]) -> bool:
    text = " ".join(line.text for line in lines)
    match = _QUOTED.fullmatch(text)
    return bool(match) and (match[1], match[2]) in (("“", "”"), ('"', '"'))


def _heading(text: str) -> Heading:
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return Heading(2, (Span(text),))


def _text(lines: list[_Line]) -> tuple[Span, ...]:
    return (Span(" ".join(line.text for line in lines)),)


def _list(kind: str, lines: list[_Line]) -> BulletList | OrderedList:
    """A list, with sub-bullets ('◦' or deeper indentation) nested under the item before them."""
    items: list[tuple[str, list[str]]] = []  # (item text, its sub-items)
    base = lines[0].indent
    start = 1
    for line in lines:
        item = _list_line(line)
        if item is None:  # a wrapped continuation line
            target = items[-1][1] if items[-1][1] else None
            if target is not None:
                target[-1] += " " + line.text
            else:
                items[-1] = (items[-1][0] + " " + line.text, items[-1][1])
            continue
        nested = items and (line.indent > base or (item[0] == "bullet" and item[1] == 1))
        if nested:
            items[-1][1].append(item[2])
        else:
            if not items and item[0] == "number":
                start = item[1]
            items.append((item[2], []))
    list_items = tuple(
        ListItem((Paragraph((Span(text),)),) + ((BulletList(tuple(
            ListItem((Paragraph((Span(sub),)),)) for sub in subs)),) if subs else ()))
        for text, subs in items)
    return OrderedList(list_items, start) if kind == "number" else BulletList(list_items)
