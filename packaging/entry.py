"""Frozen-app entry point: the same `voice-studio` command line (no arguments opens the window)."""

import multiprocessing
import os
import sys


def run() -> int:
    from studio.cli import main

    try:
        return main()
    except (ImportError, OSError) as exc:
        problem = os.environ.get("VOICE_STUDIO_CUDA_LAYER_PROBLEM")
        if problem and ("torch" in str(exc) or ".so" in str(exc) or "cuda" in str(exc).lower()):
            print(f"voice-studio: error: {problem}. Unpack the matching "
                  "Voice-Studio-cuda-runtime archive into the app folder.", file=sys.stderr)
            return 3
        raise


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(run())
