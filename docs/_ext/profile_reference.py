"""The `practice-profile` directive: every key of `sources/practice.toml`, read from the profile's schema.

The tables are made from `Practice.model_json_schema()` each time the site is built, so a key added,
renamed or given a new default in `pipeline/sources/` shows here without anyone editing a page.
"""

from __future__ import annotations

import json

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

RANGE_WORDS = (("minimum", "at least"), ("exclusiveMinimum", "over"), ("maximum", "at most"),
               ("exclusiveMaximum", "under"))


def _cell(text: str) -> str:
    """Text for one cell of a Markdown table: one line, its bars escaped."""
    return " ".join(text.split()).replace("|", "\\|")


class _Schema:
    def __init__(self, schema: dict) -> None:
        self.defs = schema.get("$defs", {})
        self.root = schema

    def resolve(self, node: dict) -> dict:
        if "$ref" in node:
            return self.defs[node["$ref"].rsplit("/", 1)[-1]]
        return node

    def optional(self, node: dict) -> dict:
        """`X | None` as X."""
        choices = [choice for choice in node.get("anyOf", []) if choice.get("type") != "null"]
        return self.resolve(choices[0]) if len(choices) == 1 else self.resolve(node)

    def expected(self, node: dict) -> str:
        node = self.optional(node)
        if "enum" in node:
            return "one of " + ", ".join(f"`{json.dumps(value)}`" for value in node["enum"])
        kind = node.get("type")
        words = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false"}
        if kind == "string" and "format" in node:
            said = node["format"]
        elif kind == "array":
            items = self.resolve(node["items"])
            said = "a list of tables" if "properties" in items else "a list, each " + self.expected(items)
            if node.get("minItems"):
                said += f", at least {node['minItems']}"
        elif kind == "object":
            said = "a table of keys, each " + self.expected(node.get("additionalProperties", {}))
        else:
            said = words.get(kind, "a value")
        limits = [f"{word} {node[key]:g}" for key, word in RANGE_WORDS if key in node]
        return said + (f" ({', '.join(limits)})" if limits else "")


def _default(name: str, node: dict, required: list[str]) -> str:
    if name in required:
        return "required"
    if "default" not in node or node["default"] is None:
        return "not set"
    return f"`{json.dumps(node['default'], ensure_ascii=False)}`"


def profile_tables(schema: dict) -> list[str]:
    """The Markdown of one section per table of the profile, each with its keys."""
    reader = _Schema(schema)
    lines: list[str] = []
    for table, node in schema["properties"].items():
        model = reader.resolve(node)
        lines += _section(reader, f"[{table}]", table, model, table in schema.get("required", []))
        extra = model.get("additionalProperties")
        if isinstance(extra, dict) and "$ref" in extra:  # [notices.es]: a table per other language
            lines += _section(reader, f"[{table}.<language>]", f"{table}.<language>", reader.resolve(extra), False)
    return lines


def _section(reader: _Schema, title: str, path: str, model: dict, required: bool) -> list[str]:
    if "properties" not in model:  # a table of free keys, such as [pronunciations]
        model = {"description": model.get("description", ""),
                 "properties": {"<word>": {"type": "string", "format": "how to say it"}}}
    lines = [f"## `{title}`", ""]
    lines += [_cell(model.get("description", "")) + (" This table is required." if required else ""), ""]
    lines += ["| key | expected | default | what it does |", "|---|---|---|---|"]
    for key, node in _rows(reader, path, model):
        described = node.get("description", "") or reader.optional(node).get("description", "")
        lines.append(f"| `{key}` | {_cell(reader.expected(node))} | "
                     f"{_default(key.rsplit('.', 1)[-1], node, node.get('_required', []))} | {_cell(described)} |")
    return lines + [""]


def _rows(reader: _Schema, path: str, model: dict):
    required = model.get("required", [])
    for name, node in model["properties"].items():
        yield f"{path}.{name}", {**node, "_required": required}
        items = reader.resolve(node.get("items", {}))
        if "properties" in items:  # a list of tables: services.in_person[].city
            yield from _rows(reader, f"{path}.{name}[]", items)


class PracticeProfile(SphinxDirective):
    """A ```{practice-profile}``` block: the profile's reference tables, in the page's Markdown."""

    def run(self) -> list[nodes.Node]:
        from pipeline.sources import Practice

        container = nodes.section()
        lines = profile_tables(Practice.model_json_schema())
        self.state.nested_parse(StringList(lines, source="pipeline.sources.Practice"), self.content_offset, container,
                                match_titles=True)
        return container.children


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("practice-profile", PracticeProfile)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
