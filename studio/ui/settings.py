"""The window's settings, persisted with QSettings (an INI file).

Where: `VOICE_STUDIO_SETTINGS` (a file path) if set - tests, the self-test and the screenshot
script point it at a temp file - else Qt's per-user location for "Voice Studio".
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QSettings

ENV_VAR = "VOICE_STUDIO_SETTINGS"
ORGANIZATION = "VoiceStudio"
APPLICATION = "Voice Studio"

DEVICES = ("auto", "cpu", "cuda")  # plus "cuda:N"
PRECISIONS = ("fp32", "fp16", "bf16")
SPEED_PRESETS = ("exact", "fast")  # studio.engine.presets
THEMES = ("light", "dark")
LANGUAGES = ("system", "en", "zh_CN")
EXPORT_FORMATS = ("wav16", "wav24", "flac")

DEFAULTS: dict[str, Any] = {
    "model/folder": "",
    "model/device": "auto",
    "model/precision": "fp16",
    "model/preset": "exact",
    "model/flow_steps": 5,
    "audio/input_device": "",
    "audio/output_device": "",
    "audio/countdown_s": 3,
    "export/folder": "",
    "export/format": "wav24",
    "export/sidecar": True,
    "ui/theme": "light",
    "ui/language": "system",
    "ui/autoplay": True,
    "ui/last_folder": "",  # where the last file was opened (studio/ui/file_dialogs.py)
    "text/language": "",  # ISO 639 code of scripts (text_preview.py); "" = detect
    "ui/geometry": b"",
    "ui/state": b"",
    "server/port": 8000,  # File → Serve on this computer (127.0.0.1 only)
    # what the user was working on (studio/ui/session_state.py)
    "session/script": "",
    "session/mode": "zero_shot",
    "session/instruction": "",
    "session/voice": 0,
    "session/stream": True,  # the Streaming toggle
    "project/current": 0,  # the project the Project tab showed last (studio/ui/project/view.py)
}


class StudioSettings:
    """Typed access to the QSettings keys in DEFAULTS."""

    def __init__(self, path: str | os.PathLike | None = None):
        path = path or os.environ.get(ENV_VAR)
        if path:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
            )

    @property
    def path(self) -> str:
        return self.qsettings.fileName()

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self.qsettings.value(key, default)
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, bytes):
            return bytes(value) if value else b""
        return "" if value is None else str(value)

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()

    # conveniences -------------------------------------------------------------------------------

    @property
    def model_folder(self) -> str:
        return self.get("model/folder")

    @property
    def device(self) -> str | None:
        """For load_model: None means CUDA if available, else CPU."""
        value = self.get("model/device")
        return None if value in ("", "auto") else value

    @property
    def preset(self) -> str:
        value = self.get("model/preset")
        return value if value in SPEED_PRESETS else "exact"

    @property
    def flow_steps(self) -> int | None:
        """Flow Euler steps for the fast preset (None for exact: the model's own)."""
        return min(10, max(3, self.get("model/flow_steps"))) if self.preset == "fast" else None

    @property
    def theme(self) -> str:
        value = self.get("ui/theme")
        return value if value in THEMES else "light"
