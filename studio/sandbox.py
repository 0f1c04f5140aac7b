"""Throw-away user folders for runs that must leave the user's own studio untouched.

The self-test, the heartbeat driver, the frozen app's packaging check and the test suite make
takes, save voices and open model folders like a user does; pointed here, none of that lands in
the user's settings, library, model list or data folders.
"""

from __future__ import annotations

import os
from pathlib import Path

# XDG base directories (Linux; Qt and platformdirs follow them) and the studio's own overrides
# (every platform): settings file, library folder, models folder.
XDG_FOLDERS = {
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_CACHE_HOME": "cache",
}


def use_throwaway_user_folders(root: str | os.PathLike[str]) -> Path:
    """Point this process (and its children) at user folders under `root`; returns `root`.

    Sets the XDG base directories and VOICE_STUDIO_SETTINGS / VOICE_STUDIO_LIBRARY /
    VOICE_STUDIO_MODELS. Must run before the first settings, library or models access.
    """
    root = Path(root).absolute()
    for var, name in XDG_FOLDERS.items():
        (root / name).mkdir(parents=True, exist_ok=True)
        os.environ[var] = str(root / name)
    os.environ["VOICE_STUDIO_SETTINGS"] = str(root / "config" / "voice-studio.ini")
    os.environ["VOICE_STUDIO_LIBRARY"] = str(root / "data" / "voice-studio" / "library")
    os.environ["VOICE_STUDIO_MODELS"] = str(root / "data" / "voice-studio" / "models")
    return root
