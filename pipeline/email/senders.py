"""Sender step: who a draft is from — the practice, or one of its clinicians — and how it is signed."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

from pipeline.email.headers import set_mailbox, set_text_header
from pipeline.language import phrases
from pipeline.sources import Clinician, Practice


@dataclass(frozen=True)
class Sender:
    name: str  # on From:
    address: str
    reply_to: tuple[str, str] | None  # (name, address); None: replies go to `address`
    signed: str | None  # the clinician's name and credentials above the practice's stamp; None for the practice


def sender(practice: Practice, clinician: Clinician | None = None) -> Sender:
    """From the practice's address; or from a clinician's, replies going to their `reply_to` or
    else to the practice (so a reply reaches someone while the clinician is away)."""
    if clinician is None:
        return Sender(practice.practice.name, practice.practice.email, None, None)
    if clinician.reply_to:
        reply_to = (clinician.signed, clinician.reply_to)
    else:
        reply_to = (practice.practice.name, practice.practice.email)
    return Sender(clinician.signed, clinician.email, None if reply_to[1] == clinician.email else reply_to,
                  clinician.signed)


def subject(practice: Practice, language: str, topic: str | None) -> str:
    """'Your handouts from Calm Practice': the practice, never the topic, unless the profile asks
    (`email.subject_names_topic`) and there is one; a lock screen and a shared inbox show it."""
    _ = phrases(language)
    name = practice.practice.name
    if practice.email.subject_names_topic and topic:
        return _("{title} — from {practice}").format(title=topic, practice=name)
    return _("Your handouts from {practice}").format(practice=name)


def address_from(message: EmailMessage, who: Sender) -> None:
    set_mailbox(message, "From", who.name, who.address)
    if who.reply_to:
        set_mailbox(message, "Reply-To", *who.reply_to)


def set_subject(message: EmailMessage, text: str) -> None:
    set_text_header(message, "Subject", text)
