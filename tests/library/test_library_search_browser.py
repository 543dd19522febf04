"""The library page at library scale in a real browser: 61 articles to search, filter by topic,
sort and count, by mouse and by keyboard, offline and without accessibility violations."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from test_library_browser import CHROMIUM_FLAGS, axe_violations, browser, build_folder, recording  # noqa: F401

pytestmark = pytest.mark.slow

WORDS = ("Worry", "Sleep", "Anger", "Grief", "Trust", "Habits", "Boundaries", "Rest", "Panic", "Hope")
TOPICS = ("anxiety", "sleep", "couples", "grief", "parenting", "stress")


def corpus(short_article) -> list:
    """Sixty articles with different titles, dates and topics, and one in Spanish."""
    articles = []
    for n in range(60):
        word = WORDS[n % len(WORDS)]
        articles.append(dataclasses.replace(
            short_article, slug=f"article-{n:02}", title=f"{word} and you, part {n}",
            summary=f"Notes on {word.lower()} for clients, number {n}.",
            updated=date(2024, 1, 1) + timedelta(days=7 * ((n * 37) % 60)),
            tags=(TOPICS[n % len(TOPICS)],) + (("stress",) if n % 4 == 0 else ()),
        ))
    articles.append(dataclasses.replace(
        short_article, slug="dormir", title="Dormir sin preocupaciones", language="es",
        summary="Cómo descansar cuando la mente no se calla.", updated=date(2023, 5, 1), tags=("sueño",)))
    return articles


@pytest.fixture(scope="module")
def articles(short_article) -> list:
    return corpus(short_article)


@pytest.fixture(scope="module")
def library(tmp_path_factory, articles, practice, recording) -> Path:  # noqa: F811
    return build_folder(tmp_path_factory.mktemp("library"), articles, recording, practice)


@pytest.fixture
def page(browser, library) -> Iterator:  # noqa: F811
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(library.as_uri())
    yield page
    assert page.errors == [], "the page's script failed"
    assert all(url.startswith("file://") for url in page.requests), page.requests
    context.close()


def shown(page) -> list[str]:
    """The titles of the entries on show, in the order shown."""
    return page.eval_on_selector_all(".entry:not([hidden]) h2", "all => all.map(h => h.textContent)")


def count(page) -> str:
    return page.inner_text("#count")


def newest_first(articles) -> list[str]:
    return [a.title for a in sorted(articles, key=lambda a: (-a.updated.toordinal(), a.title.casefold()))]


def test_everything_shows_newest_first_with_a_count(page, articles):
    assert shown(page) == newest_first(articles)
    assert count(page) == "Showing all 61 articles"
    assert page.locator("audio").count() == 0  # no players on the library page
    assert axe_violations(page) == []


def test_search_filters_title_summary_and_topics_as_you_type(page, articles):
    page.click("#find")
    page.keyboard.type("grie")  # the title word "Grief" and the topic "grief"
    expected = [a.title for a in articles if "grie" in f"{a.title} {a.summary} {' '.join(a.tags)}".lower()]
    assert sorted(shown(page)) == sorted(expected) and len(expected) > 6
    assert count(page) == f"Showing {len(expected)} of 61 articles"
    page.fill("#find", "number 42")  # from a summary; every word must match
    assert shown(page) == ["Anger and you, part 42"]
    page.fill("#find", "SUENO")  # case and accents don't matter
    assert shown(page) == ["Dormir sin preocupaciones"]
    assert count(page) == "Showing 1 of 61 articles"


def test_no_match_says_so_and_show_all_brings_everything_back(page, articles):
    page.fill("#find", "xylophone")
    assert shown(page) == [] and count(page) == "Showing 0 of 61 articles"
    assert page.is_visible("#none")
    assert axe_violations(page) == []
    page.click("text=Show all")
    page.wait_for_function("() => document.querySelectorAll('.entry:not([hidden])').length === 61")
    assert not page.is_visible("#none") and page.input_value("#find") == ""


def test_topic_filter_alone_and_with_a_search(page, articles):
    page.select_option("#topic", "stress")
    expected = [a.title for a in articles if "stress" in a.tags]
    assert sorted(shown(page)) == sorted(expected)
    assert count(page) == f"Showing {len(expected)} of 61 articles"
    page.fill("#find", "worry")
    assert sorted(shown(page)) == sorted(t for t in expected if t.startswith("Worry"))
    options = page.eval_on_selector_all("#topic option", "all => all.map(o => o.textContent)")
    assert "stress (" + str(sum("stress" in a.tags for a in articles)) + ")" in options


def test_sort_by_title_and_back_to_newest(page, articles):
    page.select_option("#order", "title")
    assert shown(page) == sorted((a.title for a in articles), key=lambda t: [
        int(part) if part.isdigit() else part.casefold() for part in t.replace(",", "").split()])
    page.fill("#find", "part 1")
    assert shown(page)[0] == "Anger and you, part 12" and "Worry and you, part 10" in shown(page)
    page.select_option("#order", "newest")
    page.fill("#find", "")
    assert shown(page) == newest_first(articles)


def test_keyboard_alone_searches_sorts_and_opens_an_article(page, articles):
    page.keyboard.press("Tab")  # the skip link
    for crisis in ("tel:988", "sms:988"):  # the crisis line comes first, then the search
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == crisis
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "find"
    page.keyboard.type("hope")
    assert len(shown(page)) == 6 and all(t.startswith("Hope") for t in shown(page))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "topic"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "order"
    page.keyboard.press("ArrowDown")  # a closed list box changes its choice with the arrow keys
    assert page.input_value("#order") == "title"
    assert shown(page) == sorted(shown(page), key=lambda t: int(t.rsplit(" ", 1)[1]))
    page.keyboard.press("Tab")  # "Show all"
    page.keyboard.press("Tab")  # the first article shown
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == shown(page)[0] == "Hope and you, part 9"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    page.wait_for_url("**/article-09/index.html")
    assert page.inner_text("h1") == "Hope and you, part 9"
    assert page.locator("audio").count() == 1


def test_without_script_the_whole_list_shows(browser, library):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(library.as_uri())
    assert page.locator(".entry:visible").count() == 61
    assert not page.is_visible(".finder") and page.inner_text("#count") == "61 articles"
    assert page.locator(".entry h2 a").first.get_attribute("href").endswith("/index.html")
    context.close()


def test_every_entry_links_to_an_article_page_that_exists(page, library):
    links = page.eval_on_selector_all(".entry h2 a", "all => all.map(a => a.getAttribute('href'))")
    assert len(links) == 61
    assert all((library.parent / link).is_file() for link in links)
