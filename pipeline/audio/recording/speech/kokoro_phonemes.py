"""Speech engine `kokoro`, its phonemes: a Spanish sentence as espeak-ng's IPA, in Kokoro's symbols.

espeak-ng's data ships inside piper-tts, whose phonemizer is used here (the same espeak-ng the
English voice uses, so nothing else is installed). Kokoro was trained on espeak-ng's IPA with its
tied sounds written as one symbol ("t^ʃ" → "ʧ", "a^ɪ" → "I"); Piper's phonemizer writes no tie
marks, but in Spanish those pairs only ever stand for the tied sound (espeak-ng's Spanish uses "ɪ"
and "ʊ" only in diphthongs), so the pairs themselves are mapped. Symbols the model has no token
for ("¿", "¡") are left out.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.audio.spoken_script.pronunciation.lexicon import PHONEMES

# espeak-ng's voice for each language the engine speaks: Latin-American Spanish, as US clinics' clients speak it.
ESPEAK_VOICES = {"es": "es-419"}

# Kokoro's symbols for espeak-ng's tied sounds (misaki's espeak mapping), as they occur in Spanish.
TIED = (("tʃ", "ʧ"), ("dʒ", "ʤ"), ("aɪ", "I"), ("aʊ", "W"), ("eɪ", "A"))


def kokoro_symbols(ipa: str) -> str:
    """'mˈutʃas ˈaɪ' -> 'mˈuʧas ˈI': espeak-ng's untied pairs as Kokoro's single symbols."""
    for pair, symbol in TIED:
        ipa = ipa.replace(pair, symbol)
    return ipa


def espeak_ipa(text: str, language: str) -> str:
    """The sentence as espeak-ng's IPA with stress marks, clause punctuation kept: 'Hola, ¿qué tal?'
    -> 'ˈola, kˈe tˈal?'."""
    from piper.phonemize_espeak import ESPEAK_DATA_DIR, EspeakPhonemizer
    from piper.voice import _ESPEAK_PHONEMIZER_LOCK

    # espeak-ng keeps one voice for the whole process: Piper holds this lock while it sets its
    # voice and phonemizes, so an English article spoken beside a Spanish one never gets Spanish sounds.
    with _ESPEAK_PHONEMIZER_LOCK:
        sentences = EspeakPhonemizer(ESPEAK_DATA_DIR).phonemize(ESPEAK_VOICES[language], text)
    return " ".join(unicodedata.normalize("NFC", "".join(sentence)).strip() for sentence in sentences)


def phonemes(text: str, language: str, known: set[str] | frozenset[str]) -> str:
    """The symbols the model reads for `text`, only those in its vocabulary `known`.

    IPA a lexicon gives in `[[ … ]]` (as Piper reads it) is passed on as written, the words around
    it phonemized."""
    parts = PHONEMES.split(text)  # words, phonemes, words, …
    said = " ".join(part.strip() if number % 2 else espeak_ipa(part, language)
                    for number, part in enumerate(parts) if part.strip())
    said = re.sub(r" +", " ", kokoro_symbols(said))
    return "".join(symbol for symbol in said if symbol in known).strip()
