"""The practice's `[pronunciations]`: its entries checked, and the PLS file it names read into it.

`lexicon_file = "clinic.pls"` in `[pronunciations]` names a PLS 1.0 file inside the sources
folder; its entries come under the table's own, which win. Every phonemes entry is checked
against the voice's sounds before anything is built.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.audio.spoken_script.pronunciation.lexicon import PHONEMES
from pipeline.audio.spoken_script.pronunciation.phonemes import NotPhonemes, checked
from pipeline.audio.spoken_script.pronunciation.pls import read_pls
from pipeline.errors import ConfigError
from pipeline.sources import Practice

LEXICON_FILE = "lexicon_file"


def with_lexicon_file(practice: Practice, practice_file: Path) -> Practice:
    """The practice with its PLS file's entries under its own; ConfigError naming each bad entry."""
    table = dict(practice.pronunciations)
    named = table.pop(LEXICON_FILE, None)
    problems = [f"{practice_file}: pronunciations.{word}: {exc}; write a respelling, or phonemes "
                "the voice can say" for word, exc in _bad_phonemes(table)]
    entries: dict[str, str] = {}
    if named is not None:
        folder = practice_file.parent.resolve()
        path = (folder / named).resolve()
        where = f"{practice_file}: pronunciations.{LEXICON_FILE}"
        if not path.is_relative_to(folder):
            problems.append(f"{where}: {named!r} leads out of {practice_file.parent}/; put the file inside it")
        elif not path.is_file():
            problems.append(f"{where}: {named!r} not found in {practice_file.parent}/")
        else:
            try:
                entries = read_pls(path, str(practice_file.parent / named))
            except ConfigError as exc:
                problems.extend(exc.problems)
    if problems:
        raise ConfigError(*problems)
    if named is None:
        return practice
    return practice.model_copy(update={"pronunciations": {**entries, **table}})


def _bad_phonemes(table: dict[str, str]) -> list[tuple[str, NotPhonemes]]:
    bad = []
    for word, said in table.items():
        for phonemes in PHONEMES.findall(said):
            try:
                checked(phonemes.strip())
            except NotPhonemes as exc:
                bad.append((word, exc))
                break
    return bad
