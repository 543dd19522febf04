"""Reading step: an article file's YAML front matter, split from its body and read safely.

python-frontmatter finds the `---` block; the YAML is read by libyaml's safe loader after a pass
over its events that refuses anchors and aliases, so a few hundred bytes of nested aliases (a
"billion laughs") cannot cost seconds and gigabytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from frontmatter.default_handlers import YAMLHandler

from pipeline.errors import SourceError

# libyaml's safe loader where the wheel has it (it does on the common platforms): the same
# documents, read several times faster than the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HANDLER = YAMLHandler()


@dataclass(frozen=True)
class FrontMatter:
    fields: dict
    body: str
    first_line: int  # the file's line number of the front matter's first line
    body_line: int  # the file's line number of the body's first line


def split_front_matter(text: str, source: str) -> FrontMatter:
    """The front matter's fields and the body after it; one line naming the file if either is wrong."""
    if not text.startswith("---") or not _HANDLER.detect(text):
        raise SourceError(f"{source}: front matter: expected the file to start with a '---' block "
                          "holding at least a title")
    try:
        yaml_text, body = _HANDLER.split(text)
    except ValueError:
        raise SourceError(f"{source}: front matter: no closing '---' line; expected the block of fields "
                          "to end with one") from None
    first_line = text.count("\n", 0, text.find(yaml_text)) + 1 if yaml_text.strip() else 2
    fields = _safe_fields(yaml_text, source, first_line)
    return FrontMatter(fields, body, first_line, text.count("\n", 0, len(text) - len(body)) + 1)


def _safe_fields(yaml_text: str, source: str, first_line: int) -> dict:
    try:
        for event in yaml.parse(yaml_text, Loader=_SAFE_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                line = first_line + event.start_mark.line
                raise SourceError(f"{source}: front matter (line {line}): YAML anchors and aliases (& and *) "
                                  "are not allowed; write each value out")
        meta = yaml.load(yaml_text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {first_line + mark.line})" if mark else ""
        raise SourceError(f"{source}: front matter: not valid YAML{where}") from None
    except ValueError as exc:  # a well-formed but impossible date, e.g. 2025-02-30
        raise SourceError(f"{source}: updated: expected a date like 2025-08-04 that exists "
                          f"({str(exc)[:80]})") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise SourceError(f"{source}: front matter: expected 'key: value' lines")
    return meta
