"""Message step: a note in text and HTML and its files become one unsent `.eml`, the same bytes every time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from pipeline.email.headers import name_attachments, set_text_header
from pipeline.email.senders import Sender, address_from

# Sent mail is CRLF; the draft gets the same line ends and 78-column folding. The headers written
# in `headers` are kept as written ("refold_source": only a line over 78 octets is folded again).
DRAFT_POLICY = SMTP.clone(max_line_length=78)
# Attachments are base64 and the text parts quoted-printable, so "=_" never occurs in a part
# and these boundaries need no random part to be safe: two builds give the same bytes.
BOUNDARY_MIXED = "=_handout-draft-mixed"
BOUNDARY_ALTERNATIVE = "=_handout-draft-alternative"
SENT_AT = time(9, 0, tzinfo=UTC)  # the draft is dated its newest handout's "updated" day


@dataclass(frozen=True)
class Attachment:
    filename: str  # short plain ASCII, what every mail program shows
    maintype: str
    subtype: str
    data: bytes
    description: str  # how the note describes it to the client
    real_name: str = ""  # the name with its accents ("El sueño… (folleto).pdf"), when it has any


def unsent_draft(subject: str, who: Sender, dated: date | None, text: str, html: str,
                 files: Sequence[Attachment] = ()) -> bytes:
    """The draft as `.eml` bytes: no To:, `X-Unsent: 1` (Outlook opens it ready to edit), the note
    as text and HTML, then the files."""
    message = EmailMessage(policy=DRAFT_POLICY)
    set_text_header(message, "Subject", subject)
    address_from(message, who)
    if dated:
        message["Date"] = format_datetime(datetime.combine(dated, SENT_AT))
    message["X-Unsent"] = "1"
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    message.set_boundary(BOUNDARY_ALTERNATIVE)
    if files:
        message.make_mixed()
        message.set_boundary(BOUNDARY_MIXED)
    names: dict[int, tuple[str, str]] = {}
    for file in files:
        message.add_attachment(file.data, maintype=file.maintype, subtype=file.subtype, filename=file.filename)
        parts = message.get_payload()
        if isinstance(parts, list):  # a multipart message: its parts, the one just added last
            names[id(parts[-1])] = (file.filename, file.real_name or file.filename)
    name_attachments(message, names)
    for part in message.walk():
        if part is not message:
            del part["MIME-Version"]  # the email package repeats it on every part; once is the rule
    return message.as_bytes()
