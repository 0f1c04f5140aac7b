"""First run: the entry point to the model download dialog.

path = open_model_download(parent)    # the installed model's folder, or None

The empty state itself (studio/ui/empty_state.py) offers "Download the recommended model…" and
"Open model folder…"; the main window connects them to this and to its folder picker.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QWidget

from studio.ui.download_dialog import DownloadDialog


def open_model_download(
    parent: QWidget | None = None, models_dir: str | os.PathLike[str] | None = None, model: str | None = None
) -> str | None:
    """Open the download dialog (modal); return the installed voice model's folder, or None if none was
    installed (a speech recognizer installed there is not returned: it is not loaded as a voice model)."""
    dialog = DownloadDialog(parent, models_dir=models_dir, model=model)
    try:
        dialog.exec()
        dialog.wait_for_thread()
        return dialog.installed_path if dialog.installed_kind == "tts" else None
    finally:
        dialog.deleteLater()
