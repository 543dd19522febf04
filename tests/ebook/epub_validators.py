"""The real validators, run as a publisher would: W3C EPUBCheck (Debian's jar) and DAISY Ace (npm,
driving Debian's Chromium through Puppeteer), and a reader of a book's overlays."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent.parent
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
ACE = ROOT / "node_modules" / ".bin" / "ace-cli"
CHROMIUM = Path("/usr/bin/chromium")
SMIL = "{http://www.w3.org/ns/SMIL}"


def _need(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path} is missing: run scripts/setup-tests (it installs EPUBCheck, Chromium and Ace)")


def epubcheck(book: Path) -> list[str]:
    """Every EPUBCheck message of severity warning or worse, as 'SEVERITY ID message (path)'."""
    _need(EPUBCHECK)
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(book), "--json", "-"],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout[result.stdout.index("{"):])
    found = [f"{m['severity']} {m['ID']} {m['message']} ({', '.join(str(p.get('path')) for p in m['locations'])})"
             for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert found or result.returncode == 0, result.stderr
    return found


def ace(book: Path, reports: Path) -> tuple[list[str], dict]:
    """DAISY Ace's violations of impact critical or serious, and its whole report."""
    _need(ACE)
    _need(CHROMIUM)
    environment = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    result = subprocess.run([str(ACE), "--silent", "--force", "--outdir", str(reports), str(book)],
                            capture_output=True, text=True, timeout=600, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((reports / "report.json").read_text(encoding="utf-8"))
    serious = [f"{check['earl:test']['earl:impact']} {check['earl:test']['dct:title']} in "
               f"{document['earl:testSubject']['url']}"
               for document in report["assertions"] for check in document.get("assertions", [])
               if check["earl:test"]["earl:impact"] in ("critical", "serious")]
    return serious, report


@dataclass(frozen=True)
class Par:
    document: str
    fragment: str
    audio: str
    begin_ms: int
    end_ms: int


def clock_ms(value: str) -> int:
    """'0:01:01.234' -> 61234."""
    hours, minutes, seconds = value.split(":")
    return round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)


def overlay_pars(book: Path) -> dict[str, list[Par]]:
    """Each SMIL file's pars as written, by the file's name inside the book."""
    found: dict[str, list[Par]] = {}
    with zipfile.ZipFile(book) as archive:
        for name in archive.namelist():
            if name.endswith(".smil"):
                tree = etree.fromstring(archive.read(name))
                pars = []
                for par in tree.iter(f"{SMIL}par"):
                    text, audio = par.find(f"{SMIL}text"), par.find(f"{SMIL}audio")
                    document, fragment = text.get("src").split("#")
                    pars.append(Par(document, fragment, audio.get("src"), clock_ms(audio.get("clipBegin")),
                                    clock_ms(audio.get("clipEnd"))))
                found[name] = pars
    return found


def ids_in_order(book: Path, document: str) -> list[str]:
    """Every element id of a content document, in document order."""
    with zipfile.ZipFile(book) as archive:
        tree = etree.fromstring(archive.read(f"EPUB/{document}"))
    return [element.get("id") for element in tree.iter() if element.get("id")]
