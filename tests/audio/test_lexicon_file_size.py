"""A pronunciation lexicon file is refused by its size before it is read, not after reading it whole."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

from pipeline.audio.spoken_script.pronunciation.pls import LARGEST


def test_a_3_gb_lexicon_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "lexicon.pls"
    with huge.open("wb") as file:
        file.truncate(3_000_000_000)  # sparse: 3 GB that take no room on disk

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    code = ("from pathlib import Path\nfrom pipeline.errors import ConfigError\n"
            "from pipeline.audio.spoken_script.pronunciation.pls import read_pls\n"
            f"try:\n    read_pls(Path({str(huge)!r}), 'sources/lexicon.pls')\n"
            "except ConfigError as exc:\n    print(*exc.problems)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          preexec_fn=limit, cwd=Path(__file__).parents[2])
    assert done.stdout.strip() == (f"sources/lexicon.pls: larger than {LARGEST // 1_000_000} MB; "
                                   "expected a pronunciation lexicon (.pls) file"), done.stderr[-300:]
