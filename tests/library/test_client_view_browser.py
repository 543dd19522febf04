"""The pages as a client meets them: Chromium at 320, 412 and 1280 CSS px, with a practice whose
name, e-mail address and web addresses are real-length, an English and a Spanish article, and a
Spanish article without audio (as in a language with no voice).

At 412 × 900 (a phone) the player's top and a 988 link are on the first screen; at 320 (400 %
zoom) nothing scrolls sideways (WCAG 2.2 1.4.10, which axe does not test); axe finds nothing at
any width.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_library_browser import AXE, CHROMIUM, CHROMIUM_FLAGS, axe_violations, build_folder, recorded

from pipeline.library.article_page import render_article_page
from pipeline.library.staff_page import render_staff_page

pytestmark = pytest.mark.slow

WIDTHS = (320, 412, 1280)
FIRST_SCREEN = 900


@pytest.fixture(scope="module")
def site(tmp_path_factory, short_article, spanish_article, long_names_practice) -> dict[str, Path]:
    """A build folder for the long-named practice: the library page, two narrated articles' pages,
    a page without audio and the staff page."""
    practice = long_names_practice
    folder = tmp_path_factory.mktemp("build")
    library = build_folder(folder, [short_article, spanish_article], recorded(short_article, practice), practice)
    silent = folder / "sin-audio"
    silent.mkdir()
    built = (f"{spanish_article.slug}.pdf", f"{spanish_article.slug}-large-print.pdf", f"{spanish_article.slug}.epub")
    (silent / "index.html").write_text(render_article_page(spanish_article, None, practice, built), encoding="utf-8")
    (folder / "staff.html").write_text(
        render_staff_page([(article, (f"{article.slug}.pdf", f"{article.slug}.eml"))
                           for article in (short_article, spanish_article)], practice), encoding="utf-8")
    return {"library": library, "english": folder / short_article.slug / "index.html",
            "spanish": folder / spanish_article.slug / "index.html", "without audio": silent / "index.html",
            "staff": folder / "staff.html"}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or not AXE.exists():
        pytest.fail("the browser tests need Debian's chromium and node_modules/axe-core: run scripts/setup-tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{width}px" for width in WIDTHS])
def screen(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": FIRST_SCREEN})
    page = context.new_page()
    yield request.param, page
    context.close()


def top_and_bottom(page, selector: str) -> tuple[float, float]:
    return page.eval_on_selector(
        selector, "e => { const box = e.getBoundingClientRect(); return [box.top + scrollY, box.bottom + scrollY]; }")


@pytest.mark.parametrize("name", ["library", "english", "spanish", "without audio", "staff"])
def test_no_sideways_scrolling_and_no_wcag_violations(screen, site, name):
    width, page = screen
    page.goto(site[name].as_uri())
    scroll, client = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{name} at {width} px scrolls sideways: {scroll} > {client}"
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", ["english", "spanish"])
def test_the_player_and_the_crisis_line_are_on_the_first_screen(screen, site, name):
    width, page = screen
    page.goto(site[name].as_uri())
    player_top, _ = top_and_bottom(page, "audio")
    _, call_bottom = top_and_bottom(page, 'a[href="tel:988"]')
    _, text_bottom = top_and_bottom(page, 'a[href="sms:988"]')
    if width >= 412:
        assert player_top < FIRST_SCREEN and max(call_bottom, text_bottom) <= FIRST_SCREEN, \
            (width, player_top, call_bottom, text_bottom)
    # Nothing for staff stands between the client and the player, at any width.
    before = page.evaluate("""() => {
        const player = document.querySelector('audio');
        return Array.from(document.querySelectorAll('a[href], dl, details'))
            .filter(e => e.compareDocumentPosition(player) & Node.DOCUMENT_POSITION_FOLLOWING)
            .map(e => e.getAttribute('href') || e.tagName);
    }""")
    assert before == ["#main", "../index.html"]


def test_a_page_without_audio_and_the_library_show_the_crisis_line_first(screen, site):
    width, page = screen
    for name in ("without audio", "library"):
        page.goto(site[name].as_uri())
        _, bottom = top_and_bottom(page, 'a[href="sms:988"]')
        assert bottom <= FIRST_SCREEN or width < 412, (name, width, bottom)
        assert page.locator("audio").count() == 0 or name == "library"
