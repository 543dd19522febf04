"""Import step: a Blogger backup (Settings → Back up content, an Atom feed) becomes one draft per published post.

A backup holds every entry of the blog in one feed: posts, pages, comments, the blog's settings
and its template, told apart by a `<category scheme="…#kind">` (older backups) or a
`<blogger:type>` (newer ones). Drafts carry `<app:control><app:draft>yes</app:draft>`, often
with the `app:` prefix never declared, so names are matched by what follows the prefix rather
than by namespace. Like a WordPress export it is untrusted and read as a stream: no entities
expanded, nothing fetched, a document type declaration refused, each entry let go once read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from pipeline.article import clean_line, visible
from pipeline.errors import ImportFailed
from pipeline.importing.draft import Draft, Skipped
from pipeline.importing.fragment import fragment_blocks
from pipeline.importing.furniture import Removed
from pipeline.importing.wordpress import only_undeclared_prefixes, plain_text, truncated

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
_MEDIA = {"image", "gallery", "embed", "video", "audio"}
# What each kind of entry that is not a post is, in the skipped lines and the summary.
_NOT_POSTS = {"comment": "comments", "settings": "blog settings", "template": "template"}


def read_backup(path: Path, pages: bool = False) -> Iterator[Draft | Skipped]:
    """Each post of a Blogger backup as a draft, and each entry left out with its reason."""
    left_out: Counter[str] = Counter()
    read = 0
    try:
        events = etree.iterparse(str(path), events=("end",), resolve_entities=False, no_network=True,
                                 huge_tree=False, load_dtd=False, dtd_validation=False, remove_pis=True)
        for number, (_, element) in enumerate(events):
            if number == 0:
                docinfo = element.getroottree().docinfo
                if docinfo.doctype or docinfo.internalDTD is not None:
                    raise ImportFailed(f"{path}: line 1: has a document type declaration (<!DOCTYPE>), which "
                                       "Blogger backups never have; refused, since it can hide entity expansion")
            if _local(element) != "entry":
                continue
            found = _entry(element, pages)
            if isinstance(found, str):
                left_out[found] += 1
            else:
                yield found
            read += 1
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        if not only_undeclared_prefixes(exc, path):
            before = f"; the {read} entr{'ies' if read != 1 else 'y'} before it were read" if read else ""
            reason = re.sub(r",? line \d+, column \d+$", "", str(exc.msg or exc).strip())
            if truncated(path):
                raise ImportFailed(f"{path}: line {exc.lineno}: the backup stops in the middle: it is truncated (a "
                                   f"download or copy cut short){before}; back it up again") from None
            raise ImportFailed(f"{path}: line {exc.lineno}: not well-formed XML ({reason}){before}") from None
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read: {exc.strerror or exc}") from None
    for kind, count in left_out.items():  # one line for all the comments, one for all the settings
        yield Skipped(f"{count} entr{'y' if count == 1 else 'ies'}", _NOT_POSTS.get(kind, f"{kind} entries"),
                      titled=False)
    if not read:
        raise ImportFailed(f"{path}: an Atom feed with no entries; expected a Blogger backup "
                           "(Settings → Back up content)")


def _local(element: etree._Element) -> str:
    """An element's name without its namespace or its (possibly undeclared) prefix: 'draft' for app:draft."""
    if not isinstance(element.tag, str):
        return ""
    return element.tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _text(element: etree._Element, name: str) -> str:
    found = _children(element, name)
    return "".join(found[0].itertext()) if found else ""


def _kind(entry: etree._Element) -> str:
    """post, page, comment, settings or template."""
    typed = _text(entry, "type").strip().lower()  # newer backups: <blogger:type>POST</blogger:type>
    if typed:
        return typed
    for category in _children(entry, "category"):
        if (category.get("scheme") or "").endswith("#kind"):
            return (category.get("term") or "").rsplit("#", 1)[-1].lower()
    return "post" if ".post-" in _text(entry, "id") else "unknown"


def _entry(entry: etree._Element, pages: bool) -> Draft | Skipped | str:
    """A post as a draft; a post or page left out as a Skipped; any other entry as its kind, counted."""
    kind = _kind(entry)
    if kind not in ("post", "page"):
        return kind
    title = plain_text(_text(entry, "title"))
    label = title or f"{kind} {_text(entry, 'id').rsplit('-', 1)[-1].strip()}"
    status = _text(entry, "status").strip().upper()  # newer backups: LIVE, DRAFT, SOFT_TRASHED
    drafted = any(_local(element) == "draft" and (element.text or "").strip().lower() == "yes"
                  for element in entry.iter())
    if kind == "page" and not pages:
        return Skipped(label, "page")
    if drafted or status == "DRAFT":
        return Skipped(label, "draft")
    if status in ("SOFT_TRASHED", "DELETED") or _children(entry, "trashed"):
        return Skipped(label, "in the trash")
    if status == "SCHEDULED":
        return Skipped(label, "scheduled")
    blocks, dropped = fragment_blocks(visible(_text(entry, "content")))
    if not blocks:
        return Skipped(label, "no content")
    removed = tuple(Removed(number, item.kind, item.text) for number, item in enumerate(dropped, start=1))
    media = sum(1 for item in removed if item.kind in _MEDIA)
    notes = (f"review: {media} picture(s) or embedded player(s) were left out; check the text still reads "
             "well without them",) if media else ()
    link = next((child.get("href") for child in _children(entry, "link") if child.get("rel") == "alternate"), None)
    authors = _children(entry, "author")
    author = clean_line(visible(_text(authors[0], "name"))) if authors else ""
    return Draft(blocks=blocks, title=title or None, author=author if author and author != "Unknown" else None,
                 updated=_day(_text(entry, "updated")) or _day(_text(entry, "published")),
                 canonical_url=link, removed=removed, tags=_labels(entry), slug=_slug(link), notes=notes)


def _labels(entry: etree._Element) -> tuple[str, ...]:
    labels: list[str] = []
    for category in _children(entry, "category"):
        scheme = category.get("scheme")
        if scheme == _LABEL_SCHEME or (scheme is None and "#" not in (category.get("term") or "#")):
            label = plain_text(category.get("term") or "")
            if label and label.casefold() not in {known.casefold() for known in labels}:
                labels.append(label)
    return tuple(labels)


def _slug(link: str | None) -> str | None:
    """The post's own name from its address: '…/2010/11/the-steel-windpipe.html' -> 'the-steel-windpipe'."""
    if not link:
        return None
    name = urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]
    return name.removesuffix(".html") or None


def _day(text: str) -> date | None:
    match = _DAY.match(text.strip())
    try:
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None
