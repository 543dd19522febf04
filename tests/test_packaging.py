"""The package installs as a wheel that renders on its own, with templates, catalogs and fonts inside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _folders_with_files(top: Path, name: str) -> set[str]:
    """Every folder under `top` that holds a file the package needs, as a dotted package name."""
    return {".".join((name, *path.parent.relative_to(top).parts)) for path in top.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


def test_every_package_and_data_folder_is_listed_for_the_wheel() -> None:
    """A folder left out is left out of the wheel, and setuptools warns about it on every install."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = _folders_with_files(ROOT / "pipeline", "pipeline") | _folders_with_files(ROOT / "templates",
                                                                                       "pipeline.templates")
    assert found == listed


@pytest.mark.slow
def test_an_installed_wheel_builds_a_handout_from_any_folder(tmp_path: Path) -> None:
    before = {path.name for path in (ROOT / "build").iterdir()} if (ROOT / "build").is_dir() else set()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path / "wheel"), str(ROOT)], check=True, capture_output=True, timeout=300)
    # Packaging's scratch space stays out of the output folder (and `clean` keeps working).
    after = {path.name for path in (ROOT / "build").iterdir()} if (ROOT / "build").is_dir() else set()
    assert after - before == set()
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    shutil.copytree(ROOT / "sources", tmp_path / "somewhere" / "sources")
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run([sys.executable, "-c", "import pipeline.templating as t; print(t.__file__, t.TEMPLATES)"],
                           cwd=tmp_path / "somewhere", env=env, capture_output=True, text=True, check=True)
    assert where.stdout.split() == [str(target / "pipeline" / "templating.py"), str(target / "pipeline" / "templates")]
    result = subprocess.run([sys.executable, "-m", "pipeline", "build", "codependency", "--only", "pdf"],
                            cwd=tmp_path / "somewhere", env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    pdf = tmp_path / "somewhere" / "build" / "codependency" / "codependency.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
