"""An article's own page in a real browser: accessibility, links, read-along and keyboard use.

Runs Debian's Chromium headless through Playwright (no browser download) on a build folder made
here: the pages, a real MP3 made with ffmpeg, its captions, an e-mail draft and stand-in PDFs.
The library page at library scale is tested in test_library_search_browser.py; the pages as a
client meets them on a phone in test_client_view_browser.py.
"""

from __future__ import annotations

import dataclasses
import subprocess
from collections.abc import Iterator
from pathlib import Path

import imageio_ffmpeg
import pytest

from pipeline.audio import narration_script
from pipeline.audio.recording.finished import Chapter, Recording
from pipeline.email.draft import render_email
from pipeline.library.article_page import render_article_page
from pipeline.library.library_page import render_library_page
from tests.conftest import timed_cues

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required", "--mute-audio",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

def vtt_time(ms: int) -> str:
    return f"{ms // 60_000:02}:{ms // 1000 % 60:02}.{ms % 1000:03}"


def tone_mp3(seconds: int) -> bytes:
    """A quiet sine tone as a small mono MP3, made with the ffmpeg the pipeline ships with."""
    result = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi",
         "-i", f"sine=frequency=330:duration={seconds}", "-af", "volume=0.1", "-ac", "1",
         "-ar", "22050", "-b:a", "32k", "-f", "mp3", "-"],
        check=True, capture_output=True,
    )
    return result.stdout


def recorded(article, practice) -> Recording:
    """The article as if narrated half a second a sentence (captions that follow its script), over a
    real MP3 as long as that."""
    cues = timed_cues(narration_script(article, practice))
    captions = "WEBVTT\n" + "".join(
        f"\n{vtt_time(c.start_ms)} --> {vtt_time(c.end_ms)}\n{c.text}\n" for c in cues
    )
    seconds = cues[-1].end_ms // 1000 + 1
    return Recording(tone_mp3(seconds), captions, seconds * 1000,
                     (Chapter(article.title, 0, 2500), Chapter("What helps?", 2500, seconds * 1000)), cues)


@pytest.fixture(scope="module")
def recording(short_article, practice) -> Recording:
    return recorded(short_article, practice)


def build_folder(folder: Path, articles, recording: Recording, practice) -> Path:
    """What `build` writes, with stand-in PDFs: the library page, each article's page and every
    file they link to. Returns the library page."""
    for article in articles:
        files = {
            ".pdf": b"%PDF-1.7 stand-in handout",
            "-large-print.pdf": b"%PDF-1.7 stand-in large print",
            ".mp3": recording.mp3,
            ".vtt": recording.captions.encode(),
            ".epub": b"PK stand-in e-book",
            ".eml": render_email(article, practice, b"%PDF-1.7 stand-in", None, recording),
        }
        (folder / article.slug).mkdir(parents=True, exist_ok=True)
        for suffix, data in files.items():
            (folder / article.slug / f"{article.slug}{suffix}").write_bytes(data)
        narration = recording if article.language == "en" else recorded(article, practice)
        (folder / article.slug / "index.html").write_text(
            render_article_page(article, narration, practice), encoding="utf-8")
    page = render_library_page(articles, {a.slug: recording for a in articles}, practice)
    (folder / "index.html").write_text(page, encoding="utf-8")
    return folder / "index.html"


@pytest.fixture(scope="module")
def index(tmp_path_factory, short_article, seed_article, practice, recording) -> Path:
    """The short article's own page, in a build folder that also holds the seed article."""
    folder = build_folder(tmp_path_factory.mktemp("build"), [short_article, seed_article], recording, practice)
    return folder.parent / short_article.slug / "index.html"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or not AXE.exists():
        pytest.fail("the browser tests need Debian's chromium and node_modules/axe-core: run scripts/setup-tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def open_page(browser, index: Path):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.requests = []  # every URL the page asks for: it must stay on the local files
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(index.as_uri())
    page.wait_for_function("() => document.querySelector('audio').readyState >= 1", timeout=10_000)
    return page


@pytest.fixture
def page(browser, index) -> Iterator:
    page = open_page(browser, index)
    yield page
    assert page.errors == [], "the page's script failed"
    page.context.close()


def axe_violations(page) -> list[str]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluate() is not subject to the page's CSP
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


def speaking(page) -> list[str]:
    return page.eval_on_selector_all(".sentence.speaking", "found => found.map(s => s.textContent)")


def seek(page, seconds: float, expected: str) -> None:
    page.evaluate("t => { document.querySelector('audio').currentTime = t; }", seconds)
    page.wait_for_function("text => (document.querySelector('.speaking') || {}).textContent === text",
                           arg=expected, timeout=5000)


def test_no_wcag_violations_while_reading_along(page):
    assert axe_violations(page) == []
    seek(page, 1.6, "Worry often gets louder at night.")
    page.focus(".sentence >> nth=3")
    assert axe_violations(page) == []


def test_works_offline_from_local_files(page):
    assert page.evaluate("document.querySelector('audio').duration") == pytest.approx(10, abs=0.2)
    assert page.requests and all(url.startswith("file://") for url in page.requests)


def test_every_link_resolves(page, index, practice):
    links = page.evaluate("""() => [
        ...Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href')),
        ...Array.from(document.querySelectorAll('audio[src], track[src]'), e => e.getAttribute('src'))]""")
    assert len(links) >= 4 + 2 + 1  # four files, the player and its captions, the library page
    contact = {"tel:988", "sms:988", "tel:+17045550123", f"mailto:{practice.practice.email}",
               practice.practice.website}
    for link in links:
        if link.startswith("#"):
            assert page.locator(link).count() == 1, f"no element {link} on the page"
        elif ":" in link:
            assert link in contact, f"unexpected outside link {link}"
        else:
            assert (index.parent / link).is_file(), f"{link} is not a built file"


def test_highlight_follows_the_audio(page):
    for seconds, sentence in [(1.6, "Worry often gets louder at night."),
                              (1.97, "Worry often gets louder at night."),  # the pause after it
                              (2.6, "What helps?"), (3.1, "Write the worry down."),
                              (2.1, "Dr. Lee says that is normal.")]:
        seek(page, seconds, sentence)
        assert speaking(page) == [sentence]
        assert page.get_attribute(".speaking", "aria-current") == "true"


def test_clicking_a_sentence_plays_from_there(page):
    page.click("text=What helps?")
    page.wait_for_function("() => !document.querySelector('audio').seeking")
    position = page.evaluate("document.querySelector('audio').currentTime")
    assert 2.5 <= position < 3.0
    assert speaking(page) == ["What helps?"]


def test_enter_on_a_sentence_plays_from_there(page):
    page.focus("text=Get up if you can't sleep after 20 minutes.")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('audio').seeking")
    assert page.evaluate("document.querySelector('audio').currentTime") >= 3.5
    assert speaking(page) == ["Get up if you can't sleep after 20 minutes."]


FOCUSABLE = "a[href], button, audio[controls], [tabindex='0']"


def test_tab_reaches_every_control_and_shows_where_focus_is(page):
    expected = page.eval_on_selector_all(
        FOCUSABLE, "all => all.map((e, i) => { e.dataset.stop = i; return i; })"
    )
    reached: dict[int, dict] = {}
    for _ in range(len(expected) * 8):  # the audio player has several stops of its own
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => {
            const e = document.activeElement, style = getComputedStyle(e), box = e.getBoundingClientRect();
            return {stop: e.dataset.stop, tag: e.tagName, outline: style.outlineStyle,
                    width: parseFloat(style.outlineWidth), visible: box.width > 1 && box.height > 1};
        }""")
        if focus["stop"] is not None:
            reached.setdefault(int(focus["stop"]), focus)
    assert sorted(reached) == expected
    for focus in reached.values():
        if focus["tag"] != "AUDIO":  # the player draws its own focus ring on its buttons
            assert focus["outline"] == "solid" and focus["width"] >= 2, focus
        assert focus["visible"], focus


def test_nothing_from_an_article_runs_as_script(browser, tmp_path, short_article, practice, recording):
    hostile = dataclasses.replace(
        short_article,
        title='<img src=x onerror="window.pwned = 1">Sleep',
        summary="<script>window.pwned = 2</script>",
    )
    build_folder(tmp_path, [hostile], recorded(hostile, practice), practice)
    page = open_page(browser, tmp_path / hostile.slug / "index.html")
    page.hover(".sentence >> nth=0")
    assert page.evaluate("window.pwned") is None
    assert page.inner_text("h1") == hostile.title
    assert page.inner_text(".summary") == hostile.summary
    assert page.locator("img").count() == 0 and page.locator("b").count() == 0
    page.context.close()


def test_a_spanish_article_s_page_and_a_library_in_two_languages_have_no_wcag_violations(
        browser, tmp_path, spanish_article, short_article, practice, recording):
    library = build_folder(tmp_path / "build", [spanish_article, short_article], recording, practice)
    spanish = open_page(browser, library.parent / spanish_article.slug / "index.html")
    assert spanish.evaluate("document.documentElement.lang") == "es"
    assert spanish.locator("h2#files").text_content() == "Descargar o imprimir"
    assert axe_violations(spanish) == []
    spanish.context.close()
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    both = context.new_page()
    both.goto(library.as_uri())
    assert both.evaluate("document.documentElement.lang") in ("en", "es")
    assert axe_violations(both) == []
    context.close()


def test_clicking_a_sentence_under_serve_plays_from_there(browser, index):
    """Served by `serve` (which answers Range requests), a click seeks the recording to the
    sentence, as on the published site, rather than starting it again from 0:00."""
    import http.server
    import threading

    from pipeline.commands.serve import HOST, BuildState, _handler

    state = BuildState()
    state.finished([])
    server = http.server.ThreadingHTTPServer((HOST, 0), _handler(index.parents[1], state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": 412, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"http://{HOST}:{server.server_address[1]}/{index.parent.name}/index.html")
        page.wait_for_function("() => document.querySelector('audio').readyState >= 1", timeout=10_000)
        page.click("text=Get up if you can't sleep after 20 minutes.")
        page.wait_for_function("() => !document.querySelector('audio').seeking && "
                               "document.querySelector('audio').currentTime > 0", timeout=10_000)
        assert 3.5 <= page.evaluate("document.querySelector('audio').currentTime") < 4.5
        assert speaking(page) == ["Get up if you can't sleep after 20 minutes."]
    finally:
        context.close()
        state.stop()
        server.shutdown()
        server.server_close()
