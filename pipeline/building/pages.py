"""The library step: the library page, `build/index.html`, and each article's own page."""

from __future__ import annotations

from pipeline.article import Article
from pipeline.audio import Recording, recording_from_facts
from pipeline.building.context import RunContext
from pipeline.building.freshness import current_files
from pipeline.building.upload import is_draft
from pipeline.output import write_atomic
from pipeline.outputs import REGISTRY, file_names
from pipeline.rebuild import (
    Manifest,
    article_content,
    fingerprint,
    profile_as_read,
    read_manifest,
    reads_version,
    write_manifest,
)


def build_library_pages(library: list[Article], context: RunContext) -> bool:
    """Bring the library page and every built article's page up to date; True when the library
    page was rewritten. Pages link only the files that are current (made from today's sources,
    whole on disk); an article with nothing built yet is listed, marked so, and has no page yet. Their
    keys live in the build folder's own manifest, so rewriting a page never touches an article's
    manifest."""
    practice, settings = context.practice, context.settings
    top = read_manifest(settings.out)
    listed = [article for article in library if not is_draft(article)]  # a draft is for staff only
    not_built: list[str] = []
    recordings: dict[str, Recording] = {}
    ebooks: list[str] = []
    shelf: list[tuple[Article, tuple[str, ...]]] = []  # every article and its current files, for the staff page
    measured: dict[str, float | None] = {}  # the reading measures the build kept, for the staff page
    written = False
    for article in library:
        folder = settings.out / article.slug
        manifest = read_manifest(folder)
        if not any((folder / name).is_file() for name in manifest.outputs):
            not_built.append(article.slug)  # listed, marked, and given no page of its own yet
            shelf.append((article, ()))
            continue
        files = current_files(article, context, folder, manifest)
        shelf.append((article, files))
        kept = manifest.facts.get("plain_language")
        if isinstance(kept, dict) and "value" in kept:
            measured[article.slug] = kept["value"]
        names = file_names(article.slug)
        if names["ebook"] in files:
            ebooks.append(article.slug)
        recording = None
        if "recording" in manifest.facts and names["recording"] in files:
            recording = recordings[article.slug] = recording_from_facts(manifest.facts["recording"], b"", "")
        name = f"{article.slug}/{names['article-page']}"
        key = fingerprint("article-page", reads_version("article-page"), profile_as_read(practice),
                          article_content(article), files, manifest.facts.get("recording"))
        if not top.is_current(settings.out, name, key):
            page = context.makers.article_page(article, recording, practice, files).encode("utf-8")
            write_atomic(settings.out / name, page)
            top.record(name, key, page)
            written = True
    shown = {article.slug for article in listed}
    recordings = {slug: recording for slug, recording in recordings.items() if slug in shown}
    not_built = [slug for slug in not_built if slug in shown]
    ebooks = [slug for slug in ebooks if slug in shown]
    key = fingerprint("index", reads_version("library-page"), profile_as_read(practice),
                      [article_content(a) for a in listed], recordings, not_built, ebooks)
    library_page = REGISTRY["library-page"].name()
    rebuilt = not top.is_current(settings.out, library_page, key)
    if rebuilt:
        page = context.makers.library_page(listed, recordings, practice, not_built, ebooks).encode("utf-8")
        write_atomic(settings.out / library_page, page)
        top.record(library_page, key, page)
    written = _staff_page(shelf, measured, context, top) or written
    if rebuilt or written:
        write_manifest(settings.out, top)
    return rebuilt


def _staff_page(shelf: list[tuple[Article, tuple[str, ...]]], measured: dict[str, float | None], context: RunContext,
                top: Manifest) -> bool:
    """The staff page, `build/staff.html`: every article (drafts too) with its e-mail draft and review;
    True when it was rewritten."""
    practice, out = context.practice, context.settings.out
    name = REGISTRY["staff-page"].name()
    key = fingerprint("staff-page", reads_version("staff-page"), profile_as_read(practice),
                      [(article_content(article), files) for article, files in shelf], measured)
    if top.is_current(out, name, key):
        return False
    page = context.makers.staff_page(shelf, practice, measured).encode("utf-8")
    write_atomic(out / name, page)
    top.record(name, key, page)
    return True
