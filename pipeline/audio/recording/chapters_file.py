"""Chapters step: the recording's chapters as a Podcasting 2.0 JSON chapters file, `<slug>.chapters.json`.

Podcast apps read it from the feed's `podcast:chapters` link (type `application/json+chapters`),
the same chapters the MP3 carries as ID3 CHAP frames.
"""

from __future__ import annotations

import json

from pipeline.audio.recording.finished import Chapter

CHAPTERS_VERSION = "1.2.0"
CHAPTERS_TYPE = "application/json+chapters"


def chapters_json(chapters: tuple[Chapter, ...]) -> str:
    """`{"version": "1.2.0", "chapters": [{"startTime": 0, "endTime": 14.2, "title": "…"}, …]}`."""
    return json.dumps({
        "version": CHAPTERS_VERSION,
        "chapters": [{"startTime": chapter.start_ms / 1000, "endTime": chapter.end_ms / 1000,
                      "title": chapter.title} for chapter in chapters],
    }, ensure_ascii=False, indent=1) + "\n"
