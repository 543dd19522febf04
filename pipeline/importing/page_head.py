"""Import step: copied page text is sorted — article lines, bylines, site and platform chrome — and its title found.

Blog platforms put different things round the title: Wix the author's picture, name and dates
above it; Squarespace the category and date above and the author below; Blogger a date header
above; Medium a subtitle, the author and "Follow" below. The title is the title-like line that
sits on the article's text (after a date stamp) or, failing that, the last one above the byline.
"""

from __future__ import annotations

import re

from pipeline.importing.furniture import (
    BYLINE,
    Byline,
    Removed,
    bare_date,
    byline,
    furniture,
    is_contents,
    is_name,
    is_page_end,
)
from pipeline.importing.lines import Line, list_line
from pipeline.importing.platforms import captioned_author, is_platform_page_end, platform_chrome
from pipeline.language import is_one_sentence
from pipeline.sources import title_problem

# Chrome next to which a bare name is the author's: their picture, a "Follow" button.
_BESIDE_AUTHOR = {"author photo caption", "follow and sign-in links"}
_CREDENTIAL = re.compile(r",\s*(?:[A-Z][A-Za-z]{0,3}\.?-?){1,3}$")  # "Jane Doe, LCSW", "Sam Lee, PsyD"
_PAGE_END_KIND = "comments, related posts and page footer"


def sort_lines(lines: list[Line], removed: list[Removed], found: list[Byline]) -> list[Line]:
    """Keep the article's lines; note bylines, dates, page furniture and platform chrome as they are taken out."""
    total = sum(len(line.text) for line in lines) or 1
    seen = 0
    kinds: dict[int, str] = {}  # line index -> kind of what was taken out
    metas: dict[int, Byline] = {}
    end = len(lines)
    in_contents = False
    for index, line in enumerate(lines):
        seen += len(line.text)
        in_contents = in_contents and bool(line.text)
        if not line.text:
            continue
        if in_contents:
            kinds[index] = "table of contents"
        elif (is_page_end(line.text) or is_platform_page_end(line.text)) and seen > total / 3:
            end = index  # not a sidebar above the text: comments, counters, more posts, the footer
            break
        elif is_contents(line.text):
            in_contents = True
            kinds[index] = "table of contents"
        elif (meta := byline(line.text)) is not None:
            kinds[index], metas[index] = BYLINE, meta
        elif author := captioned_author(line.text):
            kinds[index], metas[index] = "author photo caption", Byline(author=author)
        elif kind := furniture(line.text) or platform_chrome(line.text):
            kinds[index] = kind
    _names_beside_chrome(lines[:end], kinds, metas)
    _bare_dates_beside_bylines(lines[:end], kinds, metas)
    _categories_before_end(lines, end, kinds)
    kept: list[Line] = []
    for index, line in enumerate(lines[:end]):
        if index in kinds:
            removed.append(Removed(line.number, kinds[index], line.text))
            if index in metas:
                found.append(metas[index])
        else:
            kept.append(line)
    if end < len(lines):
        rest = " / ".join(later.text for later in lines[end:] if later.text)
        removed.append(Removed(lines[end].number, _PAGE_END_KIND, rest))
    return kept


def _neighbour(lines: list[Line], index: int, step: int) -> int | None:
    index += step
    while 0 <= index < len(lines) and not lines[index].text:
        index += step
    return index if 0 <= index < len(lines) else None


def _names_beside_chrome(lines: list[Line], kinds: dict[int, str], metas: dict[int, Byline]) -> None:
    """A bare name next to the author's picture or a "Follow" button, or with a credential by a date, is the byline."""
    for index, line in enumerate(lines):
        if index in kinds or not line.text or len(line.text.split()) > 6 or not is_name(line.text):
            continue
        beside = [kinds.get(other) for other in (_neighbour(lines, index, -1), _neighbour(lines, index, 1))
                  if other is not None]
        if any(kind in _BESIDE_AUTHOR for kind in beside) or (BYLINE in beside and _CREDENTIAL.search(line.text)):
            kinds[index], metas[index] = BYLINE, Byline(author=line.text)


def _bare_dates_beside_bylines(lines: list[Line], kinds: dict[int, str], metas: dict[int, Byline]) -> None:
    """A line that is only "Mar 3" is the post's date beside its byline or chrome; elsewhere it is text."""
    for index in [index for index, meta in metas.items() if bare_date(meta)]:
        beside = [other for other in (_neighbour(lines, index, -1), _neighbour(lines, index, 1))
                  if other is not None and other in kinds and not bare_date(metas.get(other, Byline()))]
        if not beside:
            del kinds[index], metas[index]


def _categories_before_end(lines: list[Line], end: int, kinds: dict[int, str]) -> None:
    """Short lines right above where the post ends (no blank line between) are its categories."""
    index = end - 1
    while index >= max(end - 4, 0) and lines[index].text and index not in kinds and not list_line(lines[index]) \
            and len(lines[index].text.split()) <= 4 and not lines[index].text.endswith((".", "!", "?", ":")):
        kinds[index] = "tags and categories"
        index -= 1


def page_title(chunks: list[list[Line]], removed: list[Removed], found: list[Byline]
               ) -> tuple[str | None, str | None, list[list[Line]]]:
    """The page's title and subtitle (if any), and the chunks of text after them."""
    chunks = _head_apart(chunks)
    head: list[int] = []
    for index, chunk in enumerate(chunks[:-1]):
        if not all(len(line.text.split()) <= 16 and not line.text.endswith(":") for line in chunk):
            break
        if len(chunk) == 1 and _looks_like_title(chunk[0].text):
            head.append(index)
    if not head:
        return None, None, chunks
    text_starts = chunks[_first_text(chunks)][0].number
    stamps = [item for item in removed if item.kind == BYLINE and item.line < text_starts]
    last_stamp = max(stamps, key=lambda item: item.line) if stamps else None
    dated_only = last_stamp is not None and (byline(last_stamp.text) or Byline()).author is None
    after = [index for index in head if last_stamp and chunks[index][0].number > last_stamp.line]
    above = [index for index in head if stamps and chunks[index][0].number < min(s.line for s in stamps)]
    chosen = after[0] if dated_only and after else above[-1] if above else head[0]
    subtitle = None
    if chosen + 1 in head and _subtitle(chunks[chosen][0].text, chunks[chosen + 1][0].text):
        subtitle = chunks.pop(chosen + 1)[0].text
    elif chosen - 1 in head and _subtitle(chunks[chosen - 1][0].text, chunks[chosen][0].text):
        subtitle = chunks.pop(chosen)[0].text
        chosen -= 1
    before = chunks[:chosen]
    if not all(len(line.text.split()) <= 8 and not line.text.endswith((".", "!", "?")) or title_problem(line.text)
               for chunk in before for line in chunk):
        return None, None, chunks
    for chunk in before:
        removed.append(Removed(chunk[0].number, "site name and menu", " / ".join(line.text for line in chunk)))
    rest = chunks[chosen + 1:]
    while rest and len(rest[0]) == 1 and len(rest[0][0].text.split()) <= 5 and is_name(rest[0][0].text) \
            and len(rest) > 1:  # the author's name under the title (Squarespace)
        line = rest.pop(0)[0]
        removed.append(Removed(line.number, BYLINE, line.text))
        found.append(Byline(author=line.text))
    return chunks[chosen][0].text, subtitle, rest


def _head_apart(chunks: list[list[Line]]) -> list[list[Line]]:
    """Short lines above the article's first sentence stand apart, whether or not blank lines separate them."""
    out: list[list[Line]] = []
    for index, chunk in enumerate(chunks):
        prose = next((at for at, line in enumerate(chunk) if _prose(line.text) or list_line(line)), None)
        short = chunk if prose is None else chunk[:prose]
        out += [[line] for line in short]
        if prose is not None:
            return [*out, chunk[prose:], *chunks[index + 1:]]
    return out


def _prose(text: str) -> bool:
    return len(text.split()) > 16 or text.endswith((".", "!", "?", ":", "…"))


def _first_text(chunks: list[list[Line]]) -> int:
    return next((index for index, chunk in enumerate(chunks)
                 if len(chunk) > 1 or _prose(chunk[0].text) or list_line(chunk[0])), len(chunks) - 1)


def _subtitle(title: str, line: str) -> bool:
    """Whether `line` under `title` is its subtitle: a longer phrase in sentence case under a title-case title."""
    def capitalised(text: str) -> float:
        words = [word for word in text.split() if word[0].isalpha()]
        return sum(word[0].isupper() for word in words) / max(len(words), 1)

    return (len(title.split()) >= 3 and len(line.split()) >= 6 and capitalised(title) > 0.5
            and capitalised(line) <= 0.34 and not is_name(title))


def _looks_like_title(text: str) -> bool:
    return (2 <= len(text.split()) <= 16 and (text[0].isupper() or text[0].isdigit())
            and not text.endswith((".", ":", ",", ";")) and list_line(Line(0, 0, text)) is None
            and is_one_sentence(text) and title_problem(text) is None)
