"""Reading step: an imported article's draft mark and open review items, from its front matter.

An import writes `status: draft` and one `review_items:` entry per thing a person must look at;
both stay until someone approves the article (`.venv/bin/handouts approve SLUG`). While they are
there, every `check` and `build` names them, and `--strict` refuses them.
"""

from __future__ import annotations

from pipeline.article import STATUSES, Status, clean_line, excerpt

APPROVE = ".venv/bin/handouts approve {slug}"
DRAFT_NOTE = "# A draft until approved"  # the importer's comment line that approving removes


def read_status(meta: dict, source: str, problems: list[str]) -> tuple[Status, tuple[str, ...]]:
    """The `status:` (published unless it says draft) and the `review_items:` list."""
    status = meta.get("status", "published")
    if status not in STATUSES:
        problems.append(f"{source}: status: expected one of {', '.join(STATUSES)}, got {excerpt(status)}")
        status = "published"
    items = meta.get("review_items", [])
    if items is None:
        items = []
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        problems.append(f"{source}: review_items: expected a list of lines, one per thing to review, "
                        f"got {excerpt(items)}")
        items = []
    return status, tuple(line for line in map(clean_line, items) if line)


def draft_warnings(source: str, slug: str, status: Status, items: tuple[str, ...]) -> tuple[str, ...]:
    """One warning per open review item, and one for the draft mark itself."""
    approve = APPROVE.format(slug=slug)
    warnings = [f"{source}: review_items: {item}" for item in items]
    if status == "draft" or items:
        count = f"{len(items)} review item{'s' if len(items) != 1 else ''} open; " if items else ""
        warnings.append(f"{source}: status: draft — not reviewed; {count}read it through, fix what the items "
                        f"name, then approve it with `{approve}`")
    return tuple(warnings)
