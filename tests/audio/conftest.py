"""Fixtures for audio tests. The library fixtures are shared with tests/library."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.alsa_env import make_alsa_env
from tests.library.conftest import _no_real_library, consent, lib, speech_wav  # noqa: F401 - fixtures


@pytest.fixture
def alsa_env(tmp_path: Path, speech_wav: Path) -> dict[str, str]:  # noqa: F811 - the fixture above
    """Env vars giving a child process a PortAudio 'default' device that records `speech_wav`
    and plays into a file (see tests/alsa_env.py). Pass it as `env={**os.environ, **alsa_env}`."""
    return make_alsa_env(tmp_path, speech_wav)
