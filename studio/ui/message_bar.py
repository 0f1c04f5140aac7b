"""A message strip at the top of the window: the latest info / warning / error, closable.

Errors stay until closed or replaced; information fades after a few seconds. Nothing here is
modal, so an error never blocks the rest of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

STYLES = {
    "info": "background: #e8f4fd; color: #1b4f72; border: 1px solid #aed6f1;",
    "warning": "background: #fef5e7; color: #7e5109; border: 1px solid #f8c471;",
    "error": "background: #fdedec; color: #922b21; border: 1px solid #f1948a;",
}
INFO_MS = 6000


class MessageBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.level = ""
        self.history: list[tuple[str, str]] = []
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.hide()

    def show_message(self, level: str, text: str) -> None:
        if self.level == "error" and level == "info" and self.isVisible() and self._timer.isActive() is False:
            self.history.append((level, text))  # keep an unread error on screen
            return
        self.level = level
        self.history.append((level, text))
        del self.history[:-200]
        self.label.setText(text)
        self.setStyleSheet(f"MessageBar {{ {STYLES.get(level, STYLES['info'])} border-radius: 4px; }}")
        self.label.setStyleSheet("border: none; background: transparent;")
        self.show()
        if level == "info":
            self._timer.start(INFO_MS)
        else:
            self._timer.stop()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.level = ""
        self.hide()
