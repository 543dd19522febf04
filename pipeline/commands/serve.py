"""`serve`: build, serve `build/` on 127.0.0.1, rebuild when a source or template changes, reload the page.

Watching is watchfiles' (inotify and friends, debounced). Pages are told of each finished build
over Server-Sent Events by a small script the server adds to every HTML page it sends, with the
script's hash added to the page's Content-Security-Policy; the files in build/ never hold it.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import io
import json
import logging
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.settings import Settings
from pipeline.templating import TEMPLATES

log = logging.getLogger(__name__)

HOST = "127.0.0.1"  # never another interface: this is a preview, not a web server for others
EVENTS = "/.live-reload"
SCRIPT = TEMPLATES / "live-reload.js"
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


def _handler(folder: Path, state: BuildState) -> type[http.server.SimpleHTTPRequestHandler]:
    class PreviewHandler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if self.path == EVENTS:
                self._events()
            else:
                super().do_GET()

        def send_head(self) -> io.BytesIO | None:
            path = Path(self.translate_path(self.path)).resolve()
            inside = path.relative_to(folder.resolve()) if path.is_relative_to(folder.resolve()) else path
            if any(part.startswith(".") for part in inside.parts):
                self.send_error(404, "not published")  # .manifest.json, .lock
                return None
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            if path.suffix != ".html" or not path.is_file():
                return super().send_head()
            body = with_live_reload(path.read_text(encoding="utf-8"), state).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return io.BytesIO(body)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            sent = -1
            try:
                while True:
                    with state.changed:
                        state.changed.wait_for(lambda sent=sent: state.number != sent or state.stopping, timeout=15)
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
        server = http.server.ThreadingHTTPServer((HOST, port), _handler(settings.out, state))
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
