"""PyInstaller runtime hook: find the CUDA runtime layer (`cuda-runtime/` next to the executable,
or $VOICE_STUDIO_CUDA_RUNTIME) and put it on sys.path, where torch looks for nvidia/<lib>/lib
(Linux); on Windows its DLL folders also join the DLL search path.

A missing or mismatched layer is reported by the entry point with a clear message (it only matters
once torch is imported; `--version` and the library commands work without it).
"""

import json
import os
import sys


def _add_windows_dll_dirs(layer: str) -> None:
    """Windows: the layer's DLL folders (torch-lib/, nvidia/*/bin) join the DLL search path."""
    dirs = [os.path.join(layer, "torch-lib")]
    nvidia = os.path.join(layer, "nvidia")
    if os.path.isdir(nvidia):
        dirs += [os.path.join(nvidia, name, "bin") for name in sorted(os.listdir(nvidia))]
    dirs = [d for d in dirs if os.path.isdir(d)]
    # keep the handles: closing one removes the folder from the search path again
    sys._voice_studio_dll_dirs = [os.add_dll_directory(d) for d in dirs]
    os.environ["PATH"] = os.pathsep.join([*dirs, os.environ.get("PATH", "")])


def _find_layer() -> None:
    base = os.path.dirname(os.path.abspath(sys.executable))
    internal = getattr(sys, "_MEIPASS", base)
    expected = {}
    try:
        with open(os.path.join(internal, "voice_studio_runtime.json"), encoding="utf-8") as fh:
            expected = json.load(fh)
    except OSError:
        return  # a build without a separate CUDA layer
    for candidate in (os.environ.get("VOICE_STUDIO_CUDA_RUNTIME"), os.path.join(base, "cuda-runtime")):
        if not candidate or not os.path.isdir(os.path.join(candidate, "nvidia")):
            continue
        try:
            with open(os.path.join(candidate, "MANIFEST.json"), encoding="utf-8") as fh:
                manifest = json.load(fh)
        except (OSError, ValueError):
            manifest = {}
        if manifest.get("torch") != expected.get("torch"):
            os.environ["VOICE_STUDIO_CUDA_LAYER_PROBLEM"] = (
                f"the CUDA runtime layer in {candidate} is for torch {manifest.get('torch', '?')}, "
                f"this app needs torch {expected.get('torch')}"
            )
            return
        sys.path.insert(0, candidate)
        if sys.platform.startswith("win"):
            _add_windows_dll_dirs(candidate)
        return
    os.environ["VOICE_STUDIO_CUDA_LAYER_PROBLEM"] = (
        f"the CUDA runtime layer (cuda-runtime/ for torch {expected.get('torch')}) is not installed next to "
        f"{os.path.basename(sys.executable)}"
    )


_find_layer()
