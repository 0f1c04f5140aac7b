"""The studio window entry point (filled in by the window issue)."""

from __future__ import annotations

import sys


def main() -> int:
    print("voice-studio: the window is not built yet; use `voice-studio synth --help`.", file=sys.stderr)
    return 1
