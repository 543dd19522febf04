"""Import step: a draft read from a page, an export or a document becomes a new article source to review."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.article import Heading, Paragraph, clean_line, plain, text_runs, visible
from pipeline.errors import ImportFailed, SourceError
from pipeline.importing.draft import Draft, Skipped
from pipeline.importing.furniture import Removed
from pipeline.importing.markdown_writer import to_markdown
from pipeline.importing.stamps import NO_DATE
from pipeline.importing.text import read_text
from pipeline.importing.text_language import text_language
from pipeline.language import language_name, languages
from pipeline.sources import (
    APPROVE,
    DRAFT_NOTE,
    SLUG,
    first_sentence,
    parse_body,
    read_limited,
    structure_findings,
    web_address_problem,
)

MAX_PAGE_BYTES = 5_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_PAGE_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_MARKUP = re.compile(r"</(?:p|div|h[1-6]|li|ul|ol|blockquote|table|span|a|strong|em|b|i)>|<br\s*/?>", re.IGNORECASE)
_NOT_TEXT = {b"%PDF": "a PDF", b"PK\x03\x04": "a Word document or zip file", b"\x89PNG": "an image",
             b"\xff\xd8\xff": "an image", b"GIF8": "an image", b"{\\rtf": "an RTF document"}


@dataclass(frozen=True)
class Imported:
    """A new article source: the Markdown to write, its slug, and one line per thing left out or to review."""

    markdown: str
    slug: str
    removed: tuple[str, ...]
    canonical_url: str | None = None
    origin: str = ""  # the file it was read from

    @property
    def to_review(self) -> int:
        """How many review items the draft carries (each a `review:` line)."""
        return sum(line.startswith("review:") for line in self.removed)


def check_slug(slug: str | None) -> None:
    if slug is not None and not (SLUG.fullmatch(slug) and len(slug) <= 80):
        raise ImportFailed(f"--slug: {slug!r} is not a plain name of lowercase letters, digits and hyphens")


def import_page(path: Path, slug: str | None = None) -> Imported:
    """Read a saved `.html` page or a `.txt` copy of one and return the article source it holds."""
    found = read_page(path, slug)
    if not isinstance(found, Imported):
        raise ImportFailed(f"{path}: {found.name!r} is not a published post of Medium's export ({found.reason}); "
                           "nothing to import")
    return found


def read_page(path: Path, slug: str | None = None) -> Imported | Skipped:
    """The article source a page holds, or the post skipped with why (a draft in Medium's export)."""
    check_slug(slug)
    text, notes = _read(path)
    page = path.suffix.lower() in (".html", ".htm", ".xhtml") or _HTML.match(text[:4000]) \
        or _PAGE_TAG.search(text[:4000])
    if page or len(_MARKUP.findall(text)) >= 3:  # a .txt that holds HTML is read as HTML, not as tags in words
        if path.suffix.lower() == ".txt":
            notes.append(f"review: {path.name} holds HTML, not plain text; it was read as HTML")
        from pipeline.importing.page_depth import shallow_page

        text, flattened = shallow_page(text, str(path))  # no parser after this drops text past its depth
        notes += flattened
        if page:
            from pipeline.importing.html import read_html  # lxml and trafilatura load only for HTML
            from pipeline.importing.medium import is_medium_export, read_medium

            medium = read_medium(text, path.name) if is_medium_export(text) else None
            if isinstance(medium, Skipped):
                return medium
            draft = medium or read_html(text)
        else:
            from pipeline.importing.fragment import fragment_blocks

            blocks, removed = fragment_blocks(text)  # part of a page: a post's HTML copied from an editor
            draft = Draft(blocks=blocks, removed=removed)
    else:
        draft = read_text(text)
    if not draft.blocks:
        raise ImportFailed(f"{path}: no article text found once the page's menus and buttons were left out")
    return article_source(draft, path.name, path.stem, notes, slug)


def article_source(draft: Draft, origin: str, fallback_name: str | None, notes: list[str] | tuple[str, ...] = (),
                   slug: str | None = None) -> Imported:
    """The article source for a draft: front matter with `# review:` notes, then the body as Markdown."""
    notes = [*draft.notes, *notes, *(f"review: {item.text}" for item in draft.removed if item.kind == "review")]
    struck = [span.text.strip() for text in text_runs(draft.blocks) for span in text
              if span.struck and span.text.strip()]
    if struck:  # kept and marked, never dropped or run into the words beside them
        shown = " / ".join(f"{_short(words, 40)!r}" for words in struck[:3])
        notes.append(f"review: {len(struck)} struck-through passage(s) kept as struck-through ({shown}); "
                     "delete them or the strike if they should not reach clients")
    title, title_note = _title(draft, fallback_name)
    summary, summary_note = _summary(draft, title)
    notes += [note for note in (title_note, summary_note) if note]
    # A file's own name is a better slug than a guessed title; a post in an export has no name of its own.
    named = title if draft.title or fallback_name is None else fallback_name
    slug = slug or safe_slug(draft.slug or "") or safe_slug(named) or "imported-article"
    meta: dict[str, object] = {"title": title, "slug": slug, "summary": summary}
    if draft.updated:
        meta["updated"] = draft.updated
    elif not any(note.startswith(NO_DATE) for note in notes):  # a stamp without a year says why itself
        notes.append(f"{NO_DATE}; add updated: (the day it was last reviewed) to show a 'last updated' line")
    if draft.author and clean_line(draft.author):
        meta["author"] = clean_line(draft.author)
    if draft.canonical_url and not (problem := web_address_problem(draft.canonical_url)):
        meta["canonical_url"] = draft.canonical_url
    elif draft.canonical_url:
        notes.append(f"review: the page's own address was left out: {problem}")
    declared = draft.language.replace("_", "-").split("-")[0].lower() if draft.language else None
    written = text_language(draft.blocks) if declared else None  # the words decide, not a document property
    if declared and written and written != declared:
        notes.append(f"review: marked as written in {language_name(declared, 'en')} ({draft.language}), but its "
                     f"text reads as {language_name(written, 'en')}; lang: follows the text")
    if draft.language:
        code = written or declared or draft.language
        if code in languages():
            meta["lang"] = code
        else:
            source = f" ({draft.language})" if code == declared else ""
            notes.append(f"review: written in {language_name(code, 'en')}{source}, which the "
                         "handouts have no wording for; they will use the profile's language")
    meta["tags"] = [tag for tag in (clean_line(tag) for tag in draft.tags) if tag]
    # The shape a handout would print wrong (a banner for a title, menu words left as empty headings).
    notes += [f"review: {finding.where}: {finding.message}"
              for finding in structure_findings(title, summary, draft.blocks, summary_written=False)]
    # A draft until a person approves it: its open review items live in the front matter, where
    # `check` and `build` see them (and `--strict` refuses them).
    meta["status"] = "draft"
    meta["review_items"] = [_one_line(note.removeprefix("review:").strip()) for note in notes]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    body = to_markdown(draft.blocks)
    try:  # the draft is read back as the build will read it: what it would not read is said now
        parse_body(body)
    except SourceError as exc:
        notes += [f"review: the body's {problem} (the build refuses it until then)" for problem in exc.problems]
        meta["review_items"] = [_one_line(note.removeprefix("review:").strip()) for note in notes]
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    review = (f"# Imported from {_one_line(origin)}: review the title and summary, and add tags.\n"
              f"{DRAFT_NOTE}: fix what review_items name, then run {APPROVE.format(slug='<slug>')}\n")
    markdown = f"---\n{review}{front}---\n\n{body}"
    return Imported(markdown, slug, merged_removals(draft.removed) + tuple(notes),
                    canonical_url=draft.canonical_url if "canonical_url" in meta else None, origin=origin)


def with_review_item(markdown: str, note: str) -> str:
    """The article source with one more `review_items:` entry (a `review:` note), the rest unchanged."""
    entry = yaml.safe_dump([_one_line(note.removeprefix("review:").strip())], allow_unicode=True, width=1_000_000)
    return re.sub(r"^review_items:(?: \[\])?\n", lambda _: f"review_items:\n{entry}", markdown, count=1,
                  flags=re.MULTILINE)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _read(path: Path) -> tuple[str, list[str]]:
    """The page's text, or one line saying why it cannot be read."""
    raw = read_limited(path, MAX_PAGE_BYTES, "a saved .html page or a .txt file", ImportFailed)
    notes: list[str] = []
    if raw.startswith(b"PK\x03\x04") and path.suffix.lower() != ".docx":
        raise ImportFailed(f"{path}: a zip archive; unzip it first (a Medium export, say) and import the folder "
                           "it unpacks to — or, if it is a Word document, give it the .docx ending")
    for magic, kind in _NOT_TEXT.items():
        if raw.startswith(magic):
            raise ImportFailed(f"{path}: looks like {kind}; save the page as .html or paste its text into a .txt file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")  # what Windows Notepad calls "Unicode"
        except UnicodeDecodeError:
            raise ImportFailed(f"{path}: not readable as the UTF-16 text its first bytes promise") from None
    elif b"\x00" in raw:
        raise ImportFailed(f"{path}: binary data; expected a saved .html page or a .txt file")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Windows editors save "ANSI" text as Windows-1252; it is the only other encoding tried,
            # and the editor is told, since a wrong guess would garble quotes and accents.
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise ImportFailed(f"{path}: not UTF-8 or Windows-1252 text (byte {exc.start}); "
                                   "save it as UTF-8") from None
            notes.append(f"review: {path.name} is not UTF-8; it was read as Windows-1252 — check quotes and accents")
    text = visible(unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")))
    if not text.strip():
        raise ImportFailed(f"{path}: empty; nothing to import")
    if len(_CONTROL.findall(text)) > len(text) / 100:
        raise ImportFailed(f"{path}: binary data; expected a saved .html page or a .txt file")
    return text, notes


# Headings that name a part of any document, never what the article is about.
_NOT_TITLES = {"notes", "footnotes", "endnotes", "contents", "table of contents", "references", "comments"}


def _title(draft: Draft, fallback_name: str | None) -> tuple[str, str | None]:
    """The page's title, else its first heading, else its file's name, with a note asking the editor to review it."""
    if draft.title and clean_line(draft.title) and clean_line(draft.title).casefold() not in _NOT_TITLES:
        return clean_line(draft.title), None
    heading = next((text for block in draft.blocks if isinstance(block, Heading)
                    if (text := clean_line(plain(block.text))) and text.casefold() not in _NOT_TITLES), None)
    if heading:
        return heading, f"review: no title found; title: is the first heading, {heading!r}"
    named = clean_line(re.sub(r"[-_]+", " ", fallback_name or "")).capitalize()
    if named:
        return named, f"review: no title or heading found; title: is the file's name, {named!r}"
    return "Untitled article", "review: no title or heading found; title: is 'Untitled article'"


# A picture's credit or caption line ("(All photos: Atlas staff)", "Photo by Jane Doe", "Imagen: archivo"), or
# what Word shows for an empty table of figures: never a summary.
_CREDIT = re.compile(r"no table of (?:contents|figures) entries found\.?|\(.*\)|\[.*\]|©.*"
                     r"|(?:all\s+)?(?:photo|image|picture|illustration|credit|foto|imagen)(?:s|es)?"
                     r"\s*(?:by\b|:|courtesy\b|credit\b).*|\(?symbolbild\)?", re.IGNORECASE)
# How a sentence ends, before any closing quote or bracket; a line without it is a label or a
# caption ("Gustave Doré, L’Énigme, 1871"), a summary only when no sentence follows.
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'’”»)\]]*$")


def _summary(draft: Draft, title: str) -> tuple[str, str | None]:
    """The excerpt, else the first sentence of the body's first words that are not the title."""
    if draft.summary and clean_line(draft.summary) and clean_line(draft.summary) != title:
        return clean_line(draft.summary), None
    # A date, a lone mark, a stray label or a caption is not a sentence that sums an article up, while there is one.
    # Sentences are split run by run, only until one will do: a long post costs no more than a short one.
    fallback = None
    for text in text_runs(tuple(block for block in draft.blocks if not isinstance(block, Heading))):
        summary = clean_line(first_sentence((Paragraph(text),), ""))
        if not summary or summary == title or _CREDIT.fullmatch(summary):
            continue  # a photo's caption or credit is never the summary
        if len(re.findall(r"[^\W\d_]{2,}", summary)) >= 3 and _SENTENCE_END.search(summary):
            return summary, None
        if fallback is None and re.search(r"[^\W\d_]", summary):
            fallback = summary
    if fallback:
        return fallback, None
    return title, "review: the body has no sentence to sum it up; summary: repeats the title"


def safe_slug(text: str) -> str:
    """A slug of a-z, 0-9 and hyphens only, at most 60 characters, cut at a word; '' when nothing is left."""
    from slugify import slugify

    return slugify(visible(text), max_length=60, word_boundary=True, replacements=[["'", ""], ["’", ""]])


def merged_removals(removed: tuple[Removed, ...]) -> tuple[str, ...]:
    """One line per run of removed page furniture of the same kind."""
    runs: list[tuple[str, list[str]]] = []
    for item in removed:
        if item.kind == "review":
            continue  # a question for the editor, listed with the draft's other review notes
        if runs and runs[-1][0] == item.kind:
            runs[-1][1].append(item.text)
        else:
            runs.append((item.kind, [item.text]))
    lines = []
    for kind, texts in runs:
        shown = " / ".join(f'"{_short(text)}"' for text in texts[:4]) + (" …" if len(texts) > 4 else "")
        lines.append(f"{kind}{' ' if ':' in kind else ': '}{_one_line(shown)}")  # "video: youtube.com \"…\""
    return tuple(lines)


def _short(text: str, most: int = 70) -> str:
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + "…"
