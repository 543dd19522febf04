"""A command names an article by its slug or by a beginning only one slug has; an exact slug always wins."""

from __future__ import annotations

import pytest

from pipeline.errors import SourceError
from pipeline.sources import resolve_slugs

KNOWN = ("panic", "panic-attacks", "sleep-and-worry", "codependency")


@pytest.mark.parametrize(("typed", "meant"), [
    (("codependency",), ("codependency",)),
    (("co",), ("codependency",)),
    (("panic",), ("panic",)),  # exact, though "panic-attacks" starts the same way
    (("panic-a",), ("panic-attacks",)),
    (("sl", "sleep-and-worry"), ("sleep-and-worry",)),  # one article, named twice
], ids=["exact", "prefix", "exact-wins-over-prefix", "longer-prefix", "same-article-twice"])
def test_a_slug_or_its_unique_beginning(typed, meant):
    assert resolve_slugs(typed, KNOWN, "sources/articles") == meant


def test_a_beginning_several_slugs_share_lists_them():
    with pytest.raises(SourceError) as raised:
        resolve_slugs(("pa",), KNOWN, "sources/articles")
    assert raised.value.problems == ("sources/articles: 'pa' is the beginning of several slugs "
                                     "(panic, panic-attacks); type more of the one you mean",)


def test_every_name_that_means_nothing_is_one_line():
    with pytest.raises(SourceError) as raised:
        resolve_slugs(("nope", "zz", "co"), KNOWN, "sources/articles")
    assert [problem.split(" (known")[0] for problem in raised.value.problems] == [
        "sources/articles: no article with slug 'nope'", "sources/articles: no article with slug 'zz'"]
