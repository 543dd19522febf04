"""Import step: the kinds of file `import` reads, one reader each in one registry — the suffixes
it answers to, a sniff of the file's first bytes where one suffix holds several kinds, and a read
that yields drafts to write or posts skipped with why (as Pelican's readers or calibre's input
plugins are chosen)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ImportFailed
from pipeline.importing.draft import Skipped
from pipeline.importing.importer import Imported, article_source, read_page

Found = Imported | Skipped


def _always(head: bytes) -> bool:
    return True


def _atom_feed(head: bytes) -> bool:
    """An Atom feed (a Blogger backup), not an RSS export (WordPress's): whichever root comes first."""
    feed, rss = re.search(rb"<(?:\w+:)?feed\b", head), re.search(rb"<(?:\w+:)?rss\b", head)
    return feed is not None and (rss is None or feed.start() < rss.start())


def _blogger(path: Path, pages: bool, slug: str | None) -> Iterator[Found]:
    from pipeline.importing.blogger import read_backup  # lxml loads only for exports

    for found in read_backup(path, pages):
        yield found if isinstance(found, Skipped) else article_source(found, path.name, None)


def _wordpress(path: Path, pages: bool, slug: str | None) -> Iterator[Found]:
    from pipeline.importing.wordpress import read_export  # lxml loads only for exports

    for found in read_export(path, pages):
        yield found if isinstance(found, Skipped) else article_source(found, path.name, None)


def _word(path: Path, pages: bool, slug: str | None) -> Iterator[Found]:
    from pipeline.importing.bounded import bounded
    from pipeline.importing.word import read_document  # mammoth loads only for Word files

    yield article_source(bounded(read_document, path), path.name, path.stem, slug=slug)


def _page(path: Path, pages: bool, slug: str | None) -> Iterator[Found]:
    yield read_page(path, slug)  # a saved page, a Medium export's post, or copied text (HTML inside is sniffed)


@dataclass(frozen=True)
class Reader:
    name: str  # in the user's words, for messages
    suffixes: tuple[str, ...]
    read: Callable[[Path, bool, str | None], Iterator[Found]]
    sniff: Callable[[bytes], bool] = _always  # given the file's first 4 KB
    many: bool = False  # holds many articles, so --slug cannot name its one

    def reads(self, path: Path, head: bytes) -> bool:
        return path.suffix.lower() in self.suffixes and self.sniff(head)


# In the order they are tried: a reader that sniffs comes before the one that takes the rest.
READERS: tuple[Reader, ...] = (
    Reader("Blogger backup", (".xml",), _blogger, sniff=_atom_feed, many=True),
    Reader("WordPress export", (".xml",), _wordpress, many=True),
    Reader("Word document", (".docx",), _word),
    Reader("saved page or Medium export post", (".html", ".htm", ".xhtml"), _page),
    Reader("copied text", (".txt",), _page),
)
# Any other file named on the command line is read as a page would be, which says in one line what
# it looks like instead (a picture, a PDF, a zipped export…) and what to do.
_UNKNOWN = Reader("file of another kind", (), _page)
SUFFIXES: tuple[str, ...] = tuple(dict.fromkeys(suffix for reader in READERS for suffix in reader.suffixes))


def reader_for(path: Path) -> Reader | None:
    """The reader for `path` by its suffix and first bytes; None when no reader takes it."""
    if path.suffix.lower() not in SUFFIXES:
        return None
    head = b""
    if path.is_file():  # never opened when it is not a regular file: a FIFO would wait for a writer
        try:
            with path.open("rb") as file:
                head = file.read(4096)
        except OSError:
            pass  # the read says why in one line
    return next((reader for reader in READERS if reader.reads(path, head)), None)


def read_file(path: Path, pages: bool, slug: str | None) -> Iterator[Found]:
    """The drafts one file holds: many for an export, one for a page or a Word document."""
    reader = reader_for(path) or _UNKNOWN
    if reader.many and slug:
        raise ImportFailed(f"{path}: --slug names one article; a {reader.name} holds many posts")
    yield from reader.read(path, pages, slug)
