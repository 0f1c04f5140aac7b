"""A clip's waveform (min/max envelope) with a draggable trim region."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.ui.views.style import apply_plot_style, follow_theme, playhead_line

ENVELOPE_BINS = 2000


def envelope(audio: np.ndarray, sample_rate: int, bins: int = ENVELOPE_BINS) -> tuple[np.ndarray, np.ndarray]:
    """(x seconds, y) tracing min and max of each bin: cheap to draw for any clip length."""
    n = audio.size
    if n == 0:
        return np.zeros(0), np.zeros(0)
    if n <= bins * 2:
        return np.arange(n) / sample_rate, audio.astype(np.float32)
    per = n // bins
    blocks = audio[: per * bins].reshape(bins, per)
    lo, hi = blocks.min(axis=1), blocks.max(axis=1)
    x = (np.arange(bins) * per + per / 2) / sample_rate
    return np.repeat(x, 2), np.column_stack([lo, hi]).reshape(-1)


class WaveformView(QWidget):
    """`trimChanged(start_s, end_s)` fires when the user drags the trim region."""

    trimChanged = Signal(float, float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setYRange(-1.0, 1.0, padding=0.02)
        self.plot.getAxis("left").setWidth(36)
        self.plot.setLabel("bottom", self.tr("time (s)"))
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)  # seconds stay seconds (no "x0.001")
        self.curve = self.plot.plot(pen=pg.mkPen("#2e86de", width=1))
        self.region = pg.LinearRegionItem(values=(0, 1), brush=pg.mkBrush(46, 204, 113, 40), swapMode="block")
        self.region.setZValue(-10)
        self.region.hide()
        self.plot.addItem(self.region)
        self.playhead = playhead_line()
        self.playhead.hide()
        self.plot.addItem(self.playhead)
        self.region.sigRegionChangeFinished.connect(self._region_done)
        self.seconds = 0.0
        self._quiet = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.setMinimumHeight(90)
        follow_theme(self.plot_widget, [self.plot])

    def set_dark(self, dark: bool) -> None:
        apply_plot_style(self.plot_widget, [self.plot], dark)

    def set_audio(self, audio: np.ndarray | None, sample_rate: int = 0) -> None:
        if audio is None or audio.size == 0:
            self.curve.setData([], [])
            self.region.hide()
            self.seconds = 0.0
            return
        x, y = envelope(audio, sample_rate)
        self.curve.setData(x, y)
        self.seconds = audio.size / sample_rate
        self.plot.setXRange(0, self.seconds, padding=0.01)
        self.region.setBounds((0, self.seconds))
        self.set_trim(0.0, self.seconds)
        self.region.show()

    def set_trim(self, start: float, end: float) -> None:
        self._quiet = True
        try:
            self.region.setRegion((start, end))
        finally:
            self._quiet = False

    def trim(self) -> tuple[float, float]:
        start, end = self.region.getRegion()
        return float(max(0.0, start)), float(min(self.seconds, end))

    def _region_done(self) -> None:
        if not self._quiet:
            self.trimChanged.emit(*self.trim())

    def set_playhead(self, seconds: float | None) -> None:
        if seconds is None:
            self.playhead.hide()
        else:
            self.playhead.setValue(seconds)
            self.playhead.show()
