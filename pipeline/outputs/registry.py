"""Every output the build writes, one value each: its `--only` word, file, label, audience and needs.

`--only`, the build summary, the pages' download lists, staleness, the e-mail's attachments and
the upload set all read this one table, so an output's file name is spelled here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

Audience = Literal["client", "staff"]
Scope = Literal["article", "library", "packet"]


class EmailChoices(Protocol):
    attach_large_print: bool
    attach_epub: bool


class PracticeChoices(Protocol):
    """The parts of the practice profile that decide which outputs another one needs."""

    @property
    def email(self) -> EmailChoices: ...


def _nothing(practice: PracticeChoices) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True)
class Output:
    """One kind of file the build makes.

    `needs` names the outputs this one is made from: it is current only while they are, and it
    cannot be made before them. `uses` names outputs it is made with when they exist (the e-book
    reads along with the recording when there is one, the e-mail attaches it): selecting it
    prepares them. `reads` names its entry in
    `rebuild.inputs.READS`: the code, templates and libraries its key holds."""

    key: str  # the registry's name for it, in the user's words
    word: str | None  # the `--only` word that selects it; None: made whenever its article is built
    file: str | None  # its file name, `{slug}` standing for the article's (a packet's name); None: in the manifest
    label: str  # in summaries and download lists (translated where shown to clients)
    kind: str  # the file's kind as people say it: "PDF", "MP3", …
    audience: Audience  # client: published and linked from client pages; staff: never published
    scope: Scope = "article"
    reads: str = ""
    needs: Callable[[PracticeChoices], tuple[str, ...]] = _nothing
    uses: tuple[str, ...] = ()
    # Its key holds what it uses (the e-book's holds the recording's digest and timings), so a
    # stale recording already makes it stale; else it is current only while what it uses is.
    keyed_on_uses: bool = False
    extra_files: tuple[str, ...] = ()  # further files it writes (the feed's artwork)
    offered: bool = True  # offered for download on the pages its audience sees (not the feed's chapters file)
    column: str | None = None  # its column, with its size, in the build summary

    def name(self, slug: str = "") -> str:
        if self.file is None:
            raise ValueError(f"the {self.key} is kept in the manifest, not written as a file")
        return self.file.format(slug=slug)

    def made_by(self, only: Iterable[str]) -> bool:
        """Selected by these `--only` words (an output without a word is always made)."""
        return self.word is None or self.word in set(only)


def _email_needs(practice: PracticeChoices) -> tuple[str, ...]:
    needs = ["handout"]
    if practice.email.attach_large_print:
        needs.append("large-print")
    if practice.email.attach_epub:
        needs.append("ebook")
    return tuple(needs)


def _chapters_needs(practice: PracticeChoices) -> tuple[str, ...]:
    return ("recording",)


def _captions_needs(practice: PracticeChoices) -> tuple[str, ...]:
    return ("recording",)


OUTPUTS: tuple[Output, ...] = (
    Output("handout", "pdf", "{slug}.pdf", "Handout", "PDF", "client", reads="handout", column="handout"),
    Output("large-print", "pdf", "{slug}-large-print.pdf", "Large print", "PDF", "client", reads="handout",
           column="large print"),
    Output("recording", "audio", "{slug}.mp3", "Audio", "MP3", "client", reads="audio", column="audio"),
    Output("captions", "audio", "{slug}.vtt", "Captions", "WebVTT", "client", reads="audio",
           needs=_captions_needs),
    # The feed's podcast:chapters, written only where the library is published.
    Output("chapters", "audio", "{slug}.chapters.json", "Chapters", "JSON", "client", reads="chapters",
           needs=_chapters_needs, offered=False),
    Output("ebook", "epub", "{slug}.epub", "Read-along e-book", "EPUB", "client", reads="ebook",
           uses=("recording",), keyed_on_uses=True, column="e-book"),
    Output("email", "email", "{slug}.eml", "E-mail draft", ".eml", "staff", reads="email",
           needs=_email_needs, uses=("recording",), column="e-mail"),
    Output("scorecard", None, None, "Plain language", "", "staff", reads="scorecard"),
    # The pages link whatever of the article's files is current; they make none of them.
    Output("article-page", "index", "index.html", "Article page", "HTML", "client", reads="article-page",
           offered=False),
    Output("library-page", "index", "index.html", "Library page", "HTML", "client", scope="library",
           reads="library-page"),
    # Each article's e-mail draft, edition and review, and how to open a draft in each mail client.
    Output("staff-page", "index", "staff.html", "Staff page", "HTML", "staff", scope="library", reads="staff-page"),
    Output("feed", "index", "feed.xml", "Podcast feed", "RSS", "client", scope="library", reads="feed",
           extra_files=("artwork.png", "artwork.jpg")),

    # A packet: several articles given together, in build/packets/<name>/ (`{slug}` is the packet's name).
    Output("packet-handout", "packets", "{slug}.pdf", "Handouts", "PDF", "client", scope="packet",
           reads="handout"),
    Output("packet-large-print", "packets", "{slug}-large-print.pdf", "Handouts in large print", "PDF", "client",
           scope="packet", reads="handout"),
    Output("packet-recording", "packets", "{slug}.mp3", "Audio", "MP3", "client", scope="packet", reads="audio"),
    Output("packet-captions", "packets", "{slug}.vtt", "Captions", "WebVTT", "client", scope="packet",
           reads="audio"),
    Output("packet-email", "packets", "{slug}.eml", "E-mail draft", ".eml", "staff", scope="packet", reads="email"),
    # The message ready to paste and the files, for webmail, which cannot open a draft file.
    Output("send-kit", "packets", "send-kit/", "Send kit", "folder", "staff", scope="packet", reads="email"),
)

REGISTRY: dict[str, Output] = {output.key: output for output in OUTPUTS}

# The `--only` words, in the order the registry first names them: pdf, audio, epub, email, index.
ONLY_WORDS: tuple[str, ...] = tuple(dict.fromkeys(output.word for output in OUTPUTS if output.word))


def output(key: str) -> Output:
    return REGISTRY[key]


def article_outputs() -> tuple[Output, ...]:
    return tuple(o for o in OUTPUTS if o.scope == "article")


def file_names(slug: str) -> dict[str, str]:
    """Each article output that is a file, by key: {'handout': 'slug.pdf', …}."""
    return {o.key: o.name(slug) for o in OUTPUTS if o.scope == "article" and o.file is not None}


def selected(only: Iterable[str]) -> frozenset[str]:
    """The outputs the `--only` words select, by key."""
    words = set(only)
    return frozenset(o.key for o in OUTPUTS if o.made_by(words))


def needed_by(key: str, practice: PracticeChoices) -> frozenset[str]:
    """Every output that needs or uses `key`, directly or through another."""
    found: set[str] = set()
    waiting = [key]
    while waiting:
        current = waiting.pop()
        for o in OUTPUTS:
            if o.key not in found and (current in o.needs(practice) or current in o.uses):
                found.add(o.key)
                waiting.append(o.key)
    return frozenset(found)


def words_needing(key: str, practice: PracticeChoices) -> frozenset[str]:
    """The `--only` words whose outputs are `key` or need it: what makes it worth preparing."""
    keys = {key} | needed_by(key, practice)
    return frozenset(word for k in keys if (word := REGISTRY[k].word))


def still_current(current: Iterable[str], existing: Iterable[str], practice: PracticeChoices) -> frozenset[str]:
    """Of the outputs whose own key is current, those whose needs are current too; an output it
    `uses` counts only where it exists (a draft attaches the recording only if there is one)."""
    kept = set(current)
    there = set(existing)
    changed = True
    while changed:
        changed = False
        for key in list(kept):
            o = REGISTRY[key]
            wanted = set(o.needs(practice))
            if not o.keyed_on_uses:
                wanted |= {used for used in o.uses if used in there}
            if not wanted <= kept:
                kept.discard(key)
                changed = True
    return frozenset(kept)


def offered(audience: Audience) -> tuple[Output, ...]:
    """An article's files offered for download to `audience`, in the registry's order."""
    return tuple(o for o in OUTPUTS if o.scope == "article" and o.file is not None and o.offered
                 and o.audience == audience)


def packet_files(name: str) -> dict[str, str]:
    """Each packet output's file name (the send kit's folder with a trailing /), by key."""
    return {o.key: o.name(name) for o in OUTPUTS if o.scope == "packet" and o.file is not None}


def client_files(slug: str, keys: Iterable[str]) -> tuple[str, ...]:
    """The file names, among `keys`, that may be published for a client."""
    return tuple(REGISTRY[k].name(slug) for k in keys
                 if REGISTRY[k].audience == "client" and REGISTRY[k].file is not None)
