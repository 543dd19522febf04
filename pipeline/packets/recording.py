"""Recording step: the packet's MP3 joined from its articles' built recordings, with one spoken opening and closing.

No article sentence is spoken again. Each article's MP3 is decoded, its own opening line ("An
audio handout from …") and its spoken stamp are cut away, and what is left — its title and
body — is joined after a short opening made for the packet (the only speech synthesized). The
closing is one synthesized sentence and the practice's spoken stamp, cut once from the last
recording. The join is mastered to the loudness target once and tagged with a chapter per handout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.article import Article
from pipeline.audio import (
    Chapter,
    Cue,
    Recording,
    Script,
    Segment,
    SegmentKind,
    SpeechCache,
    Tags,
    Take,
    Voice,
    decoded_mp3,
    master,
    mono,
    perform,
    speakable,
    tag_mp3,
    title_card,
    webvtt,
)
from pipeline.language import join_words, phrases
from pipeline.packets.source import Packet
from pipeline.sources import Clinician, Practice
from pipeline.stamp import stamp_text

SAMPLE_BYTES = 2


@dataclass(frozen=True)
class Part:
    """A stretch of the packet's audio: 16-bit mono PCM at the packet's rate, its captions and chapters."""

    pcm: bytes
    cues: tuple[Cue, ...]
    chapters: tuple[Chapter, ...]


def _samples(ms: int, rate: int) -> int:
    return round(ms * rate / 1000)


def _cut(pcm: bytes, rate: int, start_ms: int, end_ms: int | None = None) -> bytes:
    end = len(pcm) if end_ms is None else SAMPLE_BYTES * _samples(end_ms, rate)
    return pcm[SAMPLE_BYTES * _samples(start_ms, rate):end]


def _within(cues: Sequence[Cue], start_ms: int, end_ms: int, shift_ms: int) -> list[Cue]:
    """The cues spoken between `start_ms` and `end_ms`, moved by `shift_ms`."""
    return [replace(cue, start_ms=cue.start_ms + shift_ms, end_ms=cue.end_ms + shift_ms)
            for cue in cues if start_ms <= cue.start_ms < end_ms]


def article_body(article: Article, recording: Recording, practice: Practice, rate: int) -> Part:
    """The article's recording without its opening lines and its spoken stamp: its title, then its text.

    The packet's own opening says who the handouts are from and gives the crisis line once."""
    _ = phrases(article.language)
    pcm = decoded_mp3(recording.mp3, rate).raw_data
    about = _("About {practice}").format(practice=practice.practice.name)
    end_ms = next((chapter.start_ms for chapter in recording.chapters if chapter.title == about),
                  recording.duration_ms)
    opening_line = _("An audio handout from {practice}.").format(practice=practice.practice.name)
    cues = list(recording.cues)
    said_by = next((number for number, cue in enumerate(cues[:3]) if cue.text == opening_line), None)
    after = None if said_by is None else next(
        (number for number in range(said_by, len(cues)) if cues[number].block != cues[said_by].block), None)
    if said_by is None or after is None:
        kept = [(0, end_ms)]
    else:  # the title, then from the first sentence after the opening lines (who it is from, the crisis line)
        kept = [(0, cues[said_by].start_ms), (cues[after].start_ms, end_ms)]
    audio, found, position = [], [], 0
    for start, end in kept:
        audio.append(_cut(pcm, rate, start, end))
        found += _within(cues, start, end, position - start)
        position += end - start
    return Part(b"".join(audio), tuple(found), (Chapter(article.title, 0, position),))


def spoken_stamp(article: Article, recording: Recording, practice: Practice, rate: int) -> Part:
    """The practice's spoken stamp ("About …", how to reach it, the crisis line), cut from a recording."""
    _ = phrases(article.language)
    about = _("About {practice}").format(practice=practice.practice.name)
    chapter = next((chapter for chapter in recording.chapters if chapter.title == about), None)
    if chapter is None:
        return Part(b"", (), ())
    pcm = _cut(decoded_mp3(recording.mp3, rate).raw_data, rate, chapter.start_ms)
    length = len(pcm) // SAMPLE_BYTES * 1000 // rate
    return Part(pcm, tuple(_within(recording.cues, chapter.start_ms, recording.duration_ms, -chapter.start_ms)),
                (Chapter(about, 0, length),))


def opening_script(packet: Packet, titles: Sequence[str], silent: Sequence[str], practice: Practice,
                   language: str, clinician: Clinician | None = None) -> Script:
    """What the packet says before its first handout: its title, who it is from, the crisis line,
    what it holds, and the handouts that have no recording."""
    _ = phrases(language)
    lines: list[tuple[str, SegmentKind]] = [(packet.title, "title"),
             (_("Handouts from {practice}.").format(practice=practice.practice.name), "stamp"),
             # within the first seconds, as each article's own recording has it
             (_("If you are in crisis, call or text 988."), "stamp")]
    if clinician:
        lines.append((_("Given to you by {name}.").format(name=clinician.signed), "stamp"))
    if len(titles) == 1:
        lines.append((_("This recording has one handout: {title}.").format(title=titles[0]), "sentence"))
    else:
        lines.append((_("This recording has {count} handouts: {titles}.").format(
            count=len(titles), titles=join_words(list(titles), language)), "sentence"))
    for title in silent:
        lines.append((_("{title} has no recording; read it in the printed handout.").format(title=title),
                      "sentence"))
    return _script(packet, lines, _("Introduction"), practice, language)


def closing_script(packet: Packet, practice: Practice, language: str) -> Script:
    _ = phrases(language)
    lines: list[tuple[str, SegmentKind]] = [(_("That was the last handout in this recording."), "sentence")]
    return _script(packet, lines, _("Closing"), practice, language)


def _script(packet: Packet, lines: list[tuple[str, SegmentKind]], chapter: str, practice: Practice,
            language: str) -> Script:
    speech = practice.speech
    segments = tuple(
        Segment(speakable(text, practice.pronunciations, language), text, kind, chapter, number,
                speech.heading_pause_ms if kind == "title" else speech.paragraph_pause_ms)
        for number, (text, kind) in enumerate(lines, start=1))
    return Script(packet.name, packet.title, language, segments)


def _spoken(script: Script, voice: Voice, cache: SpeechCache) -> Part:
    take: Take = perform(script, voice, cache)
    return Part(take.pcm, take.cues, take.chapters)


def packet_recording(packet: Packet, article_recordings: Sequence[tuple[Article, Recording | None]],
                     practice: Practice, voice: Voice, cache: SpeechCache, clinician: Clinician | None = None,
                     ) -> Recording | None:
    """The packet's narrated MP3 with captions and a chapter per handout; None when no article in
    it has a recording. Only the opening and closing sentences are spoken (by `voice`, cached)."""
    recorded = [(article, recording) for article, recording in article_recordings if recording is not None]
    if not recorded:
        return None
    language = recorded[0][0].language
    rate = voice.sample_rate
    silent = [article.title for article, recording in article_recordings if recording is None]
    parts = [_spoken(opening_script(packet, [a.title for a, _r in recorded], silent, practice, language, clinician),
                     voice, cache)]
    parts += [article_body(article, recording, practice, rate) for article, recording in recorded]
    parts.append(_joined([_spoken(closing_script(packet, practice, language), voice, cache),
                          spoken_stamp(*recorded[-1], practice, rate)], practice, rate))
    audio, cues, chapters, _end = _join(parts, practice, rate)
    pcm = b"".join(audio)
    duration_ms = len(pcm) // SAMPLE_BYTES * 1000 // rate
    chapters[-1] = replace(chapters[-1], end_ms=duration_ms)
    mp3 = master(Take(mono(pcm, rate), tuple(cues), tuple(chapters)), practice.speech.bitrate_kbps)
    _ = phrases(language)
    contact = practice.practice
    tags = Tags(title=packet.title, practice=contact.name,
                album=_("Audio handouts from {practice}").format(practice=contact.name), language=language,
                comment=stamp_text(practice, language), website=contact.website, contact_page=contact.contact_page,
                cover_png=title_card(packet.title, contact.name, _("Audio handouts")), chapters=tuple(chapters),
                duration_ms=duration_ms, updated=max((a.updated for a, _r in recorded if a.updated), default=None))
    return Recording(mp3=tag_mp3(mp3, tags), captions=webvtt(cues), duration_ms=duration_ms,
                     chapters=tuple(chapters), cues=tuple(cues))


def _join(parts: Sequence[Part], practice: Practice, rate: int) -> tuple[list[bytes], list[Cue], list[Chapter], int]:
    """The parts one after another with a heading's pause between them; each part's first chapter
    names it, and its cues are moved to where it starts."""
    pause_ms = practice.speech.heading_pause_ms
    pause = bytes(SAMPLE_BYTES * _samples(pause_ms, rate))
    audio: list[bytes] = []
    cues: list[Cue] = []
    chapters: list[Chapter] = []
    position = 0
    for part in parts:
        if not part.pcm:
            continue
        if audio:
            audio.append(pause)
            position += pause_ms
        block = max((cue.block for cue in cues), default=0)
        cues += [replace(cue, start_ms=cue.start_ms + position, end_ms=cue.end_ms + position, block=cue.block + block)
                 for cue in part.cues]
        length = len(part.pcm) // SAMPLE_BYTES * 1000 // rate
        chapters.append(Chapter(part.chapters[0].title if part.chapters else "", position, position + length))
        audio.append(part.pcm)
        position += length
    return audio, cues, chapters, position


def _joined(parts: Sequence[Part], practice: Practice, rate: int) -> Part:
    """Several parts as one, named by the last one's chapter (the closing sentence and the stamp)."""
    audio, cues, chapters, _position = _join(parts, practice, rate)
    title = chapters[-1].title if chapters else ""
    return Part(b"".join(audio), tuple(cues), (Chapter(title, 0, _position),))
