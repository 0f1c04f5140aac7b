"""The local speech API: OpenAI's `/v1/audio/speech` over the voice library (FastAPI + uvicorn; no Qt).

    from studio.server import ApiServer, ServerSettings, SpeechService
    service = SpeechService(worker, library)           # the engine worker and library to use
    server = ApiServer(service, ServerSettings())      # 127.0.0.1:8000, no key
    server.start() ... server.stop()

See app.py for the endpoints, settings.py for the safety rules, service.py for how takes run.
Names are imported on first use, so `voice-studio --help` does not load FastAPI.
"""

from __future__ import annotations

import importlib
from typing import Any

_NAMES = {
    "ApiServer": "studio.server.runner",
    "ServerStartError": "studio.server.runner",
    "SpeechParams": "studio.server.service",
    "SpeechService": "studio.server.service",
    "ServerConfigError": "studio.server.settings",
    "ServerSettings": "studio.server.settings",
}
__all__ = sorted(_NAMES)


def __getattr__(name: str) -> Any:
    if name not in _NAMES:
        raise AttributeError(f"module 'studio.server' has no attribute {name!r}")
    return getattr(importlib.import_module(_NAMES[name]), name)
