"""A stage's public face: the few names a stage offers, each imported from its module on first use.

A stage's `__init__` lists where its names live; a command then loads only the modules it uses, so
a no-op build never imports numpy, the mastering chain or the PDF renderer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module


def public_face(package: str, where: dict[str, tuple[str, ...]]
                ) -> tuple[list[str], Callable[[str], object], Callable[[], list[str]]]:
    """`__all__`, `__getattr__` and `__dir__` for `package`, whose names live in the modules of `where`."""
    module_of = {name: module for module, names in where.items() for name in names}

    def __getattr__(name: str) -> object:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        setattr(sys.modules[package], name, value)  # imported once
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *module_of})

    return sorted(module_of), __getattr__, __dir__
