"""Reading step: the articles a command names, by slug or by a beginning only one slug has."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import SourceError


def resolve_slugs(typed: Iterable[str], known: Iterable[str], where: Path | str) -> tuple[str, ...]:
    """Each typed name as the slug it means: the slug itself if there is one (it always wins), else the one
    slug that starts with it. Every name that means no slug, or several, is one line of the error raised."""
    known = sorted(set(known))
    chosen: list[str] = []
    problems = []
    for name in typed:
        starting = [slug for slug in known if slug.startswith(name)]
        if name in known:
            chosen.append(name)
        elif len(starting) == 1:
            chosen.append(starting[0])
        elif starting:
            problems.append(f"{where}: {name!r} is the beginning of several slugs ({', '.join(starting)}); "
                            "type more of the one you mean")
        else:
            problems.append(f"{where}: no article with slug {name!r} (known: {', '.join(known) or 'none'})")
    if problems:
        raise SourceError(*problems)
    return tuple(dict.fromkeys(chosen))
