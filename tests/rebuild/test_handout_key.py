"""The handout's key against the real handout: every input it reads changes both, any other neither.

Rendered with the real templates and stamp (the HTML the PDF is made from, in both editions), not
with the counting stand-ins of test_incremental: a profile field or article field the handout
shows but its key leaves out would keep a stale handout on a client's desk.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from pipeline.article.model import Article, Paragraph, Span
from pipeline.handout.html import EDITIONS, handout_html
from pipeline.rebuild.keys import handout_key
from pipeline.sources.practice import LanguageNotices, Location, Practice

BASE_URL = "https://www.example.org/handouts/"


def profile(practice: Practice, path: str, value: object) -> Practice:
    """The profile with one field (`section.field`, or `notices.es.crisis`) set to `value`."""
    section, *rest = path.split(".")
    part = getattr(practice, section)
    if len(rest) == 2:  # a language's notices
        language, field = rest
        notices = (part.__pydantic_extra__ or {})[language]
        extra = {**part.__pydantic_extra__, language: notices.model_copy(update={field: value})}
        return practice.model_copy(update={section: part.model_copy(update=extra)})
    return practice.model_copy(update={section: part.model_copy(update={rest[0]: value})})


Change = Callable[[Article, Practice], tuple[Article, Practice]]


def in_profile(path: str, value: object) -> Change:
    return lambda article, practice: (article, profile(practice, path, value))


def in_article(**fields: object) -> Change:
    return lambda article, practice: (dataclasses.replace(article, **fields), practice)


def published(change: Change) -> Change:
    """The change, made where the handout reads it: with build/ published at a base_url."""
    def made(article: Article, practice: Practice) -> tuple[Article, Practice]:
        return change(article, profile(practice, "publish.base_url", BASE_URL))
    return made


READ = {  # every input the handout shows, changed
    "practice.name": in_profile("practice.name", "Harbor Couples Counseling"),
    "practice.website": in_profile("practice.website", "https://www.harborcouples.org"),
    "practice.phone": in_profile("practice.phone", "(704) 555-0199"),
    "practice.email": in_profile("practice.email", "office@harborcouples.org"),
    "practice.contact_page": in_profile("practice.contact_page", "https://www.harborcouples.org/reach-us"),
    "practice.response_time": in_profile("practice.response_time", "We reply within two business days."),
    "practice.audio_base_url": in_profile("practice.audio_base_url", "https://audio.harborcouples.org/"),
    "services.virtual_states": in_profile("services.virtual_states", ("AZ", "NC")),
    "services.in_person": in_profile("services.in_person", (Location(city="Asheville", state="NC"),)),
    "notices.crisis": in_profile("notices.crisis", "Call or text 988, any hour, any day."),
    "notices.disclaimer": in_profile("notices.disclaimer", "Not a substitute for care from your own doctor."),
    "handout.paper": in_profile("handout.paper", "a4"),
    "publish.base_url": in_profile("publish.base_url", BASE_URL),
    "article.title": in_article(title="Sleep, Worry and Rest"),
    "article.summary": in_article(summary="Why worry wakes us, and what helps."),
    "article.updated": in_article(updated=date(2025, 9, 1)),
    "article.updated (none)": in_article(updated=None),
    "article.author": in_article(author="Jane Doe, LCSW"),
    "article.canonical_url": in_article(canonical_url="https://www.harborcouples.org/sleep"),
    "article.tags": in_article(tags=("sleep", "worry")),
    "article.blocks": in_article(blocks=(Paragraph((Span("Worry is loudest at night."),)),)),
    "article.slug (published)": published(in_article(slug="sleep-and-worry-2")),
}
NOT_READ = {  # inputs of other outputs: the handout must not be rebuilt for them
    "speech.speaking_rate": in_profile("speech.speaking_rate", 0.85),
    "speech.engine": in_profile("speech.engine", "gtts"),
    "speech.voices": in_profile("speech.voices", {"es": "voices/es_MX-claude-high.onnx"}),
    "speech.bitrate_kbps": in_profile("speech.bitrate_kbps", 48),
    "speech.voice": in_profile("speech.voice", "en_US-lessac-medium"),
    "speech.sentence_pause_ms": in_profile("speech.sentence_pause_ms", 500),
    "speech.paragraph_pause_ms": in_profile("speech.paragraph_pause_ms", 900),
    "speech.heading_pause_ms": in_profile("speech.heading_pause_ms", 1500),
    "email.attach": in_profile("email.attach", "links"),
    "email.budget_mb": in_profile("email.budget_mb", 2.0),
    "email.attach_large_print": in_profile("email.attach_large_print", True),
    "email.attach_epub": in_profile("email.attach_epub", True),
    "email.subject_names_topic": in_profile("email.subject_names_topic", True),
    "limits.max_handout_pages": in_profile("limits.max_handout_pages", 12),
    "limits.max_listening_minutes": in_profile("limits.max_listening_minutes", 20),
    # The scorecard's thresholds and the review cycle are for `check`; the handout prints the
    # article's own review line, not when the next review falls.
    "plain_language.max_grade": in_profile("plain_language.max_grade", 6.0),
    "plain_language.min_spanish_score": in_profile("plain_language.min_spanish_score", 65.0),
    "plain_language.max_sentence_words": in_profile("plain_language.max_sentence_words", 15),
    "plain_language.max_paragraph_words": in_profile("plain_language.max_paragraph_words", 60),
    "plain_language.headings_after_words": in_profile("plain_language.headings_after_words", 200),
    "plain_language.off": in_profile("plain_language.off", ("jargon",)),
    "plain_language.strict": in_profile("plain_language.strict", ("reading-level", "jargon")),
    "review.every_years": in_profile("review.every_years", 2),
    "review.warn_days": in_profile("review.warn_days", 60),
    "listening.max_word_error": in_profile("listening.max_word_error", 0.3),
    "publish.title": in_profile("publish.title", "Harbor Couples: listen"),
    "publish.description": in_profile("publish.description", "Audio handouts from Harbor Couples."),
    "publish.artwork": in_profile("publish.artwork", "show.png"),
    "publish.locked": in_profile("publish.locked", False),
    "pronunciations": lambda article, practice: (article, practice.model_copy(
        update={"pronunciations": {"Gottman": "GOT man"}})),
    "article.source": in_article(source="elsewhere/sleep-and-worry.md"),
    "article.warnings": in_article(warnings=("line 3: a warning",)),
}


def handouts(article: Article, practice: Practice) -> dict[str, str]:
    return {edition: handout_html(article, practice, edition) for edition in EDITIONS}


@pytest.mark.parametrize("change", READ.values(), ids=READ.keys())
def test_an_input_the_handout_reads_changes_its_key_and_the_handout(short_article, practice, change):
    article, changed_practice = change(short_article, practice)
    before, after = handouts(short_article, practice), handouts(article, changed_practice)
    for edition in EDITIONS:
        assert after[edition] != before[edition], f"the {edition} handout does not show this input"
    assert handout_key(article, changed_practice) != handout_key(short_article, practice)


def test_the_spanish_notices_change_a_spanish_handout_and_its_key(spanish_article, practice):
    notices = practice.notices.__pydantic_extra__["es"]
    assert isinstance(notices, LanguageNotices)
    for field, value in (("crisis", "Llame o envíe un mensaje al 988."), ("disclaimer", "No sustituye la terapia."),
                         ("response_time", "Respondemos en dos días hábiles.")):
        changed = profile(practice, f"notices.es.{field}", value)
        before, after = handouts(spanish_article, practice), handouts(spanish_article, changed)
        assert all(after[edition] != before[edition] for edition in EDITIONS), field
        assert value in after["regular"], field
        assert handout_key(spanish_article, changed) != handout_key(spanish_article, practice), field


def test_the_language_of_an_article_changes_its_handout_and_key(short_article, practice):
    spanish = dataclasses.replace(short_article, language="es")
    assert handouts(spanish, practice)["regular"] != handouts(short_article, practice)["regular"]
    assert handout_key(spanish, practice) != handout_key(short_article, practice)


@pytest.mark.parametrize("change", NOT_READ.values(), ids=NOT_READ.keys())
def test_an_input_the_handout_does_not_read_changes_neither(short_article, practice, change):
    article, changed_practice = change(short_article, practice)
    assert handouts(article, changed_practice) == handouts(short_article, practice)
    assert handout_key(article, changed_practice) == handout_key(short_article, practice)


def test_every_profile_field_is_in_one_table_or_the_other(practice):
    """A field added to the profile must be sorted here: read by the handout, or not."""
    listed = {name.split(" ")[0] for name in (*READ, *NOT_READ)}
    fields = {f"{section}.{field}" for section, model in type(practice).model_fields.items()
                if hasattr(model.annotation, "model_fields") for field in model.annotation.model_fields}
    # practice.language decides which notices an article gets; it cannot change alone (an English
    # article then needs [notices.en]), and the key holds it with the rest of [practice].
    assert fields - listed == {"practice.language"}
