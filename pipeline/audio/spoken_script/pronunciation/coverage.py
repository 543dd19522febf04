"""What `check` says about pronunciation: each article's words in capitals and the words no one vouches for.

For an editor to read before a client hears the recording: every all-capital word (and how the
voice will say it: from the lexicon, or spelled), and every word neither the lexicon, espeak-ng's
dictionary nor the language's everyday words cover, so the voice guesses it from its spelling.
Each comes with the line of the article where it first appears.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.article import Article
from pipeline.audio.spoken_script.pronunciation.abbreviations import spelled
from pipeline.audio.spoken_script.pronunciation.common_words import is_emphasis, is_everyday
from pipeline.audio.spoken_script.pronunciation.dictionary import in_dictionary
from pipeline.audio.spoken_script.pronunciation.lexicon import HOLDER, lexicon_for

_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CAPITALS = re.compile(r"(?<![\w'-])[A-Z]{2,6}(?=s?\b)")
_SPOKEN_FRONT_MATTER = re.compile(r"^(title|summary|author):", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    word: str
    line: int
    said: str  # what the editor is told about it

    def describe(self, source: str) -> str:
        return f"{source}: line {self.line}: {self.word!r} {self.said}"


def spoken_lines(text: str) -> Iterator[tuple[int, str]]:
    """The file's lines the voice reads, numbered: the body and the spoken front-matter keys."""
    lines = text.splitlines()
    fenced = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, start=1):
        if fenced:
            if number > 1 and line.strip() in ("---", "..."):
                fenced = False
            elif key := _SPOKEN_FRONT_MATTER.match(line):  # the value is read aloud, never the key
                yield number, " " * key.end() + line[key.end():]
            continue
        yield number, line


# Languages whose spelling says how a word sounds: the voice's rules say any word right, so only
# capitals (said letter by letter) and the lexicon's entries are worth a note, never a rare word.
SPELLED_AS_WRITTEN = frozenset({"es"})


def findings(article: Article, table: Mapping[str, str] | None = None) -> list[Finding]:
    """Each all-capital word and each word nothing covers, once, at the line it first appears."""
    try:
        text = Path(article.source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    language = article.language
    lexicon = lexicon_for(language, table)
    found: dict[str, Finding] = {}
    for number, line in spoken_lines(text):
        line = re.sub(r"\]\([^)]*\)|https?://\S+|\S+@\S+", " ", line)  # link targets and addresses are not read
        for said_word, said in lexicon.used(line):
            if any(char.isupper() for char in said_word[1:]) and said_word not in found:
                found[said_word] = Finding(said_word, number, f"is in the lexicon: said {said!r}")
        line, _held = lexicon.mark(line)  # what the lexicon covers is looked at no further
        for match in _CAPITALS.finditer(line):
            word = match[0]
            if word not in found and not is_emphasis(word, language):
                found[word] = Finding(word, number, f"is in capitals: said {spelled(word, language)!r}; add it to "
                                      "[pronunciations] if it is said as a word")
        for match in _WORD.finditer(line) if language not in SPELLED_AS_WRITTEN else ():
            word = match[0].replace("’", "'")
            key = word.lower()
            if key in found or word in found or word.isupper() or HOLDER.fullmatch(word):
                continue
            if not _known(word, language):
                found[key] = Finding(word, number, "is not in the voice's dictionary nor an everyday word: "
                                     "listen to it, and add it to [pronunciations] if it sounds wrong")
    return sorted(found.values(), key=lambda finding: (finding.line, finding.word))


def _known(word: str, language: str) -> bool:
    base = re.sub(r"(?:n't|'s|'re|'ll|'ve|'d|'m)$", "", word, flags=re.IGNORECASE)  # "didn't" is "did"
    parts = [part for part in re.split(r"[-']", base) if part]
    return all(len(part) < 3 or is_everyday(part, language) or in_dictionary(part, language) for part in parts)


def pronunciation_notes(article: Article, table: Mapping[str, str] | None = None) -> list[str]:
    """`check`'s lines for one article: each finding, naming the file and line."""
    return [finding.describe(article.source) for finding in findings(article, table)]
