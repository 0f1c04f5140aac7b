"""Where file dialogs open: the folder the user last opened a file from, else their home folder.

Qt's dialogs open in the process's working directory when given no folder, which for a desktop app is
wherever it happened to be started from (a source checkout, `/`, the app bundle). Opening dialogs
share one remembered folder (`ui/last_folder`), as most desktop programs do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog


def start_folder(settings) -> str:
    """The remembered folder if it still exists, else the home folder."""
    folder = settings.get("ui/last_folder")
    if folder and Path(folder).is_dir():
        return folder
    return str(Path.home())


def remember(settings, path: str | Path) -> None:
    """Remember the folder of a file the user chose (or the folder itself)."""
    path = Path(path)
    settings.set("ui/last_folder", str(path if path.is_dir() else path.parent))


def open_file(parent, settings, title: str, file_filter: str) -> str:
    """QFileDialog.getOpenFileName starting in the remembered folder; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(settings), file_filter)
    if path:
        remember(settings, path)
    return path


def open_files(parent, settings, title: str, file_filter: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(settings), file_filter)
    if paths:
        remember(settings, paths[0])
    return paths


def open_folder(parent, settings, title: str) -> str:
    """QFileDialog.getExistingDirectory starting in the remembered folder; "" when cancelled."""
    folder = QFileDialog.getExistingDirectory(parent, title, start_folder(settings))
    if folder:
        remember(settings, folder)
    return folder
