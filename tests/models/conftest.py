"""Fixtures: a local hub serving the golden model folders, online mode for the tests that use it."""

from __future__ import annotations

import pytest

from tests.conftest import CV2_MODEL, CV3_MODEL
from tests.models.hubserver import HubServer, release_extras, repo_from_folder

CV2_HF = "FunAudioLLM/CosyVoice2-0.5B"
CV2_MS = "iic/CosyVoice2-0.5B"
CV3_ID = "FunAudioLLM/Fun-CosyVoice3-0.5B-2512"


def make_repos():
    cv3_extra = {**release_extras("cosyvoice3"), "llm.rl.pt": (CV3_MODEL / "llm.pt").read_bytes()}
    return [
        repo_from_folder(CV2_HF, CV2_MODEL, release_extras("cosyvoice2")),
        repo_from_folder(CV2_MS, CV2_MODEL, release_extras("cosyvoice2")),
        repo_from_folder(CV3_ID, CV3_MODEL, cv3_extra),
    ]


@pytest.fixture
def hub():
    with HubServer(make_repos(), lifetime=120) as server:
        yield server


@pytest.fixture
def online(monkeypatch):
    """Undo the suite's HF_HUB_OFFLINE=1 (the env var and the value huggingface_hub read at import)."""
    from huggingface_hub import constants

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")


@pytest.fixture
def hf_hub(hub, online, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    return hub


@pytest.fixture
def models_dir(tmp_path, monkeypatch):
    path = tmp_path / "models"
    monkeypatch.setenv("VOICE_STUDIO_MODELS", str(path))
    return path
