"""Which of an article's files are current: whole on disk, made from today's sources, and made
from outputs that are current themselves (as the registry declares each one's needs)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.article import Article
from pipeline.building.context import Narration, RunContext
from pipeline.outputs import REGISTRY, file_names, still_current
from pipeline.rebuild import Manifest, audio_key, chapters_key, ebook_key, email_key, handout_key


def recording_key(article: Article, context: RunContext, narration: Narration) -> str | None:
    """The MP3's and captions' key, or None when the article's language has no voice."""
    voice = context.voice(article.language)
    if isinstance(voice, str):
        return None
    return audio_key(article, context.practice, narration.digest(), voice.engine, voice.identity)


def book_key(article: Article, context: RunContext, narration: Narration, manifest: Manifest,
             read_along: bool) -> str:
    """The e-book's key: text only, or read-along with the recording in the manifest."""
    names = file_names(article.slug)
    recording = None
    if read_along:
        # The timings as JSON with sorted keys: the same whether just recorded or read back.
        timings = json.dumps(manifest.facts.get("recording"), sort_keys=True)
        recording = (manifest.outputs[names["recording"]].sha256, timings)
    return ebook_key(article, context.practice, narration.digest(), recording)


def draft_key(article: Article, context: RunContext, manifest: Manifest) -> str:
    """The e-mail draft's key: its text and the digests of the files it attaches."""
    names = file_names(article.slug)
    email = context.practice.email

    def sha(key: str) -> str:
        entry = manifest.outputs.get(names[key])
        return entry.sha256 if entry else ""

    # False for a file the profile does not attach, as the key has always been written
    attached: tuple[str | bool, ...] = (sha("handout"), sha("recording"),
                                        email.attach_large_print and sha("large-print"),
                                        email.attach_epub and sha("ebook"))
    return email_key(article, context.practice, attached)


def current_files(article: Article, context: RunContext, folder: Path, manifest: Manifest) -> tuple[str, ...]:
    """The outputs in `folder` that are whole and made from today's sources: what a page may link."""
    names = file_names(article.slug)
    narration = Narration(article, context.practice, manifest, context.makers)
    keys = {"handout": handout_key(article, context.practice)}
    keys["large-print"] = keys["handout"]
    if names["recording"] in manifest.outputs or names["captions"] in manifest.outputs:
        made_from = recording_key(article, context, narration)
        if made_from:  # no voice: no audio is current
            keys["recording"] = keys["captions"] = made_from
    recording = manifest.facts.get("recording")
    if isinstance(recording, dict) and "chapters" in recording:
        from pipeline.audio import Chapter

        keys["chapters"] = chapters_key(tuple(Chapter(**chapter) for chapter in recording["chapters"]))
    keys["email"] = draft_key(article, context, manifest)
    current = {key for key, made_from in keys.items() if manifest.is_current(folder, names[key], made_from)}
    if names["ebook"] in manifest.outputs:  # read-along while its recording is current, else text only
        book = book_key(article, context, narration, manifest, read_along="recording" in current)
        if manifest.is_current(folder, names["ebook"], book):
            current.add("ebook")
    existing = {key for key, name in names.items() if name in manifest.outputs}
    kept = still_current(current, existing, context.practice)
    return tuple(sorted(REGISTRY[key].name(article.slug) for key in kept))
