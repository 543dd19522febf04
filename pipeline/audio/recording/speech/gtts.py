"""Speech engine `gtts`, opt-in only: Google Translate's voice through gTTS (sends the text to Google).

gTTS never retries and waits forever by default; here every request has a timeout and is retried
with backoff on rate limits, server errors, timeouts, dropped connections and answers without
audio. gTTS returns one MP3 piece per ~100 characters; each piece is decoded on its own (never
byte-joined) and the recording is encoded once, later, with the rest of the audio.

gTTS also sends every request with certificate checks turned off (`verify=False`), so anything
between the office and Google could read the text and answer with audio of its own. Here gTTS's
requests go through a session that checks the certificate all the same, against the usual
bundle or the one named by `REQUESTS_CA_BUNDLE` (for offices whose proxy has its own authority).
"""

from __future__ import annotations

import logging
import random
import threading
import types
from dataclasses import dataclass
from importlib.metadata import version
from typing import TYPE_CHECKING

import gtts.tts
import requests
from gtts import gTTS, gTTSError
from gtts.lang import tts_langs

from pipeline.audio.recording.sound import decoded_mp3, joined
from pipeline.audio.recording.speech.voices import MissingVoice
from pipeline.errors import SpeechError
from pipeline.sources import SpeechSettings
from pipeline.stopping import STOPPING

if TYPE_CHECKING:
    from pydub import AudioSegment

log = logging.getLogger(__name__)

SAMPLE_RATE = 24_000  # what Google's MP3 pieces carry; decoded pieces are resampled to it if not
MAX_REQUESTS = 2  # at once, for the whole process: Google answers 429 quickly to bursts
# Shared by every article built side by side (--jobs), so the whole build never sends more.
_REQUESTS = threading.BoundedSemaphore(MAX_REQUESTS)


class _VerifyingSession(requests.Session):
    """A session that checks the server's certificate even when asked not to, as gTTS asks."""

    def send(self, request, **kwargs):
        settings = self.merge_environment_settings(request.url, {}, None, True, None)
        kwargs["verify"] = settings["verify"]  # True, or the REQUESTS_CA_BUNDLE path
        return super().send(request, **kwargs)


class _RequestsForGtts(types.ModuleType):
    """`requests` as gTTS sees it: the same module, except that its sessions check certificates."""

    Session = _VerifyingSession

    def __getattr__(self, name: str):
        return getattr(requests, name)


gtts.tts.requests = _RequestsForGtts("requests")


class _Stopped(Exception):
    """The user interrupted a wait between two attempts."""


def _sleep_unless_stopping(seconds: float) -> None:
    if STOPPING.wait(seconds):  # Ctrl-C during the wait: stop now, not after it
        raise _Stopped()


def _say_retrying(state: object) -> None:
    failure = state.outcome.exception()  # type: ignore[attr-defined]
    log.info("gtts: %s; trying again in %.1f s", failure, state.next_action.sleep)  # type: ignore[attr-defined]


class _Failure(Exception):
    """One failed attempt: what happened, the probable cause, and whether trying again may help."""

    def __init__(self, what: str, cause: str, retry: bool, wait_s: float | None = None) -> None:
        super().__init__(f"{what}. Probable cause: {cause}")
        self.retry = retry
        self.wait_s = wait_s


@dataclass(frozen=True)
class GoogleVoice:
    """Google Translate's voice for one language, with a timeout and bounded retries."""

    language: str
    tld: str = "com"
    timeout_s: float = 15.0
    attempts: int = 4
    backoff_s: float = 2.0  # first wait; doubles each retry, with jitter
    engine: str = "gtts"
    sample_rate: int = SAMPLE_RATE
    workers: int = MAX_REQUESTS  # sentences at once; requests are also capped for the whole build

    @property
    def identity(self) -> str:
        return f"{self.language} tld={self.tld} gtts={version('gTTS')}"

    def speak(self, text: str) -> bytes:
        import tenacity

        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.attempts),
            retry=tenacity.retry_if_exception(lambda failure: isinstance(failure, _Failure) and failure.retry),
            wait=self._wait, sleep=_sleep_unless_stopping, before_sleep=_say_retrying, reraise=True)
        try:
            return retrying(self._speak_once, text)
        except _Failure as failure:
            attempt = retrying.statistics.get("attempt_number", 1)
            tries = f" after {attempt} tries" if attempt > 1 else ""
            raise SpeechError(f"gtts could not speak {_excerpt(text)}{tries}: {failure}") from None
        except _Stopped:
            raise SpeechError(f"gtts stopped before speaking {_excerpt(text)}: interrupted") from None

    def _speak_once(self, text: str) -> bytes:
        with _REQUESTS:
            pieces = self._pieces(text)
        sound = [decode(piece) for piece in pieces]
        return joined(sound).raw_data if sound else b""

    def _wait(self, state: object) -> float:
        """The service's Retry-After when it gives one, else a doubling backoff; with jitter either way."""
        failure = state.outcome.exception()  # type: ignore[attr-defined]
        attempt = state.attempt_number  # type: ignore[attr-defined]
        wait = failure.wait_s if failure.wait_s is not None else self.backoff_s * 2 ** (attempt - 1)
        return wait * random.uniform(0.75, 1.25)

    def _pieces(self, text: str) -> list[bytes]:
        if not any(character.isalnum() for character in text):
            return []  # nothing to say; gTTS refuses empty text
        speech = gTTS(text, tld=self.tld, lang=self.language, lang_check=False, timeout=self.timeout_s)
        try:
            pieces = list(speech.stream())
        except gTTSError as exc:
            raise _classify(exc, self.timeout_s) from None
        except (ValueError, UnicodeDecodeError):  # undecodable base64 or bytes in the answer
            raise _garbage() from None
        if not pieces:  # gTTS yields nothing when the answer lacks its audio marker
            raise _garbage()
        return pieces


def _classify(exc: gTTSError, timeout_s: float) -> _Failure:
    response = exc.rsp
    if response is None:
        if isinstance(exc.__context__, requests.exceptions.SSLError):
            return _Failure("could not verify the certificate of Google's speech service",
                            "a proxy or firewall reading secure connections; if the office uses one, "
                            "name its certificate authority in REQUESTS_CA_BUNDLE, or use the piper engine",
                            False)
        if isinstance(exc.__context__, requests.Timeout):
            return _Failure(f"no answer from Google within {timeout_s:g} s",
                            "a slow or broken internet connection; try again later", True)
        return _Failure("could not reach Google's speech service (connection failed or dropped)",
                        "no internet connection, or a firewall or proxy blocking "
                        "translate.google.com; the piper engine works offline", True)
    status, reason = response.status_code, response.reason
    what = f"{status} ({reason}) from Google's speech service"
    if status == 429:
        retry_after = response.headers.get("Retry-After", "")
        wait = min(float(retry_after), 60.0) if retry_after.isdigit() else None
        return _Failure(what, "too many requests from this address; wait an hour, "
                              "or use the offline piper engine", True, wait)
    if status >= 500:
        return _Failure(what, "Google's service is having trouble; try again later", True)
    if status == 200:
        return _garbage()
    return _Failure(what, "Google changed or blocked its service; update gTTS "
                          "(pip install -U gtts) or use the piper engine", False)


def _garbage() -> _Failure:
    return _Failure("Google's answer held no playable audio",
                    "a proxy or captive portal answering instead of Google, or a change in "
                    "Google's service", True)


def _excerpt(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit].rstrip() + "…")


def decode(mp3: bytes) -> AudioSegment:
    """One MP3 piece as 16-bit mono at SAMPLE_RATE; an undecodable piece is garbage."""
    try:
        return decoded_mp3(mp3, SAMPLE_RATE)
    except ValueError:
        raise _garbage() from None


def google_voice(settings: SpeechSettings, language: str = "en") -> GoogleVoice:
    """Google's voice for text in `language`, by gTTS's own language code ('es' for Spanish)."""

    if language not in tts_langs():
        raise MissingVoice(f"{language!r} is not a language gtts speaks")
    log.info("gtts: the narration text is sent to Google to be spoken (chosen by speech.engine or --engine)")
    return GoogleVoice(language=language)
