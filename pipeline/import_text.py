"""Import step: a web page copied as plain text becomes a draft — title, byline, date and typed blocks.

Copied pages carry the site around the article (menus, share buttons, cookie notices, the
practice's closing call to action). Each line is first sorted into byline/date, page furniture
or article text; the article text is then grouped at blank lines and read as headings, lists,
quotes and paragraphs. Everything dropped is listed so an editor can review it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as dates

from pipeline.article import Block, BulletList, Heading, ListItem, OrderedList, Paragraph, Quote, Span, plain


@dataclass(frozen=True)
class Removed:
    """One thing left out of the article: what kind of page furniture, and its text."""

    line: int  # where it started in the page, so notes read in page order
    kind: str
    text: str


@dataclass(frozen=True)
class Draft:
    """What an importer read from a page, before it is written as an article source."""

    blocks: tuple[Block, ...]
    title: str | None = None
    author: str | None = None
    updated: date | None = None
    canonical_url: str | None = None
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True)
class Byline:
    """The author and dates found on one byline or date line."""

    author: str | None = None
    updated: date | None = None  # an "Updated"/"Last modified"/"Reviewed" date
    published: date | None = None  # any other date


# --- bylines and dates ---------------------------------------------------------------------

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
         r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})")
_DATE_PART = re.compile(
    rf"(?:(?P<kind>(?:last\s+)?(?:updated|modified|reviewed)|published|posted|written|date)(?:\s+on)?\s*:?\s*)?"
    rf"(?P<date>{_DATE})(?:,?\s+(?:at\s+)?\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?)?", re.IGNORECASE)
_AUTHOR_PART = re.compile(
    rf"(?:(?:posted|written|published|article)\s+)?by\s*:?\s+(?P<name>.+?)(?:,?\s+on\s+(?P<date>{_DATE}))?"
    r"|(?:author|written by)\s*:\s*(?P<name2>.+)", re.IGNORECASE)
_EXTRA_PART = re.compile(r"\d+\s*min(?:ute)?s?\s*read|(?:no|\d+)\s+comments?|(?:in|posted in|filed under)\s+.+",
                         re.IGNORECASE)
_PART_SEPARATOR = re.compile(r"\s+[|·•—–]\s+|\s*\|\s*|(?<=\d{4})\s+(?=by\s)", re.IGNORECASE)
_NAME_LINKS = {"and", "&", "de", "del", "la", "van", "von", "der"}


def byline(line: str) -> Byline | None:
    """Read a short line such as 'Posted by Jane Doe, LCSW | Updated: March 3, 2024'; None if it is text."""
    if len(line.split()) > 20:
        return None
    found = Byline()
    named_or_dated = False
    for part in _PART_SEPARATOR.split(line.strip()):
        part = part.strip().rstrip(".")
        if not part:
            continue
        if match := _DATE_PART.fullmatch(part):
            found = _with_date(found, match["date"], (match["kind"] or "").lower())
        elif (match := _AUTHOR_PART.fullmatch(part)) and _is_name(match["name"] or match["name2"]):
            found = Byline(found.author or (match["name"] or match["name2"]).strip(), found.updated, found.published)
            if match["date"]:
                found = _with_date(found, match["date"], "posted")
        elif _EXTRA_PART.fullmatch(part):
            continue
        else:
            return None
        named_or_dated = True
    return found if named_or_dated and (found.author or found.updated or found.published) else None


def _with_date(found: Byline, text: str, kind: str) -> Byline:
    try:
        day = dates.parse(re.sub(r"\bsept\b", "Sep", text, flags=re.IGNORECASE)).date()
    except (ValueError, OverflowError):
        return found
    if kind.endswith(("updated", "modified", "reviewed")):
        return Byline(found.author, found.updated or day, found.published)
    return Byline(found.author, found.updated, found.published or day)


def _is_name(name: str | None) -> bool:
    words = (name or "").replace(",", " ").split()
    return 0 < len(words) <= 8 and not any(ch.isdigit() for ch in name or "") and all(
        word[0].isupper() or word.lower() in _NAME_LINKS for word in words)


# --- page furniture ------------------------------------------------------------------------

def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


# (kind, whole-line pattern, most words such a line has)
_FURNITURE: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("skip link", _pattern(r"skip to (?:the )?(?:main )?(?:content|navigation|footer)|skip navigation"), 6),
    ("share buttons", _pattern(
        r"share(?: this)?(?: (?:post|article|page|story))?(?: on \w+)?|(?:facebook|twitter|x|linkedin|pinterest"
        r"|instagram|youtube|tiktok|whatsapp|reddit|threads|email|e-mail|print|copy link|tweet|pin it)"), 5),
    ("follow links", _pattern(r"follow us(?: on .+)?|connect with us|find us on .+|like us on facebook"), 8),
    ("contact link", _pattern(r"contact us(?: today| now| here)?|get in touch|click here\b.*"), 40),
    ("read-more link", _pattern(r"(?:read more|continue reading|keep reading)\b.*"), 12),
    ("previous/next links", _pattern(
        r"back to (?:the )?(?:blog|top|articles|all (?:posts|articles)|resources|journal)"
        r"|(?:previous|next|older|newer) (?:post|article|entry)\b.*"), 14),
    ("tags and categories", _pattern(r"(?:tags?|categories|category)\s*:.*|(?:tagged|posted in|filed under)\s.*"), 14),
    ("cookie notice", _pattern(
        r"(?=.*\bcookies?\b)(?=.*\b(?:website|site|browser|browsing|experience|privacy|consent|accept|agree|policy)\b).*"
        r"|accept(?: all)?(?: cookies)?|decline|reject(?: all)?|got it|cookie settings|manage (?:cookies|preferences)"
        r"|privacy policy"), 60),
    ("newsletter sign-up", _pattern(
        r"(?:sign up|subscribe)\b.*\b(?:newsletter|updates|inbox|mailing list)\b.*|subscribe|sign up"
        r"|enter your e-?mail(?: address)?|e-?mail address|join our (?:mailing list|newsletter|community)\b.*"), 20),
    ("copyright line", _pattern(r"(?:©|\(c\)|copyright)\s.*|.*\ball rights reserved\.?"), 20),
    ("breadcrumbs", _pattern(r"home\s*(?:»|›|>|/|\||→)\s*.+"), 16),
    ("reading time", _pattern(r"\d+\s*min(?:ute)?s?\s*read"), 4),
    ("menu", _pattern(r"menu|main menu|open menu|close|search|home|contact|toggle navigation"), 2),
    ("separator line", _pattern(r"[-–—*_=~•·#\s]{3,}"), 40),
)
# Everything after one of these (late in the page) is comments, related posts and the site footer.
_PAGE_END = _pattern(
    r"related (?:posts|articles|reading|stories)|recent (?:posts|articles)|popular posts|more from (?:the|our) blog"
    r"|you (?:may|might) also (?:like|enjoy)|leave a (?:reply|comment)|(?:no|\d+) comments?|comments"
    r"|about the author|post navigation")
_CONTENTS = _pattern(r"table of contents|contents|in this (?:article|post)|jump to(?: section)?")


def furniture(line: str) -> str | None:
    """The kind of page furniture a whole line is ('share buttons', 'cookie notice'…), or None."""
    text = line.strip().rstrip(":").strip()
    words = len(text.split())
    for kind, pattern, most_words in _FURNITURE:
        if words <= most_words and pattern.fullmatch(text):
            return kind
    return None


_CALL_TO_ACTION = _pattern(
    r"\b(?:schedul|book)\w*\s+(?:an?\s+|your\s+)?(?:free\s+)?(?:\d+[- ]minute\s+)?"
    r"(?:appointment|consultation|consult|session|call|intake|visit)s?\b"
    r"|\bbook\s+(?:now|online|today)\b|\bfree\s+(?:\d+[- ]minute\s+)?(?:consultation|consult|phone call)\b"
    r"|\bour\s+(?:(?:licensed|experienced|caring|skilled|compassionate)\s+)*(?:therapists|counsel+ors|clinicians)\b"
    r"|\b(?:therapy|counsel+ing)\s+can\s+help\b|\bcontact\s+us\b|\bget\s+in\s+touch\b|\breach\s+out\s+(?:to\s+us|today)\b"
    r"|\bcall\s+(?:us|our\s+office|today)\b|\bconnect\s+with\s+(?:a|an|our|one\s+of\s+our)\s+"
    r"(?:therapist|counsel+or|clinician)s?\b|\blet[’']s\s+work\s+on\s+(?:it|this)\b"
    r"|\bready\s+to\s+(?:talk|start|begin|get\s+started|take\s+the\s+(?:first|next)\s+step)\b"
    r"|\brequest\s+an?\s+(?:appointment|consultation)\b|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
    r"|\b\d+\s+\w+(?:\s+\w+)?\s+(?:street|st|avenue|ave|road|rd|suite|blvd|drive)\b|[\w.+-]+@[\w-]+\.\w")


def is_call_to_action(text: str) -> bool:
    """Whether a short stretch of text asks the reader to book, call or contact the practice."""
    return len(text.split()) <= 60 and bool(_CALL_TO_ACTION.search(text))


def trim_call_to_action(blocks: list[Block], lines: list[int]) -> list[Removed]:
    """Drop the practice's closing call to action (and a heading left with nothing under it) in place."""
    removed: list[Removed] = []
    while len(blocks) > 1 and isinstance(blocks[-1], (Paragraph, Heading)):
        text = plain(blocks[-1].text)
        if is_call_to_action(text):
            kind = "closing call to action"
        elif isinstance(blocks[-1], Heading):
            kind = "closing call to action" if removed else "heading with no text under it"
        else:
            break
        blocks.pop()
        removed.insert(0, Removed(lines.pop(), kind, text))
    return removed


# --- sentences -----------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][”’\"')\]]))\s+(?=[“‘\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:dr|mr|mrs|ms|st|vs|etc|jr|sr)|\b[a-z]\.[a-z]|\b[A-Z])\.$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping 'Dr.', 'a.m.' and 'e.g.' inside theirs."""
    result: list[str] = []
    for part in _SENTENCE_BREAK.split(text.strip()):
        if result and _ABBREVIATION.search(result[-1]):
            result[-1] += " " + part
        else:
            result.append(part)
    return [sentence for sentence in result if sentence]


# --- lines, chunks and blocks ----------------------------------------------------------------

_BULLET = re.compile(r"([•◦○▪▫‣∙●■□·*+\-–])\s+(\S.*)")
_SUB_BULLET = "◦○▫"
_NUMBER = re.compile(r"(\d{1,3})([.)])\s+(?:\1[.)]\s+)?(\S.*)")  # also "3. 3. Item", doubled by a copy-paste
_QUOTED = re.compile(r"([“\"])[^”\"]+([”\"])")
_ATTRIBUTION = re.compile(r"[—―–]\s*\S.*")
BYLINE = "byline or date (now in the front matter)"


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
        elif _PAGE_END.fullmatch(line.text.rstrip(":")) and seen > total / 3:  # not a sidebar above the text
            rest = " / ".join(later.text for later in lines[index:] if later.text)
            removed.append(Removed(line.number, "comments, related posts and page footer", rest))
            break
        elif _CONTENTS.fullmatch(line.text.rstrip(":")):
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
