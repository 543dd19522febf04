"""A pronunciation entry re-narrates only the recordings whose words it changes."""

from __future__ import annotations

from pipeline.rebuild import inputs
from tests.rebuild import test_incremental
from tests.rebuild.test_incremental import run_build

counted = test_incremental.counted


def _add_entries(settings, entries: str) -> None:
    profile = settings.practice_file  # [pronunciations] is its last table
    profile.write_text(profile.read_text(encoding="utf-8") + f"\n{entries}\n", encoding="utf-8")


def test_an_entry_remasters_only_the_article_that_says_the_word(counted, monkeypatch):
    calls, settings = counted
    test_incremental.count_scripts(calls)
    run_build(calls, settings)
    _add_entries(settings, 'Zylberstein = "ZIL ber stine"')  # a word neither article says
    changed = run_build(calls, settings)
    assert changed["codependency:audio"] == 0 and changed["sleep-and-worry:audio"] == 0
    _add_entries(settings, 'louder = "LOW der"')  # only sleep-and-worry says it
    changed = run_build(calls, settings)
    assert changed["sleep-and-worry:audio"] == 1 and changed["codependency:audio"] == 0


def test_the_shipped_lexicon_is_read_through_the_script_not_the_recordings_code():
    lexicon = inputs.PACKAGE / "audio" / "spoken_script" / "pronunciation" / "lexicon" / "en.toml"
    original = lexicon.read_bytes()
    before = inputs.reads_version("audio"), inputs.reads_version("script")
    try:
        lexicon.write_bytes(original + b"\n# edited\n")
        inputs.forget_versions()
        after = inputs.reads_version("audio"), inputs.reads_version("script")
    finally:
        lexicon.write_bytes(original)
        inputs.forget_versions()
    assert after[0] == before[0] and after[1] != before[1]
