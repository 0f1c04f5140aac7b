"""A message strip at the top of the window: the latest info / warning / error, closable.

Errors and warnings stay until closed, replaced by a message at least as important, or until
their cause is gone (`resolve(key)`); information fades after a few seconds and never hides an
unread error or warning. Nothing here is modal, so an error never blocks the rest of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

from studio.ui.messages import sentence

STYLES = {
    "info": "background: #e8f4fd; color: #1b4f72; border: 1px solid #aed6f1;",
    "warning": "background: #fef5e7; color: #7e5109; border: 1px solid #f8c471;",
    "error": "background: #fdedec; color: #922b21; border: 1px solid #f1948a;",
}
INFO_MS = 6000
RANK = {"info": 0, "warning": 1, "error": 2}


class MessageBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.level = ""
        self.key = ""
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

    def show_message(self, level: str, text: str, key: str = "") -> None:
        text = sentence(text)
        self.history.append((level, text))
        del self.history[:-200]
        if not self.isHidden() and RANK.get(level, 0) < RANK.get(self.level, 0):
            return  # an unread error or warning is not pushed away by something less important
        self.level = level
        self.key = key
        self.label.setText(text)
        self.setStyleSheet(f"MessageBar {{ {STYLES.get(level, STYLES['info'])} border-radius: 4px; }}")
        self.label.setStyleSheet("border: none; background: transparent;")
        self.show()
        if level == "info":
            self._timer.start(INFO_MS)
        else:
            self._timer.stop()

    def resolve(self, key: str) -> None:
        """Take the shown message down if its cause `key` (or a key under the prefix "x:") is gone."""
        if self.isHidden() or not self.key or not key:
            return
        if self.key == key or (key.endswith(":") and self.key.startswith(key)):
            self.clear()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.level = ""
        self.key = ""
        self._timer.stop()
        self.hide()
