"""Import step: many files and folders at once, each read by its type, written as drafts, counted once.

A folder is searched for the file types the importer reads (in Medium's unpacked export, only its
posts/); each WordPress export gives many drafts, every other file one. A file that cannot be read
is one line and the rest go on. An article source that already holds exactly what an import would
write is left alone and said to be unchanged; one that differs is never overwritten without
`--force`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.errors import ImportFailed
from pipeline.importing.draft import Skipped
from pipeline.importing.holders import Held, holder_of, same_page, sources_held
from pipeline.importing.importer import Imported, check_slug, with_review_item
from pipeline.importing.readers import SUFFIXES, read_file
from pipeline.output import write_atomic
from pipeline.sources import APPROVE

_SLUG_LINE = re.compile(r"^slug: .*$", re.MULTILINE)


@dataclass
class ImportReport:
    """What one `import` did, for the closing summary line."""

    imported: int = 0
    unchanged: int = 0
    to_review: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: int = 0
    refused: int = 0  # existing articles left alone without --force

    def summary(self) -> str:
        line = f"imported {self.imported}"
        if self.unchanged:
            line += f", unchanged {self.unchanged}"
        skipped = sum(self.skipped.values())
        line += f", skipped {skipped}"
        if skipped:
            line += ": " + ", ".join(f"{reason} {count}" for reason, count in sorted(self.skipped.items()))
        line += f"; {self.to_review} review item{'' if self.to_review == 1 else 's'}"
        if self.failed:
            line += f"; {self.failed} file{'s' if self.failed != 1 else ''} could not be read"
        return line

    @property
    def ok(self) -> bool:
        return not self.failed and not self.refused


# The folders of account pages Medium's export holds beside posts/: the profile, claps, sessions, IP addresses…
_MEDIUM_ACCOUNT = {"profile", "claps", "bookmarks", "highlights", "interests", "lists", "sessions", "ips", "blocks",
                   "partner-program", "pubs-following", "topics-following", "users-following", "twitter"}


def files_to_import(paths: list[Path], account_pages: list[Path] | None = None,
                    links: list[Path] | None = None) -> Iterator[Path]:
    """The files named, and in each folder named every file of a type the importer reads, in name order.

    In Medium's unpacked export only posts/ holds posts; its account pages (which name the
    account's e-mail address, sessions and IP addresses) are left out, and added to `account_pages`.
    A link inside a folder is never followed (it may lead to a private file anywhere on the
    computer): it is added to `links`, as is anything else that is not a regular file.
    """
    account_pages = [] if account_pages is None else account_pages
    links = [] if links is None else links
    for path in paths:
        if path.is_dir():
            found_all = []
            for found in sorted(path.rglob("*")):  # rglob does not go down a linked folder
                if found.is_symlink() or not (found.is_dir() or found.is_file()):
                    if found.suffix.lower() in SUFFIXES or found.is_symlink():
                        links.append(found)
                    continue
                found_all.append(found)
            exports = [folder for folder in (path, *found_all) if folder.is_dir() and (folder / "posts").is_dir()
                       and any((folder / name).is_dir() for name in _MEDIUM_ACCOUNT)]
            for found in found_all:
                hidden = any(part.startswith((".", "~$")) for part in found.relative_to(path).parts)
                # A .zip is listed too, so that it is told to be unzipped rather than passed over in silence.
                if not found.is_file() or hidden or found.suffix.lower() not in (*SUFFIXES, ".zip"):
                    continue
                if any(export in found.parents and export / "posts" not in found.parents for export in exports):
                    account_pages.append(found)
                    continue
                yield found
        else:
            yield path


def run_import(paths: list[Path], articles_dir: Path, *, pages: bool = False, force: bool = False,
               slug: str | None = None, say: Callable[[str], None], show: Callable[[str], None] | None = None
               ) -> ImportReport:
    """Import every file; `say` gets one line per thing done or left out, `show` the Markdown with --stdout."""
    check_slug(slug)
    report = ImportReport()
    account_pages: list[Path] = []
    links: list[Path] = []
    files = list(files_to_import(paths, account_pages, links))
    for link in links:
        report.skipped["link or special file"] += 1
        kind = "a link" if link.is_symlink() else "not a regular file"
        say(f"skipped: {link}: {kind}, not followed; copy the file itself into the folder to import it")
    if not files:
        raise ImportFailed(*(f"{path}: no {', '.join(SUFFIXES)} files in this folder"
                             for path in paths))
    if slug and (len(files) != 1 or paths[0].is_dir()):
        raise ImportFailed("--slug names one article; give exactly one page or document with it")
    if account_pages:
        report.skipped["Medium account page"] += len(account_pages)
        shown = ", ".join(f"{page.parent.name}/{page.name}" for page in account_pages[:3])
        say(f"skipped: {len(account_pages)} page(s) of Medium's export outside posts/ ({shown}"
            f"{', …' if len(account_pages) > 3 else ''}): the account's own pages, not posts")
    held = sources_held(articles_dir)
    for path in files:
        try:
            for found in read_file(path, pages, slug):
                if isinstance(found, Skipped):
                    report.skipped[found.reason] += 1
                    hint = "; add --pages to import pages" if found.reason == "page" else ""
                    name = repr(found.name) if found.titled else found.name
                    say(f"skipped: {path.name}: {name} ({found.reason}{hint})")
                    continue
                _one(found, articles_dir, held, force, slug is not None, report, say, show, origin=path.name)
        except ImportFailed as exc:
            report.failed += 1
            for problem in exc.problems:
                say(f"error: {problem}")
        except Exception as exc:  # noqa: BLE001 - one file's surprise must not end the import of the others
            report.failed += 1
            say(f"skipped: {path}: could not be imported ({type(exc).__name__}: {_short(str(exc))}); "
                "the other files were still read")
    return report


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:160] + "…"


def _one(imported: Imported, articles_dir: Path, held: list[Held], force: bool, explicit: bool,
         report: ImportReport, say: Callable[[str], None], show: Callable[[str], None] | None, origin: str) -> None:
    wanted = imported.slug
    own = None if explicit else next((source for source in held if same_page(
        source, imported.canonical_url, imported.origin, wanted)), None)
    if own is not None:  # imported before: its own draft is updated, whatever its slug or file name now
        slug, target = own.slug, own.path
    elif explicit:
        slug, target = wanted, articles_dir / f"{wanted}.md"
        holder = next((source for source in held if wanted in (source.slug, source.path.stem)
                       and source.path != target), None)
        if holder is not None:  # another file declares it; its own file is the usual unchanged/--force case
            report.refused += 1
            report.skipped["slug taken"] += 1
            say(f"error: --slug {wanted!r}: {holder.path} already holds that slug; choose another --slug")
            return
    else:  # never a slug another source holds: a different page gets the next free one, and is told
        slug, number = wanted, 2
        while holder_of(held, slug) is not None:
            slug = f"{wanted}-{number}"
            number += 1
        target = articles_dir / f"{slug}.md"
        if (holder := holder_of(held, wanted)) is not None:
            say(f"slug: {origin}: {wanted!r} is held by {holder.path}; this import is {slug!r}")
    if slug != wanted:
        # The front matter's own slug line (YAML may have quoted it: 'yes', '2024') becomes the new one.
        markdown = _SLUG_LINE.sub(f"slug: {slug}", imported.markdown, count=1)
        note = f"review: slug {wanted!r} is another article's; this one is {slug!r}" if own is None \
            or holder_of([source for source in held if source is not own], wanted) \
            else f"review: slug {slug!r} kept, as its draft {own.path.name} has it"
        # The note goes into the draft's front matter too, where check and the summary count it.
        imported = replace(imported, markdown=with_review_item(markdown, note), slug=slug,
                           removed=(*imported.removed, note))
    if own is None:
        held.append(Held(target, slug, imported.canonical_url, imported.origin, this_run=True))
    if show is not None:
        _notes(imported, say)
        show(imported.markdown)
        report.imported += 1
        report.to_review += imported.to_review
        return
    if target.exists():
        if target.read_bytes() == imported.markdown.encode("utf-8"):
            report.unchanged += 1
            say(f"unchanged: {target} already holds this import of {origin}")
            return
        if not force:
            report.refused += 1
            report.skipped["already exists"] += 1
            say(f"error: {target}: already exists and differs from this import of {origin}; "
                "choose another --slug or pass --force")
            return
    write_atomic(target, imported.markdown)
    report.imported += 1
    report.to_review += imported.to_review
    say(f"wrote {target} from {origin} — a draft: review it, then `{APPROVE.format(slug=slug)}`")
    _notes(imported, say)


def _notes(imported: Imported, say: Callable[[str], None]) -> None:
    for line in imported.removed:
        say(line if line.startswith("review:") else f"removed: {line}")
