"""PDF step: handout HTML becomes a tagged PDF/UA-1 file, loading nothing but the handout's own assets."""

from __future__ import annotations

import calendar
import functools
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, SupportsBytes, cast

import pydyf

from pipeline.errors import RenderError

if TYPE_CHECKING:
    from pipeline.handout.assets import AssetFetcher

log = logging.getLogger(__name__)

PDF_VARIANT = "pdf/ua-1"

# SOURCE_DATE_EPOCH and WeasyPrint's logger are process-wide: one render at a time, so neither the
# date nor a logged problem leaks from one handout into another rendered on another thread.
_RENDER_LOCK = threading.Lock()


def write_pdf(html: str, updated: date | None, fetcher: AssetFetcher | None = None) -> bytes:
    """Render handout HTML as PDF/UA-1; the same HTML and date give the same bytes."""
    from weasyprint import HTML  # about 2 s to import: only once a handout is rendered

    from pipeline.handout.assets import AssetFetcher

    fetcher = fetcher or AssetFetcher()
    with _RENDER_LOCK, _weasyprint_problems() as problems, _source_date(updated):
        document = HTML(string=html, url_fetcher=fetcher).render()
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=True, custom_metadata=True,
                                 finisher=functools.partial(_finish, problems=problems))
    if problems:
        raise RenderError(*problems)
    return pdf


@contextmanager
def _source_date(updated: date | None) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH to the article's date while rendering.

    fontTools stamps subset fonts with the current time unless this is set; the article's own
    date keeps the bytes the same from one build to the next (an undated article: 1 January 1970).
    """
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(updated.timetuple()) if updated else 0)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _weasyprint_problems() -> Iterator[list[str]]:
    """Turn what WeasyPrint only logs into problems: missing alt text or language, lost assets."""
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    level = logger.level
    logger.addHandler(collector)
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    problems: list[str] = []
    try:
        yield problems
    finally:
        logger.removeHandler(collector)
        logger.setLevel(level)
    for record in collector.records:
        problem = _problem(record)
        if problem and problem not in problems:
            problems.append(problem)


def _problem(record: logging.LogRecord) -> str | None:
    """One line for a logged problem that must fail the build; None for the rest.

    A URL the fetcher refused is not one: the refusal is the protection working, and it is
    logged as a warning of its own.
    """
    message = str(record.msg)
    if "no required alt description" in message:
        return f"an image or QR code has no text alternative ({record.getMessage()})"
    if 'Missing required "lang"' in message:
        return "the handout HTML has no language (<html lang>)"
    if "cannot be loaded" in message and "Font-face" in message:
        return f"the handout font could not be loaded ({record.getMessage()})"
    from pipeline.handout.assets import REFUSED  # loaded with WeasyPrint, which this log is from

    if message.startswith("Failed to load") and REFUSED not in record.getMessage():
        return f"a handout asset could not be loaded ({record.getMessage()})"
    return None


def _finish(document: object, pdf: pydyf.PDF, problems: list[str]) -> None:
    """Last touches before WeasyPrint writes the file: page furniture, list items, printable links."""
    if "StructTreeRoot" in pdf.catalog:
        _furniture_as_artifacts(pdf)
        _list_item_bodies(pdf)
        if any(e.get("S") == "/Figure" and "Alt" not in e for e in _elements(pdf).values()):
            # WeasyPrint logs an <img> without alt, but says nothing of an <svg> without <title>.
            problems.append("an image or QR code has no text alternative (an <svg> without <title>)")
    _print_links(pdf)


def _resolve(pdf: pydyf.PDF, reference: object) -> pydyf.Dictionary:
    return pdf.objects[int(bytes(cast(SupportsBytes, reference)).split()[0])]  # "12 0 R": a pydyf reference


def _is_reference(kid: object) -> bool:
    return isinstance(kid, bytes) and kid.endswith(b" R")


def _elements(pdf: pydyf.PDF) -> dict[int, pydyf.Dictionary]:
    """Every structure element reachable from the root of the structure tree, by object number."""
    root = _resolve(pdf, pdf.catalog["StructTreeRoot"])
    found: dict[int, pydyf.Dictionary] = {}
    pending = [_resolve(pdf, reference) for reference in root["K"]]
    while pending:
        element = pending.pop()
        if element.number not in found:
            found[element.number] = element
            pending.extend(_resolve(pdf, kid) for kid in element.get("K", ()) if _is_reference(kid))
    return found


def _furniture_as_artifacts(pdf: pydyf.PDF) -> None:
    """Mark running footers as pagination artifacts (WeasyPrint issue #1836).

    WeasyPrint tags the text of page-margin boxes with marked-content ids but leaves their
    structure elements out of the tree, so checkers see page furniture tagged as content and
    screen readers may announce "Page 2 of 4" mid-sentence. Content whose structure element is
    unreachable from the tree is exactly that margin text: re-mark it `/Artifact
    <</Type /Pagination>>`, drop it from the parent tree and empty the stray elements.
    """
    reachable = _elements(pdf)
    root = _resolve(pdf, pdf.catalog["StructTreeRoot"])
    nums = _resolve(pdf, root["ParentTree"])["Nums"]
    pages = [_resolve(pdf, reference) for reference in pdf.page_references]
    for key, value in zip(nums[::2], nums[1::2], strict=True):
        if not isinstance(value, pydyf.Array) or key >= len(pages):
            continue  # a link annotation's entry, not a page's
        stray: set[int] = set()
        for mcid, reference in enumerate(value):
            element = _resolve(pdf, reference)
            if element.number not in reachable:
                stray.add(mcid)
                value[mcid] = b"null"
                element.clear()
        if stray:
            _artifact_marks(_resolve(pdf, pages[key]["Contents"]), stray)


def _artifact_marks(stream: pydyf.Stream, mcids: set[int]) -> None:
    operations = stream.stream
    for index, operation in enumerate(operations[:-1]):
        is_mark = isinstance(operation, pydyf.Dictionary) and operations[index + 1] == b"BDC"
        if is_mark and operation.get("MCID") in mcids:
            operations[index - 1] = "/Artifact"
            operations[index] = pydyf.Dictionary({"Type": "/Pagination"})


def _list_item_bodies(pdf: pydyf.PDF) -> None:
    """Gather what WeasyPrint puts straight under a list item into its LBody (PDF/UA 7.6).

    An item of two paragraphs, or a paragraph and a nested list, comes out as LI > Lbl, P, P;
    PDF/UA allows only Lbl and LBody under LI. The item's own LBody is kept when it has one,
    so the parent tree's marked-content entries stay valid.
    """
    for item in _elements(pdf).values():
        if item.get("S") != "/LI" or not all(_is_reference(kid) for kid in item["K"]):
            continue
        kids = [_resolve(pdf, reference) for reference in item["K"]]
        if all(kid.get("S") in ("/Lbl", "/LBody") for kid in kids):
            continue
        body = next((kid for kid in kids if kid.get("S") == "/LBody"), None)
        if body is None:
            body = pydyf.Dictionary({"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array(),
                                     "P": item.reference})
            pdf.add_object(body)
        labels, contents = pydyf.Array(), pydyf.Array()
        for reference, kid in zip(item["K"], kids, strict=True):
            if kid.get("S") == "/Lbl":
                labels.append(reference)
            elif kid is body:
                contents.extend(body["K"])
            else:
                contents.append(reference)
                kid["P"] = body.reference
        body["K"] = contents
        item["K"] = pydyf.Array([*labels, body.reference])


def _print_links(pdf: pydyf.PDF) -> None:
    """Set the Print flag on link annotations, so print and screen agree (PDF/UA 7.18.1)."""
    for reference in pdf.page_references:
        for annotation in _resolve(pdf, reference).get("Annots", ()):
            _resolve(pdf, annotation)["F"] = 4
