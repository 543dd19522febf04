"""`serve`: a real server in a subprocess, a real browser on the page, real edits to the sources.

Builds only the handouts and pages (`--only pdf --only index`), so no voice is needed.
"""

from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import SHORT_ARTICLE

from pipeline.commands.serve import HOST, BuildState, _handler, with_live_reload

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
PAGE = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-abc='; base-uri 'none'">
</head><body><p>Hello</p></body></html>"""


def test_the_served_page_gets_the_script_and_its_hash_and_nothing_else_changes():
    state = BuildState()
    state.finished([])
    served = with_live_reload(PAGE, state)
    policy = re.search(r'content="([^"]*)"', served)[1]
    assert re.fullmatch(r"default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=' 'sha256-abc='; "
                        r"base-uri 'none'; connect-src 'self'", policy), policy
    assert served.count('<script data-build="1">') == 1 and served.index("<script") > served.index("Hello")
    assert served.replace(served[served.index("<script"):served.index("</script>") + 10], "") \
        .replace(policy, "default-src 'none'; script-src 'sha256-abc='; base-uri 'none'") == PAGE


def test_the_server_sends_pages_with_the_script_files_as_they_are_and_no_dot_files(tmp_path):
    import http.server
    import urllib.error
    import urllib.request

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(PAGE)
    (tmp_path / "a" / "a.vtt").write_text("WEBVTT\n")
    (tmp_path / ".manifest.json").write_text("{}")
    state = BuildState()
    state.finished([])
    server = http.server.ThreadingHTTPServer((HOST, 0), _handler(tmp_path, state))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://{HOST}:{server.server_address[1]}/"
    try:
        page = urllib.request.urlopen(f"{url}a/").read().decode()
        assert 'data-build="1"' in page and "EventSource" in page
        assert (tmp_path / "a" / "index.html").read_text() == PAGE, "build/ itself never holds the script"
        assert urllib.request.urlopen(f"{url}a/a.vtt").read() == b"WEBVTT\n"
        for hidden in (".manifest.json", "%2emanifest.json", "a/../.manifest.json"):
            with pytest.raises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(url + hidden)
            assert caught.value.code == 404, hidden
    finally:
        state.stop()
        server.shutdown()
        server.server_close()


class Server:
    """`python -m pipeline serve` in a subprocess, its stderr read line by line."""

    def __init__(self, sources: Path, out: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "serve", "--sources", str(sources), "--out", str(out),
             "--cache", str(out.parent / "cache"), "--port", "0", "--only", "pdf", "--only", "index"],
            cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"serving .* at (http://127\.0\.0\.1:\d+/)")[1]

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match[str]:
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"serve never printed {pattern!r}; it printed: {self.log[-10:]}")
            self.log.append(line)
            if match := re.search(pattern, line):
                return match

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)


@pytest.mark.slow
def test_editing_a_source_rebuilds_and_reloads_the_open_page(tmp_path):
    if not CHROMIUM.exists():
        pytest.fail("the browser tests need Debian's chromium: run scripts/setup-tests")
    from playwright.sync_api import expect, sync_playwright

    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    profile = (ROOT / "sources" / "practice.toml").read_text(encoding="utf-8")
    (sources / "practice.toml").write_text(profile)
    article = sources / "articles" / "sleep-and-worry.md"
    article.write_text(SHORT_ARTICLE)
    server = Server(sources, tmp_path / "build")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda message: message.type == "error" and problems.append(message.text))
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(server.url)
            expect(page.get_by_role("link", name="Sleep and Worry")).to_be_visible()

            with page.expect_event("load", timeout=60_000):
                article.write_text(SHORT_ARTICLE.replace("title: Sleep and Worry", "title: Sleep, Worry and Rest"))
            expect(page.get_by_role("link", name="Sleep, Worry and Rest")).to_be_visible()

            (sources / "practice.toml").write_text(profile.replace('phone = "(704) 555-0123"', 'phone = "call us"'))
            alert = page.locator("#live-reload-problems")
            expect(alert).to_contain_text("practice.phone: 'call us' is not a US phone number", timeout=60_000)
            assert server.process.poll() is None, "the server keeps running after a failed build"
            expect(page.get_by_role("link", name="Sleep, Worry and Rest")).to_be_visible()  # the last good build

            (sources / "practice.toml").write_text(profile)
            expect(alert).to_have_count(0, timeout=60_000)
            assert problems == [], "no script errors and no Content-Security-Policy violations"
            browser.close()
        server.wait_for(r"error: .*practice\.phone")  # the terminal says it too
        built = (tmp_path / "build" / "index.html").read_text(encoding="utf-8")
        assert "live-reload" not in built and "Sleep, Worry and Rest" in built
    finally:
        code = server.stop()
    assert code == 0
    server.wait_for("stopped serving", timeout=5)
