"""E-mail step: the packet's note and files become one unsent draft, and a send kit for webmail.

Outlook desktop opens the draft ready to edit; Apple Mail and Thunderbird open it to send again.
Gmail, Google Workspace, Outlook on the web and the new Outlook cannot open an `.eml` as a draft:
for them the send kit is the note as text to paste, beside the very files the draft attaches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.article import Article
from pipeline.audio import Recording
from pipeline.email import Attachment, attachment_name, real_attachment_name, sender, subject, unsent_draft
from pipeline.language import clock, join_words, listening_time, phrases
from pipeline.packets.handout import newest
from pipeline.packets.source import Packet
from pipeline.sources import Clinician, Practice
from pipeline.stamp import phone_link, stamp, stamp_text
from pipeline.templating import environment


@dataclass(frozen=True)
class PacketFiles:
    """The packet's made files that a draft attaches or links."""

    handout: bytes
    large_print: bytes | None
    recording: Recording | None
    silent: tuple[str, ...] = ()  # the titles left out of the recording: no voice for their language


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Note:
    """The message a clinician sends: its subject, its text and HTML, and its files."""

    subject: str
    text: str
    html: str
    attachments: tuple[Attachment, ...]


def _file(title: str, label: str, extension: str, fallback: str, kind: tuple[str, str], data: bytes,
          description: str) -> Attachment:
    real = real_attachment_name(title, label, extension)
    return Attachment(attachment_name(title, label, extension, fallback), *kind, data, description,
                      real if not real.isascii() else "")


def packet_attachments(packet: Packet, files: PacketFiles, language: str) -> tuple[Attachment, ...]:
    _ = phrases(language)
    found = [_file(packet.title, _("handouts"), "pdf", packet.name, ("application", "pdf"), files.handout,
                   _("the handouts, to read on screen or print"))]
    if files.large_print is not None:
        found.append(_file(packet.title, _("large print"), "pdf", packet.name, ("application", "pdf"),
                           files.large_print, _("the same handouts in large print")))
    if files.recording is not None:
        length = listening_time(files.recording.duration_ms, language)
        found.append(_file(packet.title, _("audio"), "mp3", packet.name, ("audio", "mpeg"), files.recording.mp3,
                           _("the audio, {length} long; it plays on a phone or a computer").format(length=length)))
    return tuple(found)


def packet_links(packet: Packet, practice: Practice, files: PacketFiles, names: dict[str, str],
                 language: str) -> tuple[Link, ...]:
    """The packet's files where `build/` is published (`publish.base_url`), for a links draft."""
    base = practice.publish.base_url
    if base is None:
        return ()
    folder = f"{base}packets/{packet.name}/"
    _ = phrases(language)
    found = [Link(_("The handouts (PDF), to read on screen or print"), folder + names["pdf"])]
    if files.large_print is not None:
        found.append(Link(_("The same handouts in large print (PDF)"), folder + names["large-print"]))
    if files.recording is not None:
        length = listening_time(files.recording.duration_ms, language)
        found.append(Link(_("The audio (MP3, {length})").format(length=length), folder + names["mp3"]))
    return tuple(found)


def packet_note(packet: Packet, articles: Sequence[Article], files: PacketFiles, practice: Practice,
                clinician: Clinician | None, names: dict[str, str]) -> Note:
    """What the client receives: a first line that names no topic, then the handouts, the files and the stamp."""
    language = articles[0].language
    who = sender(practice, clinician)
    by_link = practice.email.attach == "links"
    attached = () if by_link else packet_attachments(packet, files, language)
    recording = files.recording
    silent = list(files.silent) if recording else []
    title = subject(practice, language, packet.title)
    context = {
        "language": language,
        "subject": title,
        "sender_name": who.signed or practice.practice.name,
        "signed": who.signed,
        "handouts": articles,
        "attachments": attached,
        "links": packet_links(packet, practice, files, names, language) if by_link else (),
        "silent": join_words(silent, language) if silent else "",
        "listening_time": listening_time(recording.duration_ms, language) if recording else None,
        "chapters": [(clock(chapter.start_ms), chapter.title) for chapter in recording.chapters] if recording else [],
        "stamp": stamp(practice, language),
        "stamp_text": stamp_text(practice, language),
        "phone_link": phone_link(practice.practice.phone),
    }
    env = environment(language)
    return Note(title, env.get_template("packet-email.txt.j2").render(context),
                env.get_template("packet-email.html.j2").render(context), attached)


def packet_draft(packet: Packet, articles: Sequence[Article], files: PacketFiles, practice: Practice,
                 clinician: Clinician | None, names: dict[str, str]) -> bytes:
    """The packet's unsent `.eml`: from the practice or `clinician`, the files attached (or linked)."""
    note = packet_note(packet, articles, files, practice, clinician, names)
    return unsent_draft(note.subject, sender(practice, clinician), newest(articles), note.text, note.html,
                        note.attachments)


def send_kit(note: Note, language: str) -> dict[str, bytes]:
    """The send kit's files by name: the message to paste (subject first) and each attachment,
    named as the draft names it. For mail services that cannot open a draft file."""
    _ = phrases(language)
    heading = _("Subject:")
    paste = f"{heading} {note.subject}\n\n{note.text}"
    kit = {_("message to paste.txt"): paste.encode("utf-8")}
    kit.update({file.filename: file.data for file in note.attachments})
    return kit
