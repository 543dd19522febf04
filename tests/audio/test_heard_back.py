"""The real thing: an article naming twenty clinical terms, built with the real voice, heard back offline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.audio.listening.alignment import plain_words
from tests.conftest import ROOT

FIXTURE = Path(__file__).parent.parent / "fixtures" / "pronunciation" / "article_naming_twenty_clinical_terms.md"
TERMS = ("CBT", "DBT", "ACT", "IFS", "ERP", "TF-CBT", "CPT", "LCSW", "LPC", "LMFT", "LMHC", "NCC", "PhD", "PTSD",
         "ADHD", "OCD", "BPD", "GAD", "HIPAA", "DSM-5", "SAMHSA", "psychoeducation")


@pytest.mark.slow
def test_twenty_clinical_terms_are_heard_as_meant(tmp_path: Path, warm_cache) -> None:
    from pipeline.audio.listening.recogniser import heard  # the listen extra, which make test installs

    sources = tmp_path / "sources"
    (sources / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "practice.toml", sources / "practice.toml")
    shutil.copy(FIXTURE, sources / "articles" / "methods.md")
    cache = warm_cache(tmp_path / "cache")  # the practice's stamps already spoken: the terms are the subject
    folders = ["--sources", str(sources), "--out", str(tmp_path / "build"), "--cache", str(cache)]
    pipeline = [sys.executable, "-m", "pipeline"]
    built = subprocess.run([*pipeline, "build", *folders, "--only", "audio", "--jobs", "1"],
                           capture_output=True, text=True, cwd=ROOT)
    assert built.returncode == 0, built.stderr
    mp3 = tmp_path / "build" / "methods" / "methods.mp3"
    words = plain_words(" ".join(word.text for word in heard(mp3)))
    heard_text = " ".join(words)
    # A term is heard when one to three words in a row spell it: "TF CBT", "psycho education".
    spans = {"".join(words[start:start + length]) for length in (1, 2, 3) for start in range(len(words))}
    missed = [term for term in TERMS if "".join(plain_words(term)) not in spans]
    assert len(TERMS) >= 20
    assert not missed, f"not heard: {missed}; heard: {heard_text}"
    listened = subprocess.run([*pipeline, "check", *folders, "--listen", "methods"], capture_output=True, text=True,
                              cwd=ROOT)
    assert listened.returncode == 0, listened.stderr
    assert "methods: " in listened.stdout and "sentences heard as written" in listened.stdout
