"""Cover step: the recording's square title card (title and practice name) as PNG bytes.

Drawn with Pillow in Source Sans Pro from the font package, so no system font is involved and
the same title always gives the same bytes. Phones show it as the album art.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import font_source_sans_pro

if TYPE_CHECKING:
    from PIL import ImageFont

SIZE = 1000  # pixels a side
MARGIN = 90
BACKGROUND = (23, 62, 77)  # deep teal; white text on it is far above 4.5:1 contrast
INK = (255, 255, 255)
SOFT_INK = (205, 228, 234)
ACCENT = (120, 190, 180)
_FONTS = Path(font_source_sans_pro.font_directory)


@cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(_FONTS / f"SourceSansPro-{weight}.ttf"), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _fitted_title(title: str, width: int, height: int, scale: float = 1.0) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest title size whose wrapped lines fit the box."""
    for size in range(104, 39, -4):
        font = _font("Bold", round(size * scale))
        lines = _wrap(title, font, width)
        if len(lines) * font.size * 1.15 <= height and all(font.getlength(line) <= width for line in lines):
            return font, lines
    font = _font("Bold", round(40 * scale))
    return font, _wrap(title, font, width)


def title_card(title: str, practice_name: str, label: str = "Audio handout", size: int = SIZE) -> bytes:
    """The card as a PNG `size` pixels square (the podcast feed's artwork needs at least 1400)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (size, size), BACKGROUND)
    draw = ImageDraw.Draw(image)

    def px(value: float) -> int:  # the layout is drawn for 1000 px and scaled
        return round(value * size / SIZE)

    margin = px(MARGIN)
    width = size - 2 * margin
    draw.text((margin, margin), label, font=_font("Semibold", px(44)), fill=SOFT_INK)
    draw.rectangle((margin, margin + px(70), margin + px(120), margin + px(78)), fill=ACCENT)
    font, lines = _fitted_title(title, width, size - 2 * margin - px(280), scale=size / SIZE)
    step = round(font.size * 1.15)
    top = margin + px(140)
    for number, line in enumerate(lines):
        draw.text((margin, top + number * step), line, font=font, fill=INK)
    name_font = _font("Semibold", px(48))
    name_lines = _wrap(practice_name, name_font, width)[:2]
    for number, line in enumerate(reversed(name_lines)):
        draw.text((margin, size - margin - px(58) - number * px(60)), line, font=name_font, fill=SOFT_INK)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
