"""Building one packet into `build/packets/<name>/`: each output only when what it reads changed, all written at once.

The packet reads its articles' built outputs (their recordings above all), so the articles are
built first; an article without a voice for its language is named in the packet's opening and
left out of its MP3, and one whose recording is missing or out of date is a problem to fix first.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.article import Article
from pipeline.audio import MissingVoice, Recording, SpeechCache, load_voice, recording_facts, recording_from_facts
from pipeline.email import draft_size_warning
from pipeline.errors import RenderError, SourceError
from pipeline.handout import Edition
from pipeline.outputs import file_names, packet_files
from pipeline.packets.draft import PacketFiles, packet_draft, packet_note, send_kit
from pipeline.packets.handout import packet_handout
from pipeline.packets.recording import packet_recording
from pipeline.packets.source import Packet, packet_clinician, packet_problems, titled
from pipeline.rebuild import (
    ArticleOutputs,
    article_content,
    fingerprint,
    profile_as_read,
    read_manifest,
    reads_version,
)
from pipeline.settings import Settings
from pipeline.sources import Clinician, Practice
from pipeline.templating import TEMPLATES

PACKETS = "packets"  # the folder under build/ that holds one folder per packet
KIT = packet_files("")["send-kit"].rstrip("/")  # the message to paste and the files, for webmail
_PACKAGE = Path(__file__).resolve().parent
_TEMPLATES = ("packet.html.j2", "packet.css", "packet-email.txt.j2", "packet-email.html.j2")


@dataclass
class PacketResult:
    name: str
    folder: Path
    files: dict[str, int] = field(default_factory=dict)  # every output's size in bytes
    rebuilt: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)  # slugs left out of the MP3: no voice for their language
    warnings: list[str] = field(default_factory=list)


def packet_names(name: str) -> dict[str, str]:
    """The packet's files, as the output registry names them."""
    files = packet_files(name)
    return {"pdf": files["packet-handout"], "large-print": files["packet-large-print"],
            "mp3": files["packet-recording"], "vtt": files["packet-captions"], "eml": files["packet-email"]}


def _code_version() -> str:
    """This package's code and the packet's own templates (the handout, audio and e-mail code
    they share are in those outputs' versions)."""
    files = sorted(_PACKAGE.glob("*.py")) + [TEMPLATES / name for name in _TEMPLATES]
    return fingerprint(*(f"{path.name}={hashlib.sha256(path.read_bytes()).hexdigest()}" for path in files))


def article_recording(article: Article, practice: Practice, settings: Settings) -> Recording | None:
    """The article's built recording, read back without synthesis; None when its language has no
    voice. RenderError when it has one and no whole recording was built: build the article first
    (the build and the `packet` command do, just before)."""
    try:
        load_voice(settings.engine or practice.speech.engine, practice.speech, settings.cache, article.language,
                   settings.sources)
    except MissingVoice:
        return None
    folder = settings.out / article.slug
    manifest = read_manifest(folder)
    mp3 = file_names(article.slug)["recording"]
    entry, facts = manifest.outputs.get(mp3), manifest.facts.get("recording")
    if entry is None or not isinstance(facts, dict) or not manifest.is_current(folder, mp3, entry.key):
        raise RenderError(f"{article.slug}: its recording ({folder / mp3}) is missing or damaged; build the "
                          f"article first (.venv/bin/handouts build {article.slug})")
    return recording_from_facts(facts, (folder / mp3).read_bytes(), "")


def build_packet(packet: Packet, practice: Practice, articles: list[Article], settings: Settings,
                 recordings: dict[str, Recording | None] | None = None) -> PacketResult:
    """Bring `build/packets/<name>/` up to date for `packet`; nothing is written unless every part succeeded.

    `recordings` are the articles' current recordings by slug (None: no voice for its language),
    as the build has them; without them they are read from the articles' folders."""
    problems = packet_problems(packet, practice, articles, str(settings.practice_file))
    if problems:
        raise SourceError(*problems)
    by_slug = {article.slug: article for article in articles}
    chosen = [by_slug[slug] for slug in packet.articles]
    packet = titled(packet, chosen[0].language)
    clinician = packet_clinician(packet, practice)
    folder = settings.out / PACKETS / packet.name
    outputs = ArticleOutputs(folder)
    names = packet_names(packet.name)
    result = PacketResult(packet.name, folder)
    made_from = fingerprint("packet", _code_version(), replace(packet, source=""), clinician)

    handout_key = fingerprint(made_from, reads_version("handout"), [article_content(a) for a in chosen],
                              practice.practice, practice.services, practice.notices, practice.handout)
    editions: tuple[tuple[Edition, str], ...] = (("regular", names["pdf"]), ("large-print", names["large-print"]))
    for edition, name in editions:
        if not outputs.current(name, handout_key):
            outputs.put(name, handout_key, packet_handout(packet, chosen, practice, edition, clinician))

    heard = [(article, recordings[article.slug] if recordings is not None and article.slug in recordings
              else article_recording(article, practice, settings)) for article in chosen]
    result.silent = [article.slug for article, recording in heard if recording is None]
    recording = _recording(packet, heard, practice, settings, outputs, names, made_from, clinician)

    large = outputs.read(names["large-print"]) if packet.large_print else None
    files = PacketFiles(outputs.read(names["pdf"]), large, recording,
                        tuple(article.title for article, recording in heard if recording is None))
    email_key = fingerprint(made_from, reads_version("email"), [article_content(a) for a in chosen],
                            profile_as_read(practice), outputs.sha(names["pdf"]),
                            large is not None and outputs.sha(names["large-print"]),
                            recording is not None and outputs.sha(names["mp3"]))
    note = packet_note(packet, chosen, files, practice, clinician, names)
    kit = {f"{KIT}/{name}": data for name, data in send_kit(note, chosen[0].language).items()}
    if not outputs.current(names["eml"], email_key):
        outputs.put(names["eml"], email_key, packet_draft(packet, chosen, files, practice, clinician, names))
    for name, data in kit.items():
        if not outputs.current(name, email_key):
            outputs.put(name, email_key, data)
    outputs.drop(*(name for name in outputs.manifest.outputs if name.startswith(f"{KIT}/") and name not in kit))

    outputs.commit()
    result.files = {name: entry.size for name, entry in outputs.manifest.outputs.items()}
    result.rebuilt = sorted(outputs.new)
    warning = draft_size_warning(result.files[names["eml"]], practice)
    if warning:
        result.warnings.append(f"{folder / names['eml']}: {warning}")
    return result


def _recording(packet: Packet, recordings: list[tuple[Article, Recording | None]], practice: Practice,
               settings: Settings, outputs: ArticleOutputs, names: dict[str, str], made_from: str,
               clinician: Clinician | None) -> Recording | None:
    """The packet's MP3 and captions: as built when still current, else joined anew."""
    heard = [(article.slug, article.title, recording.mp3 and hashlib.sha256(recording.mp3).hexdigest())
             for article, recording in recordings if recording is not None]
    if not heard:
        outputs.drop(names["mp3"], names["vtt"])
        outputs.manifest.facts.pop("recording", None)
        return None
    language = recordings[0][0].language
    voice = load_voice(settings.engine or practice.speech.engine, practice.speech, settings.cache, language,
                       settings.sources)
    audio_key = fingerprint(made_from, reads_version("audio"), heard,
                            [article.title for article, recording in recordings if recording is None],
                            practice.speech, practice.practice, practice.pronunciations, voice.engine, voice.identity)
    facts = outputs.manifest.facts.get("recording")
    current = outputs.current(names["mp3"], audio_key) and outputs.current(names["vtt"], audio_key)
    if current and isinstance(facts, dict):
        return recording_from_facts(facts, outputs.read(names["mp3"]), outputs.read(names["vtt"]).decode("utf-8"))
    made = packet_recording(packet, recordings, practice, voice, SpeechCache(settings.cache),
                            clinician)
    if made is None:
        raise RenderError(f"packet {packet.name}: no recording was made")
    outputs.put(names["mp3"], audio_key, made.mp3)
    outputs.put(names["vtt"], audio_key, made.captions)
    outputs.manifest.facts["recording"] = recording_facts(made)
    return made
