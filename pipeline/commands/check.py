"""`check`: validate every source without building, and report what an editor would flag."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pipeline.article import (
    Article,
    BlockVisitor,
    BulletList,
    CodeBlock,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Rule,
    Table,
    plain,
)
from pipeline.audio import narration_script, pronunciation_notes
from pipeline.building import (
    article_step,
    engine_problem,
    load_sources,
    missing_voice,
    over_limits,
    reading_level_label,
)
from pipeline.commands.scorecards import ArticleCheck, article_check, check_warnings
from pipeline.errors import PipelineError
from pipeline.language import listening_time
from pipeline.settings import Settings
from pipeline.sources import Practice, article_structure

BASE64_GROWTH = 4 / 3 * 78 / 76  # attachments in base64, in lines of 76 characters and a line break
HANDOUT_ESTIMATE_BYTES = 60_000  # a typical handout PDF (the seed's: 55 KB, large print 58 KB)
EBOOK_TEXT_BYTES = 60_000  # an e-book besides its recording (the seed's: text, overlays and cover)
MP3_TAGS_BYTES = 55_000  # the MP3's cover image and chapter tags (the seed's: 51 KB)
EMAIL_TEXT_BYTES = 10_000  # the note in plain text and HTML (the seed's: 8 KB)
LONG_PARAGRAPH_WORDS = 150
LONG_SUMMARY_CHARS = 300


JSON_VERSION = 1  # `check --json`'s "version": raised only if a key is renamed or removed


@dataclass(frozen=True)
class ArticleFacts:
    """What `check` says about one article besides its scorecard: listening time, e-mail size, pronunciation."""

    listening_ms: int
    email_mb: float
    budget_mb: float
    pronunciation_notes: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {"listening": {"estimated_seconds": round(self.listening_ms / 1000),
                              "text": listening_time(self.listening_ms)},
                "email": {"estimated_mb": self.email_mb, "budget_mb": self.budget_mb,
                          "fits": self.email_mb <= self.budget_mb},
                "pronunciation_notes": list(self.pronunciation_notes)}


@dataclass
class CheckReport:
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # worth knowing, never a failure
    articles: list[ArticleCheck] = field(default_factory=list)  # each article's scorecard and review
    facts: dict[str, ArticleFacts] = field(default_factory=dict)  # by slug
    voices: dict[str, str | None] = field(default_factory=dict)  # language -> why it has no voice, or None

    def as_json(self) -> dict[str, object]:
        """The whole text report as one document (its schema: docs/reference/check.schema.json)."""
        return {
            "version": JSON_VERSION,
            "articles": [{**checked.as_json(), **self.facts[checked.article.slug].as_json()}
                         for checked in self.articles],
            "voices": [{"language": language, "available": missing is None, "missing": missing}
                       for language, missing in sorted(self.voices.items())],
            "notices": self.notices,
            "warnings": self.warnings,
            "problems": self.problems,
        }


def check(settings: Settings, slugs: tuple[str, ...] = (), today: date | None = None) -> CheckReport:

    practice, articles, problems = load_sources(settings, slugs)
    report = CheckReport(problems=list(problems))
    unknown_engine = engine_problem(settings, practice)
    if unknown_engine:
        report.problems.append(unknown_engine)
    elif (settings.engine or practice.speech.engine) == "gtts":
        where = "--engine gtts" if settings.engine else f"{settings.practice_file}: speech.engine = \"gtts\""
        report.notices.append(f"{where}: building sends every article's text to Google to be spoken; "
                              "the piper engine keeps it on this computer")
        report.voices = {article.language: None for article in articles}  # Google speaks each language
    else:
        for language in sorted({article.language for article in articles}):  # the voice files, as build checks them
            try:
                silent = missing_voice(language, practice, settings)
            except PipelineError as exc:
                report.problems.extend(exc.problems)
                continue
            report.voices[language] = silent
            if silent:
                report.warnings.append(f"{settings.practice_file}: {silent}; articles in that language "
                                       "will be built without audio")
    report.warnings.extend(f"{settings.practice_file}: {p}" for p in practice.placeholders())
    report.warnings.extend(f"{settings.practice_file}: {p}" for p in practice.crisis_notices_without_a_number())
    if not slugs:  # the packets in sources/packets/, as `packet` would find them
        from pipeline.packets import packet_file_problems

        report.problems.extend(packet_file_problems(settings.sources, practice, articles, str(settings.practice_file)))
    for article in articles:
        refused = over_limits(article, practice, settings)
        if refused:  # too long to estimate in detail, or to build
            report.problems.extend(refused)
            continue
        try:
            with article_step(article.slug, "checking"):
                checked = article_check(article, practice, today or date.today())
                line, flags = article_summary(article, practice, checked), editor_flags(article, practice)
                # Only words a voice will read in the article's language: none without its voice.
                voiced = report.voices.get(article.language) is None
                notes = pronunciation_notes(article, practice.pronunciations) if voiced else []
        except PipelineError as exc:  # one article's defect skips only that article
            report.problems.extend(exc.problems)
            continue
        report.lines.append(line)
        report.warnings.extend(flags)
        for finding in article_structure(article):  # errors where the handout would come out wrong
            (report.problems if finding.error else report.warnings).append(
                f"{article.source}: {finding.where}: {finding.message}")
        report.warnings.extend(check_warnings(checked, practice))
        report.articles.append(checked)
        report.notices.extend(notes)
        report.facts[article.slug] = ArticleFacts(scripted_listening_ms(article, practice),
                                                  estimated_email_mb(article, practice),
                                                  practice.email.budget_mb, tuple(notes))
    count = len(articles)
    report.lines.append(f"{count} article{'s' if count != 1 else ''} checked")
    return report


def scripted_listening_ms(article: Article, practice: Practice) -> int:
    return narration_script(article, practice).estimated_ms(practice.speech.speaking_rate)


def estimated_email_mb(article: Article, practice: Practice) -> float:
    """The e-mail draft's encoded size, estimated from the listening time and bitrate."""
    mp3 = scripted_listening_ms(article, practice) / 1000 * practice.speech.bitrate_kbps * 1000 / 8
    pdfs: float = HANDOUT_ESTIMATE_BYTES * (2 if practice.email.attach_large_print else 1)
    if practice.email.attach_epub:  # the e-book carries the recording again, and its text
        pdfs += mp3 + EBOOK_TEXT_BYTES
    return round(((mp3 + MP3_TAGS_BYTES + pdfs) * BASE64_GROWTH + EMAIL_TEXT_BYTES) / 1_000_000, 1)


def article_summary(article: Article, practice: Practice, checked: ArticleCheck) -> str:
    """One line: the reading level by the scorecard's measure (as the build's table names it), listening, e-mail."""
    level = reading_level_label(checked.card)
    if level == "too short":
        level = checked.card.measures.smog_note or "too short to score"
    listening = listening_time(scripted_listening_ms(article, practice))
    listening = listening if listening.startswith("under") else f"about {listening}"
    size = estimated_email_mb(article, practice)
    fits = "fits" if size <= practice.email.budget_mb else "over"
    return (f"{article.slug}: {level}, {listening} of listening, "
            f"e-mail about {size:.1f} MB ({fits} the {practice.email.budget_mb:g} MB budget)")


def editor_flags(article: Article, practice: Practice) -> list[str]:
    """Warnings a careful editor would raise about one article (the reading level is the scorecard's)."""
    where = article.source
    flags = list(article.warnings)
    if estimated_email_mb(article, practice) > practice.email.budget_mb:
        flags.append(f"{where}: the e-mail draft will likely exceed the "
                     f"{practice.email.budget_mb:g} MB budget; lower speech.bitrate_kbps or link "
                     "to the audio instead of attaching it")
    if article.summary_from_body:
        flags.append(f"{where}: summary: missing; the library page and e-mail use the first sentence, "
                     f"{article.summary!r}")
    if article.updated is None:
        flags.append(f"{where}: updated: missing; the handout and library page show no "
                     "\"last updated\" date (add one like 2025-08-04)")
    if len(article.summary) > LONG_SUMMARY_CHARS:
        flags.append(f"{where}: summary: {len(article.summary)} characters; keep it under "
                     f"{LONG_SUMMARY_CHARS} so it fits the library page and e-mail")
    walker = _StructureFlags(where)
    walker.visit_all(article.blocks)
    return flags + walker.flags


class _StructureFlags(BlockVisitor[None]):
    """Headings that skip a level and paragraphs too long to read, wherever they stand."""

    def __init__(self, where: str) -> None:
        self.where, self.level = where, 1
        self.flags: list[str] = []

    def heading(self, block: Heading) -> None:
        if block.level > self.level + 1:
            self.flags.append(f"{self.where}: heading {plain(block.text)!r} skips from level {self.level} "
                              f"to {block.level}; screen readers rely on the order")
        self.level = block.level

    def paragraph(self, block: Paragraph) -> None:
        if len(plain(block.text).split()) > LONG_PARAGRAPH_WORDS:
            start = " ".join(plain(block.text).split()[:6])
            self.flags.append(f"{self.where}: paragraph starting {start!r}… is over {LONG_PARAGRAPH_WORDS} "
                              "words; split it for readers with dyslexia or low vision")

    def bullet_list(self, block: BulletList) -> None:
        for item in block.items:
            self.visit_all(item.blocks)

    def ordered_list(self, block: OrderedList) -> None:
        for item in block.items:
            self.visit_all(item.blocks)

    def quote(self, block: Quote) -> None:
        self.visit_all(block.blocks)

    def code_block(self, block: CodeBlock) -> None:
        pass  # counted in the limits and estimates like any text

    def table(self, block: Table) -> None:
        pass

    def rule(self, block: Rule) -> None:
        pass
