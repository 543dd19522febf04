"""Import step: a page's furniture is recognised — bylines and dates, site chrome, calls to action.

Both importers (copied text and saved HTML) sort a page's lines with these recognisers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as dates

BYLINE = "byline or date (now in the front matter)"
_NO_YEAR = datetime(4, 1, 1)  # a leap year, so that "Feb 29" reads; a year no page shows


@dataclass(frozen=True)
class Removed:
    """One thing left out of the article: what kind of page furniture, and its text."""

    line: int  # where it started in the page, so notes read in page order
    kind: str
    text: str


@dataclass(frozen=True)
class Byline:
    """The author and dates found on one byline or date line."""

    author: str | None = None
    updated: date | None = None  # an "Updated"/"Last modified"/"Reviewed" date
    published: date | None = None  # any other date
    yearless: Yearless | None = None  # a date shown without its year ("Updated: Apr 2")


@dataclass(frozen=True)
class Yearless:
    """A date stamp shown without its year, as Wix shows this year's dates: the year is the page's."""

    text: str  # as written: "Updated: Apr 2"
    month: int
    day: int
    updated: bool  # an "Updated" stamp rather than the day it was posted
    named: bool = True  # said what it is ("Updated:", "Posted"); a bare "Mar 3" is a stamp only beside a byline


def bare_date(found: Byline) -> bool:
    """A line that is only a month and day ("Mar 3"): a stamp beside a byline, else the article's own words."""
    return (found.yearless is not None and not found.yearless.named
            and not (found.author or found.updated or found.published))


# --- bylines and dates ---------------------------------------------------------------------

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
_DATE = (rf"{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})")
_DATE_PART = re.compile(
    rf"(?:(?P<kind>(?:last\s+)?(?:updated|modified|reviewed)|published|posted|written|date)(?:\s+on)?\s*:?\s*)?"
    rf"(?P<date>{_DATE})(?:,?\s+(?:at\s+)?\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?)?", re.IGNORECASE)
_YEARLESS_PART = re.compile(
    rf"(?:(?P<kind>(?:last\s+)?(?:updated|modified|reviewed)|published|posted|written|date)(?:\s+on)?\s*:?\s*)?"
    rf"(?P<date>{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}))",
    re.IGNORECASE)
_AUTHOR_PART = re.compile(
    rf"(?:(?:posted|written|published|article)\s+)?by\s*:?\s+(?P<name>.+?)(?:,?\s+on\s+(?P<date>{_DATE}))?"
    r"(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?"
    r"|(?:author|written by)\s*:\s*(?P<name2>.+)", re.IGNORECASE)
_EXTRA_PART = re.compile(r"\d+\s*min(?:ute)?s?\s*read|(?:no|\d+)\s+comments?|(?:in|posted in|filed under)\s+.+",
                         re.IGNORECASE)
_PART_SEPARATOR = re.compile(r"\s+[|·•—–]\s+|\s*[|·]\s*|(?<=\d{4})\s+(?=by\s)"  # "By Jane Doe. Last Updated on …"
                             r"|\.\s+(?=(?:last\s+)?(?:updated|modified|reviewed|published|posted)\b)", re.IGNORECASE)
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
        elif (match := _YEARLESS_PART.fullmatch(part)) and (day := _month_day(match["date"])):
            kind = (match["kind"] or "").lower()
            found = Byline(found.author, found.updated, found.published,
                           Yearless(part, *day, kind.endswith(("updated", "modified", "reviewed")), bool(kind)))
        elif (match := _AUTHOR_PART.fullmatch(part)) and is_name(match["name"] or match["name2"]):
            found = Byline(found.author or (match["name"] or match["name2"]).strip(), found.updated, found.published)
            if match["date"]:
                found = _with_date(found, match["date"], "posted")
        elif _EXTRA_PART.fullmatch(part):
            continue
        else:
            return None
        named_or_dated = True
    return found if named_or_dated and (found.author or found.updated or found.published or found.yearless) else None


def _month_day(text: str) -> tuple[int, int] | None:
    try:
        day = dates.parse(re.sub(r"\bsept\b", "Sep", text, flags=re.IGNORECASE), default=_NO_YEAR)
    except (ValueError, OverflowError):
        return None
    return (day.month, day.day) if day.year == _NO_YEAR.year else None


def _with_date(found: Byline, text: str, kind: str) -> Byline:
    try:
        day = dates.parse(re.sub(r"\bsept\b", "Sep", text, flags=re.IGNORECASE)).date()
    except (ValueError, OverflowError):
        return found
    if kind.endswith(("updated", "modified", "reviewed")):
        return Byline(found.author, found.updated or day, found.published)
    return Byline(found.author, found.updated, found.published or day)


def is_name(name: str | None) -> bool:
    words = (name or "").replace(",", " ").split()
    return 0 < len(words) <= 8 and not any(ch.isdigit() for ch in name or "") and all(
        word[0].isupper() or word.lower() in _NAME_LINKS for word in words)


# --- page furniture ------------------------------------------------------------------------

def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


# (kind, whole-line pattern, most words such a line has)
_FURNITURE: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("skip link", _pattern(
        r"(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|footer|search)|skip navigation"), 6),
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
        # A notice about the site's cookies, not a paragraph about baking them ("…an experience to share").
        r"(?=.*\b(?:(?:we|site|website|this)\s+(?:use|uses)|using|accept|allow|store|set)\s+(?:\w+\s+){0,2}cookies\b"
        r"|.*\bcookies?\s+(?:policy|settings|preferences|consent|notice)\b).*"
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


def is_page_end(line: str) -> bool:
    """Whether a whole line starts what follows an article: comments, related posts, the footer."""
    return bool(_PAGE_END.fullmatch(line.rstrip(":")))


def is_contents(line: str) -> bool:
    """Whether a whole line heads a table of contents."""
    return bool(_CONTENTS.fullmatch(line.rstrip(":")))


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
