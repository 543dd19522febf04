"""The e-mail draft: a parseable, unsent MIME message with the note, the stamp and the files."""

from __future__ import annotations

import dataclasses
import email
import email.policy

import pytest

from pipeline.audio.recording.finished import Chapter, Cue, Recording
from pipeline.email.draft import attachment_name, draft_size_warning, header_text, render_email
from pipeline.sources.practice import EmailSettings, PublishSettings, SpeechSettings
from pipeline.stamp import stamp_text

HANDOUT = b"%PDF-1.7 the regular handout"
LARGE_PRINT = b"%PDF-1.7 the large-print handout"


def recording(mp3: bytes = b"ID3\x04\x00 fake audio", duration_ms: int = 373_000) -> Recording:
    return Recording(
        mp3=mp3,
        captions="WEBVTT\n",
        duration_ms=duration_ms,
        chapters=(Chapter("Sleep and Worry", 0, 14_000), Chapter("What helps?", 14_000, 95_000),
                  Chapter("About the practice", 95_000, duration_ms)),
        cues=(Cue(0, 1000, "Sleep and Worry", 0),),
    )


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def body(raw: bytes, kind: str) -> str:
    """The decoded text of the plain or HTML part, with the message's CRLF line ends as \\n."""
    return parse(raw).get_body((kind,)).get_content().replace("\r\n", "\n")


@pytest.fixture(scope="module")
def draft(short_article, practice) -> bytes:
    return render_email(short_article, practice, HANDOUT, None, recording())


def test_opens_as_an_unaddressed_draft(draft):
    message = parse(draft)
    assert message["X-Unsent"] == "1"
    assert message["To"] is None and message["Cc"] is None and message["Bcc"] is None
    assert message["Subject"] == "Your handouts from Your Practice Name"  # not the topic: lock screens show it
    assert message["From"].addresses[0].addr_spec == "hello@example.com"
    assert message["Date"].datetime.date().isoformat() == "2025-03-14"
    assert message.get_content_type() == "multipart/mixed"
    assert message.defects == []


def test_body_in_plain_text_and_html(draft):
    message = parse(draft)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    assert message.get_payload(0).get_content_type() == "multipart/alternative"


def test_attachments_have_client_friendly_names_and_types(draft):
    files = [(p.get_filename(), p.get_content_type(), p.get_content()) for p in parse(draft).iter_attachments()]
    assert files == [
        ("Sleep and Worry (handout).pdf", "application/pdf", HANDOUT),
        ("Sleep and Worry (audio).mp3", "audio/mpeg", recording().mp3),
    ]


def test_large_print_attached_when_given(short_article, practice):
    raw = render_email(short_article, practice, HANDOUT, LARGE_PRINT, recording())
    names = [p.get_filename() for p in parse(raw).iter_attachments()]
    assert names == ["Sleep and Worry (handout).pdf", "Sleep and Worry (large print).pdf",
                     "Sleep and Worry (audio).mp3"]
    assert "Sleep and Worry (large print).pdf: the same handout in large print" in body(raw, "plain")


def test_plain_body_matches_golden(draft, golden):
    golden("email-sleep-and-worry.txt", body(draft, "plain"))


def test_html_body_matches_golden(draft, golden):
    golden("email-sleep-and-worry.html", body(draft, "html"))


def test_body_tells_the_client_what_they_need(draft, practice, short_article):
    plain = body(draft, "plain")
    assert short_article.summary in plain
    assert "In the audio (6 minutes):" in plain
    assert "   0:14  What helps?" in plain and "   1:35  About the practice" in plain
    assert stamp_text(practice) in plain
    html = body(draft, "html")
    for fact in ("988 Suicide &amp; Crisis Lifeline", "not monitored for emergencies", "tel:+17045550123",
                 "mailto:hello@example.com", "In-person care in Charlotte, North Carolina"):
        assert fact in html


def test_two_builds_are_byte_identical(short_article, practice, draft):
    assert render_email(short_article, practice, HANDOUT, None, recording()) == draft


def test_lines_end_crlf_and_stay_short(draft):
    lines = draft.split(b"\r\n")
    assert b"\n" not in draft.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 78
    assert draft.isascii()


def test_html_is_escaped(short_article, practice):
    hostile = dataclasses.replace(short_article, summary='<img src=x onerror="alert(1)">')
    html = body(render_email(hostile, practice, HANDOUT, None, recording()), "html")
    assert "<img" not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_title_cannot_inject_headers(short_article, practice):
    hostile = dataclasses.replace(
        short_article, title="Sleep\r\nBcc: everyone@example.org\n\nBody\x00\u2028and\u202eWorry"
    )
    raw = render_email(hostile, practice, HANDOUT, None, recording())
    message = parse(raw)
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert message["Bcc"] is None and b"\r\nBcc:" not in headers
    assert message["Subject"] == "Your handouts from Your Practice Name"
    topical = practice.model_copy(update={"email": EmailSettings(subject_names_topic=True)})
    named = parse(render_email(hostile, topical, HANDOUT, None, recording()))
    assert named["Subject"] == "Sleep Bcc: everyone@example.org Body andWorry — from Your Practice Name"
    assert named["Bcc"] is None and named.defects == []
    names = [p.get_filename() for p in message.iter_attachments()]
    assert names[0] == "Sleep Bcc everyone example.org Body andWorry (handout).pdf"
    assert message.defects == []


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [("Plain title", "Plain title"), ("Two\nlines", "Two lines"), ("Tab\tand\r\nCRLF", "Tab and CRLF"),
     ("Null\x00byte", "Null byte"), ("Line\u2028separator", "Line separator"),
     ("Right\u202eto-left", "Rightto-left"), ("  padded  ", "padded")],
    ids=["plain", "newline", "tab-crlf", "null", "line-separator", "bidi-override", "padding"],
)
def test_header_text(text, cleaned):
    assert header_text(text) == cleaned


@pytest.mark.parametrize(
    ("title", "name"),
    [("Sleep and Worry", "Sleep and Worry (handout).pdf"),
     ("What Does It Really Mean to Be Codependent?", "What Does It Really Mean to Be Codependent (handout).pdf"),
     ("Don’t “panic” — café / tea: a how-to", "Don't panic - cafe tea a how-to (handout).pdf"),
     ("Ünïcödé", "Unicode (handout).pdf"),
     ("???", "fallback-slug (handout).pdf"),
     ("A very long title " * 6, "A very long title A very long title A very (handout).pdf")],
    ids=["plain", "question-mark", "punctuation", "accents", "nothing-left", "long"],
)
def test_attachment_names(title, name):
    assert attachment_name(title, "handout", "pdf", "fallback-slug") == name


def test_size_within_budget_has_no_warning(practice, draft):
    assert draft_size_warning(len(draft), practice) is None


def test_size_over_budget_is_measured_encoded_and_says_what_to_do(short_article, practice):
    # 8 MB of audio is 11 MB once base64-encoded in 76-column lines: over the default 10 MB budget.
    raw = render_email(short_article, practice, HANDOUT, None, recording(mp3=bytes(8_000_000)))
    warning = draft_size_warning(len(raw), practice)
    assert warning is not None
    assert warning.startswith("the draft is 11.0 MB, over the e-mail budget of 10 MB")
    assert "lower the audio bitrate (speech.bitrate_kbps, now 64)" in warning
    assert 'send links instead of attachments (email.attach = "links", with publish.base_url)' in warning
    assert "large print" not in warning  # not attached, so not advice


def test_over_budget_with_large_print_suggests_leaving_it_out(practice):
    tight = practice.model_copy(update={
        "email": EmailSettings(budget_mb=2, attach_large_print=True),
        "speech": SpeechSettings(bitrate_kbps=32),
    })
    warning = draft_size_warning(2_500_000, tight)
    assert warning is not None and "2.5 MB, over the e-mail budget of 2 MB" in warning
    assert "leave out the large print (email.attach_large_print = false)" in warning
    assert "bitrate" not in warning  # already the lowest


BASE = "https://www.example.com/handouts/"


def publishing(practice, attach: str = "files"):
    return practice.model_copy(update={"publish": PublishSettings(base_url=BASE),
                                       "email": EmailSettings(attach=attach)})


def test_a_links_draft_carries_the_page_pdf_and_audio_links_and_no_attachments(short_article, practice):
    raw = render_email(short_article, publishing(practice, "links"), HANDOUT, LARGE_PRINT,
                       recording(mp3=bytes(80_000_000)))
    message = parse(raw)
    assert message["X-Unsent"] == "1" and message.defects == []
    assert message.get_content_type() == "multipart/alternative"
    assert list(message.iter_attachments()) == []
    page = f"{BASE}sleep-and-worry/"
    urls = [page, f"{page}sleep-and-worry.pdf", f"{page}sleep-and-worry-large-print.pdf",
            f"{page}sleep-and-worry.mp3"]
    plain, html = body(raw, "plain"), body(raw, "html")
    assert all(url in plain and f'href="{url}"' in html for url in urls)
    assert "Attached:" not in plain
    assert len(raw) < 20_000 and draft_size_warning(len(raw), publishing(practice, "links")) is None


def test_a_files_draft_with_a_base_url_also_links_the_articles_page(short_article, practice):
    raw = render_email(short_article, publishing(practice), HANDOUT, None, recording())
    assert len(list(parse(raw).iter_attachments())) == 2
    assert f"Listen and read along online: {BASE}sleep-and-worry/" in body(raw, "plain")
    assert f'href="{BASE}sleep-and-worry/"' in body(raw, "html")


def test_without_a_base_url_the_draft_links_no_published_page(draft):
    assert "read along online" not in body(draft, "plain") and "/sleep-and-worry" not in body(draft, "html")


def test_spanish_draft_matches_golden(spanish_article, practice, golden):
    raw = render_email(spanish_article, practice, HANDOUT, LARGE_PRINT, recording())
    message = parse(raw)
    assert message["Subject"] == "Sus folletos de Your Practice Name"
    # The name with its accents (RFC 2231), and beside it the plain one every mail program reads.
    assert [(p.get_filename(), p.get_param("name")) for p in message.iter_attachments()] == [
        ("El sueño y la preocupación (folleto).pdf", "El sueno y la preocupacion (folleto).pdf"),
        ("El sueño y la preocupación (letra grande).pdf", "El sueno y la preocupacion (letra grande).pdf"),
        ("El sueño y la preocupación (audio).mp3", "El sueno y la preocupacion (audio).mp3")]
    golden("email-sueno-y-preocupacion.txt", body(raw, "plain"))
    golden("email-sueno-y-preocupacion.html", body(raw, "html"))
