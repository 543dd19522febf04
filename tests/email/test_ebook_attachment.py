"""`[email] attach_epub`: the draft attaches the read-along e-book, and counts it in its size."""

from __future__ import annotations

import email
import email.policy

from pipeline.email.draft import draft_size_warning, render_email
from pipeline.sources.practice import EmailSettings

HANDOUT = b"%PDF-1.7 the regular handout"
BOOK = b"PK\x03\x04 the e-book"


def test_the_e_book_is_attached_under_a_name_a_client_understands(short_article, practice):
    raw = render_email(short_article, practice, HANDOUT, None, None, BOOK)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    files = [(p.get_filename(), p.get_content_type(), p.get_content()) for p in message.iter_attachments()]
    assert files == [("Sleep and Worry (handout).pdf", "application/pdf", HANDOUT),
                     ("Sleep and Worry (e-book).epub", "application/epub+zip", BOOK)]
    note = message.get_body(("plain",)).get_content()
    assert "the read-along e-book, for reading apps such as Apple Books" in note


def test_an_oversized_draft_says_to_leave_the_e_book_out(practice):
    attaching = practice.model_copy(update={"email": EmailSettings(budget_mb=1, attach_epub=True)})
    warning = draft_size_warning(3_000_000, attaching)
    assert warning and "leave out the e-book (email.attach_epub = false)" in warning
