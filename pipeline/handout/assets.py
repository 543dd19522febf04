"""PDF step, its loader: a handout may load its own stylesheets and fonts, and nothing else."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import font_source_sans_pro
import fontpkg_source_code_pro
from weasyprint.urls import URLFetcher, URLFetcherResponse

from pipeline.templating import TEMPLATES

REFUSED = "not one of the handout's own assets"  # how a refused URL is named in WeasyPrint's log

log = logging.getLogger(__name__)

FONTS = (Path(font_source_sans_pro.font_directory), fontpkg_source_code_pro.ROOT / "files")

# What a handout may load, by URL scheme: its own stylesheets, and the font files of the two font
# packages. Names are looked up in these listings, never joined onto a path, so "../" or an
# absolute path cannot reach anything else.
_ASSETS: dict[str, tuple[tuple[Path, str], ...]] = {
    "template": ((TEMPLATES, ".css"),),
    "font": ((FONTS[0], ".otf"), (FONTS[1], ".ttf")),
}
_CONTENT_TYPES = {".css": "text/css", ".otf": "font/otf", ".ttf": "font/ttf"}
_ASSET_URL = re.compile(r"(?P<scheme>[a-z]+):(?P<name>[A-Za-z0-9][A-Za-z0-9_\-\[\]]*\.[a-z]+)")

def asset_path(url: str) -> Path | None:
    """The file behind `template:handout.css` or `font:SourceSansPro-Regular.otf`; None for any other URL."""
    match = _ASSET_URL.fullmatch(url)
    if not match or match["scheme"] not in _ASSETS:
        return None
    listing = {path.name: path
               for folder, suffix in _ASSETS[match["scheme"]]
               for path in folder.glob(f"*{suffix}") if path.is_file()}
    return listing.get(match["name"])


class AssetFetcher(URLFetcher):
    """WeasyPrint's URL fetcher for handouts: serves the handout's own assets and refuses the rest.

    Refused: every file://, http(s)://, data: and other URL, so no article, however hostile, can
    make the render read a local file or reach the network. Keeps what it served and refused.
    """

    def __init__(self) -> None:
        super().__init__(timeout=1, allowed_protocols=(), allow_redirects=False)
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = asset_path(url)
        if path is None and (match := _ASSET_URL.fullmatch(url)) and match["scheme"] in _ASSETS:
            raise FileNotFoundError(f"no handout asset {url!r}")  # a template's mistake: fail the build
        if path is None:
            self.refused.append(url)
            log.warning("refused to load %.80r: a handout loads only its own stylesheets and fonts", url)
            raise ValueError(f"refused {url[:80]!r}: {REFUSED}")
        self.served.append(url)
        content_type = _CONTENT_TYPES[path.suffix]
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
