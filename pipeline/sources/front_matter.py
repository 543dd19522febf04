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
        raise SourceError(_yaml_problem(exc, yaml_text, source, first_line)) from None
    except ValueError as exc:  # a well-formed but impossible date, e.g. 2025-02-30
        raise SourceError(f"{source}: updated: expected a date like 2025-08-04 that exists "
                          f"({str(exc)[:80]})") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise SourceError(f"{source}: front matter: expected 'key: value' lines")
    return meta


def _yaml_problem(exc: yaml.YAMLError, yaml_text: str, source: str, first_line: int) -> str:
    """The one line for front matter libyaml cannot read: where, and what to do about it."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return f"{source}: front matter: not valid YAML; expected one 'key: value' line per field"
    where = f"{source}: front matter (line {first_line + mark.line})"
    problem = getattr(exc, "problem", "") or ""
    lines = yaml_text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    key, colon, value = line.partition(":")
    if "mapping values are not allowed" in problem and colon and not line.startswith((" ", "\t")):
        quoted = value.strip().replace('"', '\\"')
        return (f"{where}: {key.strip()}: the value holds a colon, which YAML reads as a new key; put the value "
                f'in quotes: {key.strip()}: "{quoted}"')
    if "mapping values are not allowed" in problem:
        return f"{where}: a line is indented as if it belonged to the field above; start each field at the margin"
    context, opened = getattr(exc, "context", "") or "", getattr(exc, "context_mark", None)
    opened_at = f"{source}: front matter (line {first_line + opened.line})" if opened else where
    if "quoted scalar" in context:
        return f"{opened_at}: a quotation mark is opened and never closed; end the value with the same mark"
    if "flow sequence" in context:
        return f"{opened_at}: a list in [ ] is not closed; write it as [first, second] on one line"
    return f"{where}: not valid YAML ({problem}); expected one 'key: value' line per field"
