"""Every draft's headers read the same in two independent parsers, and break no rule a mail program enforces.

The titles: the issue's own (a colon and an em dash, which made Python write an empty
encoded-word, python/cpython#85725), an NIMH brochure's, and long ones with accents, curly
quotes, an ampersand and a question mark, long enough to fold.
"""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.audio.recording.finished import Chapter, Cue, Recording
from pipeline.email import render_email
from pipeline.email.headers import attachment_headers
from pipeline.sources import Clinician
from pipeline.sources.practice import EmailSettings
from tests.email.mail_readers import mailparser_reading, raw_header_problems, strict_reading

TITLES = [
    "Panic Attacks: What They Are and How to Ride Them Out",
    "Generalized Anxiety Disorder: When Worry Gets Out of Control",
    "Trastorno de ansiedad generalizada: cuando la preocupación no se puede controlar",
    "Perinatal Depression — “Baby Blues” or Something More? A Guide for New & Expecting Parents",
]
HANDOUT = b"%PDF-1.7 handout"
LARGE_PRINT = b"%PDF-1.7 large print"
AUDIO = Recording(b"ID3\x04\x00 audio", "WEBVTT\n", 95_000, (Chapter("Intro", 0, 95_000),), (Cue(0, 900, "x", 1),))
ANA = Clinician(key="ana", name="Ana Núñez-Villaseñor", credentials="PhD, LCSW", email="ana@example.com")


def drafts(article, practice):
    """The drafts a practice sends: neutral and topic subjects, from the practice and from a clinician."""
    topical = practice.model_copy(update={"email": EmailSettings(subject_names_topic=True)})
    from pipeline.email import sender

    for title in TITLES:
        titled = dataclasses.replace(article, title=title)
        for chosen in (practice, topical):
            yield title, chosen, None, render_email(titled, chosen, HANDOUT, LARGE_PRINT, AUDIO)
            yield title, chosen, ANA, render_email(titled, chosen, HANDOUT, LARGE_PRINT, AUDIO,
                                                   who=sender(chosen, ANA))


@pytest.fixture(scope="module")
def every_draft(short_article, practice):
    return list(drafts(short_article, practice))


def test_no_empty_encoded_word_no_long_line_and_every_attachment_named_plainly(every_draft):
    for title, _practice, _who, raw in every_draft:
        assert raw_header_problems(raw) == [], title


def test_python_strict_and_mailparser_read_the_same_headers_and_names(every_draft):
    for title, chosen, who, raw in every_draft:
        python, node = strict_reading(raw), mailparser_reading(raw)
        subject = python["headers"]["Subject"]
        if chosen.email.subject_names_topic:
            assert subject == f"{title} — from Your Practice Name"
        else:
            assert subject == "Your handouts from Your Practice Name"
        assert node["subject"] == subject
        sender_name = "Ana Núñez-Villaseñor, PhD, LCSW" if who else "Your Practice Name"
        sender_address = "ana@example.com" if who else "hello@example.com"
        assert python["message"]["From"].addresses[0].display_name == sender_name
        assert node["from"] == [{"name": sender_name, "address": sender_address}]
        if who:
            assert node["replyTo"] == [{"name": "Your Practice Name", "address": "hello@example.com"}]
            assert python["message"]["Reply-To"].addresses[0].addr_spec == "hello@example.com"
        else:
            assert node["replyTo"] is None and "Reply-To" not in python["headers"]
        assert node["unsent"] == "1" and node["to"] is None
        names = [(file["filename"], file["contentType"]) for file in node["attachments"]]
        assert names == [(file["filename"], file["contentType"]) for file in python["attachments"]]
        assert [file["contentType"] for file in python["attachments"]] == ["application/pdf", "application/pdf",
                                                                           "audio/mpeg"]
        for file in python["attachments"]:  # the plain name Outlook shows: short ASCII, same extension
            assert file["name"].isascii() and len(file["name"]) <= 60
            assert file["filename"].endswith((".pdf", ".mp3")) and file["name"][-4:] == file["filename"][-4:]
        assert [file["size"] for file in node["attachments"]] == [len(HANDOUT), len(LARGE_PRINT), len(AUDIO.mp3)]


def test_a_spanish_title_is_named_with_its_accents_and_plainly(short_article, practice):
    spanish = dataclasses.replace(short_article, title=TITLES[2], language="es")
    raw = render_email(spanish, practice, HANDOUT, None, None)
    python, node = strict_reading(raw), mailparser_reading(raw)
    real = "Trastorno de ansiedad generalizada cuando la preocupación no se puede controlar (folleto).pdf"
    assert python["attachments"][0]["filename"] == real == node["attachments"][0]["filename"]
    # The plain names every mail program reads, short and ASCII.
    assert python["attachments"][0]["name"] == "Trastorno de ansiedad generalizada cuando la (folleto).pdf"
    assert raw_header_problems(raw) == []


def test_an_accented_name_also_has_an_rfc_2231_name_and_an_ascii_one_stays_plain():
    content, disposition = attachment_headers("El sueno (folleto).pdf", "El sueño (folleto).pdf", "application/pdf")
    assert content == 'application/pdf;\r\n name="El sueno (folleto).pdf"'
    assert disposition == ("attachment;\r\n filename*=utf-8''El%20sue%C3%B1o%20%28folleto%29.pdf;\r\n"
                           " filename=\"El sueno (folleto).pdf\"")
    assert "filename*" not in attachment_headers("Sleep (handout).pdf", "Sleep (handout).pdf", "application/pdf")[1]


def test_a_name_that_is_not_short_plain_ascii_is_refused():
    with pytest.raises(ValueError, match="not short plain ASCII"):
        attachment_headers("Sueño.pdf", "Sueño.pdf", "application/pdf")
    with pytest.raises(ValueError, match="too long"):
        attachment_headers("a" * 70 + ".pdf", "a" * 70 + ".pdf", "application/pdf")


def test_every_header_line_stays_within_78_octets_even_for_long_names(short_article, practice):
    long_title = "Être parent d’un adolescent anxieux : " + "comprendre, accompagner et se ménager " * 8
    clinician = Clinician(key="jo", name="Josefina María de los Ángeles Fernández-Castañeda y Villaseñor",
                          credentials="PhD, LCSW, LMFT, Certified Perinatal Mental Health Specialist",
                          email="josefina.fernandez-castaneda@example.com")
    topical = practice.model_copy(update={"email": EmailSettings(subject_names_topic=True)})
    from pipeline.email import sender

    raw = render_email(dataclasses.replace(short_article, title=long_title), topical, HANDOUT, LARGE_PRINT, AUDIO,
                       who=sender(topical, clinician))
    headers = [line for block in raw.split(b"\r\n\r\n") for line in block.split(b"\r\n")
               if b":" in line[:40] or line[:1] in (b" ", b"\t")]
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78, max(headers, key=len)
    assert raw_header_problems(raw) == []
    python, node = strict_reading(raw), mailparser_reading(raw)
    subject = " ".join(long_title.split()) + " — from Your Practice Name"
    assert node["subject"] == python["headers"]["Subject"] == subject
    shown = python["message"]["From"].addresses[0].display_name
    assert node["from"][0]["name"] == shown == "Josefina María de los Ángeles"  # one encoded-word: one line
    assert clinician.signed in node["text"]  # the signature has it all
    assert [file["filename"] for file in node["attachments"]] == [file["filename"] for file in python["attachments"]]
