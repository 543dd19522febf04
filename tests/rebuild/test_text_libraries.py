"""The handouts are laid out by the system's Pango, HarfBuzz and Fontconfig: a new version of one
renders them again (a line may break elsewhere), as a new WeasyPrint does; nothing else is rebuilt."""

from __future__ import annotations

import ctypes

import pytest

from pipeline.rebuild import forget_versions, inputs, reads_version


def test_the_versions_are_read_from_the_libraries_weasyprint_loads():
    inputs._text_library_versions.cache_clear()
    shown = inputs._text_library_versions()
    assert shown.startswith("pango 1.") and ", harfbuzz " in shown and ", fontconfig " in shown
    assert "absent" not in shown  # WeasyPrint renders here, so all three are on this machine


def test_a_new_harfbuzz_renders_the_handouts_again_and_nothing_else(monkeypatch):
    forget_versions()
    inputs._text_library_versions.cache_clear()
    before = {kind: reads_version(kind) for kind in ("handout", "audio", "ebook", "email")}
    real = ctypes.CDLL

    class Upgraded:
        def __init__(self, name: str) -> None:
            self._library = real(name)
            self._name = name

        def __getattr__(self, call: str):
            function = getattr(self._library, call)
            if call != "hb_version_string":
                return function
            return _Fixed(b"99.0.0")

    monkeypatch.setattr(ctypes, "CDLL", Upgraded)
    forget_versions()
    inputs._text_library_versions.cache_clear()
    after = {kind: reads_version(kind) for kind in before}
    inputs._text_library_versions.cache_clear()
    assert "harfbuzz 99.0.0" in inputs._text_library_versions()
    inputs._text_library_versions.cache_clear()
    assert after["handout"] != before["handout"]
    assert {kind: after[kind] for kind in ("audio", "ebook", "email")} == \
        {kind: before[kind] for kind in ("audio", "ebook", "email")}


class _Fixed:
    restype: object = None

    def __init__(self, value: bytes) -> None:
        self._value = value

    def __call__(self) -> bytes:
        return self._value


@pytest.fixture(autouse=True)
def _fresh_versions():
    yield
    forget_versions()
    inputs._text_library_versions.cache_clear()
