"""Import step: a web page copied as plain text becomes a draft — title, byline, date and typed blocks.

Copied pages carry the site around the article (menus, share buttons, cookie notices, the
practice's closing call to action, a blog platform's chrome). Each line is first sorted into
byline/date, page furniture or article text, and the title found (page_head); the article text
is then grouped at blank lines and read as headings, lists, quotes and paragraphs here.
Everything dropped is listed for the editor.
"""

from __future__ import annotations

import re

from pipeline.article import Block, BulletList, Heading, ListItem, OrderedList, Paragraph, Quote, Span, plain
from pipeline.importing.closing import trim_call_to_action
from pipeline.importing.draft import Draft
from pipeline.importing.furniture import Byline, Removed
from pipeline.importing.lines import NUMBER, Line, list_line, page_lines
from pipeline.importing.page_head import page_title, sort_lines
from pipeline.importing.stamps import stamped_date
from pipeline.language import is_one_sentence

# --- lines, chunks and blocks ----------------------------------------------------------------

_QUOTED = re.compile(r"([“\"])[^”\"]+([”\"])")
_ATTRIBUTION = re.compile(r"[—―–]\s*\S.*")


def read_text(text: str) -> Draft:
    """Read copied page text into a draft article."""
    lines = page_lines(text)
    removed: list[Removed] = []
    found: list[Byline] = []
    kept = sort_lines(lines, removed, found)
    title, subtitle, chunks = page_title(_chunks(kept), removed, found)
    blocks, starts = _blocks(chunks)
    removed += trim_call_to_action(blocks, starts)
    updated, note = stamped_date(found, max((b.published for b in found if b.published), default=None))
    return Draft(
        blocks=tuple(blocks), title=title, author=next((b.author for b in found if b.author), None),
        updated=updated, removed=tuple(sorted(removed, key=lambda item: item.line)), summary=subtitle,
        notes=(note,) if note else (),
    )


def _chunks(lines: list[Line]) -> list[list[Line]]:
    """Group lines at blank lines; a page pasted with no blank lines at all is read a line at a time."""
    chunks: list[list[Line]] = [[]]
    for line in lines:
        if line.text:
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    chunks = [chunk for chunk in chunks if chunk]
    if len(chunks) == 1 and len(chunks[0]) >= 4:
        chunks = [[line] for line in chunks[0]]
    # A heading with its text pasted straight under it, no blank line between, stands on its own.
    split: list[list[Line]] = []
    for chunk in chunks:
        if len(chunk) > 1 and _bare_heading(chunk[0]) and len(chunk[1].text.split()) > 8:
            split += [chunk[:1], chunk[1:]]
        else:
            split.append(chunk)
    return split


def _bare_heading(line: Line) -> bool:
    """A short capitalised line with no closing punctuation, such as 'Why the Holidays Hurt'."""
    item = list_line(line)
    text = item[2] if item and item[0] == "number" else line.text
    return (not (item and item[0] == "bullet") and len(text.split()) <= 12 and text[0].isupper()
            and not re.search(r"[.!?:;,…\"”’)]$", text))


def _segments(chunks: list[list[Line]]) -> list[tuple[str, list[Line], bool]]:
    """Split chunks into runs of list lines and of text lines: (kind, lines, whether it fills its chunk)."""
    out: list[tuple[str, list[Line], bool]] = []
    for chunk in chunks:
        runs: list[tuple[str, list[Line]]] = []
        for line in chunk:
            item = list_line(line)
            kind = item[0] if item else "text"
            if runs and runs[-1][0] != "text" and line.indent > runs[-1][1][0].indent:
                kind = runs[-1][0]  # an indented line under a list item belongs to that list
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(line)
            else:
                runs.append((kind, [line]))
        out += [(kind, run, len(runs) == 1) for kind, run in runs]
    return out


def _blocks(chunks: list[list[Line]]) -> tuple[list[Block], list[int]]:
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
            blocks.append(_heading(NUMBER.sub(r"\1\2 \3", lines[0].text)))
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


def _numbered_title(lines: list[Line], alone: bool, following: tuple | None, lead_in: bool) -> bool:
    """'2. Make Time to Talk' standing alone with text (not another item) after it is a section title."""
    item = list_line(lines[0])
    return (alone and len(lines) == 1 and not lead_in and following is not None and following[0] != "number"
            and item is not None and _is_heading(item[2], numbered=True))


def _is_heading(text: str, numbered: bool = False) -> bool:
    words = len(text.split())
    if not (text[0].isupper() or text[0].isdigit()) or text.endswith((":", ",", ";", "…")):
        return False
    if not is_one_sentence(text):
        return False
    if text.endswith("?"):
        return words <= 12
    if text.endswith((".", "!")):
        return words <= 10 and "," not in text
    return words <= (14 if numbered else 12)


def _is_quote(lines: list[Line]) -> bool:
    text = " ".join(line.text for line in lines)
    match = _QUOTED.fullmatch(text)
    return match is not None and (match[1], match[2]) in (("“", "”"), ('"', '"'))


def _heading(text: str) -> Heading:
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return Heading(2, (Span(text),))


def _text(lines: list[Line]) -> tuple[Span, ...]:
    return (Span(" ".join(line.text for line in lines)),)


def _list(kind: str, lines: list[Line]) -> BulletList | OrderedList:
    """A list, with sub-bullets ('◦' or deeper indentation) nested under the item before them."""
    items: list[tuple[str, list[str]]] = []  # (item text, its sub-items)
    base = lines[0].indent
    start = 1
    for line in lines:
        item = list_line(line)
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
