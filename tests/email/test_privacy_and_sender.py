"""Private by default (no topic in the subject or the preview), and from a clinician (From, Reply-To, signature)."""

from __future__ import annotations

import dataclasses
import email
import email.policy

import pytest

from pipeline.audio.recording.finished import Chapter, Cue, Recording
from pipeline.email import render_email, sender
from pipeline.sources import Clinician
from pipeline.sources.practice import EmailSettings

HANDOUT = b"%PDF-1.7 handout"
AUDIO = Recording(b"ID3\x04\x00 audio", "WEBVTT\n", 95_000, (Chapter("Intro", 0, 95_000),), (Cue(0, 900, "x", 1),))
ANA = Clinician(key="ana", name="Ana Núñez", credentials="LCSW", email="ana@example.com")
SAM = Clinician(key="sam", name="Sam Lee", email="sam@example.com", reply_to="frontdesk@example.com")


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def preview(raw: bytes, kind: str = "plain") -> str:
    """What a lock screen or inbox list shows: the note's first 140 characters, tags and spaces aside."""
    import re

    text = parse(raw).get_body((kind,)).get_content()
    if kind == "html":
        text = re.sub(r"<head>.*?</head>|<[^>]+>", " ", text, flags=re.S)
    return " ".join(text.split())[:140]


@pytest.mark.parametrize("title", ["Panic Attacks: What They Are and How to Ride Them Out", "Sleep and Worry"])
@pytest.mark.parametrize("kind", ["plain", "html"])
def test_neither_subject_nor_preview_names_the_topic(short_article, practice, title, kind):
    raw = render_email(dataclasses.replace(short_article, title=title), practice, HANDOUT, None, AUDIO)
    assert parse(raw)["Subject"] == "Your handouts from Your Practice Name"
    shown = preview(raw, kind)
    assert shown.startswith("Hello, Here is a handout from Your Practice Name")
    assert title.split(":")[0] not in shown and "Panic" not in shown and "Sleep" not in shown
    assert title in parse(raw).get_body((kind,)).get_content().replace("&amp;", "&")  # further in, it is named


def test_a_practice_may_name_the_topic_in_the_subject(short_article, practice):
    topical = practice.model_copy(update={"email": EmailSettings(subject_names_topic=True)})
    raw = render_email(short_article, topical, HANDOUT, None, AUDIO)
    assert parse(raw)["Subject"] == "Sleep and Worry — from Your Practice Name"


def test_from_a_clinician_replies_to_the_practice_and_is_signed_by_them(short_article, practice):
    listed = practice.model_copy(update={"clinicians": (ANA, SAM)})
    raw = render_email(short_article, listed, HANDOUT, None, AUDIO, who=sender(listed, ANA))
    message = parse(raw)
    assert str(message["From"]) == "\"Ana Núñez, LCSW\" <ana@example.com>"
    assert str(message["Reply-To"]) == "Your Practice Name <hello@example.com>"
    plain = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Warm regards,\nAna Núñez, LCSW\n\n-- \nYour Practice Name" in plain
    assert "Warm regards,<br>Ana Núñez, LCSW</p>" in message.get_body(("html",)).get_content()


def test_a_clinicians_own_reply_to_wins(short_article, practice):
    listed = practice.model_copy(update={"clinicians": (ANA, SAM)})
    message = parse(render_email(short_article, listed, HANDOUT, None, AUDIO, who=sender(listed, SAM)))
    assert str(message["From"]) == "Sam Lee <sam@example.com>"
    assert str(message["Reply-To"]) == "Sam Lee <frontdesk@example.com>"


def test_from_the_practice_has_no_reply_to_and_no_personal_signature(short_article, practice):
    message = parse(render_email(short_article, practice, HANDOUT, None, AUDIO))
    assert message["Reply-To"] is None
    assert "Warm regards,\n\n-- " in message.get_body(("plain",)).get_content().replace("\r\n", "\n")
