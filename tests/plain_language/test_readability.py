"""Reading level by the article's language: Flesch–Kincaid grade in English, Szigriszt-Pazos in Spanish."""

from __future__ import annotations

import dataclasses
from datetime import date

from textstat.textstat import textstatistics

from pipeline.article.text import body_text
from pipeline.commands.check import article_summary
from pipeline.commands.scorecards import article_check, check_warnings
from pipeline.library.staff_page import reading_level
from pipeline.plain_language import article_measures
from pipeline.plain_language.readability import reading_grade, reading_scale
from pipeline.sources.articles import parse_article

HARD_SPANISH = """---
title: Consideraciones
lang: es
summary: Un texto difícil.
updated: 2025-08-04
---

La interdependencia psicoemocional característica de determinadas configuraciones relacionales
disfuncionales constituye, según numerosas investigaciones longitudinales contemporáneas, un
fenómeno multidimensional cuya conceptualización operacionalizable permanece extraordinariamente
controvertida entre especialistas internacionales.
"""


def test_spanish_is_measured_on_the_szigriszt_pazos_scale(spanish_article):
    expected = textstatistics()
    expected.set_lang("es")
    assert reading_grade(spanish_article) == round(expected.szigriszt_pazos(body_text(spanish_article)), 1)
    assert reading_grade(spanish_article) > 55  # short sentences, everyday words
    assert reading_grade(spanish_article) != reading_grade(dataclasses.replace(spanish_article, language="en"))


def test_english_stays_flesch_kincaid(seed_article, short_article):
    import textstat

    for article in (seed_article, short_article):  # the short one scored 0.0 with textstat's plain "en"
        assert reading_grade(article) == round(textstat.flesch_kincaid_grade(body_text(article)), 1) > 0


def test_hard_spanish_is_flagged_against_its_own_target(practice):
    article = parse_article(HARD_SPANISH.encode(), "dificil.md", "dificil")
    score = reading_grade(article)
    assert reading_scale("es").too_hard(score)
    checked = article_check(article, practice, date(2025, 9, 1))
    warnings = check_warnings(checked, practice)
    assert f"dificil.md:8: reading-level: Szigriszt-Pazos {score:.1f} (muy difícil); aim for 55 or above " \
           "(INFLESZ \"normal\"): shorter sentences and everyday words" in warnings
    assert article_summary(article, practice, checked).startswith(f"dificil: Szigriszt-Pazos {score:.1f}, ")


def test_easy_spanish_is_not_flagged(spanish_article, practice):
    checked = article_check(spanish_article, practice, date(2025, 9, 1))
    assert not any("reading-level" in warning for warning in check_warnings(checked, practice))
    assert not any(finding.rule == "reading-level" for finding in checked.card.findings)


def test_the_staff_page_shows_the_level_on_the_article_s_scale_in_the_page_s_language(spanish_article, seed_article):
    spanish = reading_level(spanish_article)
    assert spanish.endswith("de 100 en la escala Szigriszt-Pazos (INFLESZ); 55 o más es suficientemente fácil")
    assert "," in spanish.split(" ")[0]  # a decimal comma: "91,4"
    in_english = reading_level(spanish_article, "en")
    assert in_english.endswith("of 100 on the Szigriszt-Pazos (INFLESZ) scale; 55 or more is easy enough")
    assert "." in in_english.split(" ")[0]
    # English pages name the scorecard's measure, as `check` and the build's table do: SMOG.
    assert reading_level(seed_article) == f"SMOG grade {article_measures(seed_article).smog:.1f}" == "SMOG grade 11.5"
