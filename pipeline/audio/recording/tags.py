"""Tagging step: ID3v2.4 tags on the MP3 — title, practice, date, stamp, cover, and chapters."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from mutagen.id3 import (
    APIC,
    CHAP,
    COMM,
    CTOC,
    ID3,
    TALB,
    TCON,
    TCOP,
    TDRC,
    TIT2,
    TLAN,
    TLEN,
    TPE1,
    WOAS,
    WXXX,
    CTOCFlags,
    Frame,
    PictureType,
)

from pipeline.audio.recording.finished import Chapter

UTF8 = 3  # ID3v2.4 text encoding
# ID3 wants ISO 639-2 codes; the articles carry ISO 639-1 ("en"). Unknown ones are "und".
_LANGUAGES = {"en": "eng", "es": "spa", "fr": "fra", "de": "deu", "it": "ita", "pt": "por", "zh": "zho",
              "vi": "vie", "ko": "kor", "ja": "jpn", "ar": "ara", "ru": "rus", "hi": "hin", "tl": "tgl"}


def iso639_2(language: str) -> str:
    """'en' or 'en-US' -> 'eng'."""
    return _LANGUAGES.get(language.split("-")[0].lower(), "und")


@dataclass(frozen=True)
class Tags:
    title: str
    practice: str  # the artist
    album: str
    language: str  # ISO 639-1, as in the article
    comment: str  # the stamp
    website: str
    contact_page: str
    cover_png: bytes
    chapters: tuple[Chapter, ...]
    duration_ms: int
    updated: date | None = None

    @property
    def copyright(self) -> str:
        # ID3 wants the year first, then the holder.
        return f"{self.updated.year} {self.practice}" if self.updated else self.practice


def _chapter_frames(chapters: Sequence[Chapter]) -> list[CHAP | CTOC]:
    ids = [f"chp{number}" for number in range(len(chapters))]
    frames: list[CHAP | CTOC] = [
        # Players without a table of contents show no chapters at all: the CTOC is not optional.
        CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
             sub_frames=[TIT2(encoding=UTF8, text=["Chapters"])]),
    ]
    for element_id, chapter in zip(ids, chapters, strict=True):
        frames.append(CHAP(element_id=element_id, start_time=chapter.start_ms, end_time=chapter.end_ms,
                           sub_frames=[TIT2(encoding=UTF8, text=[chapter.title])]))
    return frames


def tag_mp3(mp3: bytes, tags: Tags) -> bytes:
    """The MP3 with an ID3v2.4 tag in front (any earlier tag replaced)."""
    language = iso639_2(tags.language)
    frames: list[Frame] = [
        TIT2(encoding=UTF8, text=[tags.title]),
        TPE1(encoding=UTF8, text=[tags.practice]),
        TALB(encoding=UTF8, text=[tags.album]),
        TCON(encoding=UTF8, text=["Speech"]),
        TLAN(encoding=UTF8, text=[language]),
        TLEN(encoding=UTF8, text=[str(tags.duration_ms)]),
        COMM(encoding=UTF8, lang=language, desc="", text=[tags.comment]),
        TCOP(encoding=UTF8, text=[tags.copyright]),
        WOAS(url=tags.website),
        WXXX(encoding=UTF8, desc="Contact", url=tags.contact_page),
        APIC(encoding=UTF8, mime="image/png", type=PictureType.COVER_FRONT, desc="Cover",
             data=tags.cover_png),
        *_chapter_frames(tags.chapters),
    ]
    if tags.updated:
        frames.append(TDRC(encoding=UTF8, text=[tags.updated.isoformat()]))
    tag = ID3()
    for frame in frames:
        tag.add(frame)
    out = io.BytesIO(mp3)
    tag.save(out, v1=0, v2_version=4, padding=lambda info: 0)
    return _chapters_in_time_order(out.getvalue())


def _syncsafe(four: bytes) -> int:
    return sum((byte & 0x7F) << (7 * (3 - n)) for n, byte in enumerate(four))


def _chapters_in_time_order(mp3: bytes) -> bytes:
    """The same tag with its CHAP frames right after the CTOC, earliest first.

    mutagen orders frames by size (its issue #506); the CTOC gives the true order, but ffmpeg and
    other readers list chapters in the order of the frames, so that order must be the right one.
    """
    end = 10 + _syncsafe(mp3[6:10])
    frames: list[bytes] = []
    position = 10
    while position + 10 <= end and mp3[position:position + 4] != b"\0\0\0\0":
        length = 10 + _syncsafe(mp3[position + 4:position + 8])
        frames.append(mp3[position:position + length])
        position += length

    def start_ms(frame: bytes) -> int:
        after_id = frame.index(b"\0", 10) + 1  # the element ID is a NUL-terminated string
        return int.from_bytes(frame[after_id:after_id + 4], "big")

    chapters = sorted((frame for frame in frames if frame[:4] == b"CHAP"), key=start_ms)
    others = [frame for frame in frames if frame[:4] != b"CHAP"]
    toc = next(number for number, frame in enumerate(others) if frame[:4] == b"CTOC")
    ordered = [*others[:toc + 1], *chapters, *others[toc + 1:]]
    return mp3[:10] + b"".join(ordered) + mp3[position:]
