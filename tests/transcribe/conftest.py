from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcribe.speech import SENTENCES, build_recording, have_espeak


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never the user's library or models folder."""
    monkeypatch.setenv("VOICE_STUDIO_LIBRARY", str(tmp_path_factory.mktemp("default-library")))
    monkeypatch.setenv("VOICE_STUDIO_MODELS", str(tmp_path_factory.mktemp("default-models")))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def _need_espeak() -> None:
    if not have_espeak():
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")


@pytest.fixture(scope="session")
def long_recording(tmp_path_factory) -> tuple[Path, list[tuple[float, float, str]]]:
    """~2 minutes: 22 espeak-ng sentences with 1.3 s pauses, 16 kHz WAV."""
    _need_espeak()
    path = tmp_path_factory.mktemp("rec") / "field-recording.wav"
    return path, build_recording(path, SENTENCES)


@pytest.fixture(scope="session")
def short_recording(tmp_path_factory) -> tuple[Path, list[tuple[float, float, str]]]:
    """4 sentences (~20 s), for the tests that run real recognition."""
    _need_espeak()
    path = tmp_path_factory.mktemp("rec") / "short.wav"
    return path, build_recording(path, SENTENCES[:4])


@pytest.fixture(scope="session")
def tiny_whisper(tmp_path_factory) -> Path:
    from tests.transcribe.tiny_whisper import build_tiny_whisper

    return build_tiny_whisper(tmp_path_factory.mktemp("models") / "tiny-whisper")


def sentences_in(span: tuple[float, float], spans) -> str:
    """The sentences whose speech lies mostly inside a clip's span, joined."""
    lo, hi = span
    out = []
    for a, b, text in spans:
        overlap = max(0.0, min(hi, b) - max(lo, a))
        if overlap > 0.5 * (b - a):
            out.append(text)
    return " ".join(out)
