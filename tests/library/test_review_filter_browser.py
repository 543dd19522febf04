"""The library page's staff view in a real browser: the clinical-review filter, hidden from clients."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from test_library_browser import axe_violations, browser, build_folder, recording  # noqa: F401

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def library(tmp_path_factory, short_article, practice, recording) -> Path:  # noqa: F811
    """Three articles: reviewed long ago (overdue), reviewed with a review far ahead, never reviewed."""
    reviewed = dataclasses.replace(short_article, reviewed_by="Jane Doe, LCSW", reviewed_on=date(2020, 1, 6))
    articles = [
        dataclasses.replace(reviewed, slug="overdue", title="Reviewed long ago"),
        dataclasses.replace(reviewed, slug="current", title="Reviewed lately", next_review=date(2099, 1, 1)),
        dataclasses.replace(short_article, slug="unreviewed", title="Never reviewed"),
    ]
    return build_folder(tmp_path_factory.mktemp("review"), articles, recording, practice)


@pytest.fixture
def open_library(browser, library) -> Iterator:  # noqa: F811
    pages = []

    def open_at(suffix: str = ""):
        context = browser.new_context(viewport={"width": 1000, "height": 900})
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(library.as_uri() + suffix)
        pages.append(page)
        return page

    yield open_at
    for page in pages:
        assert page.errors == [], "the page's script failed"
        page.context.close()


def shown(page) -> list[str]:
    return page.eval_on_selector_all(".entry:not([hidden]) h2", "all => all.map(h => h.textContent)")


def test_clients_do_not_see_the_review_filter(open_library):
    page = open_library()
    assert not page.is_visible("#review") and page.is_visible("#find")
    assert len(shown(page)) == 3


def test_staff_filter_what_is_due_and_what_was_never_reviewed(open_library):
    page = open_library("#staff")
    assert page.is_visible("#review")
    page.select_option("#review", "due")
    assert shown(page) == ["Reviewed long ago"]
    assert page.inner_text("#count") == "Showing 1 of 3 articles"
    page.select_option("#review", "unreviewed")
    assert shown(page) == ["Never reviewed"]
    page.click("button[type=reset]")
    page.wait_for_function("() => document.querySelectorAll('.entry:not([hidden])').length === 3")
    assert axe_violations(page) == []
