"""Entry point for `python -m pipeline`."""

import os
import sys

from pipeline.cli import main
from pipeline.stopping import STOPPING

code = main()
if STOPPING.is_set():
    # Interrupted: threads still finishing a sentence or a page are not waited for. Outputs are
    # renamed into place whole, so ending now leaves nothing half-written; the lock goes with us.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
raise SystemExit(code)
