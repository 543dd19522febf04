"""Languages: the gettext catalogs, Babel's dates, the article's `lang` and the stamp in Spanish."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from pipeline.errors import ConfigError, SourceError
from pipeline.language.catalogs import LOCALES, language_name, languages, translations
from pipeline.language.wording import listening_time, long_date
from pipeline.sources.articles import parse_article
from pipeline.stamp import stamp, stamp_text

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "---\ntitle: T\n{extra}---\n\nBody text.\n"


def test_english_and_spanish_are_the_languages():
    assert languages() == ("en", "es")
    assert language_name("es") == "Español" and language_name("es", "en") == "Spanish"


@pytest.mark.parametrize(("language", "day", "words"), [
    ("en", date(2025, 8, 4), "August 4, 2025"),
    ("es", date(2025, 8, 4), "4 de agosto de 2025"),
    ("es", date(2026, 1, 1), "1 de enero de 2026"),
], ids=["english", "spanish", "spanish-new-year"])
def test_dates_in_the_article_s_language(language, day, words):
    assert long_date(day, language) == words


@pytest.mark.parametrize(("duration_ms", "words"), [
    (6_000, "menos de un minuto"), (60_000, "1 minuto"), (373_000, "6 minutos")])
def test_listening_time_in_spanish(duration_ms, words):
    assert listening_time(duration_ms, "es") == words


def test_front_matter_lang_sets_the_article_s_language():
    article = parse_article(ARTICLE.format(extra="lang: es\n").encode(), "a.md", "a")
    assert article.language == "es"


def test_without_lang_the_article_is_in_the_profile_s_language():
    assert parse_article(ARTICLE.format(extra="").encode(), "a.md", "a").language == "en"
    assert parse_article(ARTICLE.format(extra="").encode(), "a.md", "a", default_language="es").language == "es"


def test_a_language_without_a_catalog_is_one_line_naming_the_field():
    with pytest.raises(SourceError) as caught:
        parse_article(ARTICLE.format(extra="lang: fr\n").encode(), "a.md", "a")
    assert caught.value.problems == (
        "a.md: lang: 'fr' is not a language the handouts can be written in; expected one of en (English), "
        "es (Spanish)",)


def test_every_phrase_in_the_code_and_templates_is_translated_into_spanish():
    """A phrase added in English and not to the catalog would print English in a Spanish handout."""
    method_map = [("pipeline/**.py", "python"), ("templates/**.j2", "jinja2")]
    options = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                                   "lstrip_blocks": "true"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "pgettext": ((1, "c"), 2)}
    wanted = {(context, message if isinstance(message, str) else message[0])
              for _file, _line, message, _comments, context in
              extract_from_dir(str(ROOT), method_map, options, keywords=keywords)}
    catalog = read_po(io.BytesIO((LOCALES / "es" / "LC_MESSAGES" / "messages.po").read_bytes()), locale="es")
    translated = {(message.context, message.id if isinstance(message.id, str) else message.id[0])
                  for message in catalog if message.id and message.string and all(message.string)}
    assert len(wanted) > 100
    assert sorted(wanted - translated, key=str) == []


def test_english_is_the_phrases_as_written():
    assert translations("en").gettext("Phone:") == "Phone:"
    assert translations("es").gettext("Phone:") == "Teléfono:"


def test_the_stamp_in_spanish(practice):
    spanish = stamp(practice, "es")
    assert spanish.services_sentence == (
        "Sesiones virtuales para clientes en Arizona, Florida, Carolina del Norte, Carolina del Sur, Tennessee, "
        "Texas, Utah, Vermont y Virginia. Atención en persona en Charlotte, Carolina del Norte y Carefree, Arizona.")
    assert spanish.crisis.startswith("Si está en crisis") and spanish.response_time.startswith("Respondemos")
    assert "Teléfono: (704) 555-0123  Correo electrónico: hello@example.com" in stamp_text(practice, "es")


def test_the_english_stamp_is_unchanged(practice):
    assert stamp(practice).services_sentence.startswith("Virtual sessions for clients in Arizona, Florida, North")


def test_a_stamp_in_a_language_the_profile_has_no_notices_for_is_refused(practice):
    notices = practice.notices.model_dump(exclude={"es"})
    without = practice.model_copy(update={"notices": type(practice.notices).model_validate(notices)})
    assert without.notices_in("es") is None
    with pytest.raises(ConfigError, match=r"notices\.es: missing"):
        stamp(without, "es")


def test_a_spanish_summary_from_the_body_is_its_first_sentence():
    text = "---\ntitle: T\nlang: es\n---\n\n¿Le cuesta dormir? La Dra. López explica por qué. Él lo sabe.\n"
    article = parse_article(text.encode(), "a.md", "a")
    assert article.summary_from_body and article.summary == "¿Le cuesta dormir? La Dra. López explica por qué."
