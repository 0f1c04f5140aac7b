"""The reference clip's transcript: a multi-line field that shows the whole transcript.

A one-line QLineEdit showed a few words of a long transcript (a fresh user could not check what they
had pasted). This field wraps its text and grows with it from MIN_LINES to MAX_LINES (then scrolls).
A transcript is one run of words: Return does not start a new line and pasted line breaks become
spaces. It keeps the QLineEdit calls the panel uses (text, setText, setCursorPosition, ...).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy

MIN_LINES = 2
MAX_LINES = 6


def one_line(text: str) -> str:
    """Line breaks (and runs of spaces they leave) as single spaces."""
    return " ".join(text.split()) if ("\n" in text or "\r" in text or "\u2029" in text) else text


class TranscriptField(QPlainTextEdit):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit_height())
        self._fit_height()

    # -- QLineEdit's calls -------------------------------------------------------------------------

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(one_line(text or ""))

    def setCursorPosition(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # -- one run of words --------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # no line breaks in a transcript; the key goes on to the window
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.textCursor().insertText(one_line(source.text()))
        else:
            super().insertFromMimeData(source)

    # -- height follows the text -------------------------------------------------------------------

    def lines_needed(self) -> int:
        """Display lines the wrapped text takes at the current width (the plain-text layout's height
        is counted in lines)."""
        return max(1, int(self.document().size().height()))

    def line_height(self) -> float:
        """Pixels one display line takes in the text layout (can exceed the font's lineSpacing)."""
        block = self.document().firstBlock()
        if block.isValid() and block.lineCount() > 0:
            return self.blockBoundingRect(block).height() / block.lineCount()
        return float(self.fontMetrics().lineSpacing())

    def _fit_height(self) -> None:
        lines = min(MAX_LINES, max(MIN_LINES, self.lines_needed()))
        margins = self.contentsMargins()  # of a scroll area: its frame (and viewport margins)
        document_margin = 2 * self.document().documentMargin()
        height = (
            math.ceil(lines * self.line_height() + document_margin) + margins.top() + margins.bottom() + 2
        )
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def move_to_start(self) -> None:
        self.moveCursor(QTextCursor.MoveOperation.Start)
