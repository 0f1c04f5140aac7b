"""Where models live: an explicit folder, else $VOICE_STUDIO_MODELS, else <user data dir>/voice-studio/models.

Inside it:
    <name>/                 an installed model (moved here only once complete and verified)
    .staging/<name>/        a download in progress or interrupted (kept for resume)
    .user-folders.json      model folders the user added from elsewhere
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "VOICE_STUDIO_MODELS"
STAGING = ".staging"
USER_FOLDERS_FILE = ".user-folders.json"
MARKER = ".voice-studio-model.json"  # written into an installed folder: source, file hashes, check result


def default_models_dir() -> Path:
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("voice-studio", appauthor=False)) / "models"


def resolve_models_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The models folder to use: `path` when given (a setting or --models-dir), else the default."""
    if path is not None and str(path).strip():
        return Path(path).expanduser().absolute()
    return default_models_dir().absolute()


def staging_dir(models_dir: Path, name: str) -> Path:
    return models_dir / STAGING / name


def install_dir(models_dir: Path, name: str) -> Path:
    return models_dir / name
