"""Package step: the book's files (content, navigation, overlays, metadata) zipped as one EPUB 3.

Written directly, not with an EPUB library: ebooklib stamps every zip entry with the clock's time
and writes its own navigation and metadata, where the book needs exact bytes and exact overlays.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date

from pipeline.article import Article
from pipeline.audio import Recording, Script, title_card
from pipeline.ebook.overlay import Overlay, clock, overlays
from pipeline.ebook.reading import Text, book_text
from pipeline.language import long_date, phrases
from pipeline.outputs import file_names
from pipeline.sources import Practice, review_line
from pipeline.templating import TEMPLATES, environment

MEDIA_TYPE = "application/epub+zip"
EARLIEST = date(1980, 1, 1)  # zip's clock starts here; a book without a date carries it
# A book's identity stays the same from one edition to the next, so a reading app replaces it.
BOOKS = uuid.UUID("6f1d7f0e-4f3c-5b8e-9a51-2d3c8e0b7a41")


@dataclass(frozen=True)
class Document:
    id: str
    href: str
    overlay: bool


@dataclass
class NavEntry:
    title: str
    href: str
    level: int = 2
    children: list[NavEntry] = field(default_factory=list)


def book_identifier(article: Article, practice: Practice) -> str:
    """'urn:uuid:…' from the practice's website, the article's slug and language: the same every edition."""
    name = f"{practice.practice.website}|{article.slug}|{article.language}"
    return f"urn:uuid:{uuid.uuid5(BOOKS, name)}"


def render_epub(article: Article, practice: Practice, script: Script, recording: Recording | None) -> bytes:
    """The article's EPUB: its text and stamp, and with a recording the overlays that read it along."""
    language = article.language
    templates = environment(language)
    _ = phrases(language)
    updated = long_date(article.updated, language) if article.updated else None
    dateline = _("Last updated %(updated)s") % {"updated": updated} if updated else None
    text = book_text(article, script, recording.cues if recording else None, dateline)
    audio = file_names(article.slug)["recording"] if recording else None
    read = overlays([("article.xhtml", text.sentences("article")), ("stamp.xhtml", text.sentences("stamp"))],
                    recording.duration_ms) if recording else ()
    timed = {overlay.document for overlay in read}
    documents = (Document("article", "article.xhtml", "article.xhtml" in timed),
                 Document("stamp", "stamp.xhtml", "stamp.xhtml" in timed))
    files: dict[str, bytes] = {
        "mimetype": MEDIA_TYPE.encode("ascii"),
        "META-INF/container.xml": (TEMPLATES / "ebook" / "container.xml.j2").read_bytes(),
    }
    content = templates.get_template("ebook/content.xhtml.j2")
    files["EPUB/article.xhtml"] = content.render(
        language=language, title=article.title, part="article", label=article.title, nodes=text.article,
        reviewed=review_line(article)).encode()
    files["EPUB/stamp.xhtml"] = content.render(
        language=language, title=text.stamp_heading.title, part="stamp", label=text.stamp_heading.title,
        nodes=text.stamp, reviewed=None).encode()
    files["EPUB/nav.xhtml"] = templates.get_template("ebook/nav.xhtml.j2").render(
        language=language, title=article.title, chapters=_navigation(text)).encode()
    files["EPUB/book.css"] = (TEMPLATES / "ebook" / "book.css").read_bytes()
    files["EPUB/cover.png"] = title_card(article.title, practice.practice.name, _("Read-along e-book"))
    smil = templates.get_template("ebook/overlay.smil.j2")
    for overlay in read:
        files[f"EPUB/{overlay.href}"] = smil.render(overlay=overlay, audio=audio).encode()
    if recording and audio:
        files[f"EPUB/{audio}"] = recording.mp3
    files["EPUB/package.opf"] = _package(article, practice, documents, read, recording, audio).encode()
    return _zipped(files, article.updated or EARLIEST)


def _navigation(text: Text) -> list[NavEntry]:
    """The title, the article's headings (each under the one above it), and the stamp's heading."""
    title, *headings = text.chapters
    top: list[NavEntry] = [NavEntry(title.title, f"article.xhtml#{title.id}", 1)]
    open_entries: list[NavEntry] = []  # the latest entry at each depth
    for heading in headings:
        entry = NavEntry(heading.title, f"article.xhtml#{heading.id}", heading.level)
        while open_entries and open_entries[-1].level >= heading.level:
            open_entries.pop()
        (open_entries[-1].children if open_entries else top).append(entry)
        open_entries.append(entry)
    return [*top, NavEntry(text.stamp_heading.title, f"stamp.xhtml#{text.stamp_heading.id}")]


def _package(article: Article, practice: Practice, documents: tuple[Document, ...], read: tuple[Overlay, ...],
             recording: Recording | None, audio: str | None) -> str:
    language = article.language
    _ = phrases(language)
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    if read:
        features.append("synchronizedAudioText")
        summary = _("The article and the practice's contact details as text with headings and a table of "
                    "contents, and read aloud: each sentence is highlighted as the recording reads it. "
                    "Reading apps can change the text's size, font, spacing and colours.")
    else:
        summary = _("The article and the practice's contact details as text with headings and a table of "
                    "contents. Reading apps can change the text's size, font, spacing and colours.")
    updated = article.updated or EARLIEST
    return environment(language).get_template("ebook/package.opf.j2").render(
        language=language, identifier=book_identifier(article, practice), title=article.title,
        author=article.author or practice.practice.name, practice=practice.practice.name,
        summary=article.summary, date=article.updated.isoformat() if article.updated else None,
        tags=article.tags, modified=f"{updated.isoformat()}T00:00:00Z", features=features,
        accessibility_summary=summary, overlays=read,
        duration=clock(recording.duration_ms) if recording else "", documents=documents, audio=audio)


def _zipped(files: dict[str, bytes], day: date) -> bytes:
    """The files as an EPUB zip: `mimetype` first and stored, then the rest in the order given, every
    entry with the same time and permissions, so the same book always gives the same bytes."""
    day = max(day, EARLIEST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            entry.create_system = 3
            entry.external_attr = 0o100644 << 16
            stored = name == "mimetype" or name.endswith((".mp3", ".png"))  # already compressed
            entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            book.writestr(entry, data, compresslevel=None if stored else 9)
    return out.getvalue()
