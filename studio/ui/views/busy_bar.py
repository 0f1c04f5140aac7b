"""A thin progress bar that looks busy when it is busy.

Qt's indeterminate QProgressBar (range 0..0) is drawn by the style; in a bar a few pixels high, as
the live view uses, Fusion's moving stripes cannot be seen and it looks like a full, finished bar.
BusyBar paints itself: with a range it fills the done part (a real determinate value); without one
a block of BLOCK_FRACTION of the width slides back and forth while the bar is shown.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QProgressBar

FRAME_MS = 40  # 25 frames a second, only while shown and busy
PERIOD_S = 1.6  # one sweep there and back
BLOCK_FRACTION = 0.25


class BusyBar(QProgressBar):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.phase = 0.0  # 0..1 along one sweep there and back
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._advance)

    @property
    def busy(self) -> bool:
        """No known progress: the range is 0..0."""
        return self.maximum() == self.minimum() == 0

    def block(self) -> tuple[float, float]:
        """The filled span as fractions of the width (start, end): the done part, or the sliding block."""
        if not self.busy:
            span = max(1, self.maximum() - self.minimum())
            return 0.0, min(1.0, max(0.0, (self.value() - self.minimum()) / span))
        position = (1 - math.cos(2 * math.pi * self.phase)) / 2  # eases at both ends
        start = position * (1 - BLOCK_FRACTION)
        return start, start + BLOCK_FRACTION

    def _advance(self) -> None:
        self.phase = (self.phase + FRAME_MS / 1000 / PERIOD_S) % 1.0
        self.update()

    def _run_timer(self) -> None:
        if self.isVisible() and self.busy:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._run_timer()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._run_timer()

    def setRange(self, minimum: int, maximum: int) -> None:
        super().setRange(minimum, maximum)
        self._run_timer()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect())
        palette = self.palette()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        start, end = self.block()
        if end > start:
            chunk = QRectF(
                rect.left() + start * rect.width(), rect.top(), (end - start) * rect.width(), rect.height()
            )
            painter.fillRect(chunk, palette.color(QPalette.ColorRole.Highlight))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()
