"""Where the library folder is: an explicit path, else $VOICE_STUDIO_LIBRARY, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "VOICE_STUDIO_LIBRARY"


def default_library_dir() -> Path:
    """The configured default: $VOICE_STUDIO_LIBRARY if set, else <user data dir>/voice-studio/library."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("voice-studio", appauthor=False)) / "library"


def resolve_library_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The folder to use: `path` when given (a setting or --library), else the configured default."""
    if path is not None and str(path).strip():
        return Path(path).expanduser().absolute()
    return default_library_dir().absolute()
