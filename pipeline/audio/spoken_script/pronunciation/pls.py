"""Reading a W3C Pronunciation Lexicon (PLS 1.0) file, the format Azure, Polly and ElevenLabs use.

Each `<lexeme>` gives one or more `<grapheme>`s and a pronunciation: an `<alias>` (a respelling)
or a `<phoneme>` in IPA or X-SAMPA (the lexeme's `alphabet`, else the lexicon's). The first
pronunciation a lexeme gives is used, as the specification says. The file is untrusted: it is
parsed without a network, without entities and without a document type, and a lexeme whose
phonemes cannot be turned into the voice's is refused in one line naming the file and the entry.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.audio.spoken_script.pronunciation.phonemes import NotPhonemes, as_entry, from_ipa, from_xsampa
from pipeline.errors import ConfigError
from pipeline.sources import read_limited

NAMESPACE = "{http://www.w3.org/2005/01/pronunciation-lexicon}"
ALPHABETS = {"ipa": from_ipa, "x-sampa": from_xsampa}
LARGEST = 2_000_000  # bytes; a practice's lexicon is a few hundred entries


def read_pls(path: Path, shown: str | None = None) -> dict[str, str]:
    """The file's entries as {written word: respelling or [[phonemes]]}; ConfigError naming each bad one."""
    from lxml import etree

    where = shown or str(path)
    # Read only up to the limit, and only a regular file: a 3 GB file or a link to /dev/zero is
    # refused before it is read whole.
    raw = read_limited(path, LARGEST, "a pronunciation lexicon (.pls) file", ConfigError, where)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"{where}: not a well-formed XML file (line {exc.lineno}): {exc.msg}") from None
    if root.getroottree().docinfo.doctype:
        raise ConfigError(f"{where}: a document type declaration is not allowed in a pronunciation lexicon")
    if root.tag != f"{NAMESPACE}lexicon":
        raise ConfigError(f"{where}: not a PLS 1.0 lexicon (expected <lexicon> in the namespace "
                          f"{NAMESPACE.strip('{}')})")
    alphabet = (root.get("alphabet") or "ipa").lower()
    language = (root.get("{http://www.w3.org/XML/1998/namespace}lang") or "en").lower()
    entries: dict[str, str] = {}
    problems: list[str] = []
    for lexeme in root.iter(f"{NAMESPACE}lexeme"):
        graphemes = [" ".join((g.text or "").split()) for g in lexeme.iter(f"{NAMESPACE}grapheme")]
        graphemes = [g for g in graphemes if g]
        name = graphemes[0] if graphemes else "?"
        entry = f"{where}: line {lexeme.sourceline}: lexeme {name!r}"
        if not graphemes:
            problems.append(f"{entry}: has no <grapheme>")
            continue
        try:
            said = _pronunciation(lexeme, lexeme.get("alphabet", alphabet).lower(), language)
        except NotPhonemes as exc:
            problems.append(f"{entry}: {exc}; write it as an <alias> or in IPA the voice can say")
            continue
        if said is None:
            problems.append(f"{entry}: has neither <alias> nor <phoneme>")
            continue
        entries.update(dict.fromkeys(graphemes, said))
    if problems:
        raise ConfigError(*problems)
    return entries


def _pronunciation(lexeme, alphabet: str, language: str) -> str | None:
    for child in lexeme:
        text = " ".join((child.text or "").split())
        if child.tag == f"{NAMESPACE}alias" and text:
            return text
        if child.tag == f"{NAMESPACE}phoneme" and text:
            name = child.get("alphabet", alphabet).lower()
            if name not in ALPHABETS:
                raise NotPhonemes(f"the alphabet {name!r} is not one this reader converts (ipa, x-sampa)")
            return as_entry(ALPHABETS[name](text, language))
    return None
