"""Reading step: `sources/practice.toml` read and validated, every problem named by file and key."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from pipeline.article import excerpt
from pipeline.errors import ConfigError
from pipeline.sources.files import read_limited
from pipeline.sources.nearest import did_you_mean
from pipeline.sources.practice import Practice
from pipeline.sources.publishing import artwork_file

MAX_PROFILE_BYTES = 1_000_000  # a profile is a few kilobytes


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part.startswith(("function-", "constrained-")) and part != "[key]":
            out += ("." if out else "") + part
    return out


_EXPECTED = {
    "string_type": "text in quotes",
    "tuple_type": "a list in [ ]",
    "list_type": "a list in [ ]",
    "dict_type": "a table",
    "model_type": "a table",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
}
_BOUNDS = {"greater_than": ("gt", "over"), "greater_than_equal": ("ge", "at least"),
           "less_than": ("lt", "under"), "less_than_equal": ("le", "at most")}


def _known_keys(loc: tuple[int | str, ...]) -> list[str]:
    """The keys the profile's schema allows beside the one at `loc` (for a mistyped key's suggestion)."""
    model: type[BaseModel] = Practice
    for part in loc[:-1]:
        if isinstance(part, int):  # services.in_person[0]: the list's tables are its items'
            continue
        field = model.model_fields.get(part)
        inner = getattr(field, "annotation", None)
        if get_origin(inner) in (tuple, list):
            inner = get_args(inner)[0]
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
            return []
        model = inner
    return list(model.model_fields)


def _message(error: ErrorDetails) -> str:
    """Pydantic's finding in the profile's own words: what the key expected, and what it got."""
    kind, ctx, got = error["type"], error.get("ctx", {}), excerpt(error.get("input"))
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key" + did_you_mean(str(error["loc"][-1]), _known_keys(error["loc"]))
    if kind == "value_error":
        return str(ctx["error"])
    if kind == "literal_error":
        return f"{got} is not one of {ctx['expected']}"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"expected a number {words} {ctx[key]:g}, got {got}"
    if kind in ("too_short", "too_long"):
        size = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        return f"expected a list of {'at least' if kind == 'too_short' else 'at most'} {size}, got {got}"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {got}"
    return f"not a value this key takes, got {got}"


def parse_practice(text: str, source: str) -> Practice:
    """Validate the profile's TOML text; every problem is listed before raising."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from None
    try:
        practice = Practice.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = _location(error["loc"])
            problems.append(f"{source}: {where}: {_message(error)}")
        raise ConfigError(*problems) from None
    if practice.email.attach == "links" and not practice.publish.base_url:
        raise ConfigError(f"{source}: email.attach: 'links' needs publish.base_url, the address where "
                          "build/ is published; set it, or attach = \"files\"")
    return practice


def load_practice(path: Path) -> Practice:
    """Read and validate `practice.toml`."""
    if not path.exists():
        raise ConfigError(f"{path}: practice profile not found")
    raw = read_limited(path, MAX_PROFILE_BYTES, "the practice profile (a TOML text file)", ConfigError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    practice = parse_practice(text, str(path))
    if practice.publish.artwork:
        artwork_file(path, practice.publish.artwork)  # checked now, before anything is built
    return practice
