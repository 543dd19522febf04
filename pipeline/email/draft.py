"""E-mail draft step: an `.eml` a clinician opens, addresses to a client and sends."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from pipeline.article import Article
from pipeline.audio import Recording
from pipeline.language import clock, listening_time, phrases
from pipeline.outputs import file_names
from pipeline.sources import Practice, article_page_url, edition_mark, review_line
from pipeline.stamp import phone_link, stamp, stamp_text
from pipeline.templating import environment

# Sent mail is CRLF; the draft gets the same line ends and 78-column folding.
DRAFT_POLICY = SMTP.clone(max_line_length=78)
# Attachments are base64 and the text parts quoted-printable, so "=_" never occurs in a part
# and these boundaries need no random part to be safe: two builds give the same bytes.
BOUNDARY_MIXED = "=_handout-draft-mixed"
BOUNDARY_ALTERNATIVE = "=_handout-draft-alternative"
SENT_AT = time(9, 0, tzinfo=UTC)  # the draft is dated the article's "updated" day
MEGABYTE = 1_000_000
_ASCII_LOOKALIKES = str.maketrans({"‘": "'", "’": "'", "“": "", "”": "", "–": "-", "—": "-"})


def header_text(text: str) -> str:
    """Text that can only ever be one header value: line breaks and control characters go."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category != "Cf":  # invisible format characters, e.g. right-to-left overrides
            kept.append(char)
    return " ".join("".join(kept).split())


def attachment_name(title: str, label: str, extension: str, fallback: str) -> str:
    """'What Does It Really Mean to Be Codependent?' -> 'What Does It Really Mean to Be
    Codependent (handout).pdf': plain ASCII that every mail program and file system keeps."""
    ascii_title = unicodedata.normalize("NFKD", header_text(title).translate(_ASCII_LOOKALIKES))
    ascii_title = ascii_title.encode("ascii", "ignore").decode("ascii")
    words = " ".join(re.sub(r"[^A-Za-z0-9 ,.'&()!+-]", " ", ascii_title).split()).strip(" .")
    if len(words) > 60:
        words = words[:61].rsplit(" ", 1)[0].rstrip(" ,.-")
    return f"{words or fallback} ({label}).{extension}"


@dataclass(frozen=True)
class Attachment:
    filename: str
    maintype: str
    subtype: str
    data: bytes
    description: str  # how the note describes it to the client


def attachments(
    article: Article, handout_pdf: bytes, large_print_pdf: bytes | None, recording: Recording | None,
    epub: bytes | None = None,
) -> tuple[Attachment, ...]:
    title, slug = article.title, article.slug
    _ = phrases(article.language)
    files = [Attachment(attachment_name(title, _("handout"), "pdf", slug), "application", "pdf",
                        handout_pdf, _("the handout, to read on screen or print"))]
    if large_print_pdf is not None:
        files.append(Attachment(attachment_name(title, _("large print"), "pdf", slug), "application", "pdf",
                                large_print_pdf, _("the same handout in large print")))
    if recording is not None:
        length = listening_time(recording.duration_ms, article.language)
        files.append(Attachment(attachment_name(title, _("audio"), "mp3", slug), "audio", "mpeg", recording.mp3,
                                _("the audio, {length} long; it plays on a phone or a computer").format(length=length)))
    if epub is not None:
        files.append(Attachment(attachment_name(title, _("e-book"), "epub", slug), "application", "epub+zip",
                                epub, _("the read-along e-book, for reading apps such as Apple Books")))
    return tuple(files)


@dataclass(frozen=True)
class Link:
    label: str  # what the client gets by following it
    url: str


def links(article: Article, practice: Practice, recording: Recording | None) -> tuple[Link, ...]:
    """The article's page and files under `publish.base_url`, for a draft that links instead of attaching."""
    slug = article.slug
    page = article_page_url(practice, slug)
    if page is None:
        return ()
    names = file_names(slug)
    _ = phrases(article.language)
    found = [
        Link(_("Listen, read along and download everything") if recording else _("Read and download everything"),
             page),
        Link(_("The handout (PDF), to read on screen or print"), f"{page}{names['handout']}"),
        Link(_("The same handout in large print (PDF)"), f"{page}{names['large-print']}"),
    ]
    if recording is not None:
        length = listening_time(recording.duration_ms, article.language)
        found.append(Link(_("The audio (MP3, {length})").format(length=length), f"{page}{names['recording']}"))
    return tuple(found)


def subject(article: Article, practice: Practice, with_audio: bool = True) -> str:
    _ = phrases(article.language)
    if with_audio:
        wording = _("{title} — a handout and audio from {practice}")
    else:
        wording = _("{title} — a handout from {practice}")
    return header_text(wording.format(title=article.title, practice=practice.practice.name))


def render_email(
    article: Article,
    practice: Practice,
    handout_pdf: bytes,
    large_print_pdf: bytes | None,
    recording: Recording | None,
    epub: bytes | None = None,
) -> bytes:
    """The draft as `.eml` bytes: no To:, `X-Unsent: 1`, a note in text and HTML, and the files attached
    or, with `email.attach = "links"`, links to them where `build/` is published.

    In the article's language. Without a recording (no voice for that language) it says nothing about audio."""
    by_link = practice.email.attach == "links"
    files = () if by_link else attachments(article, handout_pdf, large_print_pdf, recording, epub)
    language = article.language
    context = {
        "article": article,
        "stamp": stamp(practice, language),
        "stamp_text": stamp_text(practice, language),
        "phone_link": phone_link(practice.practice.phone),
        "listening_time": listening_time(recording.duration_ms, language) if recording else None,
        "chapters": [(clock(chapter.start_ms), chapter.title) for chapter in recording.chapters] if recording else [],
        "attachments": files,
        "links": links(article, practice, recording) if by_link else (),
        "page_url": article_page_url(practice, article.slug),
        "edition": str(edition_mark(article)),  # so the practice can tell which edition the client was given
        "reviewed": review_line(article),
    }
    env = environment(language)
    message = EmailMessage(policy=DRAFT_POLICY)
    message["Subject"] = subject(article, practice, with_audio=recording is not None)
    message["From"] = Address(header_text(practice.practice.name), addr_spec=practice.practice.email)
    if article.updated:
        message["Date"] = format_datetime(datetime.combine(article.updated, SENT_AT))
    message["X-Unsent"] = "1"
    message.set_content(env.get_template("email.txt.j2").render(context), cte="quoted-printable")
    message.add_alternative(env.get_template("email.html.j2").render(context), subtype="html",
                            cte="quoted-printable")
    message.set_boundary(BOUNDARY_ALTERNATIVE)
    if files:
        message.make_mixed()
        message.set_boundary(BOUNDARY_MIXED)
    for file in files:
        message.add_attachment(file.data, maintype=file.maintype, subtype=file.subtype,
                               filename=file.filename)
    for part in message.walk():
        if part is not message:
            del part["MIME-Version"]  # the email package repeats it on every part; once is the rule
    return message.as_bytes()


def draft_size_warning(size: int, practice: Practice) -> str | None:
    """A warning, with what to do, when a draft of `size` encoded bytes is over `email.budget_mb`."""
    budget = practice.email.budget_mb
    if size <= budget * MEGABYTE or practice.email.attach == "links":
        return None
    advice = []
    if practice.email.attach_large_print:
        advice.append("leave out the large print (email.attach_large_print = false)")
    if practice.email.attach_epub:
        advice.append("leave out the e-book (email.attach_epub = false)")
    if practice.speech.bitrate_kbps > 32:
        advice.append(f"lower the audio bitrate (speech.bitrate_kbps, now {practice.speech.bitrate_kbps})")
    advice.append('or publish build/ and send links instead of attachments (email.attach = "links", '
                  "with publish.base_url)")
    return (f"the draft is {size / MEGABYTE:.1f} MB, over the e-mail budget of {budget:g} MB "
            f"(email.budget_mb); some mail services refuse large messages: {'; '.join(advice)}")
