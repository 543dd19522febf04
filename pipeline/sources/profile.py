"""Reading step: `sources/practice.toml` read and validated, every problem named by file and key."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from pipeline.article import excerpt
from pipeline.errors import ConfigError
from pipeline.sources.files import read_limited
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


_MESSAGES = {
    "missing": "required key is missing",
    "extra_forbidden": "unknown key",
    "string_type": "expected text in quotes",
    "tuple_type": "expected a list",
    "dict_type": "expected a table",
    "model_type": "expected a table",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
}


def _message(error: dict) -> str:
    kind = error["type"]
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "literal_error":
        return f"{excerpt(error['input'])} is not one of {error['ctx']['expected']}"
    if kind in _MESSAGES:
        suffix = "" if kind == "missing" else f", got {excerpt(error['input'])}"
        return _MESSAGES[kind] + ("" if kind == "extra_forbidden" else suffix)
    return error["msg"]


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
