"""The packet's draft and send kit: from a clinician, a neutral subject, every file named, read alike by two parsers."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.audio.recording.finished import Chapter, Cue, Recording
from pipeline.packets import PacketFiles, packet_draft, packet_names, packet_note, send_kit
from pipeline.sources.practice import EmailSettings, PublishSettings
from tests.email.mail_readers import mailparser_reading, raw_header_problems, strict_reading

HANDOUT, LARGE = b"%PDF-1.7 packet", b"%PDF-1.7 packet large print"


@pytest.fixture(scope="module")
def recording(three):
    chapters = (Chapter("Introduction", 0, 9_000), Chapter(three[0].title, 9_000, 40_000),
                Chapter(three[1].title, 40_000, 70_000), Chapter("About Your Practice Name", 70_000, 95_000))
    return Recording(b"ID3\x04\x00 packet audio", "WEBVTT\n", 95_000, chapters, (Cue(0, 900, "Starting out", 1),))


@pytest.fixture(scope="module")
def files(recording):
    return PacketFiles(HANDOUT, LARGE, recording, ("Every Kind of Block",))


@pytest.fixture(scope="module")
def draft(starter, three, files, clinic):
    return packet_draft(starter, three, files, clinic, clinic.clinician("ana"), packet_names(starter.name))


def test_a_draft_of_three_handouts_from_a_clinician_reads_alike_in_both_parsers(draft, three):
    python, node = strict_reading(draft), mailparser_reading(draft)
    assert raw_header_problems(draft) == []
    assert python["headers"]["Subject"] == node["subject"] == "Your handouts from Your Practice Name"
    assert node["from"] == [{"name": "Ana Núñez, LCSW", "address": "ana@example.com"}]
    assert node["replyTo"] == [{"name": "Your Practice Name", "address": "hello@example.com"}]
    names = ["Starting out (handouts).pdf", "Starting out (large print).pdf", "Starting out (audio).mp3"]
    assert [file["filename"] for file in python["attachments"]] == names
    assert [file["name"] for file in python["attachments"]] == names
    assert [file["filename"] for file in node["attachments"]] == names
    sizes = [len(HANDOUT), len(LARGE), len(b"ID3\x04\x00 packet audio")]
    assert [file["size"] for file in node["attachments"]] == sizes
    text = node["text"]
    first = " ".join(text.split())[:140]
    assert first.startswith("Hello, Here are the handouts from Ana Núñez, LCSW")
    assert not any(article.title in first for article in three)
    for article in three:
        assert article.title in text and article.summary in text
    assert "Not in the audio (read it in the handout): Every Kind of Block" in text
    assert "Warm regards,\nAna Núñez, LCSW" in text


def test_large_print_is_attached_only_when_the_packet_asks(starter, three, files, clinic):
    plain = dataclasses.replace(starter, large_print=False)
    raw = packet_draft(plain, three, dataclasses.replace(files, large_print=None), clinic, None,
                       packet_names(plain.name))
    reading = strict_reading(raw)
    assert [file["filename"] for file in reading["attachments"]] == ["Starting out (handouts).pdf",
                                                                     "Starting out (audio).mp3"]
    assert mailparser_reading(raw)["from"] == [{"name": "Your Practice Name", "address": "hello@example.com"}]


def test_a_links_draft_where_build_is_published(starter, three, files, clinic):
    published = clinic.model_copy(update={"publish": PublishSettings(base_url="https://www.example.com/handouts/"),
                                          "email": EmailSettings(attach="links")})
    raw = packet_draft(starter, three, files, published, None, packet_names(starter.name))
    reading = strict_reading(raw)
    assert reading["attachments"] == []
    text = mailparser_reading(raw)["text"]
    for name in ("starter.pdf", "starter-large-print.pdf", "starter.mp3"):
        assert f"https://www.example.com/handouts/packets/starter/{name}" in text


def test_the_send_kit_is_the_message_to_paste_and_the_same_files(starter, three, files, clinic):
    note = packet_note(starter, three, files, clinic, clinic.clinician("ana"), packet_names(starter.name))
    kit = send_kit(note, "en")
    assert sorted(kit) == sorted(["message to paste.txt", "Starting out (handouts).pdf",
                                  "Starting out (large print).pdf", "Starting out (audio).mp3"])
    message = kit["message to paste.txt"].decode("utf-8")
    assert message.startswith("Subject: Your handouts from Your Practice Name\n\nHello,\n")
    assert kit["Starting out (handouts).pdf"] == HANDOUT and kit["Starting out (audio).mp3"] == files.recording.mp3


def test_the_same_packet_gives_the_same_draft(starter, three, files, clinic, draft):
    assert packet_draft(starter, three, files, clinic, clinic.clinician("ana"), packet_names(starter.name)) == draft


def test_the_note_matches_golden(starter, three, files, clinic, golden):
    note = packet_note(starter, three, files, clinic, clinic.clinician("ana"), packet_names(starter.name))
    golden("packet-email-starter.txt", note.text)
    golden("packet-email-starter.html", note.html)
