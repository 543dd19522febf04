"""Packet files, packets made on the spot, and `[[clinicians]]`: each problem one line naming file and key."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.errors import ConfigError, SourceError
from pipeline.packets import chosen_packets, packet_on_the_spot, packet_problems, read_packet
from pipeline.sources import parse_practice

PROFILE = "sources/practice.toml"


def write(tmp_path, name: str, text: str):
    path = tmp_path / "packets" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_packet_file(tmp_path):
    path = write(tmp_path, "starter-set.toml",
                 'title = "Starting out"\narticles = ["sleep-and-worry", "panic-attacks"]\nfrom = "ana"\n'
                 "large_print = true\n")
    packet = read_packet(path)
    assert (packet.name, packet.title, packet.articles, packet.sender, packet.large_print) == (
        "starter-set", "Starting out", ("sleep-and-worry", "panic-attacks"), "ana", True)


@pytest.mark.parametrize(("text", "problems"), [
    ('articles = ["a"]\n', ["title: required key is missing"]),
    ('title = "T"\narticles = "a"\n', ["articles: expected a list of article slugs, got 'a'"]),
    ('title = "T"\narticles = []\n', ["articles: empty; name at least one article"]),
    ('title = "T"\narticles = ["Not A Slug"]\n',
     ["articles[0]: 'Not A Slug' is not an article slug like \"sleep-and-worry\""]),
    ('title = "T"\narticles = ["a"]\nlarge_print = "yes"\n', ["large_print: expected true or false, got 'yes'"]),
    ('title = "T"\narticles = ["a"]\nsender = "ana"\n',
     ["sender: unknown key; expected title, articles, from, large_print"]),
    ('title = "T"\narticles = ["a"\n', None),
], ids=["no-title", "articles-not-a-list", "no-articles", "bad-slug", "large-print-not-bool", "unknown-key",
        "not-toml"])
def test_a_bad_packet_file_is_one_line_a_problem(tmp_path, text, problems):
    path = write(tmp_path, "starter.toml", text)
    with pytest.raises(SourceError) as caught:
        read_packet(path)
    if problems is None:
        assert len(caught.value.problems) == 1 and caught.value.problems[0].startswith(f"{path}: not valid TOML")
    else:
        assert caught.value.problems == tuple(f"{path}: {problem}" for problem in problems)


def test_what_cannot_be_in_a_packet(three, clinic, spanish_article):
    draft = dataclasses.replace(three[1], status="draft")  # imported, not yet approved
    articles = [three[0], draft, three[2], spanish_article]
    packet = packet_on_the_spot(("sleep-and-worry", "panic-attacks", "missing", "sleep-and-worry",
                                 "sueno-y-preocupacion"), clinic, sender="bea")
    assert packet_problems(packet, clinic, articles, PROFILE) == [
        "the command line: articles[1]: 'panic-attacks' is a draft (status: draft in panic-attacks.md); read it "
        "through and approve it (handouts approve panic-attacks) before giving it to a client",
        "the command line: articles[2]: no article with slug 'missing' (known: every-block, panic-attacks, "
        "sleep-and-worry, sueno-y-preocupacion)",
        "the command line: articles[3]: 'sleep-and-worry' is already in the packet",
        f"the command line: from: 'bea' is not a clinician in {PROFILE} ([[clinicians]] keys: ana)",
        "the command line: articles: the handouts are in 2 languages (en, es); a packet is in one language, so "
        "make one per language",
    ]
    fine = packet_on_the_spot(("sleep-and-worry", "every-block"), clinic, name="for-jo", sender="ana")
    assert packet_problems(fine, clinic, articles, PROFILE) == [] and fine.name == "for-jo"


def test_on_the_spot_names_are_checked(clinic):
    with pytest.raises(SourceError, match=r"--name: '\.\./etc' is not a folder name"):
        packet_on_the_spot(("sleep-and-worry",), clinic, name="../etc")
    assert packet_on_the_spot(("a", "b"), clinic).name == "a-b"


def test_no_packet_files_and_on_the_spot_options_without_slugs(tmp_path, clinic):
    with pytest.raises(SourceError, match="no packets"):
        chosen_packets(tmp_path, clinic, ())
    with pytest.raises(SourceError, match="--name, --from and --large-print make a packet on the spot"):
        chosen_packets(tmp_path, clinic, (), sender="ana")


CLINICIAN = '\n[[clinicians]]\nkey = "{key}"\nname = "Ana Núñez"\ncredentials = "LCSW"\nemail = "{email}"\n'


def profile_with(practice_text: str, *clinicians: str) -> str:
    return practice_text + "".join(clinicians)


def test_clinicians_in_the_profile(practice_text):
    practice = parse_practice(profile_with(practice_text, CLINICIAN.format(key="ana", email="ana@example.com")),
                              PROFILE)
    assert practice.clinician("ana").signed == "Ana Núñez, LCSW" and practice.clinician("bea") is None


@pytest.mark.parametrize(("clinicians", "problem"), [
    ((CLINICIAN.format(key="Ana N", email="ana@example.com"),),
     "clinicians[0].key: 'Ana N' is not a key like \"ana-nunez\" (lower-case letters, digits and dashes)"),
    ((CLINICIAN.format(key="ana", email="ana"),),
     "clinicians[0].email: 'ana' is not an e-mail address like hello@example.com"),
    ((CLINICIAN.format(key="ana", email="a@example.com"), CLINICIAN.format(key="ana", email="b@example.com")),
     "clinicians: key 'ana' is given to more than one clinician; each needs its own"),
], ids=["bad-key", "bad-email", "same-key-twice"])
def test_a_bad_clinician_is_one_line(practice_text, clinicians, problem):
    with pytest.raises(ConfigError) as caught:
        parse_practice(profile_with(practice_text, *clinicians), PROFILE)
    assert caught.value.problems == (f"{PROFILE}: {problem}",)


@pytest.fixture(scope="module")
def practice_text():
    from tests.conftest import ROOT

    return (ROOT / "sources" / "practice.toml").read_text(encoding="utf-8")


def test_the_example_packet_in_sources_is_valid(practice, tmp_path):
    from pipeline.sources import read_library
    from tests.conftest import ROOT

    library = read_library(ROOT / "sources" / "articles")
    example = (ROOT / "sources" / "packets" / "first-session.toml.example").read_text(encoding="utf-8")
    packet = read_packet(write(tmp_path, "first-session.toml", example))  # as the comment says: copied to .toml
    assert packet.articles and packet_problems(packet, practice, list(library.articles), PROFILE) == []


def test_check_lists_every_packet_files_problems(tmp_path, clinic, three):
    from pipeline.packets import packet_file_problems

    good = write(tmp_path, "good.toml", 'title = "T"\narticles = ["sleep-and-worry"]\n')
    unknown = write(tmp_path, "unknown.toml", 'title = "T"\narticles = ["sleep-and-worry", "gone"]\nfrom = "bea"\n')
    broken = write(tmp_path, "broken.toml", 'articles = ["sleep-and-worry"]\n')
    assert good.is_file()
    assert packet_file_problems(tmp_path, clinic, three, PROFILE) == [
        f"{broken}: title: required key is missing",
        f"{unknown}: articles[1]: no article with slug 'gone' (known: every-block, panic-attacks, sleep-and-worry)",
        f"{unknown}: from: 'bea' is not a clinician in {PROFILE} ([[clinicians]] keys: ana)",
    ]
