"""Rebuild keys: for each output, the hash of exactly what it is made from (see `inputs`).

Pure functions of values: the build engine decides the voice and writes the narration script
once, and hands their digests in. The build compares keys with the manifest to decide what to
make; the pages compare them to link only the files that are current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.article import Article
from pipeline.rebuild.inputs import article_content, reads_version
from pipeline.rebuild.manifest import fingerprint
from pipeline.sources import Practice

if TYPE_CHECKING:
    from pipeline.audio import Chapter


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


def script_source_key(article: Article, practice: Practice) -> str:
    """What the narration script is written from: the article, the profile and the audio code."""
    return fingerprint("script", reads_version("script"), article_content(article), profile_as_read(practice))


def audio_key(article: Article, practice: Practice, script_digest: str, engine: str, voice_identity: object) -> str:
    """What the MP3 is made of: the spoken script, the voice (model, engine and runtime versions),
    the speech and contact settings in its tags, and the audio code, libraries and ffmpeg."""
    return fingerprint("audio", reads_version("audio"), script_digest, engine, voice_identity, article.updated,
                       article.language, practice.speech, practice.practice)


def chapters_key(chapters: tuple[Chapter, ...]) -> str:
    return fingerprint("chapters", reads_version("chapters"), chapters)


def ebook_key(article: Article, practice: Practice, script_digest: str,
              recording: tuple[str, str] | None) -> str:
    """The book's text (the narration script, stamp included), and for a read-along book the exact
    recording it reads along with (its digest) and its timings (as sorted JSON)."""
    return fingerprint("ebook", reads_version("ebook"), article_content(article), practice.practice, script_digest,
                       recording)


def email_key(article: Article, practice: Practice, attached: tuple[str | bool, ...]) -> str:
    """The draft's text and the exact files it attaches (by their recorded digests, in a fixed order)."""
    return fingerprint("email", reads_version("email"), article_content(article), profile_as_read(practice),
                       *attached)
