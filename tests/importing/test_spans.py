"""Runs of words and headings tidied: heading levels start at two and stay apart."""

from __future__ import annotations


def test_heading_levels_start_at_two_and_stay_apart() -> None:
    from pipeline.article import Heading
    from pipeline.importing.fragment import fragment_blocks

    blocks, _ = fragment_blocks("<h1>Part</h1><p>a</p><h3>Step</h3><p>b</p><h5>Note</h5><p>c</p><h6>Aside</h6>")
    assert [block.level for block in blocks if isinstance(block, Heading)] == [2, 3, 4, 5]
