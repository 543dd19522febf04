"""Rebuild keys: for each output, the hash of exactly what it is made from (see `inputs`).

The build compares them with the manifest to decide what to make; the library pages compare them
to link only the files that are current.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.article import Article
from pipeline.audio import Chapter, MissingVoice, Script, load_voice, narration_script
from pipeline.rebuild.inputs import article_content, reads_version
from pipeline.rebuild.manifest import Manifest, fingerprint
from pipeline.settings import Settings
from pipeline.sources import Practice


def output_names(slug: str) -> dict[str, str]:
    return {"pdf": f"{slug}.pdf", "large-print": f"{slug}-large-print.pdf", "mp3": f"{slug}.mp3",
            "vtt": f"{slug}.vtt", "eml": f"{slug}.eml", "chapters": f"{slug}.chapters.json",
            "epub": f"{slug}.epub"}


def profile_as_read(practice: Practice) -> str:
    """The profile as the drafts, pages and feed read it: all of it but `email.budget_mb`, which
    only decides a warning the build gives, never a byte of an output."""
    return practice.model_dump_json(exclude={"email": {"budget_mb"}})


def handout_key(article: Article, practice: Practice) -> str:
    return fingerprint("handout", reads_version("handout"), article_content(article), practice.practice,
                       practice.services, practice.notices, practice.handout, practice.publish.base_url)


def scorecard_key(article: Article, practice: Practice) -> str:
    """What the build summary's reading level and findings are scored from."""
    return fingerprint("scorecard", reads_version("scorecard"), article_content(article), practice.plain_language)


def audio_key(article: Article, practice: Practice, settings: Settings, manifest: Manifest,
              written: list[Script] | None = None) -> str:
    """What the MP3 is made of: the spoken script, the voice (model, engine and runtime versions),
    the speech and contact settings in its tags, and the audio code, libraries and ffmpeg. A
    script written to find the key is added to `written`, for the narration to use."""
    voice = load_voice(settings.engine or practice.speech.engine, practice.speech, settings.cache,
                       article.language, settings.sources)
    script = script_digest(article, practice, manifest, written)
    return fingerprint("audio", reads_version("audio"), script, voice.engine, voice.identity, article.updated,
                       article.language, practice.speech, practice.practice)


def script_digest(article: Article, practice: Practice, manifest: Manifest,
                  written: list[Script] | None = None) -> str:
    """The digest of the narration script. Writing the script splits and words every sentence, the
    slowest part of a no-op; the manifest keeps the digest beside what it was written from (the
    article, the profile and the audio code), so an unchanged article is not scripted again."""
    written_from = fingerprint("script", reads_version("script"), article_content(article),
                               profile_as_read(practice))
    kept = manifest.facts.get("script")
    if isinstance(kept, dict) and kept.get("written_from") == written_from and isinstance(kept.get("digest"), str):
        return kept["digest"]
    script = narration_script(article, practice)
    if written is not None:
        written.append(script)
    digest = fingerprint(script)
    manifest.facts["script"] = {"written_from": written_from, "digest": digest}
    return digest


def chapters_key(chapters: tuple[Chapter, ...]) -> str:
    return fingerprint("chapters", reads_version("chapters"), chapters)


def ebook_key(article: Article, practice: Practice, manifest: Manifest, names: dict[str, str],
              read_along: bool) -> str:
    """The book's text (the narration script, stamp included), and with `read_along` the exact
    recording it reads along with and its timings."""
    script = script_digest(article, practice, manifest)
    # The timings as JSON with sorted keys: the same whether just recorded or read back from the manifest.
    timings = json.dumps(manifest.facts.get("recording"), sort_keys=True)
    recording = (manifest.outputs[names["mp3"]].sha256, timings) if read_along else None
    return fingerprint("ebook", reads_version("ebook"), article_content(article), practice.practice, script,
                       recording)


def email_key(article: Article, practice: Practice, manifest: Manifest, names: dict[str, str]) -> str:
    """The draft's text and the exact files it attaches (by their recorded digests)."""
    def sha(name: str) -> str:
        entry = manifest.outputs.get(name)
        return entry.sha256 if entry else ""

    return fingerprint("email", reads_version("email"), article_content(article), profile_as_read(practice),
                       sha(names["pdf"]), sha(names["mp3"]),
                       practice.email.attach_large_print and sha(names["large-print"]),
                       practice.email.attach_epub and sha(names["epub"]))


def current_files(article: Article, practice: Practice, settings: Settings, folder: Path,
                  manifest: Manifest) -> tuple[str, ...]:
    """The outputs in `folder` that are whole and made from today's sources: what a page may link."""
    names = output_names(article.slug)
    keys = {names["pdf"]: handout_key(article, practice), names["large-print"]: handout_key(article, practice)}
    try:
        if names["mp3"] in manifest.outputs or names["vtt"] in manifest.outputs:
            keys[names["mp3"]] = keys[names["vtt"]] = audio_key(article, practice, settings, manifest)
    except MissingVoice:
        pass  # no voice: no audio is current
    recording = manifest.facts.get("recording")
    if isinstance(recording, dict) and "chapters" in recording:
        keys[names["chapters"]] = chapters_key(tuple(Chapter(**chapter) for chapter in recording["chapters"]))
    keys[names["eml"]] = email_key(article, practice, manifest, names)
    current = {name for name, key in keys.items() if manifest.is_current(folder, name, key)}
    if names["epub"] in manifest.outputs:  # read-along while its recording is current, else text only
        ebook = ebook_key(article, practice, manifest, names, read_along=names["mp3"] in current)
        if manifest.is_current(folder, names["epub"], ebook):
            current.add(names["epub"])
    # A draft or chapters file is current only with the files it was made from.
    if names["pdf"] not in current or (names["mp3"] in manifest.outputs and names["mp3"] not in current):
        current.discard(names["eml"])
    if practice.email.attach_epub and names["epub"] not in current:
        current.discard(names["eml"])
    if names["mp3"] not in current:
        current.discard(names["chapters"])
    return tuple(sorted(current))
