"""What the centre of the window shows with no model: a sentence, and how to get one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from studio.models.registry import DEFAULT_MODEL, human_size


class EmptyState(QWidget):
    openRequested = Signal()
    downloadRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(self.tr("No model loaded yet"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = self.tr(
            "Voice Studio speaks with a CosyVoice 2 or Fun-CosyVoice 3 model folder "
            "(the official release layout: llm.pt, flow.pt, hift.pt, a .yaml file…). "
            "Download the recommended one ({0}, {1}) or open one you have; "
            "your voices and takes are already here."
        ).format(DEFAULT_MODEL.title, human_size(DEFAULT_MODEL.approx_size(), approx=True))
        self.text = QLabel(self.intro)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.stage = QLabel()
        self.stage.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_button = QPushButton(self.tr("Open model folder…"))
        self.open_button.clicked.connect(self.openRequested)
        self.download_button = QPushButton(self.tr("Download the recommended model…"))
        self.download_button.clicked.connect(self.downloadRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.download_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addWidget(self.error)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addStretch(3)

    def show_loading(self, folder: str) -> None:
        self.title.setText(self.tr("Loading the model…"))
        self.text.setText(folder)
        self.error.hide()
        self.progress.setValue(0)
        self.progress.show()
        self.stage.setText("")
        self.open_button.setEnabled(False)

    def stage_text(self, stage: str) -> str:
        """The engine's loading step (studio/engine/engine.py reports them in English) in the UI's
        language."""
        return {
            "tokenizer": self.tr("text tokenizer"),
            "speech tokenizer and speaker encoder": self.tr("speech tokenizer and speaker encoder"),
            "language model": self.tr("language model"),
            "flow": self.tr("flow-matching model"),
            "vocoder": self.tr("vocoder"),
            "ready": self.tr("ready"),
        }.get(stage, stage)

    def show_progress(self, stage: str, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))
        self.stage.setText(self.tr("Loading: {0}").format(self.stage_text(stage)) if stage != "ready" else "")

    def show_failed(self, folder: str, message: str) -> None:
        self.title.setText(self.tr("The model could not be loaded"))
        self.text.setText(folder)
        self.error.setText(message)
        self.error.show()
        self.progress.hide()
        self.stage.setText("")
        self.open_button.setEnabled(True)

    def show_empty(self) -> None:
        self.title.setText(self.tr("No model loaded yet"))
        self.text.setText(self.intro)
        self.error.hide()
        self.progress.hide()
        self.stage.setText("")
        self.open_button.setEnabled(True)
