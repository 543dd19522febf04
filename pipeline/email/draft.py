"""E-mail draft step: an `.eml` a clinician opens, addresses to a client and sends."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.article import Article
from pipeline.audio import Recording
from pipeline.email.headers import header_text
from pipeline.email.message import Attachment, unsent_draft
from pipeline.email.senders import Sender, sender, subject
from pipeline.language import clock, listening_time, phrases
from pipeline.outputs import file_names
from pipeline.sources import Practice, article_page_url, edition_mark, review_line
from pipeline.stamp import phone_link, stamp, stamp_text
from pipeline.templating import environment

MEGABYTE = 1_000_000
NAME_CHARS = 60  # of a whole attachment name: it fits one header line, quoted, after "filename="
_ASCII_LOOKALIKES = str.maketrans({"‘": "'", "’": "'", "“": "", "”": "", "–": "-", "—": "-"})
_SAFE_NAME = re.compile(r"[^A-Za-z0-9 ,.'&()!+-]")


def attachment_name(title: str, label: str, extension: str, fallback: str) -> str:
    """'What Does It Really Mean to Be Codependent?' -> 'What Does It Really Mean to Be
    Codependent (handout).pdf': short plain ASCII that every mail program and file system keeps."""
    ascii_title = unicodedata.normalize("NFKD", header_text(title).translate(_ASCII_LOOKALIKES))
    ascii_title = ascii_title.encode("ascii", "ignore").decode("ascii")
    suffix = " (" + " ".join(_SAFE_NAME.sub(" ", unicodedata.normalize("NFKD", label).encode(
        "ascii", "ignore").decode("ascii")).split()) + f").{extension}"
    words = " ".join(_SAFE_NAME.sub(" ", ascii_title).split()).strip(" .")
    room = NAME_CHARS - len(suffix)
    if len(words) > room:
        words = words[:room + 1].rsplit(" ", 1)[0].rstrip(" ,.-&+") or words[:room]
    return f"{words or fallback[:room]}{suffix}"


def real_attachment_name(title: str, label: str, extension: str) -> str:
    """'El sueño y la preocupación (folleto).pdf': the name as written, for mail programs that
    read RFC 2231 names; only used when it is not plain ASCII."""
    words = " ".join(re.sub(r'[\\/:*?"<>|]', " ", header_text(title)).split()).strip(" .")
    return f"{words} ({label}).{extension}"


def _attachment(title: str, label: str, extension: str, fallback: str, maintype: str, subtype: str,
                data: bytes, description: str) -> Attachment:
    real = real_attachment_name(title, label, extension)
    return Attachment(attachment_name(title, label, extension, fallback), maintype, subtype, data, description,
                      real if not real.isascii() else "")


def attachments(
    article: Article, handout_pdf: bytes, large_print_pdf: bytes | None, recording: Recording | None,
    epub: bytes | None = None,
) -> tuple[Attachment, ...]:
    title, slug = article.title, article.slug
    _ = phrases(article.language)
    files = [_attachment(title, _("handout"), "pdf", slug, "application", "pdf", handout_pdf,
                         _("the handout, to read on screen or print"))]
    if large_print_pdf is not None:
        files.append(_attachment(title, _("large print"), "pdf", slug, "application", "pdf", large_print_pdf,
                                 _("the same handout in large print")))
    if recording is not None:
        length = listening_time(recording.duration_ms, article.language)
        said = _("the audio, {length} long; it plays on a phone or a computer").format(length=length)
        files.append(_attachment(title, _("audio"), "mp3", slug, "audio", "mpeg", recording.mp3, said))
    if epub is not None:
        files.append(_attachment(title, _("e-book"), "epub", slug, "application", "epub+zip", epub,
                                 _("the read-along e-book, for reading apps such as Apple Books")))
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


def render_email(
    article: Article,
    practice: Practice,
    handout_pdf: bytes,
    large_print_pdf: bytes | None,
    recording: Recording | None,
    epub: bytes | None = None,
    who: Sender | None = None,
) -> bytes:
    """The draft as `.eml` bytes: no To:, `X-Unsent: 1`, a note in text and HTML, and the files attached
    or, with `email.attach = "links"`, links to them where `build/` is published.

    From the practice, or from `who` (a clinician, see `sender`). The subject and the note's first
    lines do not name the topic (unless `email.subject_names_topic`). In the article's language.
    Without a recording (no voice for that language) it says nothing about audio."""
    by_link = practice.email.attach == "links"
    files = () if by_link else attachments(article, handout_pdf, large_print_pdf, recording, epub)
    language = article.language
    who = who or sender(practice)
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
        "signed": who.signed,
    }
    env = environment(language)
    return unsent_draft(subject(practice, language, article.title), who, article.updated,
                        env.get_template("email.txt.j2").render(context),
                        env.get_template("email.html.j2").render(context), files)


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
