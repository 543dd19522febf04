"""QR step: a web address becomes a vector QR code, inline SVG whose <title> is its text alternative."""

from __future__ import annotations

from dataclasses import dataclass

import segno
from markupsafe import Markup


@dataclass(frozen=True)
class QrCode:
    """A QR code ready for the handout: the address, what it is for, and the drawing."""

    url: str
    caption: str  # what the reader gets by scanning, e.g. "Scan to listen"
    alt: str  # the text alternative a screen reader announces
    svg: Markup


def qr_code(url: str, caption: str, alt: str) -> QrCode:
    """Draw `url` as a QR code.

    Error correction "M" at least (segno raises it when the code stays the same size), the
    standard four-module quiet zone kept inside the drawing, and no fixed size: the stylesheet
    sizes it, so the large-print edition can draw it bigger without a second code.
    """
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(title=alt, omitsize=True, svgclass="qr-code", lineclass=None, dark="#000")
    return QrCode(url=url, caption=caption, alt=alt, svg=Markup(svg))
