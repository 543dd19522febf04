"""The clinical lexicon, the practice's entries and PLS files, abbreviations, and what each re-speaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.audio.recording.speech.cache import SpeechCache
from pipeline.audio.spoken_script.normalise import normalise
from pipeline.audio.spoken_script.pronunciation.abbreviations import capitals, places, spanish_places
from pipeline.audio.spoken_script.pronunciation.lexicon import PHONEMES, Lexicon, lexicon_for, shipped_lexicon
from pipeline.audio.spoken_script.pronunciation.phonemes import NotPhonemes, checked, from_ipa, from_xsampa
from pipeline.audio.spoken_script.pronunciation.pls import read_pls
from pipeline.audio.spoken_script.pronunciation.practice_table import with_lexicon_file
from pipeline.errors import ConfigError
from tests.conftest import FIXTURES

PLS = FIXTURES / "pronunciation" / "clinic.pls"


def table(*rows: tuple[str, str, str]):
    return pytest.mark.parametrize(("text_in", "text_out"), [row[1:] for row in rows], ids=[row[0] for row in rows])


def test_the_shipped_lexicon_has_eighty_entries_in_english_and_spanish() -> None:
    english, spanish = shipped_lexicon("en").entries, shipped_lexicon("es").entries
    assert len(english) + len(spanish) >= 80 and len(spanish) >= 20
    for term in ("EMDR", "CBT", "ACT", "LCSW", "PsyD", "C-PTSD", "NAMI", "HIPAA", "SAMHSA", "DSM-5", "psychoeducation"):
        assert term in english, term


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_phonemes_entry_is_one_the_voice_can_say(language: str) -> None:
    for word, said in shipped_lexicon(language).entries.items():
        for phonemes in PHONEMES.findall(said):
            assert checked(phonemes.strip()), word


@table(
    ("method", "We offer EMDR and ACT.", "We offer E M D R and act."),
    ("the-verb-act-is-not-the-therapy", "Act now, and act kindly.", "Act now, and act kindly."),
    ("credentials", "Jane Doe, LCSW, PsyD", "Jane Doe, L C S W, P S Y D"),
    ("mixed-forms", "TF-CBT for C-PTSD, per the DSM-5.", "T F C B T for C P T S D, per the D S M five."),
    ("said-as-a-word", "NAMI and SAMHSA.", "Nami and Samhsa."),
    ("possessive", "HIPAA's rules", "hippa's rules"),
    ("any-case-word", "Psychoeducation helps.", "psycho education helps."),
)
def test_the_lexicon_is_applied_before_the_other_steps(text_in: str, text_out: str) -> None:
    assert normalise(text_in) == text_out


def test_the_practice_table_overrides_and_extends_the_lexicon() -> None:
    lexicon = lexicon_for("en", {"emdr": "E M D R therapy", "Gottman": "GOT man"})
    assert lexicon.said("EMDR") == "E M D R therapy"  # overridden, whatever the case
    assert lexicon.said("Gottman") == "GOT man"
    assert normalise("Gottman and EMDR.", {"Gottman": "GOT man"}) == "GOT man and E M D R."  # GOT not spelled


def test_phonemes_reach_the_voice_untouched_with_the_pause_after_them_inside() -> None:
    assert normalise("Ask Dr. Nguyen.", {"Nguyen": "[[ŋˈwɪn]]"}) == "Ask Doctor [[ŋˈwɪn.]]"
    assert normalise("He said Nguyen, twice.", {"Nguyen": "[[ŋˈwɪn]]"}) == "He said [[ŋˈwɪn,]] twice."


def test_marking_and_putting_back_leaves_text_without_entries_alone() -> None:
    text, held = Lexicon({"CBT": "C B T"}).mark("Nothing to see here.")
    assert (text, held) == ("Nothing to see here.", ())


@table(
    ("saint", "Join us on St. Patrick's Day.", "Join us on Saint Patrick's Day."),
    ("street", "Our office on Elm St. is open.", "Our office on Elm Street is open."),
    ("street-at-the-end", "We are on Elm St.", "We are on Elm Street."),
    ("numbered-street", "Visit 12 Elm St. Suite 4.", "Visit 12 Elm Street Suite 4."),
    ("doctor", "Dr. Rivera will see you.", "Doctor Rivera will see you."),
    ("drive", "Park on Main Dr. today.", "Park on Main Drive today."),
    ("drive-with-number", "1200 Oak Dr.", "1200 Oak Drive."),
    ("mount", "Mt. Pleasant office", "Mount Pleasant office"),
    ("suite", "Ste. 200", "Suite 200"),
    ("sainte", "Ste. Genevieve", "Sainte Genevieve"),
)
def test_places(text_in: str, text_out: str) -> None:
    assert places(text_in) == text_out


@table(
    ("credential", "an LCSW", "an L C S W"),
    ("plural", "two LPCs", "two L P Cs"),
    ("possessive", "OCD's grip", "O C D's grip"),
    ("everyday-word-in-capitals", "text HELP to 988", "text HELP to 988"),
    ("roman-numeral", "Part II", "Part II"),
    ("shouted-line", "CALL US NOW TO BOOK", "CALL US NOW TO BOOK"),
    ("one-letter", "Plan A", "Plan A"),
    ("letter-a-is-not-the-article", "GAD and MBA", "G eh D and M B A"),
    ("seven-letters-stay", "ABCDEFG", "ABCDEFG"),
)
def test_capitals(text_in: str, text_out: str) -> None:
    assert capitals(text_in) == text_out


def test_capitals_in_spanish_leave_everyday_words() -> None:
    assert capitals("envíe AYUDA al 988; TEPT", "es") == "envíe AYUDA al 988; T E P T"


@table(
    ("avenida", "en la Av. Juárez", "en la avenida Juárez"),
    ("santa", "Sta. Ana", "Santa Ana"),
    ("aprox", "aprox. 10 minutos", "aproximadamente 10 minutos"),
)
def test_spanish_places(text_in: str, text_out: str) -> None:
    assert spanish_places(text_in) == text_out


def test_spanish_abbreviations_in_the_whole_chain() -> None:
    assert normalise("La Sra. Díaz y la Dra. Pérez, de EE. UU., p. ej. con TCC.", language="es") == \
        "La señora Díaz y la doctora Pérez, de Estados Unidos, por ejemplo con T C C."


def test_ipa_and_xsampa_become_the_voices_phonemes() -> None:
    assert from_ipa("ˈθɛr.ə.pi") == "ˈθɛɹəpi"
    assert from_xsampa('"TEr@pi') == "ˈθɛɹəpi"
    assert from_xsampa("dZ{m") == "dʒæm"
    with pytest.raises(NotPhonemes, match="no sound"):
        from_ipa("ʘ͡ʘ⁂")
    with pytest.raises(NotPhonemes, match="not an X-SAMPA symbol"):
        from_xsampa("T§")


def test_a_pls_file_is_read_with_aliases_ipa_and_xsampa() -> None:
    assert read_pls(PLS) == {"Gottman": "Gotman", "Nguyen": "[[ŋˈwɪn]]", "NGUYEN": "[[ŋˈwɪn]]",
                             "therapy": "[[ˈθɛɹəpi]]"}


@pytest.mark.parametrize(("body", "expected"), [
    ('<!DOCTYPE lexicon [<!ENTITY x SYSTEM "file:///etc/passwd">]><lexicon xmlns="http://www.w3.org/2005/01/'
     'pronunciation-lexicon"><lexeme><grapheme>a</grapheme><alias>&x;</alias></lexeme></lexicon>',
     "document type declaration"),
    ('<lexicon xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"><lexeme><grapheme>Zoë</grapheme>'
     '<phoneme alphabet="x-sampa">z@§</phoneme></lexeme></lexicon>', "line 1: lexeme 'Zoë': '§' is not"),
    ('<lexicon xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"><lexeme><grapheme>Zoë</grapheme>'
     '<phoneme alphabet="arpabet">Z OW</phoneme></lexeme></lexicon>', "alphabet 'arpabet'"),
    ("<lexicon><lexeme/></lexicon>", "not a PLS 1.0 lexicon"),
    ("<lexicon", "not a well-formed XML file"),
], ids=["no-entities-no-doctype", "unknown-symbol", "unknown-alphabet", "wrong-namespace", "broken-xml"])
def test_a_bad_pls_file_is_refused_in_one_line(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "bad.pls"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        read_pls(path)
    assert len(error.value.problems) == 1 and expected in error.value.problems[0]
    assert str(path) in error.value.problems[0]


def test_the_profile_names_a_pls_file_inside_the_sources(tmp_path: Path, practice) -> None:
    (tmp_path / "clinic.pls").write_bytes(PLS.read_bytes())
    profile = tmp_path / "practice.toml"
    named = practice.model_copy(update={"pronunciations": {"lexicon_file": "clinic.pls", "Gottman": "GOT man"}})
    merged = with_lexicon_file(named, profile).pronunciations
    assert merged["Gottman"] == "GOT man" and merged["therapy"] == "[[ˈθɛɹəpi]]" and "lexicon_file" not in merged
    outside = practice.model_copy(update={"pronunciations": {"lexicon_file": "../x.pls"}})
    with pytest.raises(ConfigError, match="leads out of"):
        with_lexicon_file(outside, profile)
    unsayable = practice.model_copy(update={"pronunciations": {"Zoë": "[[zˈoʊʬ]]"}})
    with pytest.raises(ConfigError, match=r"pronunciations\.Zoë: the voice has no sound"):
        with_lexicon_file(unsayable, profile)


class _Voice:
    engine, identity, sample_rate, workers = "piper", "test-voice", 22050, 1


def test_an_entry_change_re_speaks_only_the_sentences_that_use_the_word(practice, tmp_path: Path) -> None:
    from pipeline.audio import narration_script
    from pipeline.sources.articles import parse_article

    source = ("---\ntitle: Couples\n---\n\nThe Gottman Method helps couples. Many couples fight.\n\n"
              "We also offer EFT. Call us today.\n")
    article = parse_article(source.encode(), "couples.md", "couples", "en")
    cache = SpeechCache(tmp_path)

    def keys(table: dict[str, str]) -> list[str]:
        script = narration_script(article, practice.model_copy(update={"pronunciations": table}))
        return [cache.key(_Voice(), segment.spoken) for segment in script.segments]

    before, after = keys({"Gottman": "GOT man"}), keys({"Gottman": "Gott man"})
    changed = [index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert len(changed) == 1 and len(before) > 10
    unrelated = keys({"Gottman": "GOT man", "Rivera": "ree VEH ra"})  # a word the article never says
    assert unrelated == before
