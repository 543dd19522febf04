"""The practice profile schema: good values load, each bad value gets its one-line message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.sources.profile import load_practice, parse_practice

ROOT = Path(__file__).resolve().parents[2]
PROFILE = (ROOT / "sources" / "practice.toml").read_text(encoding="utf-8")
SOURCE = "sources/practice.toml"


def edited(pattern: str, replacement: str) -> str:
    text, count = re.subn(pattern, replacement, PROFILE, count=1, flags=re.MULTILINE)
    assert count == 1, f"pattern {pattern!r} not in the profile"
    return text


def test_seed_profile_has_the_articles_facts(practice):
    assert practice.services.virtual_states == ("AZ", "FL", "NC", "SC", "TN", "TX", "UT", "VT", "VA")
    assert [str(loc) for loc in practice.services.in_person] == ["Charlotte, NC", "Carefree, AZ"]
    assert practice.services.virtual_state_names[-1] == "Virginia"
    assert "one business day" in practice.practice.response_time
    assert "Monday" in practice.practice.response_time and "Friday" in practice.practice.response_time
    assert "988" in practice.notices.crisis
    assert "not a substitute for therapy" in practice.notices.disclaimer
    assert practice.speech.engine == "piper"


def test_seed_profile_placeholders_are_flagged(practice):
    keys = [line.split(":")[0] for line in practice.placeholders()]
    assert keys == ["practice.name", "practice.phone", "practice.email", "practice.website",
                    "practice.contact_page"]


def test_real_contact_details_are_not_placeholders():
    text = PROFILE.replace("Your Practice Name", "Harbor Couples Counseling")
    text = text.replace("(704) 555-0123", "(704) 362-1187").replace("example.com", "harborcouples.com")
    assert parse_practice(text, SOURCE).placeholders() == []


BAD_VALUES = [
    ("bad_state", r'"VA"\]', '"ZZ"]', "services.virtual_states[8]: 'ZZ' is not a US state code"),
    ("lowercase_state", r'"AZ", "FL"', '"az", "FL"', "services.virtual_states[0]: 'az' is not a US state code"),
    ("territory", r'"AZ", "FL"', '"PR", "FL"', "services.virtual_states[0]: 'PR' is not a US state code"),
    ("no_states", r"virtual_states = \[.*\]", "virtual_states = []", "services.virtual_states: "),
    ("location_state", r'state = "NC" }', 'state = "Carolina" }',
     "services.in_person[0].state: 'Carolina' is not a US state code"),
    ("phone_letters", r'^phone = .*$', 'phone = "call us"',
     "practice.phone: 'call us' is not a US phone number"),
    ("phone_short", r'^phone = .*$', 'phone = "555-0123"', "practice.phone: '555-0123' is not a US phone number"),
    ("phone_number_type", r'^phone = .*$', "phone = 7045550123", "practice.phone: expected text in quotes"),
    ("email", r'^email = .*$', 'email = "hello.example.com"',
     "practice.email: 'hello.example.com' is not an e-mail address"),
    ("website_scheme", r'^website = .*$', 'website = "www.example.com"',
     "practice.website: 'www.example.com' is not a web address starting with https://"),
    ("website_javascript", r'^website = .*$', 'website = "javascript:alert(1)"',
     "practice.website: 'javascript:alert(1)' is not a web address"),
    ("contact_page_file", r'^contact_page = .*$', 'contact_page = "file:///etc/passwd"',
     "practice.contact_page: 'file:///etc/passwd' is not a web address"),
    ("missing_name", r'^name = .*$', "", "practice.name: required key is missing"),
    ("empty_name", r'^name = .*$', 'name = "   "', "practice.name: must not be empty"),
    ("unknown_key", r"^\[handout\]$", "[handout]\ncolour = 'blue'", "handout.colour: unknown key"),  # nothing near
    ("unknown_table", r"^\[email\]$", "[extras]\nx = 1\n[email]", "extras: unknown key"),
    ("paper", r'^paper = .*$', 'paper = "legal"', "handout.paper: 'legal' is not one of"),
    ("bitrate", r'^bitrate_kbps = .*$', "bitrate_kbps = 65", "speech.bitrate_kbps: 65 is not one of"),
    ("rate_too_fast", r'^speaking_rate = .*$', "speaking_rate = 9",
     "speech.speaking_rate: expected a number at most 2, got 9"),
    ("pause_negative", r'^sentence_pause_ms = .*$', "sentence_pause_ms = -5",
     "speech.sentence_pause_ms: expected a number at least 0, got -5"),
    ("pause_fraction", r'^sentence_pause_ms = .*$', "sentence_pause_ms = 3.5",
     "speech.sentence_pause_ms: expected a whole number, got 3.5"),
    ("budget_zero", r'^budget_mb = .*$', "budget_mb = 0", "email.budget_mb: expected a number over 0, got 0"),
    ("states_not_a_list", r"virtual_states = \[.*\]", 'virtual_states = "NC"',
     "services.virtual_states: expected a list in [ ], got 'NC'"),
    ("voice_not_text", r'^voice = .*$', "voice = 5", "speech.voice: expected text in quotes, got 5"),
    ("mistyped_key", r"^phone = ", "phnoe = ", "practice.phnoe: unknown key; did you mean 'phone'?"),
    ("mistyped_table", r"^\[email\]$", "[emial]", "emial: unknown key; did you mean 'email'?"),
    ("mistyped_key_in_a_list", r'state = "NC" }', 'stat = "NC", state = "NC" }',
     "services.in_person[0].stat: unknown key; did you mean 'state'?"),
    ("budget_text", r'^budget_mb = .*$', 'budget_mb = "ten"', "email.budget_mb: expected a number"),
    ("missing_notices", r"^\[notices\]\n(?:.*\n)*?(?=\[handout\])", "", "notices: required key is missing"),
    ("notices_in_unknown_language", r"^\[notices\.es\]", "[notices.xx]",
     "notices.xx: 'xx' is not a language the handouts can be written in; expected one of en, es"),
    ("spanish_notices_without_crisis", r"^crisis = \"Si está.*\n", "", "notices.es.crisis: required key is missing"),
    ("profile_language", r"^language = .*$", 'language = "klingon"', "practice.language: 'klingon' is not a language"),
    ("voice_for_unknown_language", r"^\[email\]", '[speech.voices]\nxx = "voices/x.onnx"\n\n[email]',
     "speech.voices.xx: 'xx' is not a language"),
]


@pytest.mark.parametrize(("pattern", "replacement", "message"),
                         [case[1:] for case in BAD_VALUES], ids=[case[0] for case in BAD_VALUES])
def test_bad_value_is_reported_with_file_and_key(pattern, replacement, message):
    with pytest.raises(ConfigError) as caught:
        parse_practice(edited(pattern, replacement), SOURCE)
    assert any(problem.startswith(f"{SOURCE}: {message}") for problem in caught.value.problems), \
        caught.value.problems


@pytest.mark.parametrize(("pattern", "replacement", "message"),
                         [case[1:] for case in BAD_VALUES], ids=[case[0] for case in BAD_VALUES])
def test_no_message_is_in_the_validation_librarys_words(pattern, replacement, message):
    with pytest.raises(ConfigError) as caught:
        parse_practice(edited(pattern, replacement), SOURCE)
    for problem in caught.value.problems:
        assert not any(words in problem for words in ("Input should", "Value error", "Field required",
                                                      "Extra inputs", "validation error")), problem


def test_every_problem_is_listed_at_once():
    text = PROFILE.replace('"VA"]', '"ZZ"]').replace('email = "hello@example.com"', 'email = "x"')
    text = text.replace('paper = "letter"', 'paper = "legal"')
    with pytest.raises(ConfigError) as caught:
        parse_practice(text, SOURCE)
    assert len(caught.value.problems) == 3
    assert all(problem.startswith(SOURCE + ": ") and "\n" not in problem for problem in caught.value.problems)


def test_invalid_toml_names_the_file():
    with pytest.raises(ConfigError, match=r"^sources/practice.toml: not valid TOML"):
        parse_practice("[practice\nname = 1", SOURCE)


def test_missing_profile(tmp_path):
    with pytest.raises(ConfigError, match="practice profile not found"):
        load_practice(tmp_path / "practice.toml")


def test_profile_not_utf8(tmp_path):
    path = tmp_path / "practice.toml"
    path.write_bytes(PROFILE.replace("Your Practice", "Caf\u00e9").encode("cp1252"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_practice(path)


def test_profile_with_bom_and_windows_line_endings(tmp_path):
    path = tmp_path / "practice.toml"
    path.write_bytes(b"\xef\xbb\xbf" + PROFILE.replace("\n", "\r\n").encode())
    assert load_practice(path).practice.name == "Your Practice Name"


PUBLISHING = [
    ("base_url_scheme", '[publish]\nbase_url = "ftp://www.example.com/h/"',
     "publish.base_url: 'ftp://www.example.com/h/' is not a web address starting with https://"),
    ("base_url_relative", '[publish]\nbase_url = "handouts/"',
     "publish.base_url: 'handouts/' is not a web address starting with https://"),
    ("base_url_query", '[publish]\nbase_url = "https://www.example.com/h/?page=1"',
     "publish.base_url: 'https://www.example.com/h/?page=1' is a page address"),
    ("artwork_outside", '[publish]\nartwork = "../art.png"',
     "publish.artwork: '../art.png' is not a file inside the sources folder"),
    ("artwork_absolute", '[publish]\nartwork = "/etc/art.png"',
     "publish.artwork: '/etc/art.png' is not a file inside the sources folder"),
    ("artwork_kind", '[publish]\nartwork = "art.gif"', "publish.artwork: 'art.gif' is not a .png or .jpg image"),
    ("locked_type", '[publish]\nlocked = "yes"', "publish.locked: expected true or false"),
    ("unknown_key", '[publish]\nurl = "https://www.example.com/"', "publish.url: unknown key"),
]


@pytest.mark.parametrize(("table", "message"), [case[1:] for case in PUBLISHING],
                         ids=[case[0] for case in PUBLISHING])
def test_bad_publish_value_is_reported_with_file_and_key(table, message):
    text = re.sub(r"^\[publish\]\n(#.*\n)*locked = true.*\n", "", PROFILE, flags=re.MULTILINE) + table + "\n"
    with pytest.raises(ConfigError) as caught:
        parse_practice(text, SOURCE)
    assert caught.value.problems[0].startswith(f"{SOURCE}: {message}"), caught.value.problems


def test_base_url_gets_its_trailing_slash_and_is_off_by_default(practice):
    assert practice.publish.base_url is None and practice.email.attach == "files"
    text = edited(r"^# base_url = .*$", 'base_url = "https://www.harborcouples.com/handouts"')
    assert parse_practice(text, SOURCE).publish.base_url == "https://www.harborcouples.com/handouts/"


def test_links_without_a_base_url_is_an_error_naming_the_key():
    with pytest.raises(ConfigError) as caught:
        parse_practice(edited(r'^attach = "files"', 'attach = "links"'), SOURCE)
    assert caught.value.problems == (f"{SOURCE}: email.attach: 'links' needs publish.base_url, the address "
                                     'where build/ is published; set it, or attach = "files"',)


def artwork(folder: Path, name: str, size: tuple[int, int], mode: str = "RGB") -> None:
    from PIL import Image

    Image.new(mode, size).save(folder / name)


@pytest.mark.parametrize(("name", "size", "mode", "message"), [
    ("art.png", (1000, 1000), "RGB", "'art.png' is a 1000×1000 PNG image (RGB); podcast apps need a square RGB"),
    ("art.png", (1400, 1500), "RGB", "'art.png' is a 1400×1500 PNG image (RGB)"),
    ("art.png", (1400, 1400), "RGBA", "'art.png' is a 1400×1400 PNG image (RGBA)"),
    ("art.png", None, "", "'art.png' not found in"),
], ids=["small", "not_square", "transparent", "missing"])
def test_artwork_is_checked_when_the_profile_is_read(tmp_path, name, size, mode, message):
    (tmp_path / "practice.toml").write_text(edited(r"^# artwork = .*$", f'artwork = "{name}"'), encoding="utf-8")
    if size:
        artwork(tmp_path, name, size, mode)
    with pytest.raises(ConfigError) as caught:
        load_practice(tmp_path / "practice.toml")
    assert caught.value.problems[0].startswith(f"{tmp_path / 'practice.toml'}: publish.artwork: {message}")


def test_artwork_that_fits_loads(tmp_path):
    (tmp_path / "practice.toml").write_text(edited(r"^# artwork = .*$", 'artwork = "show.jpg"'), encoding="utf-8")
    artwork(tmp_path, "show.jpg", (1400, 1400))
    assert load_practice(tmp_path / "practice.toml").publish.artwork == "show.jpg"


def test_artwork_may_not_be_a_link_leading_out_of_the_sources(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    artwork(outside, "art.png", (1400, 1400))
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "art.png").symlink_to(outside / "art.png")
    (sources / "practice.toml").write_text(edited(r"^# artwork = .*$", 'artwork = "art.png"'), encoding="utf-8")
    with pytest.raises(ConfigError, match="publish.artwork: 'art.png' leads out of"):
        load_practice(sources / "practice.toml")


def test_notices_follow_the_language_of_the_output():
    practice = parse_practice(PROFILE, SOURCE)
    english, spanish = practice.notices_in("en"), practice.notices_in("es")
    assert english.crisis.startswith("If you are in crisis") and english.response_time is None
    assert spanish.crisis.startswith("Si está en crisis") and spanish.response_time.startswith("Respondemos")


def test_the_shipped_spanish_crisis_notice_says_how_the_lifeline_answers_in_spanish():
    crisis = parse_practice(PROFILE, SOURCE).notices_in("es").crisis
    assert "988 Línea de Prevención del Suicidio y Crisis" in crisis
    assert "llame al 988 y marque 2" in crisis and "AYUDA al 988" in crisis and "chatear en español" in crisis


def test_a_language_without_notices_has_none():
    text = re.sub(r"^\[notices\.es\].*\n(?:.*\n)*?(?=\[handout\])", "", PROFILE, flags=re.MULTILINE)
    assert parse_practice(text, SOURCE).notices_in("es") is None
