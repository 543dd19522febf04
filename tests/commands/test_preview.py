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

from pipeline.commands.serve import HOST, BuildState, _handler, with_live_reload
from tests.conftest import SHORT_ARTICLE

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

    def __init__(self, sources: Path, out: Path, only: tuple[str, ...] = ("pdf", "index")) -> None:
        parts = [argument for part in only for argument in ("--only", part)]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "serve", "--sources", str(sources), "--out", str(out),
             "--cache", str(out.parent / "cache"), "--port", "0", *parts],
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

    def rest_of_log(self) -> list[str]:
        """Every line printed, once the server has stopped."""
        self.wait_for("stopped serving", timeout=5)
        while not self.lines.empty():
            self.log.append(self.lines.get())
        return self.log


def one_source(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    (sources / "practice.toml").write_text((ROOT / "sources" / "practice.toml").read_text(encoding="utf-8"))
    (sources / "articles" / "sleep-and-worry.md").write_text(SHORT_ARTICLE)
    return sources


def ask(url: str, path: str, host: str | None) -> tuple[int, bytes]:
    """A real GET of `path` with this Host header (None: none at all); the status and the body."""
    import http.client
    from urllib.parse import urlsplit

    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def first_event(url: str, host: str) -> str:
    """The first line of the live-reload event stream, asked for with this Host header."""
    import http.client
    from urllib.parse import urlsplit

    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", "/.live-reload", headers={"Host": host})
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
        return response.fp.readline().decode()
    finally:
        connection.close()


@pytest.mark.slow
def test_a_request_for_another_host_is_refused_and_said_once(tmp_path):
    """DNS rebinding: a page from evil.example, renamed to 127.0.0.1, must not read build/."""
    server = Server(one_source(tmp_path), tmp_path / "build", only=("index",))
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    try:
        library = (tmp_path / "build" / "index.html").read_bytes()
        for own in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
            status, body = ask(server.url, "/", own)
            assert status == 200 and b"Sleep and Worry" in body, own
        strangers = [f"evil.example:{port}", "evil.example", "localhost", "127.0.0.1", f"localhost.:{port}",
                     f"127.0.0.1:{port}.evil.example", None]
        for host in strangers + [f"evil.example:{port}"] * 5:  # the same stranger again and again
            for path in ("/", "/index.html", "/sleep-and-worry/index.html", "/.live-reload"):
                status, body = ask(server.url, path, host)
                assert status == 421, (host, path, status)
                assert b"Sleep and Worry" not in body and library[:200] not in body, (host, path)
        assert first_event(server.url, f"127.0.0.1:{port}").startswith("event: build")
    finally:
        assert server.stop() == 0
    refusals = [line for line in server.rest_of_log() if line.startswith("refused a request for ")]
    assert refusals == [f"refused a request for {host!r}: this preview answers only {server.url} "
                        "(a web page open in the browser may be trying to read build/)"
                        for host in [*strangers[:-1], ""]]


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


def test_a_flood_of_made_up_hosts_is_named_only_up_to_a_limit():
    from pipeline.commands.serve import MAX_LISTED_HOSTS, RefusedHosts

    said: list[str] = []
    refused = RefusedHosts(said.append)
    for number in range(MAX_LISTED_HOSTS * 3):
        refused.refused(f"host{number}.evil.example", "http://127.0.0.1:8000/")
        refused.refused(f"host{number}.evil.example", "http://127.0.0.1:8000/")
    assert len(said) == MAX_LISTED_HOSTS + 1
    assert said[-1] == f"refused requests for more than {MAX_LISTED_HOSTS} other addresses; no more are listed"


def test_a_refused_host_is_named_short_and_escaped():
    from pipeline.commands.serve import RefusedHosts

    said: list[str] = []
    RefusedHosts(said.append).refused("\u202eevil\x1b[2J" + "x" * 5000, "http://127.0.0.1:8000/")
    (line,) = said
    assert "\u202e" not in line and "\x1b" not in line and "\\u202eevil\\x1b[2J" in line
    assert len(line) < 250
