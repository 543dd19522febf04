"""`check`'s plain-language report: each article's scorecard and review, as JSON and as tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.console import Console
from rich.table import Table

from pipeline.article import Article
from pipeline.plain_language import FOR_A_PERSON, Scorecard, scorecard
from pipeline.sources import Practice, next_review, review_status


@dataclass(frozen=True)
class ArticleCheck:
    """One article's scorecard and review status on the day `check` ran."""

    article: Article
    card: Scorecard
    next_review: date | None
    status: str

    def as_json(self) -> dict[str, object]:
        article = self.article
        return {
            "slug": article.slug,
            "file": article.source,
            "plain_language": self.card.as_json(),
            "review": {
                "reviewed_by": article.reviewed_by,
                "reviewed_on": article.reviewed_on.isoformat() if article.reviewed_on else None,
                "next_review": self.next_review.isoformat() if self.next_review else None,
                "status": self.status,
            },
        }


def article_check(article: Article, practice: Practice, today: date) -> ArticleCheck:
    review = practice.review
    return ArticleCheck(article, scorecard(article, practice.plain_language),
                        next_review(article, review.every_years),
                        review_status(article, review.every_years, review.warn_days, today))


def check_warnings(checked: ArticleCheck, practice: Practice) -> list[str]:
    """The findings of the rules `[plain_language] strict` names, and an overdue review: `--strict` fails on them."""
    where = checked.article.source
    warnings = [f"{where}{f':{finding.line}' if finding.line else ''}: {finding.rule}: {finding.text}; "
                f"{finding.advice}"
                for finding in checked.card.findings if finding.rule in practice.plain_language.strict]
    if checked.status == "overdue":
        warnings.append(f"{where}: next_review: the clinical review was due on {checked.next_review}; have "
                        "it reviewed again and update reviewed_by and reviewed_on")
    return warnings


def print_scorecards(checks: list[ArticleCheck], console: Console | None = None) -> None:
    """One table of findings per article, under a line of its measures, PEMAT-P shares and review."""
    console = console or Console(highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 120)
    for checked in checks:
        card, measures = checked.card, checked.card.measures
        level = (f"Szigriszt-Pazos {measures.szigriszt_pazos:.1f} ({measures.inflesz}), Fernández-Huerta "
                 f"{measures.fernandez_huerta:.1f}" if measures.language == "es" else
                 f"SMOG {measures.smog:.1f}" if measures.smog is not None else f"SMOG: {measures.smog_note}")
        if measures.grade is not None:
            level += f", Flesch–Kincaid grade {measures.grade:.1f}"
        shares = ", ".join(f"{name} {_percent(share.share)} ({len(share.items)} items computed)"
                           for name, share in (("understandability", card.understandability),
                                               ("actionability", card.actionability)))
        review = (f"review: {checked.status}" + (f", next {checked.next_review}" if checked.next_review else "")
                  + (f" (reviewed by {checked.article.reviewed_by} on {checked.article.reviewed_on})"
                     if checked.article.reviewed_by else ""))
        table = Table(title=f"{checked.article.slug} — {checked.article.source}", title_justify="left",
                      caption=f"{level}; {measures.words} words, {measures.sentences} sentences, "
                              f"{measures.average_sentence_words:g} words a sentence\nPEMAT-P {shares}\n{review}",
                      caption_justify="left")
        for column in ("line", "rule", "found", "advice"):
            table.add_column(column, justify="right" if column == "line" else "left", overflow="fold")
        for finding in card.findings:
            table.add_row(str(finding.line or "—"), finding.rule, finding.text, finding.advice)
        if not card.findings:
            table.add_row("—", "—", "no findings", "")
        console.print(table)
    if checks:
        console.print("For a person to check (a program cannot judge them):")
        for item in FOR_A_PERSON:
            console.print(f"  - {item}")


def _percent(share: float | None) -> str:
    return "n/a" if share is None else f"{share:.0%}"
