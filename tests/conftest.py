"""Shared fixtures: where the golden data and real speech clips are, and small audio helpers."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VOICE_STUDIO_SHARED", REPO.parent / "shared"))
GOLDEN = SHARED / "golden"
AUDIO_REAL = SHARED / "audio-real"
CV2_MODEL = GOLDEN / "cosyvoice2" / "model"
CV3_MODEL = GOLDEN / "cosyvoice3" / "model"
PROMPT_EN = GOLDEN / "audio" / "prompt_en_shared.wav"
PROMPT_ZH = GOLDEN / "audio" / "prompt_zh_shared.wav"
PROMPT_EN_TEXT = "Hello, this is a tiny voice cloning test."
PROMPT_ZH_TEXT = "希望你以后能够做的比我还好呦。"

os.environ.setdefault("HF_HUB_OFFLINE", "1")


# --- the user's own folders are never touched -------------------------------------------------
# Before any test (or anything it imports or starts) looks at settings, the library or the model
# list, HOME and the XDG folders point into a throw-away folder; child processes inherit it. At
# the end of the session the real config/data/state folders must be as they were.
def _real_user_folders() -> list[Path]:
    home = Path.home()
    folders = [
        Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config"),
        Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share"),
        Path(os.environ.get("XDG_STATE_HOME") or home / ".local" / "state"),
        Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "voice-studio",
    ]
    return folders


def _snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for folder in folders:
        if not folder.exists():
            found[str(folder)] = (-1, -1)
            continue
        for dirpath, dirnames, filenames in os.walk(folder):
            for name in dirnames + filenames:
                path = Path(dirpath) / name
                try:
                    st = path.lstat()
                except OSError:
                    continue
                # folders: only that they exist (their mtime changes with any unrelated program)
                found[str(path)] = (0, 0) if path.is_dir() else (st.st_mtime_ns, st.st_size)
    return found


REAL_HOME = Path.home()
REAL_USER_FOLDERS = _real_user_folders()
_REAL_STATE = _snapshot(REAL_USER_FOLDERS)
TEST_HOME = Path(tempfile.mkdtemp(prefix="voice-studio-tests-"))
os.environ["HOME"] = str(TEST_HOME / "home")
(TEST_HOME / "home").mkdir()
from studio.sandbox import use_throwaway_user_folders  # noqa: E402

use_throwaway_user_folders(TEST_HOME / "user")


def user_folder_changes() -> list[str]:
    """Paths under the real user's config/data/state folders created, changed or removed so far."""
    now = _snapshot(REAL_USER_FOLDERS)
    return sorted(p for p in set(now) | set(_REAL_STATE) if now.get(p) != _REAL_STATE.get(p))


def pytest_sessionfinish(session, exitstatus):
    changed = user_folder_changes()
    if changed:
        listing = "\n  ".join(changed[:20])
        print(f"\nThe test session changed the real user's folders:\n  {listing}", file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    shutil.rmtree(TEST_HOME, ignore_errors=True)


def pytest_sessionstart(session):
    if not GOLDEN.is_dir():
        raise pytest.UsageError(
            f"golden data not found at {GOLDEN}; set VOICE_STUDIO_SHARED to the shared/ folder"
        )


@pytest.fixture(scope="session")
def cv2_engine():
    from studio.engine import load_model

    return load_model(CV2_MODEL, device="cpu", text_normalizer="rules")


@pytest.fixture(scope="session")
def cv2_voice(cv2_engine):
    return cv2_engine.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT)


def copy_model(src: Path, dst: Path) -> Path:
    """A writable model folder: small files copied, big ones symlinked (tests replace what they break)."""
    dst.mkdir(parents=True, exist_ok=True)
    for item in src.iterdir():
        target = dst / item.name
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy2(item, target)
    return dst


@pytest.fixture
def cv2_model_copy(tmp_path) -> Path:
    return copy_model(CV2_MODEL, tmp_path / "model")


def write_wav(path: Path, samples: np.ndarray, sample_rate: int, subtype: str = "PCM_16") -> Path:
    import soundfile as sf

    sf.write(str(path), samples, sample_rate, subtype=subtype)
    return path
