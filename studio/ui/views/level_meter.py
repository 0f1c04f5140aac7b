"""A horizontal recording level meter: RMS bar, peak tick, clip light (dBFS, -60..0)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0


class LevelMeter(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rms_db = FLOOR_DB
        self.peak_db = FLOOR_DB
        self.clipped = False
        self.setMinimumHeight(14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("Input level: bar = RMS, tick = peak (dBFS); red = clipping"))

    def set_level(self, peak_db: float, rms_db: float, clipped: bool = False) -> None:
        changed = (round(peak_db, 1), round(rms_db, 1), clipped) != (
            round(self.peak_db, 1),
            round(self.rms_db, 1),
            self.clipped,
        )
        self.peak_db, self.rms_db, self.clipped = peak_db, rms_db, clipped
        if changed:
            self.update()

    def reset(self) -> None:
        self.set_level(FLOOR_DB, FLOOR_DB, False)

    @staticmethod
    def _frac(db: float) -> float:
        return min(1.0, max(0.0, (db - FLOOR_DB) / -FLOOR_DB))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, self.palette().base())
        width = rect.width() - 12
        rms = self._frac(self.rms_db)
        colour = QColor("#27ae60") if self.rms_db < -12 else QColor("#f1c40f")
        painter.fillRect(QRectF(rect.left(), rect.top(), width * rms, rect.height()), colour)
        peak_x = rect.left() + width * self._frac(self.peak_db)
        painter.setPen(self.palette().windowText().color() if not self.clipped else QColor("#c0392b"))
        painter.drawLine(int(peak_x), int(rect.top()), int(peak_x), int(rect.bottom()))
        # The clip light: red when the input clipped, otherwise only its outline (an idle meter
        # should look empty, not show a grey block).
        light = QRectF(rect.right() - 10, rect.top(), 10, rect.height())
        if self.clipped:
            painter.fillRect(light, QColor("#c0392b"))
        painter.setPen(self.palette().mid().color())
        painter.drawLine(int(light.left()), int(rect.top()), int(light.left()), int(rect.bottom()))
        painter.drawRect(rect)
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(200, 16)
