"""Reading step: `sources/articles/*.md` (YAML front matter + Markdown) become `Article` values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pipeline.article import Article, clean_line, excerpt
from pipeline.errors import SourceError
from pipeline.language import SOURCE_LANGUAGE, language_name, languages
from pipeline.sources.addresses import web_address_problem
from pipeline.sources.drafts import draft_warnings, read_status
from pipeline.sources.files import read_limited
from pipeline.sources.front_matter import split_front_matter
from pipeline.sources.markdown import parse_body
from pipeline.sources.nearest import did_you_mean
from pipeline.sources.summary import first_sentence

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_ARTICLE_BYTES = 2_000_000
# Dates every output can carry (the e-book's zip clock runs 1980–2107; one before 1980 gets 1980).
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2099, 12, 31)
FIELDS = {"title", "slug", "summary", "updated", "author", "canonical_url", "tags", "lang", "language",
          "reviewed_by", "reviewed_on", "next_review", "status", "review_items"}


@dataclass(frozen=True)
class Library:
    """Every article that read cleanly, and one line for each that did not."""

    articles: tuple[Article, ...]
    problems: tuple[str, ...]


def read_library(articles_dir: Path, default_language: str = SOURCE_LANGUAGE) -> Library:
    """Read every `*.md` in the folder; a bad article is reported, the rest still load.

    An article without `lang:` is in `default_language` (the profile's `practice.language`).
    """
    if not articles_dir.is_dir():
        raise SourceError(f"{articles_dir}: article folder not found")
    articles: list[Article] = []
    problems: list[str] = []
    holders: dict[str, list[str]] = {}
    for path in sorted(articles_dir.glob("*.md")):
        try:
            article = read_article(path, default_language)
        except SourceError as exc:
            problems.extend(exc.problems)
            continue
        holders.setdefault(article.slug, []).append(str(path))
        articles.append(article)
    # Two sources with one slug would write one build/<slug>/ over the other, whichever came last
    # in name order: a reviewed handout replaced by an unreviewed import. Nothing is built then.
    taken = [f"{files[1]}: slug: {slug!r} is also the slug of {files[0]}"
             + (f" (and of {', '.join(files[2:])})" if len(files) > 2 else "")
             + "; each article needs its own slug, so nothing was built" for slug, files in holders.items()
             if len(files) > 1]
    if taken:
        raise SourceError(*taken, *problems)
    return Library(tuple(articles), tuple(problems))


def read_article(path: Path, default_language: str = SOURCE_LANGUAGE) -> Article:
    """Read one article source file."""
    raw = read_limited(path, MAX_ARTICLE_BYTES, "an article's Markdown text")
    return parse_article(raw, str(path), default_slug=path.stem, default_language=default_language)


def parse_article(raw: bytes, source: str, default_slug: str, default_language: str = SOURCE_LANGUAGE) -> Article:
    """Parse the bytes of an article source; every problem names the file and the field."""
    if b"\x00" in raw:
        raise SourceError(f"{source}: binary data; expected a UTF-8 Markdown text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{source}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = split_front_matter(text, source)
    meta = front.fields
    problems = [f"{source}: {_key_name(key)}: unknown field"
                + (did_you_mean(str(key), FIELDS) or f" (expected one of {', '.join(sorted(FIELDS))})")
                for key in meta if key not in FIELDS]
    fields = _Fields(meta, source, problems)
    title = fields.text("title", required=True)
    summary = fields.text("summary")
    updated = fields.date("updated")
    slug = fields.slug(default_slug)
    author = fields.text("author")
    canonical = fields.url("canonical_url")
    language = fields.language(default_language)
    tags = fields.tags()
    reviewed_by, reviewed_on = fields.text("reviewed_by"), fields.date("reviewed_on")
    next_review = fields.date("next_review")
    status, findings = read_status(meta, source, problems)
    if bool(reviewed_by) != bool(reviewed_on):
        problems.append(f"{source}: {'reviewed_on' if reviewed_by else 'reviewed_by'}: missing; a review needs "
                        "both who reviewed it (reviewed_by: Jane Doe, LCSW) and when (reviewed_on: 2025-03-03)")
    try:
        blocks, warnings = parse_body(front.body, front.body_line)
    except SourceError as exc:  # text the parser would drop: never a handout without it
        raise SourceError(*problems, *(f"{source}: {problem}" for problem in exc.problems)) from None
    if not blocks:
        problems.append(f"{source}: body: empty; expected the article text after the front matter")
    if problems:
        raise SourceError(*problems)
    return Article(
        slug=slug, title=title, summary=summary or first_sentence(blocks, title, language), updated=updated,
        blocks=blocks,
        author=author or None, canonical_url=canonical, tags=tags, language=language, source=source,
        summary_from_body=not summary, reviewed_by=reviewed_by or None, reviewed_on=reviewed_on,
        next_review=next_review, status=status, import_findings=findings,
        warnings=(*draft_warnings(source, slug, status, findings), *(f"{source}: {w}" for w in warnings)),
    )


class _Fields:
    def __init__(self, meta: dict, source: str, problems: list[str]) -> None:
        self.meta, self.source, self.problems = meta, source, problems

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{self.source}: {key}: {message}")

    def text(self, key: str, required: bool = False) -> str:
        value = self.meta.get(key)
        if value is None:
            if required:
                self.fail(key, "missing; expected a line of text")
            return ""
        if not isinstance(value, str):
            self.fail(key, f"expected text, got {excerpt(value)}")
            return ""
        cleaned = clean_line(value)
        if required and not cleaned:
            self.fail(key, "empty; expected a line of text")
        return cleaned

    def date(self, key: str) -> date | None:
        value = self.meta.get(key)
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            if not EARLIEST_DATE <= value <= LATEST_DATE:
                self.fail(key, f"{value.isoformat()} is not a date between {EARLIEST_DATE.year} and "
                               f"{LATEST_DATE.year}; expected a date like 2025-08-04")
                return None
            return value
        if value is not None:
            self.fail(key, f"expected a date like 2025-08-04, got {excerpt(value)}")
        return None

    def slug(self, default: str) -> str:
        value = self.meta.get("slug", default)
        if not isinstance(value, str) or not SLUG.fullmatch(value) or len(value) > 80:
            self.fail("slug", f"{excerpt(value)} is not a plain name of lowercase letters, digits and hyphens")
            return "invalid"
        return value

    def url(self, key: str) -> str | None:
        value = self.meta.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(key, f"expected a web address starting with https://, got {excerpt(value)}")
            return None
        if problem := web_address_problem(value):
            self.fail(key, problem)
            return None
        return value

    def language(self, default: str) -> str:
        """`lang: es` (`language:` is read too); one of the languages with a catalog."""
        key = "lang" if "lang" in self.meta or "language" not in self.meta else "language"
        value = self.meta.get(key, default)
        if not isinstance(value, str) or value.strip().lower() not in languages():
            known = ", ".join(f"{code} ({language_name(code, 'en')})" for code in languages())
            self.fail(key, f"{excerpt(value)} is not a language the handouts can be written in; "
                           f"expected one of {known}")
            return default
        return value.strip().lower()

    def tags(self) -> tuple[str, ...]:
        value = self.meta.get("tags", [])
        if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
            self.fail("tags", f"expected a list of words, got {excerpt(value)}")
            return ()
        return tuple(clean_line(tag) for tag in value if clean_line(tag))


def _key_name(key: object) -> str:
    """A front matter key as a message names it: as written, or a short excerpt of an odd one."""
    return key if isinstance(key, str) and len(key) <= 40 and key.isprintable() else excerpt(key, 40)
