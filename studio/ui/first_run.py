"""First run: the empty state shown while no model is installed, and the entry point to the download dialog.

path = open_model_download(parent)    # the installed model's folder, or None
widget = FirstRunWidget(parent)       # "Download the recommended model" / "Open a model folder"
widget.modelChosen.connect(window.load_model)
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.models.errors import ModelsError
from studio.models.registry import DEFAULT_MODEL, human_size
from studio.ui.download_dialog import DownloadDialog


def open_model_download(
    parent: QWidget | None = None, models_dir: str | os.PathLike[str] | None = None, model: str | None = None
) -> str | None:
    """Open the download dialog (modal); return the installed model's folder, or None if none was installed."""
    dialog = DownloadDialog(parent, models_dir=models_dir, model=model)
    try:
        dialog.exec()
        dialog.wait_for_thread()
        return dialog.installed_path
    finally:
        dialog.deleteLater()


class FirstRunWidget(QWidget):
    """Empty state: no model yet. Emits `modelChosen(folder)` once a model is downloaded or a folder is opened."""

    modelChosen = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, models_dir: str | os.PathLike[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.models_dir = models_dir
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("No voice model yet"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(
            self.tr(
                "Voice Studio needs a CosyVoice model to speak. Download the recommended one ({model}, {size}), "
                "or open a model folder you already have."
            ).format(model=DEFAULT_MODEL.title, size=human_size(DEFAULT_MODEL.approx_size(), approx=True))
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.download_button = QPushButton(self.tr("Download the recommended model…"))
        self.open_button = QPushButton(self.tr("Open a model folder…"))
        self.download_button.setDefault(True)
        row.addWidget(self.download_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.error_label)
        layout.addStretch(2)
        self.download_button.clicked.connect(self.download)
        self.open_button.clicked.connect(self.open_folder)

    def download(self) -> None:
        self.error_label.setText("")
        path = open_model_download(self.window(), self.models_dir)
        if path:
            self.modelChosen.emit(path)

    def ask_folder(self) -> str:
        """The folder picker (tests replace this)."""
        return QFileDialog.getExistingDirectory(self, self.tr("Open a CosyVoice model folder"))

    def open_folder(self) -> None:
        from studio.models.installed import add_user_folder

        self.error_label.setText("")
        folder = self.ask_folder()
        if not folder:
            return
        try:
            model = add_user_folder(folder, self.models_dir)
        except ModelsError as exc:
            self.error_label.setText(str(exc))
            return
        self.modelChosen.emit(str(model.path))
