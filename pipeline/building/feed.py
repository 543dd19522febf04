"""The feed step: `build/feed.xml` and the show's artwork, when `publish.base_url` is set."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.article import Article
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
from pipeline.settings import Settings
from pipeline.sources import Practice, artwork_file
from pipeline.stamp import display_url

if TYPE_CHECKING:
    from pipeline.library import Episode

FEED = REGISTRY["feed"].name()
ARTWORK_PIXELS = 1400


def build_feed(library: list[Article], context: RunContext) -> bool:
    """Bring the feed and its artwork up to date; True when the feed was rewritten.

    Without a base_url a feed left from an earlier build is removed with its artwork: it would
    point at addresses nobody published. An article that is not an episode (its recording is
    missing or out of date with today's sources) loses its chapters file too.
    """
    practice, settings = context.practice, context.settings
    top = read_manifest(settings.out)
    if practice.publish.base_url is None:
        for article in library:
            _remove_chapters(article, settings.out)
        return _remove_feed(settings.out, top)
    from pipeline.library import render_feed

    version = reads_version("feed")
    artwork, artwork_written = _artwork(practice, settings, top, version)
    episodes = []
    for article in library:
        episode = None if is_draft(article) else _episode(article, context)
        if episode:
            episodes.append(episode)
        else:
            _remove_chapters(article, settings.out)
    key = fingerprint("feed", version, profile_as_read(practice), artwork,
                      [replace(episode, article=article_content(episode.article)) for episode in episodes])
    rebuilt = not top.is_current(settings.out, FEED, key)
    if rebuilt:
        feed = render_feed(episodes, practice, artwork)
        write_atomic(settings.out / FEED, feed)
        top.record(FEED, key, feed)
    if rebuilt or artwork_written:
        write_manifest(settings.out, top)
    return rebuilt


def _episode(article: Article, context: RunContext) -> Episode | None:
    """The article as an episode once its MP3, captions and chapters are current (whole on disk
    and made from today's sources, as the pages judge them); else None."""
    from pipeline.library import Episode

    folder = context.settings.out / article.slug
    manifest = read_manifest(folder)
    names = file_names(article.slug)
    files = current_files(article, context, folder, manifest)
    if "recording" not in manifest.facts or not all(names[key] in files for key in ("recording", "captions",
                                                                                      "chapters")):
        return None
    return Episode(article, int(manifest.facts["recording"]["duration_ms"]), manifest.outputs[names["recording"]].size)


def _remove_chapters(article: Article, out: Path) -> None:
    """Remove the chapters file of an article that is not in the feed, and its manifest entry."""
    folder = out / article.slug
    name = file_names(article.slug)["chapters"]
    manifest = read_manifest(folder)
    if name in manifest.outputs:
        (folder / name).unlink(missing_ok=True)
        del manifest.outputs[name]
        write_manifest(folder, manifest)


def _artwork(practice: Practice, settings: Settings, top: Manifest, version: str) -> tuple[str, bool]:
    """The show's artwork in build/: the profile's image, or a card drawn from the practice's name."""
    chosen = practice.publish.artwork
    if chosen:
        source = artwork_file(settings.practice_file, chosen)
        name = "artwork" + (".png" if source.suffix.lower() == ".png" else ".jpg")
        data: bytes | None = source.read_bytes()
        key = fingerprint("artwork", data)
    else:
        name, data = "artwork.png", None
        contact = practice.practice
        key = fingerprint("artwork", version, contact.name, contact.website)
    for old in ("artwork.png", "artwork.jpg"):
        if old != name and old in top.outputs:
            (settings.out / old).unlink(missing_ok=True)
            del top.outputs[old]
    if top.is_current(settings.out, name, key):
        return name, False
    if data is None:
        from pipeline.audio import title_card

        contact = practice.practice
        data = title_card(contact.name, display_url(contact.website), "Audio handouts", size=ARTWORK_PIXELS)
    write_atomic(settings.out / name, data)
    top.record(name, key, data)
    return name, True


def _remove_feed(out: Path, top: Manifest) -> bool:
    gone = [name for name in (FEED, "artwork.png", "artwork.jpg") if name in top.outputs]
    for name in gone:
        (out / name).unlink(missing_ok=True)
        del top.outputs[name]
    if gone:
        write_manifest(out, top)
    return False
