"""The gtts engine against a loopback stand-in for Google's endpoint, through gTTS's own code.

gTTS builds its requests and finds the audio in the answer itself; only the address it posts to
(`gtts.tts._translate_url`) points at a local server that plays Google, good days and bad.
"""

from __future__ import annotations

import base64
import io
import json
import ssl
import subprocess
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import gtts.tts
import imageio_ffmpeg
import pytest
import requests
import trustme
from mutagen.mp3 import MP3

from pipeline.audio.recording.mp3 import record
from pipeline.audio.recording.performance import perform
from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.audio.recording.speech.engines import ENGINES
from pipeline.audio.recording.speech.gtts import SAMPLE_RATE, GoogleVoice, decode
from pipeline.audio.spoken_script.script import Script, Segment
from pipeline.errors import SpeechError

ROOT = Path(__file__).resolve().parents[2]

LONG = ("Over the years since that session, I have heard the term codependent hundreds of times, "
        "notably more from clients than from other therapists.")  # over 100 characters: several requests


def tone_mp3(seconds: float) -> bytes:
    """An MP3 piece like Google's: 24 kHz mono, 32 kbps."""
    return subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i",
         f"sine=frequency=330:duration={seconds}:sample_rate=24000", "-ac", "1", "-c:a", "libmp3lame",
         "-b:a", "32k", "-f", "mp3", "pipe:1"], capture_output=True, check=True).stdout


PIECE = tone_mp3(0.4)


def envelope(audio: bytes) -> bytes:
    """Google's batchexecute answer; compact JSON, since gTTS finds the audio with a regex."""
    inner = json.dumps([base64.b64encode(audio).decode("ascii")])
    line = json.dumps([["wrb.fr", "jQ1olc", inner, None, None, None, "generic"]], separators=(",", ":"))
    return f")]}}'\n\n{len(line)}\n{line}\n".encode()


class StandIn(ThreadingHTTPServer):
    """Answers each request with the next planned behaviour; "ok" once the plan runs out."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.plan: list[str] = []
        self.bodies: list[str] = []
        self.lock = threading.Lock()
        self.active = self.most_active = 0

    def handle_error(self, request, client_address) -> None:
        pass  # a client that refused our certificate, or gave up; the tests look at what it got

    def next(self, body: str) -> str:
        with self.lock:
            self.bodies.append(body)
            self.active += 1
            self.most_active = max(self.most_active, self.active)
            return self.plan.pop(0) if self.plan else "ok"


class Handler(BaseHTTPRequestHandler):
    server: StandIn

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        behaviour = self.server.next(body)
        try:
            self.answer(behaviour)
        except OSError:  # the client gave up first (timeouts)
            pass
        finally:
            with self.server.lock:
                self.server.active -= 1

    def answer(self, behaviour: str) -> None:
        if behaviour == "drop":
            self.close_connection = True
            return
        if behaviour == "slow":
            time.sleep(1.5)
        status, payload = {
            "ok": (200, envelope(PIECE)),
            "slow": (200, envelope(PIECE)),
            "429": (429, b"Too Many Requests"),
            "500": (500, b"Internal Server Error"),
            "503": (503, b"Service Unavailable"),
            "403": (403, b"Forbidden"),
            "garbage": (200, b"<html><body>Please sign in to continue</body></html>"),
            "bad-audio": (200, envelope(b"\x00\x01 definitely not an mp3 " * 40)),
            "bad-envelope": (200, b")]}'\n\n20\n[[\"wrb.fr\",\"jQ1olc\",null]]\n"),
        }[behaviour]
        time.sleep(0.05)  # long enough for requests to overlap when several run at once
        self.send_response(status)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def serve(monkeypatch, tls: ssl.SSLContext | None = None):
    server = StandIn()
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                 "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    address = f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": f"{address}/{path}")
    return server


@pytest.fixture
def google(monkeypatch):
    server = serve(monkeypatch)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def authority():
    """A certificate authority of our own, which no machine trusts unless told to."""
    return trustme.CA()


@pytest.fixture
def secure_google(monkeypatch, authority):
    """The stand-in over HTTPS, with a certificate from `authority`, as a proxy reading traffic would."""
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(tls)
    server = serve(monkeypatch, tls)
    yield server
    server.shutdown()
    server.server_close()


VOICE = GoogleVoice(language="en", timeout_s=0.5, attempts=3, backoff_s=0.01)


def test_a_sentence_is_requested_through_gtts_and_decoded(google):
    pcm = VOICE.speak("Worry often gets louder at night.")
    assert pcm == decode(PIECE).raw_data
    assert 0.35 < len(pcm) / 2 / SAMPLE_RATE < 0.5
    assert len(google.bodies) == 1
    assert google.bodies[0].startswith("f.req=") and "Worry" in google.bodies[0]


def test_pieces_of_a_long_sentence_are_decoded_one_by_one_not_byte_joined(google):
    pcm = VOICE.speak(LONG)
    pieces = len(google.bodies)
    assert pieces >= 2
    assert pcm == decode(PIECE).raw_data * pieces
    # What gTTS itself would ship, the byte join, is not what we keep.
    assert pcm != decode(PIECE * pieces).raw_data


@pytest.mark.parametrize("failure", ["429", "500", "503", "slow", "drop", "garbage", "bad-audio",
                                     "bad-envelope"])
def test_a_passing_failure_is_retried(google, failure):
    google.plan = [failure]
    assert VOICE.speak("Worry often gets louder at night.") == decode(PIECE).raw_data
    assert len(google.bodies) == 2


@pytest.mark.parametrize(("failure", "message"), [
    ("429", r"429 \(Too Many Requests\) from Google's speech service\. Probable cause: too many requests"),
    ("500", r"500 \(Internal Server Error\).*Probable cause: Google's service is having trouble"),
    ("slow", r"no answer from Google within 0\.5 s\. Probable cause: a slow or broken internet connection"),
    ("drop", r"could not reach Google's speech service.*Probable cause: no internet connection"),
    ("garbage", r"held no playable audio\. Probable cause: a proxy or captive portal"),
    ("bad-audio", r"held no playable audio"),
], ids=["429", "500", "slow", "drop", "garbage", "bad-audio"])
def test_a_lasting_failure_is_one_line_after_bounded_retries(google, failure, message):
    google.plan = [failure] * 10
    with pytest.raises(SpeechError, match=message) as caught:
        VOICE.speak("Worry often gets louder at night.")
    (line,) = caught.value.problems
    assert "\n" not in line
    assert line.startswith("gtts could not speak 'Worry often gets louder at night.' after 3 tries: ")
    assert len(google.bodies) == 3


def test_a_refusal_is_not_retried(google):
    google.plan = ["403"] * 3
    with pytest.raises(SpeechError, match=r"403 \(Forbidden\).*update gTTS"):
        VOICE.speak("Worry often gets louder at night.")
    assert len(google.bodies) == 1


def test_a_certificate_that_cannot_be_verified_is_refused_not_trusted(secure_google):
    # gTTS itself sends with verify=False and would have posted the sentence to this server.
    with pytest.raises(SpeechError, match=r"could not verify the certificate.*REQUESTS_CA_BUNDLE") as caught:
        VOICE.speak("Worry often gets louder at night.")
    (line,) = caught.value.problems
    assert line.startswith("gtts could not speak 'Worry often gets louder at night.': ")  # not retried
    assert secure_google.bodies == []  # the text never reached the server


def test_an_authority_named_in_requests_ca_bundle_is_trusted(secure_google, authority, tmp_path, monkeypatch):
    bundle = tmp_path / "office-proxy-ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    assert VOICE.speak("Worry often gets louder at night.") == decode(PIECE).raw_data
    assert len(secure_google.bodies) == 1
    assert requests.Session().verify is True  # other users of requests are left as they were


def script_of(sentences: list[str]) -> Script:
    segments = tuple(Segment(text, text, "sentence", "Introduction", number, 300)
                     for number, text in enumerate(sentences))
    return Script("worry", "Worry", "en", segments)


def test_at_most_two_requests_run_at_once(google, tmp_path):
    sentences = [f"Sentence number {number}." for number in range(6)]
    take = perform(script_of(sentences), VOICE, SpeechCache(tmp_path))
    assert len(google.bodies) == 6
    assert google.most_active == 2
    assert len(take.cues) == 6


def test_a_failed_build_raises_and_keeps_what_was_spoken(google, tmp_path, monkeypatch, practice):
    monkeypatch.setitem(ENGINES, "gtts", lambda settings, workdir, language, sources: VOICE)
    google.plan = ["ok"] + ["429"] * 10
    script = script_of(["First sentence.", "Second sentence."])
    with pytest.raises(SpeechError, match="429"):
        record(script, practice, "gtts", tmp_path)
    cached = list((tmp_path / "speech").rglob("*.wav"))
    assert len(cached) == 1  # the sentence that succeeded is not requested again next time


def test_recording_with_gtts_is_one_clean_mp3(google, tmp_path, monkeypatch, practice):
    monkeypatch.setitem(ENGINES, "gtts", lambda settings, workdir, language, sources: VOICE)
    recording = record(script_of(["First sentence.", LONG]), practice, "gtts", tmp_path)
    info = MP3(io.BytesIO(recording.mp3)).info
    assert (info.sample_rate, info.channels, info.bitrate) == (24_000, 1, 64_000)
    pieces = len(google.bodies)  # one for the first sentence, several for the long one
    piece_ms = decode(PIECE).frame_count() / SAMPLE_RATE * 1000
    assert recording.duration_ms == round(pieces * piece_ms + 300)
    assert [cue.end_ms - cue.start_ms for cue in recording.cues] == [round(piece_ms),
                                                                    round((pieces - 1) * piece_ms)]


def test_nothing_is_sent_for_text_without_words(google):
    assert VOICE.speak("…") == b""
    assert google.bodies == []


def test_decode_refuses_garbage():
    with pytest.raises(Exception, match="no playable audio"):
        decode(b"not an mp3 at all" * 20)


def test_a_spanish_script_is_spoken_by_gtts_in_spanish(google, tmp_path, practice):
    """No stand-in engine here: the real gtts voice is chosen for the script's language."""
    segments = (Segment("La preocupación suele crecer de noche.", "La preocupación suele crecer de noche.",
                        "sentence", "Introducción", 0, 300),)
    recording = record(Script("sueno", "El sueño", "es", segments), practice, "gtts", tmp_path)
    request = json.loads(urllib.parse.parse_qs(google.bodies[0])["f.req"][0])
    text, language = json.loads(request[0][0][1])[:2]
    assert (text, language) == ("La preocupación suele crecer de noche.", "es")
    assert MP3(io.BytesIO(recording.mp3)).tags["TLAN"].text == ["spa"]


def test_at_most_two_requests_for_the_whole_build_with_four_jobs(google, tmp_path, monkeypatch):
    from pipeline.building import build
    from pipeline.settings import Settings

    # Counted on this side: the stand-in may see the next request before it has finished the last.
    sending, lock, most = [0], threading.Lock(), [0]
    real = GoogleVoice._pieces

    def pieces(self, text):
        with lock:
            sending[0] += 1
            most[0] = max(most[0], sending[0])
        try:
            return real(self, text)
        finally:
            with lock:
                sending[0] -= 1

    monkeypatch.setattr(GoogleVoice, "_pieces", pieces)
    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    (sources / "practice.toml").write_text((ROOT / "sources" / "practice.toml").read_text())
    for number in range(4):
        (sources / "articles" / f"note-{number}.md").write_text(
            f"---\ntitle: Note {number}\nsummary: A note.\nupdated: 2025-03-14\n---\n\n"
            "Worry often gets louder at night. Write the worry down. Get up if you cannot sleep.\n")
    settings = Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache", engine="gtts",
                        only=frozenset({"audio"}), jobs=4)
    report = build(settings)
    assert report.ok, report.problems
    assert len(report.results) == 4 and len(google.bodies) >= 16
    assert most[0] == 2


def test_ctrl_c_ends_a_retry_wait_within_a_second(google):
    import signal

    from pipeline import stopping
    from pipeline.stopping import STOPPING

    google.plan = ["429"] * 10
    patient = GoogleVoice(language="en", timeout_s=0.5, attempts=3, backoff_s=30)
    failures: list[BaseException] = []

    def speak() -> None:
        try:
            patient.speak("Worry often gets louder at night.")
        except SpeechError as exc:
            failures.append(exc)

    speaking = threading.Thread(target=speak)
    speaking.start()
    try:
        deadline = time.monotonic() + 10
        while not google.bodies and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)  # now in the 30-second wait before trying again
        with pytest.raises(KeyboardInterrupt):
            stopping._stop(signal.SIGINT, None)  # what Ctrl-C runs
        interrupted = time.monotonic()
        speaking.join(timeout=5)
        assert not speaking.is_alive() and time.monotonic() - interrupted < 1
        assert "interrupted" in str(failures[0]) and len(google.bodies) == 1
    finally:
        STOPPING.clear()
        speaking.join()
