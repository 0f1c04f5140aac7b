from __future__ import annotations

from pathlib import Path

import pytest

from studio.library import Consent, Library
from tests.library.helpers import make_speech_wav


@pytest.fixture(autouse=True)
def _no_real_library(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test forgets, the user's real library folder is never touched."""
    monkeypatch.setenv("VOICE_STUDIO_LIBRARY", str(tmp_path_factory.mktemp("default-library")))


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library.open(tmp_path / "lib")
    yield library
    library.close()


@pytest.fixture
def consent() -> Consent:
    return Consent(
        given_by="Alice Example", given_at="2025-03-01", use="audiobook narration", note="signed form"
    )


@pytest.fixture(scope="session")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_speech_wav(tmp_path_factory.mktemp("speech"))
