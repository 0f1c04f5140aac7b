"""The live speech-token timeline: tokens as a scatter (value over time) over a colour band.

Time is on x at 25 tokens per second of audio; each token is a dot at its value and a stripe in
the band, coloured by value; dashed lines mark where each sentence starts.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.ui.views.mel_view import COLORBAR_PX, LEFT_AXIS_PX
from studio.ui.views.style import apply_plot_style, follow_theme, playhead_line, sync_boundary_lines

TOKEN_RATE = 25.0  # speech tokens per second of audio
VOCAB = 6561  # CosyVoice 2/3 speech-token vocabulary (3^8 FSQ codes)


class TokenBuffer:
    """Speech tokens of the current take in arrival order; `order_errors` counts any batch whose
    `start` does not continue the sequence."""

    def __init__(self, capacity: int = 1024):
        self._data = np.zeros(capacity, dtype=np.int32)
        self.count = 0
        self.version = 0
        self.epoch = 0  # bumped by reset(): a view must redraw from scratch
        self.order_errors = 0
        self.events = 0
        self.boundaries: list[tuple[int, int]] = []  # (segment index, start token)

    def reset(self) -> None:
        self.count = 0
        self.version += 1
        self.epoch += 1
        self.order_errors = 0
        self.events = 0
        self.boundaries = []

    def append(self, tokens, start: int) -> None:
        values = np.asarray(tokens, dtype=np.int32).reshape(-1)
        if values.size == 0:
            return
        if start != self.count:
            self.order_errors += 1
        end = start + values.size
        if end > self._data.size:
            capacity = self._data.size
            while capacity < end:
                capacity *= 2
            grown = np.zeros(capacity, dtype=np.int32)
            grown[: self.count] = self._data[: self.count]
            self._data = grown
        self._data[start:end] = values
        self.count = max(self.count, end)
        self.events += 1
        self.version += 1

    def add_boundary(self, index: int, start_token: int) -> None:
        self.boundaries.append((index, start_token))
        self.version += 1

    def view(self) -> np.ndarray:
        return self._data[: self.count]

    @property
    def seconds(self) -> float:
        return self.count / TOKEN_RATE


class TokenView(QWidget):
    def __init__(self, buffer: TokenBuffer | None = None, parent=None):
        super().__init__(parent)
        self.buffer = buffer or TokenBuffer()
        self.graphics = pg.GraphicsLayoutWidget()
        self.plot = self.graphics.addPlot(row=0, col=0)
        self.band_plot = self.graphics.addPlot(row=1, col=0)
        self.graphics.ci.layout.setRowStretchFactor(0, 5)
        self.graphics.ci.layout.setRowStretchFactor(1, 1)
        for plot in (self.plot, self.band_plot):
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.getAxis("left").setWidth(LEFT_AXIS_PX)
            plot.getViewBox().disableAutoRange()
        # The mel view has its colour bar on the right: keep the same width free here, so one
        # second of audio is at the same x in both views.
        self.spacer = pg.GraphicsWidget()
        self.spacer.setFixedWidth(COLORBAR_PX)
        self.graphics.addItem(self.spacer, row=0, col=1, rowspan=2)
        self.band_plot.setXLink(self.plot)
        # An empty left axis of the same width (a hidden one would shift the band to the left).
        band_axis = self.band_plot.getAxis("left")
        band_axis.setStyle(showValues=False, tickLength=0)
        band_axis.setTicks([[], []])
        self.band_plot.setMaximumHeight(60)
        self.plot.getAxis("bottom").setStyle(showValues=False)
        self.plot.setLabel("left", self.tr("token"))
        self.band_plot.setLabel("bottom", self.tr("time (s), 25 tokens/s"))
        self.band_plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.cmap = pg.colormap.get("turbo")
        self.scatter = pg.ScatterPlotItem(size=3, pen=None, brush=pg.mkBrush(46, 134, 222, 200))
        self.plot.addItem(self.scatter)
        self.band = pg.ImageItem(axisOrder="row-major")
        self.band.setLookupTable(self.cmap.getLookupTable(nPts=256))
        self.band_plot.addItem(self.band)
        self.plot.setYRange(0, VOCAB, padding=0.02)
        self.band_plot.setYRange(0, 1, padding=0)
        self.playheads = [playhead_line(), playhead_line()]
        for plot, line in zip((self.plot, self.band_plot), self.playheads):
            plot.addItem(line)
            line.hide()
        self._lines: list[pg.InfiniteLine] = []
        self._drawn_version = -1
        self._drawn_count = 0
        self._drawn_epoch = -1
        self.redraws = 0
        self.span = 4.0
        self.plot.setXRange(0, self.span, padding=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        follow_theme(self.graphics, [self.plot, self.band_plot])

    def set_dark(self, dark: bool) -> None:
        apply_plot_style(self.graphics, [self.plot, self.band_plot], dark)

    def left_width(self) -> int:
        return LEFT_AXIS_PX

    def set_margins(self, left: int, right: int) -> None:
        for plot in (self.plot, self.band_plot):
            plot.getAxis("left").setWidth(left)
        self.spacer.setFixedWidth(right)

    def set_span(self, seconds: float) -> None:
        """Show 0..`seconds` of audio on x (the live panel gives both views the same span)."""
        if seconds != self.span:
            self.span = seconds
            self.plot.setXRange(0, seconds, padding=0)

    def x_to_pixel(self, seconds: float) -> float:
        """Where `seconds` is drawn, in this widget's pixels (to check the views line up)."""
        scene = self.band_plot.getViewBox().mapViewToScene(pg.Point(seconds, 0))
        return self.graphics.mapFromScene(scene).x() + self.graphics.x()

    def refresh(self) -> bool:
        buf = self.buffer
        if buf.version == self._drawn_version:
            return False
        self._drawn_version = buf.version
        self.redraws += 1
        tokens = buf.view()
        if tokens.size == 0:
            self.scatter.clear()
            self.band.clear()
            self._drawn_count = 0
        else:
            x = np.arange(self._drawn_count, tokens.size) / TOKEN_RATE + 0.5 / TOKEN_RATE
            if self._drawn_epoch != buf.epoch or self._drawn_count == 0 or self._drawn_count > tokens.size:
                self.scatter.setData(x=np.arange(tokens.size) / TOKEN_RATE + 0.5 / TOKEN_RATE, y=tokens)
            else:  # only the new tokens: keeps each redraw cheap on long takes
                self.scatter.addPoints(x=x, y=tokens[self._drawn_count :])
            self._drawn_count = tokens.size
            self._drawn_epoch = buf.epoch
            self.band.setImage(tokens.reshape(1, -1).astype(np.float32), levels=(0, VOCAB - 1))
            self.band.setRect(QRectF(0.0, 0.0, tokens.size / TOKEN_RATE, 1.0))
        self.plot.setXRange(0, self.span, padding=0)
        self._sync_boundaries()
        return True

    def _sync_boundaries(self) -> None:
        wanted = [start / TOKEN_RATE for index, start in self.buffer.boundaries if index > 0]
        sync_boundary_lines(self.plot, self._lines, wanted)

    def set_playhead(self, seconds: float | None) -> None:
        for line in self.playheads:
            if seconds is None:
                line.hide()
            else:
                line.setValue(seconds)
                line.show()
