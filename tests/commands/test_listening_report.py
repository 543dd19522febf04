"""`check --listen`'s report and `check`'s pronunciation notes, without the recogniser."""

from __future__ import annotations

from pathlib import Path

from pipeline.audio import pronunciation_notes
from pipeline.commands.listening import clock, cue_times
from pipeline.sources.articles import read_article


def test_cue_times_come_from_the_captions() -> None:
    vtt = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\nTitle\n\n2\n00:01:01.234 --> 00:01:03.000\nNext\n"
    assert cue_times(vtt) == {1: (0, 2500), 2: (61_234, 63_000)}
    assert clock(61_234) == "01:01.2"


def test_check_lists_capitals_and_words_nothing_covers_with_their_lines(tmp_path: Path) -> None:
    source = tmp_path / "methods.md"
    source.write_text("---\ntitle: Working with an LCSW\ntags: [XYZQ]\n---\n\nWe use EMDR and ACT.\n\n"
                      "Dr. Zylberstein explains polyvagal ideas, and text HELP to 988.\n", encoding="utf-8")
    notes = pronunciation_notes(read_article(source, "en"), {"Rivera": "ree VEH ra"})
    assert notes[0] == f"{source}: line 2: 'LCSW' is in the lexicon: said 'L C S W'"
    assert any("line 6: 'EMDR' is in the lexicon" in note for note in notes)
    assert any("line 8: 'Zylberstein' is not in the voice's dictionary" in note for note in notes)
    assert not any("XYZQ" in note for note in notes), "tags are not read aloud"
    assert not any("'HELP'" in note or "'explains'" in note or "'polyvagal'" in note for note in notes)
