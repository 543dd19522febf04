"""Import step: the date a draft gets from the page's stamps, and a date shown without its year.

Wix shows this year's dates without the year ("Mar 3", "Updated: Apr 2"). Such a stamp takes the
page's year — from a full date elsewhere on the page or in its metadata — and is never guessed:
with no year to be had, the date is left out and a `review:` line says so.
"""

from __future__ import annotations

from datetime import date

from pipeline.importing.furniture import Byline, Yearless

NO_DATE = "review: no date found"


def stamped_date(found: list[Byline], page_date: date | None = None) -> tuple[date | None, str | None]:
    """The draft's date — an "Updated" stamp, else the page's own date, else the day it was posted —
    and a review note when a stamp without a year could not be given one."""
    updated = next((b.updated for b in found if b.updated), None)
    if updated:
        return updated, None
    published = next((b.published for b in found if b.published), None)
    known = page_date or published
    yearless = [b.yearless for b in found if b.yearless]
    stamp = next((y for y in yearless if y.updated), None)
    if stamp is None:
        if known or not yearless:
            return known, None
        stamp = yearless[0]  # only the day it was posted, without a year
    if known is None:
        return None, (f"{NO_DATE}: {stamp.text!r} has no year and the page gives none, so no date was "
                      "guessed; add updated: (the day it was last reviewed)")
    day = _on(stamp, known.year)
    if day and published and day < published:
        day = _on(stamp, known.year + 1)  # updated in the January after a December post
    if day is None:
        return known, f"review: {stamp.text!r} is not a day of {known.year}; the page's own date was kept"
    return day, None


def _on(stamp: Yearless, year: int) -> date | None:
    try:
        return date(year, stamp.month, stamp.day)
    except ValueError:  # "Feb 29" in a year that has none
        return None
