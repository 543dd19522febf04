"""`serve`: build, serve `build/` on 127.0.0.1, rebuild when a source or template changes, reload the page.

Watching is watchfiles' (inotify and friends, debounced). Pages are told of each finished build
over Server-Sent Events by a small script the server adds to every HTML page it sends, with the
script's hash added to the page's Content-Security-Policy; the files in build/ never hold it.
A request whose Host is not the server's own address is refused: a web page open in the same
browser could otherwise rename itself to 127.0.0.1 (DNS rebinding) and read build/.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import io
import json
import logging
import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable
from functools import partial
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any, AnyStr, BinaryIO, cast

from pipeline.commands.byte_ranges import byte_range
from pipeline.errors import PipelineError
from pipeline.settings import Settings
from pipeline.templating import TEMPLATES

if TYPE_CHECKING:
    from _typeshed import SupportsRead, SupportsWrite

log = logging.getLogger(__name__)

HOST = "127.0.0.1"  # never another interface: this is a preview, not a web server for others
EVENTS = "/.live-reload"
SCRIPT = TEMPLATES / "live-reload.js"
MAX_LISTED_HOSTS = 10  # refused hosts named in the log; a flood of made-up names says so once
_CSP = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")', re.IGNORECASE)


class BuildState:
    """The last build's number and problems, and a condition the event streams wait on."""

    def __init__(self) -> None:
        self.number = 0
        self.problems: list[str] = []
        self.stopping = False
        self.changed = threading.Condition()

    def finished(self, problems: list[str]) -> None:
        with self.changed:
            self.number += 1
            self.problems = problems
            self.changed.notify_all()

    def stop(self) -> None:
        with self.changed:
            self.stopping = True
            self.changed.notify_all()


def with_live_reload(html: str, state: BuildState) -> str:
    """The page as served: the live-reload script before </body>, allowed by the page's CSP."""
    script = SCRIPT.read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")

    def allow(match: re.Match[str]) -> str:
        policy = re.sub(r"script-src ", f"script-src 'sha256-{digest}' ", match[2], count=1) \
            if "script-src" in match[2] else f"{match[2]}; script-src 'sha256-{digest}'"
        return f"{match[1]}{policy}; connect-src 'self'{match[3]}"

    html = _CSP.sub(allow, html, count=1)
    tag = f'<script data-build="{state.number}">{script}</script>'
    return html.replace("</body>", f"{tag}\n</body>", 1) if "</body>" in html else html + tag


class RefusedHosts:
    """The Host headers refused so far, so each is said once in the log, not once per request."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.seen: set[str] = set()
        self.lock = threading.Lock()

    def refused(self, host: str, address: str) -> None:
        with self.lock:
            if host in self.seen or len(self.seen) > MAX_LISTED_HOSTS:
                return
            self.seen.add(host)
            if len(self.seen) > MAX_LISTED_HOSTS:
                self.say(f"refused requests for more than {MAX_LISTED_HOSTS} other addresses; no more are listed")
            else:
                self.say(f"refused a request for {host[:80]!r}: this preview answers only {address} "
                         "(a web page open in the browser may be trying to read build/)")


def own_hosts(port: int) -> frozenset[str]:
    """The Host headers of a request meant for this server: its address as a browser writes it."""
    hosts = {f"{HOST}:{port}", f"localhost:{port}"}
    return frozenset(hosts | {HOST, "localhost"} if port == 80 else hosts)


def _news(state: BuildState, sent: int) -> bool:
    """A build finished since `sent`, or the server is stopping: the page has something to hear."""
    return state.number != sent or state.stopping


def _handler(folder: Path, state: BuildState,
             say: Callable[[str], None] = log.warning) -> type[http.server.SimpleHTTPRequestHandler]:
    refused = RefusedHosts(say)

    class PreviewHandler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if not self._for_this_server():
                return
            if self.path == EVENTS:
                self._events()
            else:
                super().do_GET()

        def do_HEAD(self) -> None:  # noqa: N802
            if self._for_this_server():
                super().do_HEAD()

        def _for_this_server(self) -> bool:
            """True when the request names this server; else it is answered 421 and nothing is sent."""
            port = int(cast(tuple[str, int], self.server.server_address)[1])
            host = self.headers.get("Host", "")
            if host.lower() in own_hosts(port):
                return True
            refused.refused(host, f"http://{HOST}:{port}/")
            self.close_connection = True
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "not this server's address")
            return False

        def handle(self) -> None:
            try:
                super().handle()
            except (ConnectionError, TimeoutError):  # the browser cancelled a download or closed the tab
                self.close_connection = True

        def send_head(self) -> BinaryIO | None:
            self.remaining: int | None = None
            try:
                return self._send_head()
            except (ValueError, OSError):  # a NUL byte (%00) in the path, a name too long for the disk
                self.send_error(HTTPStatus.NOT_FOUND, "not found")
                return None

        def _send_head(self) -> BinaryIO | None:
            root = folder.resolve()
            path = Path(self.translate_path(self.path)).resolve()  # links resolved: where it really is
            if not path.is_relative_to(root):
                self.send_error(HTTPStatus.NOT_FOUND, "not published")  # a link in build/ leading out of it
                return None
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                self.send_error(HTTPStatus.NOT_FOUND, "not published")  # .manifest.json, .lock
                return None
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            if path.is_file() and path.suffix != ".html":
                return self._send_file(path)
            if path.suffix != ".html" or not path.is_file():
                return super().send_head()
            body = with_live_reload(path.read_text(encoding="utf-8"), state).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return io.BytesIO(body)

        def _send_file(self, path: Path) -> BinaryIO | None:
            """The file, or the part of it a Range header asks for (206), so an <audio> player can seek."""
            file = path.open("rb")
            size = os.fstat(file.fileno()).st_size
            wanted = None if "If-Range" in self.headers else byte_range(self.headers.get("Range"), size)
            if wanted == "unsatisfiable":
                file.close()
                self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            start, end = wanted or (0, size - 1)
            self.send_response(HTTPStatus.PARTIAL_CONTENT if wanted else HTTPStatus.OK)
            self.send_header("Content-Type", self.guess_type(str(path)))
            if wanted:
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            self.send_header("Content-Length", str(end - start + 1))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Last-Modified", self.date_time_string(int(os.fstat(file.fileno()).st_mtime)))
            self.end_headers()
            file.seek(start)
            self.remaining = end - start + 1
            return file

        def copyfile(self, source: SupportsRead[AnyStr], outputfile: SupportsWrite[AnyStr]) -> None:
            if self.remaining is None:
                super().copyfile(source, outputfile)
                return
            while self.remaining > 0:
                chunk = source.read(min(self.remaining, 1 << 16))
                if not chunk:
                    break
                outputfile.write(chunk)
                self.remaining -= len(chunk)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            sent = -1
            try:
                while True:
                    with state.changed:
                        state.changed.wait_for(partial(_news, state, sent), timeout=15)
                        number, problems, stopping = state.number, list(state.problems), state.stopping
                    if stopping:
                        return
                    if number == sent:
                        self.wfile.write(b": still here\n\n")  # keeps proxies and the browser from timing out
                    else:
                        sent = number
                        data = json.dumps({"build": number, "problems": problems})
                        self.wfile.write(f"event: build\ndata: {data}\n\n".encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return  # the page was closed or reloaded

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            log.debug("serve: " + format, *args)

    return PreviewHandler


def serve(settings: Settings, port: int, build_once: Callable[[], list[str]],
          say: Callable[[str], None] = print) -> None:
    """Build, serve settings.out on 127.0.0.1:`port`, and rebuild on every change until Ctrl-C."""
    import watchfiles

    state = BuildState()
    state.finished(_build(build_once, say))
    try:
        server = http.server.ThreadingHTTPServer((HOST, port), _handler(settings.out, state, say))
    except OSError as exc:
        raise PipelineError(f"--port {port}: cannot serve on {HOST}:{port}: {exc.strerror or exc}; "
                            "choose another with --port") from None
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="serve", daemon=True)
    thread.start()
    address = f"http://{HOST}:{server.server_address[1]}/"
    say(f"serving {settings.out}/ at {address} (watching {settings.sources}/ and templates/; Ctrl-C stops)")
    try:
        for changes in watchfiles.watch(settings.sources, TEMPLATES, raise_interrupt=True):
            names = sorted({Path(path).name for _, path in changes})
            say(f"changed: {', '.join(names)}; rebuilding")
            state.finished(_build(build_once, say))
    except KeyboardInterrupt:
        pass
    finally:
        state.stop()
        server.shutdown()
        server.server_close()
        say("stopped serving")


def _build(build_once: Callable[[], list[str]], say: Callable[[str], None]) -> list[str]:
    """One build; its problems, also printed. A failed build leaves the server running."""
    from pipeline.rebuild import forget_versions

    forget_versions()  # an edited template or stylesheet is read anew
    started = time.monotonic()
    try:
        problems = build_once()
    except PipelineError as exc:
        problems = list(exc.problems)
    except Exception:  # a defect must not stop the preview; show it like any other problem
        problems = traceback.format_exc().strip().splitlines()[-1:]
        traceback.print_exc(file=sys.stderr)
    for problem in problems:
        say(f"error: {problem}")
    say(f"{'build failed' if problems else 'built'} in {time.monotonic() - started:.1f} s")
    return problems
