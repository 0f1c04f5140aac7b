"""A message strip at the top of the window: the latest info / warning / error, closable.

The newest message always shows: a fresh user found an older error (and before that a
no-output-device warning) hiding every later confirmation. Errors stay until closed, replaced by
another error, or until their cause is gone (`resolve(key)`); a warning likewise for WARNING_MIN_MS.
When a less important message (a confirmation) arrives over such an error or unread warning, it is
shown, and the error is set aside and comes back when the confirmation fades or is closed (the
label's tooltip names it meanwhile). Information fades after a few seconds. Every message is kept in `history`. The strip keeps its height when empty, so
the window below it never jumps when a message comes or goes. Nothing here is modal, so an error
never blocks the rest of the window.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

from studio.ui.messages import sentence

STYLES = {
    "info": "background: #e8f4fd; color: #1b4f72; border: 1px solid #aed6f1;",
    "warning": "background: #fef5e7; color: #7e5109; border: 1px solid #f8c471;",
    "error": "background: #fdedec; color: #922b21; border: 1px solid #f1948a;",
}
INFO_MS = 6000
WARNING_MIN_MS = 5000
RANK = {"info": 0, "warning": 1, "error": 2}


class MessageBar(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.level = ""
        self.key = ""
        self.history: list[tuple[str, str]] = []
        self._shown_at = 0.0
        self.pending: tuple[str, str, str] | None = None  # (level, text, key) set aside, comes back
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
        # the same box model empty as shown (a 1 px border either way), so the kept room fits exactly
        self.setStyleSheet("MessageBar { border: 1px solid transparent; border-radius: 4px; }")
        self.label.setStyleSheet("border: none; background: transparent;")
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def show_message(self, level: str, text: str, key: str = "") -> None:
        text = sentence(text)
        self.history.append((level, text))
        del self.history[:-200]
        rank = RANK.get(level, 0)
        if self.pending is not None and rank >= RANK.get(self.pending[0], 0):
            self.pending = None  # replaced by something at least as important, as it would have been
        if not self.isHidden() and rank < RANK.get(self.level, 0):
            read = (time.monotonic() - self._shown_at) * 1000 >= WARNING_MIN_MS
            if self.level == "error" or not read:
                self.pending = (self.level, self.label.text(), self.key)  # comes back after this one
        self._show(level, text, key)

    def _show(self, level: str, text: str, key: str) -> None:
        self._shown_at = time.monotonic()
        self.level = level
        self.key = key
        self.label.setText(text)
        self.label.setToolTip(
            self.tr("Still open, shown again after this message: {0}").format(self.pending[1])
            if self.pending
            else ""
        )
        self.setStyleSheet(f"MessageBar {{ {STYLES.get(level, STYLES['info'])} border-radius: 4px; }}")
        self.label.setStyleSheet("border: none; background: transparent;")
        self.show()
        if level == "info":
            self._timer.start(INFO_MS)
        else:
            self._timer.stop()

    def resolve(self, key: str) -> None:
        """Take the shown (or set-aside) message down if its cause `key` (or a key under the prefix
        "x:") is gone."""

        def matches(own: str) -> bool:
            return bool(own and key) and (own == key or (key.endswith(":") and own.startswith(key)))

        if self.pending is not None and matches(self.pending[2]):
            self.pending = None
            if not self.isHidden():
                self.label.setToolTip("")
        if not self.isHidden() and matches(self.key):
            self.clear()

    def drop_pending(self) -> None:
        """Forget the message set aside (it does not come back): the user has moved to another part
        of the window (a tab), where an older error of the part they left would read as about this one."""
        if self.pending is not None:
            self.pending = None
            if not self.isHidden():
                self.label.setToolTip("")

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        """Close the shown message; a message set aside for it comes back."""
        self._timer.stop()
        if self.pending is not None:
            level, text, key = self.pending
            self.pending = None
            self._show(level, text, key)
            return
        self.level = ""
        self.key = ""
        self.hide()
