"""Whether the voice's phonemiser knows a word: a lookup in espeak-ng's dictionary, as Piper uses it.

Piper turns text into phonemes with the espeak-ng bundled in its wheel: a word in espeak-ng's
dictionary is said as listed there; any other word is guessed from spelling rules. The lookup
asks that same espeak-ng, through its own phoneme trace ("Found: 'word'" when the dictionary
has it), so it answers for exactly the data the voice uses.
"""

from __future__ import annotations

import ctypes
import os
import tempfile
import threading
from functools import cache

_TRACE = 0x08  # espeakPHONEMES_TRACE
_IPA = 0x02  # espeakPHONEMES_IPA
_CHARS_UTF8 = 1
_LOCK = threading.Lock()
_ESPEAK_VOICES = {"en": "en-us", "es": "es"}


@cache
def _espeak() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    from piper import espeakbridge
    from piper.phonemize_espeak import ESPEAK_DATA_DIR

    espeakbridge.initialize(str(ESPEAK_DATA_DIR))
    library, libc = ctypes.CDLL(espeakbridge.__file__), ctypes.CDLL(None)
    libc.fopen.restype, libc.fopen.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.c_char_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    library.espeak_SetPhonemeTrace.argtypes = [ctypes.c_int, ctypes.c_void_p]
    library.espeak_TextToPhonemes.restype = ctypes.c_char_p
    library.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int]
    return library, libc


def _piper_lock() -> threading.Lock:
    """Piper's own espeak-ng lock, so a lookup never runs inside a sentence being phonemised."""
    from piper import voice

    return getattr(voice, "_ESPEAK_PHONEMIZER_LOCK", _LOCK)


@cache
def in_dictionary(word: str, language: str = "en") -> bool:
    """True when espeak-ng's dictionary for `language` lists `word` (any case)."""
    from piper import espeakbridge

    library, libc = _espeak()
    handle, trace_path = tempfile.mkstemp(prefix="espeak-trace-")
    os.close(handle)
    try:
        with _LOCK, _piper_lock():
            espeakbridge.set_voice(_ESPEAK_VOICES.get(language, language))
            stream = libc.fopen(trace_path.encode(), b"w")
            if not stream:
                raise OSError(f"{trace_path}: cannot write espeak-ng's trace")
            library.espeak_SetPhonemeTrace(_TRACE, stream)
            text = ctypes.c_char_p(word.lower().encode("utf-8"))
            library.espeak_TextToPhonemes(ctypes.pointer(text), _CHARS_UTF8, _IPA)
            library.espeak_SetPhonemeTrace(0, None)
            libc.fclose(stream)
        with open(trace_path, encoding="utf-8", errors="replace") as trace:
            return any(line.startswith("Found: '") for line in trace)
    finally:
        os.unlink(trace_path)
