"""`serve` answers every request it gets: parts of files for seeking, 404 for what is not published."""

from __future__ import annotations

import http.client
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.commands.byte_ranges import byte_range
from pipeline.commands.serve import HOST, BuildState, _handler

AUDIO = bytes(range(256)) * 40  # 10,240 bytes standing in for an MP3


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    build = tmp_path / "build"
    (build / "sleep").mkdir(parents=True)
    (build / "sleep" / "sleep.mp3").write_bytes(AUDIO)
    state = BuildState()
    state.finished([])
    httpd = http.server.ThreadingHTTPServer((HOST, 0), _handler(build, state))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield build, httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


@pytest.mark.parametrize(("header", "status", "content_range", "part"), [
    ("bytes=100-199", 206, "bytes 100-199/10240", AUDIO[100:200]),
    ("bytes=10000-", 206, "bytes 10000-10239/10240", AUDIO[10000:]),
    ("bytes=-40", 206, "bytes 10200-10239/10240", AUDIO[-40:]),
    ("bytes=0-0", 206, "bytes 0-0/10240", AUDIO[:1]),
    ("bytes=10200-99999", 206, "bytes 10200-10239/10240", AUDIO[10200:]),
    ("bytes=20000-", 416, "bytes */10240", b""),
    ("bytes=0-1,5-6", 200, None, AUDIO),  # several ranges: the whole file, which RFC 9110 allows
], ids=["middle", "to-the-end", "suffix", "first-byte", "past-the-end", "unsatisfiable", "several"])
def test_a_range_request_is_answered_with_the_part_asked_for(server: tuple[Path, int], header: str, status: int,
                                                             content_range: str | None, part: bytes) -> None:
    """Seeking in <audio> needs 206 Partial Content; the preview answered 200 and the whole file."""
    _, port = server
    got, headers, body = get(port, "/sleep/sleep.mp3", {"Range": header})
    assert (got, headers.get("Content-Range"), body) == (status, content_range, part)
    if status != 416:
        assert headers["Accept-Ranges"] == "bytes" and headers["Content-Length"] == str(len(part))
        assert headers["Content-Type"] == "audio/mpeg"


def test_a_whole_file_says_it_can_be_asked_for_in_parts(server: tuple[Path, int]) -> None:
    _, port = server
    assert get(port, "/sleep/sleep.mp3")[:2][0] == 200
    assert get(port, "/sleep/sleep.mp3")[1]["Accept-Ranges"] == "bytes"


def test_a_link_inside_build_leading_out_of_it_is_not_followed(server: tuple[Path, int], tmp_path: Path) -> None:
    build, port = server
    (tmp_path / "session-notes.txt").write_text("private")
    (build / "sleep" / "notes.txt").symlink_to(tmp_path / "session-notes.txt")
    (build / "outside").symlink_to(tmp_path, target_is_directory=True)
    for path in ("/sleep/notes.txt", "/outside/session-notes.txt"):
        status, _, body = get(port, path)
        assert (status, b"private" in body) == (404, False), path


@pytest.mark.parametrize("path", ["/sleep/%00", "/sleep/sleep.mp3%00.html", "/" + "a" * 5000, "/%00/"],
                         ids=["nul", "nul-before-html", "5000-characters", "nul-folder"])
def test_an_impossible_path_gets_an_answer(server: tuple[Path, int], path: str) -> None:
    """`%00` and a 5,000-character name got no answer at all: the connection just closed."""
    _, port = server
    assert get(port, path)[0] == 404


def test_a_cancelled_download_prints_no_traceback(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "big.mp3").write_bytes(bytes(30_000_000))
    state = BuildState()
    state.finished([])
    httpd = http.server.ThreadingHTTPServer((HOST, 0), _handler(tmp_path, state))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        for _ in range(3):
            client = socket.create_connection((HOST, httpd.server_address[1]))
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset
            client.sendall(f"GET /big.mp3 HTTP/1.1\r\nHost: {HOST}:{httpd.server_address[1]}\r\n\r\n".encode())
            assert client.recv(4096).startswith(b"HTTP/1.0 200")
            client.close()  # the browser cancels the download
        time.sleep(1.0)
        assert get(httpd.server_address[1], "/big.mp3", {"Range": "bytes=0-3"})[2] == b"\x00" * 4  # still serving
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(("header", "expected"), [
    (None, None), ("bytes=5-", (5, 99)), ("bytes=-0", "unsatisfiable"), ("items=1-2", None), ("bytes=9-3", None),
    ("bytes=", None),
])
def test_byte_range(header: str | None, expected: object) -> None:
    assert byte_range(header, 100) == expected
