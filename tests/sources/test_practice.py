"""The practice profile schema: good values load, each bad value gets its one-line message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.sources.practice import load_practice, parse_practice

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
    ("unknown_key", r"^\[handout\]$", "[handout]\ncolour = 'blue'", "handout.colour: unknown key"),
    ("unknown_table", r"^\[email\]$", "[extras]\nx = 1\n[email]", "extras: unknown key"),
    ("paper", r'^paper = .*$', 'paper = "legal"', "handout.paper: 'legal' is not one of"),
    ("bitrate", r'^bitrate_kbps = .*$', "bitrate_kbps = 65", "speech.bitrate_kbps: 65 is not one of"),
    ("rate_too_fast", r'^speaking_rate = .*$', "speaking_rate = 9", "speech.speaking_rate: "),
    ("budget_text", r'^budget_mb = .*$', 'budget_mb = "ten"', "email.budget_mb: expected a number"),
    ("missing_notices", r"^\[notices\]\n.*\n.*\n", "", "notices: required key is missing"),
]


@pytest.mark.parametrize(("pattern", "replacement", "message"),
                         [case[1:] for case in BAD_VALUES], ids=[case[0] for case in BAD_VALUES])
def test_bad_value_is_reported_with_file_and_key(pattern, replacement, message):
    with pytest.raises(ConfigError) as caught:
        parse_practice(edited(pattern, replacement), SOURCE)
    assert any(problem.startswith(f"{SOURCE}: {message}") for problem in caught.value.problems), \
        caught.value.problems


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
