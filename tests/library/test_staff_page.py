"""The staff page: each article's e-mail draft, the mail-client instructions, edition, reading
level and clinical review, which the client's pages no longer carry."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from pipeline.library import render_staff_page


@pytest.fixture(scope="module")
def reviewed(short_article):
    return dataclasses.replace(short_article, reviewed_by="Jane Doe, LCSW", reviewed_on=date(2025, 3, 3))


@pytest.fixture(scope="module")
def staff(reviewed, spanish_article, seed_article, practice) -> str:
    built = {
        reviewed.slug: (f"{reviewed.slug}.pdf", f"{reviewed.slug}.eml"),
        spanish_article.slug: (f"{spanish_article.slug}.pdf", f"{spanish_article.slug}.eml"),
        seed_article.slug: (),  # listed, not built yet
    }
    return render_staff_page([(a, built[a.slug]) for a in (reviewed, spanish_article, seed_article)], practice)


def entry(page: str, title: str) -> str:
    start = page.index(title)
    return page[start:page.index("</li>", start)]


def test_each_built_article_links_its_e_mail_draft_and_its_page(staff, reviewed, spanish_article):
    hrefs = re.findall(r'href="([^"]+)"', staff)
    assert hrefs == ["#main", "sueno-y-preocupacion/index.html", "sueno-y-preocupacion/sueno-y-preocupacion.eml",
                     "sleep-and-worry/index.html", "sleep-and-worry/sleep-and-worry.eml"]  # newest first


def test_the_mail_client_instructions_are_here(staff):
    for client in ("Outlook", "“Edit as New Message” (Thunderbird)", "“Send Again” (Apple Mail)"):
        assert client in staff


def test_edition_reading_level_and_review_status(staff, reviewed, spanish_article, seed_article):
    english = entry(staff, reviewed.title)
    assert re.search(r"<dd>2025-03-14 · [0-9a-f]{7}</dd>", english)
    assert "Reading level" not in english  # under the 30 sentences SMOG is normed on: no measure stands in
    assert "Reviewed by Jane Doe, LCSW, on March 3, 2025; next review March 3, 2028" in english
    spanish = entry(staff, spanish_article.title)
    assert "<dd>Not reviewed</dd>" in spanish and "INFLESZ" in spanish and "<dd>Spanish</dd>" in spanish
    unbuilt = entry(staff, seed_article.title)
    assert "<dd>Not built yet</dd>" in unbuilt and "href" not in unbuilt
    assert "<dd>SMOG grade 11.5</dd>" in unbuilt


def test_it_is_one_page_with_nothing_loaded_and_no_script(staff):
    assert "<script" not in staff and "<link" not in staff and "<img" not in staff
    assert "script-src" not in staff and '<meta name="robots" content="noindex">' in staff


def test_the_build_hands_in_the_measures_it_kept_and_an_unscored_article_shows_none(seed_article, practice):
    """The build passes each article's kept measure, so a library of hundreds is not scored again
    whenever one article changes; an article not scored yet (not built) shows no level."""
    page = render_staff_page([(seed_article, ())], practice, measured={seed_article.slug: 7.25})
    assert "SMOG grade 7.2" in page or "SMOG grade 7.3" in page
    assert "SMOG grade" not in render_staff_page([(seed_article, ())], practice, measured={})
    assert "SMOG grade 11" in render_staff_page([(seed_article, ())], practice)  # scored when nothing is handed in
