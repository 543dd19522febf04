"""Where each output lives once `build/` is published at `publish.base_url`, and the show's artwork.

Without a base_url there are no such addresses: every function here then says None, so nothing
claims a web address that does not exist.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.sources.practice import Practice

ARTWORK_PIXELS = (1400, 3000)  # Apple Podcasts: a square between these, RGB, PNG or JPEG


def published_url(practice: Practice, path: str) -> str | None:
    """The address of `path` inside the published build folder, e.g. 'codependency/codependency.mp3'."""
    base = practice.publish.base_url
    return f"{base}{path}" if base else None


def article_page_url(practice: Practice, slug: str) -> str | None:
    """The article's own page: `<base_url><slug>/` (the folder's index.html)."""
    return published_url(practice, f"{slug}/")


def artwork_file(practice_file: Path, name: str) -> Path:
    """The artwork named in the profile, which must be an image inside the sources folder."""
    from PIL import Image, UnidentifiedImageError

    where = f"{practice_file}: publish.artwork"
    folder = practice_file.parent.resolve()
    path = (folder / name).resolve()
    if not path.is_relative_to(folder):
        raise ConfigError(f"{where}: {name!r} leads out of {practice_file.parent}/; put the image inside it")
    if not path.is_file():
        raise ConfigError(f"{where}: {name!r} not found in {practice_file.parent}/")
    try:
        with Image.open(path) as image:
            size, kind, mode = image.size, image.format, image.mode
    except (UnidentifiedImageError, OSError):
        raise ConfigError(f"{where}: {name!r} is not a PNG or JPEG image") from None
    low, high = ARTWORK_PIXELS
    if kind not in ("PNG", "JPEG") or mode != "RGB" or size[0] != size[1] or not low <= size[0] <= high:
        raise ConfigError(f"{where}: {name!r} is a {size[0]}×{size[1]} {kind} image ({mode}); podcast apps "
                          f"need a square RGB PNG or JPEG of {low} to {high} pixels a side")
    return path
