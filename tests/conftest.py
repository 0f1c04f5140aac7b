"""Shared fixtures: where the golden data and real speech clips are, and small audio helpers."""

from __future__ import annotations

import os
import shutil
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
