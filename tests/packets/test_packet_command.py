"""`python -m pipeline packet`: a clinician makes a packet of three handouts and a draft from themselves, end to end."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHORT_ARTICLE, warm_copy
from tests.email.mail_readers import mailparser_reading, raw_header_problems, strict_reading
from tests.packets.conftest import PANIC

pytestmark = pytest.mark.slow

GROUNDING = """\
---
title: Grounding — Coming Back to the Room
slug: grounding
summary: A skill for the moments when feelings run high.
updated: 2025-06-20
---

Grounding brings your attention back to where you are.

## Try this

Press your feet into the floor. Notice five things you can see.
"""
CLINICIAN = '\n[[clinicians]]\nkey = "ana"\nname = "Ana Núñez"\ncredentials = "LCSW"\nemail = "ana@example.com"\n'


def run(root, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args, "--sources", str(root / "sources"),
                           "--out", str(root / "build"), "--cache", str(root / "cache")],
                          cwd=root, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def root(tmp_path_factory, spoken_stamps):
    root = tmp_path_factory.mktemp("clinic")
    warm_copy(spoken_stamps, root / "cache")  # the stamps already spoken
    (root / "sources" / "articles").mkdir(parents=True)
    (root / "sources" / "practice.toml").write_text(
        (ROOT / "sources" / "practice.toml").read_text(encoding="utf-8") + CLINICIAN, encoding="utf-8")
    for slug, text in (("sleep-and-worry", SHORT_ARTICLE), ("panic-attacks", PANIC), ("grounding", GROUNDING)):
        (root / "sources" / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def first(root):
    return run(root, "packet", "sleep-and-worry", "panic-attacks", "grounding", "--name", "starter", "--from", "ana",
               "--large-print")


def test_three_handouts_from_a_clinician(first, root):
    assert first.returncode == 0, first.stderr
    folder = root / "build" / "packets" / "starter"
    assert sorted(path.name for path in folder.iterdir() if not path.name.startswith(".")) == [
        "send-kit", "starter-large-print.pdf", "starter.eml", "starter.mp3", "starter.pdf", "starter.vtt"]
    raw = (folder / "starter.eml").read_bytes()
    assert raw_header_problems(raw) == []
    python, node = strict_reading(raw), mailparser_reading(raw)
    assert node["subject"] == python["headers"]["Subject"] == "Your handouts from Your Practice Name"
    assert node["from"] == [{"name": "Ana Núñez, LCSW", "address": "ana@example.com"}]
    names = ["Your handouts (handouts).pdf", "Your handouts (large print).pdf", "Your handouts (audio).mp3"]
    assert [file["filename"] for file in node["attachments"]] == names
    assert [file["name"] for file in python["attachments"]] == names
    attached = {file["filename"]: file["size"] for file in node["attachments"]}
    assert attached["Your handouts (audio).mp3"] == (folder / "starter.mp3").stat().st_size
    kit = folder / "send-kit"
    assert sorted(path.name for path in kit.iterdir()) == sorted(["message to paste.txt", *names])
    assert (kit / "Your handouts (handouts).pdf").read_bytes() == (folder / "starter.pdf").read_bytes()


def test_made_again_nothing_is_rebuilt_or_spoken(first, root):
    cache_files = sorted(path.name for path in (root / "cache").rglob("*") if path.is_file())
    again = run(root, "packet", "sleep-and-worry", "panic-attacks", "grounding", "--name", "starter", "--from", "ana",
                "--large-print")
    assert again.returncode == 0, again.stderr
    assert "0 files made (all up to date)" in again.stdout
    assert sorted(path.name for path in (root / "cache").rglob("*") if path.is_file()) == cache_files


@pytest.mark.parametrize(("args", "line"), [
    (("sleep-and-worry", "nothing-here"),
     "error: the command line: articles[1]: no article with slug 'nothing-here' (known: grounding, panic-attacks, "
     "sleep-and-worry)"),
    (("sleep-and-worry", "--from", "bea"), "error: the command line: from: 'bea' is not a clinician in"),
    (("sleep-and-worry", "--name", "../../x"), "error: --name: '../../x' is not a folder name"),
], ids=["unknown-article", "unknown-clinician", "name-leading-out"])
def test_bad_input_is_one_line_and_nothing_is_written(first, root, args, line):
    before = sorted((root / "build").rglob("*"))
    result = run(root, "packet", *args)
    assert result.returncode == 1
    assert result.stderr.startswith(line) and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert sorted((root / "build").rglob("*")) == before


def test_the_build_makes_each_packet_and_publish_carries_only_its_client_files(first, root):
    packets = root / "sources" / "packets"
    packets.mkdir()
    (packets / "bedtime.toml").write_text('title = "Bedtime"\narticles = ["sleep-and-worry", "grounding"]\n',
                                          encoding="utf-8")
    try:
        built = run(root, "build")
        assert built.returncode == 0, built.stderr
        folder = root / "build" / "packets" / "bedtime"
        assert f"packet: {folder}/" in built.stdout
        assert {"bedtime.pdf", "bedtime-large-print.pdf", "bedtime.mp3", "bedtime.eml"} <= \
            {path.name for path in folder.iterdir()}
        published = subprocess.run([sys.executable, "-m", "pipeline", "publish", "--to", str(root / "upload"),
                                    "--sources", str(root / "sources"), "--out", str(root / "build"),
                                    "--cache", str(root / "cache")], cwd=root, capture_output=True, text=True)
        assert published.returncode == 0, published.stderr
        uploaded = {str(path.relative_to(root / "upload")) for path in (root / "upload").rglob("*") if path.is_file()}
        assert {"packets/bedtime/bedtime.pdf", "packets/bedtime/bedtime-large-print.pdf",
                "packets/bedtime/bedtime.mp3"} <= uploaded
        assert not [name for name in uploaded if name.endswith(".eml") or "send-kit" in name]
    finally:
        shutil.rmtree(packets)


def test_packet_files_and_clean(first, root):
    (root / "sources" / "packets").mkdir()
    (root / "sources" / "packets" / "sleep.toml").write_text(
        'title = "For better sleep"\narticles = ["sleep-and-worry", "grounding"]\n', encoding="utf-8")
    made = run(root, "packet")
    assert made.returncode == 0, made.stderr
    assert (root / "build" / "packets" / "sleep" / "sleep.eml").is_file()
    assert "0 files made" in run(root, "packet").stdout
    # What it reads changed (its title): the handouts, audio, draft and kit are made again.
    (root / "sources" / "packets" / "sleep.toml").write_text(
        'title = "Sleeping better"\narticles = ["sleep-and-worry", "grounding"]\n', encoding="utf-8")
    remade = run(root, "packet")
    assert remade.returncode == 0, remade.stderr
    for name in ("sleep.pdf", "sleep-large-print.pdf", "sleep.mp3", "sleep.eml",
                 "send-kit/Sleeping better (handouts).pdf"):
        assert name in remade.stdout
    kit = sorted(path.name for path in (root / "build" / "packets" / "sleep" / "send-kit").iterdir())
    assert kit == ["Sleeping better (audio).mp3", "Sleeping better (handouts).pdf", "message to paste.txt"]
    cleaned = run(root, "clean")
    assert cleaned.returncode == 0, cleaned.stderr
    assert not (root / "build").exists()
    shutil.rmtree(root / "sources" / "packets")
