"""The practice profile's own texts are cleaned as an article's are; its numbers and addresses are ASCII."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.sources.profile import parse_practice

ROOT = Path(__file__).resolve().parents[2]
PROFILE = (ROOT / "sources" / "practice.toml").read_text(encoding="utf-8")
SOURCE = "sources/practice.toml"


def edited(pattern: str, replacement: str) -> str:
    text, count = re.subn(pattern, lambda _: replacement, PROFILE, count=1, flags=re.MULTILINE)
    assert count == 1, f"pattern {pattern!r} not in the profile"
    return text


def test_a_bidi_override_in_the_crisis_notice_is_removed() -> None:
    """`call \\u202E119\\u202C` displays as "call 911" while the narration reads "one hundred nineteen"."""
    practice = parse_practice(edited(r"^crisis = .*$", 'crisis = "In an emergency, call \\u202E119\\u202C."'),
                              SOURCE)
    assert practice.notices.crisis == "In an emergency, call 119."


def test_every_text_of_the_profile_is_cleaned() -> None:
    text = edited(r"^name = .*$", 'name = "Harbor\\u202E Couples\\u200B Counseling\\u2028"')
    text = re.sub(r"^(response_time = \")", lambda match: match[1] + "\\u2066", text, count=1, flags=re.MULTILINE)
    practice = parse_practice(text, SOURCE)
    assert practice.practice.name == "Harbor Couples Counseling"
    assert "\u2066" not in practice.practice.response_time


@pytest.mark.parametrize(("phone", "why"), [
    ("(৭০৪) ৫৫৫-০১২৩", "Bengali digits"),
    ("(٧٠٤) ٥٥٥-٠١٢٣", "Arabic-Indic digits"),
    ("(７０４) ５５５-０１２３", "full-width digits"),
], ids=["bengali", "arabic-indic", "full-width"])
def test_a_phone_number_is_ascii_digits(phone: str, why: str) -> None:
    """phonenumbers reads these digits too: the handout would print one number and dial another."""
    with pytest.raises(ConfigError) as caught:
        parse_practice(edited(r"^phone = .*$", f'phone = "{phone}"'), SOURCE)
    assert caught.value.problems == (f"{SOURCE}: practice.phone: {phone!r} is not a US phone number like "
                                     "(704) 555-0123",), why


@pytest.mark.parametrize("email", ["hello@hаrborcouples.com", "héllo@harborcouples.com",
                                   "hello@harbor\u202ecouples.com"],
                         ids=["cyrillic-domain", "accented-name", "bidi-override"])
def test_the_practice_email_is_plain_ascii(email: str) -> None:
    """A non-ASCII address passed check, then failed every article's e-mail or wrote a broken From:."""
    with pytest.raises(ConfigError) as caught:
        parse_practice(edited(r"^email = .*$", f'email = "{email}"'), SOURCE)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{SOURCE}: practice.email: {email!r} is not a plain ASCII e-mail address")


def test_a_look_alike_website_is_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_practice(edited(r"^website = .*$", 'website = "https://www.hаrborcouples.com/"'), SOURCE)
    (problem,) = caught.value.problems
    assert "practice.website: 'https://www.hаrborcouples.com/': its host" in problem and "xn--" in problem


def test_a_profile_that_is_a_device_is_refused_before_reading(tmp_path: Path) -> None:
    """Read in a child held to 1 GB and 20 s: a link to /dev/zero must neither grow nor hang."""
    profile = tmp_path / "practice.toml"
    profile.symlink_to("/dev/zero")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    code = ("from pathlib import Path\nfrom pipeline.errors import ConfigError\n"
            "from pipeline.sources.profile import load_practice\n"
            f"try:\n    load_practice(Path({str(profile)!r}))\nexcept ConfigError as exc:\n    print(*exc.problems)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20,
                          preexec_fn=limit, cwd=ROOT)
    assert done.stdout.strip() == (f"{profile}: is a device, not a file; expected the practice profile "
                                   "(a TOML text file)")
