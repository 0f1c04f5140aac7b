"""Plain helpers shared by the library and audio tests (fixtures live in each conftest.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
REAL_AUDIO = Path("/work/shared/audio-real")
SR = 24_000


def tone(seconds: float = 1.0, sr: int = SR, freq: float = 440.0, amp: float = 0.5) -> np.ndarray:
    t = np.arange(round(seconds * sr)) / sr
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def noise(seconds: float = 1.0, sr: int = SR, seed: int = 0, amp: float = 0.1) -> np.ndarray:
    return (amp * np.random.default_rng(seed).standard_normal(round(seconds * sr))).astype(np.float32)


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a child Python that imports this worktree's `studio` package."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def run_python(
    code_or_args: list[str], env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *code_or_args],
        cwd=REPO_ROOT,
        env=env or child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def make_speech_wav(folder: Path, text: str = "Hello, this is a test of the voice studio recorder.") -> Path:
    """Real synthetic speech from espeak-ng, or a tone if espeak-ng is missing."""
    path = folder / "speech.wav"
    if shutil.which("espeak-ng"):
        subprocess.run(["espeak-ng", "-w", str(path), text], check=True, capture_output=True, timeout=30)
    else:  # pragma: no cover - CI installs espeak-ng
        import soundfile as sf

        sf.write(path, tone(3.0, 22050), 22050)
    return path


def library_files(root: Path) -> set[str]:
    """Every file under the library folder, relative, except the catalog's own files."""
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith("catalog.sqlite")
    }
