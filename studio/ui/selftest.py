"""`voice-studio --self-test MODEL_DIR` (filled in by the window issue)."""

from __future__ import annotations

import sys


def run_self_test(model_dir: str) -> int:
    print("voice-studio: self-test needs the window, which is not built yet.", file=sys.stderr)
    return 1
