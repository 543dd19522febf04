"""The build's last step: the library page, `build/index.html`, and each article's own page."""

from __future__ import annotations

from pipeline.article import Article
from pipeline.audio import Recording
from pipeline.output import write_atomic
from pipeline.rebuild import (
    article_content,
    current_files,
    fingerprint,
    read_manifest,
    reads_version,
    recording_from_facts,
    write_manifest,
)
from pipeline.settings import Settings
from pipeline.sources import Practice


def build_library_pages(library: list[Article], practice: Practice, settings: Settings) -> bool:
    """Bring the library page and every built article's page up to date; True when the library
    page was rewritten. Pages link only the files that are current (made from today's sources,
    whole on disk); an article with nothing built yet is listed, marked so, and has no page yet. Their
    keys live in the build folder's own manifest, so rewriting a page never touches an article's
    manifest."""
    from pipeline import library as pages

    top = read_manifest(settings.out)
    listed: list[Article] = list(library)
    not_built: list[str] = []
    recordings: dict[str, Recording] = {}
    written = False
    for article in library:
        folder = settings.out / article.slug
        manifest = read_manifest(folder)
        if not any((folder / name).is_file() for name in manifest.outputs):
            not_built.append(article.slug)  # listed, marked, and given no page of its own yet
            continue
        files = current_files(article, practice, settings, folder, manifest)
        recording = None
        if "recording" in manifest.facts and f"{article.slug}.mp3" in files:
            recording = recordings[article.slug] = recording_from_facts(manifest.facts["recording"], b"", "")
        name = f"{article.slug}/index.html"
        key = fingerprint("article-page", reads_version("article-page"), practice, article_content(article),
                          files, manifest.facts.get("recording"))
        if not top.is_current(settings.out, name, key):
            page = pages.render_article_page(article, recording, practice, files).encode("utf-8")
            write_atomic(settings.out / name, page)
            top.record(name, key, page)
            written = True
    key = fingerprint("index", reads_version("library-page"), practice, [article_content(a) for a in listed],
                      recordings, not_built)
    rebuilt = not top.is_current(settings.out, "index.html", key)
    if rebuilt:
        page = pages.render_library_page(listed, recordings, practice, not_built).encode("utf-8")
        write_atomic(settings.out / "index.html", page)
        top.record("index.html", key, page)
    if rebuilt or written:
        write_manifest(settings.out, top)
    return rebuilt
