"""The live mel spectrogram: a growing (80, frames) buffer drawn as an image with a colour bar."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.ui.views.style import apply_plot_style, follow_theme, playhead_line, sync_boundary_lines

MEL_FPS = 50.0  # mel frames per second of audio (CosyVoice 2/3 flow output)
LEFT_AXIS_PX = 48  # both live views reserve the same axis width, so their time axes line up
COLORBAR_PX = 64


class MelBuffer:
    """Mel frames of the current take, in arrival order, growing by doubling.

    `append` checks that frames arrive in order (`start_frame` continues where the last batch
    ended); out-of-order batches are still stored where they say they belong and counted in
    `order_errors`, so a test or the status bar can tell.
    """

    def __init__(self, bins: int = 80, capacity: int = 512):
        self.bins = bins
        self._data = np.zeros((bins, capacity), dtype=np.float32)
        self.frames = 0
        self.version = 0
        self.order_errors = 0
        self.batches = 0
        self.boundaries: list[tuple[int, int]] = []  # (segment index, start frame)
        self.lo, self.hi = np.inf, -np.inf

    def reset(self) -> None:
        self.frames = 0
        self.order_errors = 0
        self.batches = 0
        self.boundaries = []
        self.lo, self.hi = np.inf, -np.inf
        self.version += 1

    def append(self, mel: np.ndarray, start_frame: int) -> None:
        mel = np.asarray(mel, dtype=np.float32)
        if mel.ndim != 2 or mel.shape[0] != self.bins or mel.shape[1] == 0:
            return
        if start_frame != self.frames:
            self.order_errors += 1
        end = start_frame + mel.shape[1]
        if end > self._data.shape[1]:
            capacity = self._data.shape[1]
            while capacity < end:
                capacity *= 2
            grown = np.zeros((self.bins, capacity), dtype=np.float32)
            grown[:, : self.frames] = self._data[:, : self.frames]
            self._data = grown
        self._data[:, start_frame:end] = mel
        self.frames = max(self.frames, end)
        finite = mel[np.isfinite(mel)]
        if finite.size:
            self.lo = min(self.lo, float(np.percentile(finite, 1)))
            self.hi = max(self.hi, float(np.percentile(finite, 99.5)))
        self.batches += 1
        self.version += 1

    def add_boundary(self, index: int, start_frame: int) -> None:
        self.boundaries.append((index, start_frame))
        self.version += 1

    def view(self) -> np.ndarray:
        return self._data[:, : self.frames]

    @property
    def seconds(self) -> float:
        return self.frames / MEL_FPS


class MelView(QWidget):
    def __init__(self, buffer: MelBuffer | None = None, parent=None):
        super().__init__(parent)
        self.buffer = buffer or MelBuffer()
        self.graphics = pg.GraphicsLayoutWidget()
        self.plot = self.graphics.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setLabel("left", self.tr("mel bin"))
        self.plot.setLabel("bottom", self.tr("time (s)"))
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)  # seconds stay seconds (no "x0.001")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(
            values=(-10.0, 2.0),
            colorMap=pg.colormap.get("inferno"),
            interactive=False,
            width=12,
            colorMapMenu=False,
        )
        self.colorbar.setImageItem(self.image)
        self.colorbar.setFixedWidth(COLORBAR_PX)
        self.graphics.addItem(self.colorbar, row=0, col=1)
        self.plot.getAxis("left").setWidth(LEFT_AXIS_PX)
        self.plot.getViewBox().disableAutoRange()
        self.playhead = playhead_line()
        self.plot.addItem(self.playhead)
        self.playhead.hide()
        self._lines: list[pg.InfiniteLine] = []
        self._drawn_version = -1
        self._levels: tuple[float, float] | None = None
        self.span = 4.0
        self.plot.setXRange(0, self.span, padding=0)
        self.plot.setYRange(0, self.buffer.bins, padding=0)
        self.redraws = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        follow_theme(self.graphics, [self.plot])

    def set_dark(self, dark: bool) -> None:
        apply_plot_style(self.graphics, [self.plot], dark)

    def left_width(self) -> int:
        return LEFT_AXIS_PX

    def right_width(self) -> int:
        return COLORBAR_PX

    def set_margins(self, left: int, right: int) -> None:
        self.plot.getAxis("left").setWidth(left)
        self.colorbar.setFixedWidth(right)

    def set_span(self, seconds: float) -> None:
        """Show 0..`seconds` of audio on x (the live panel gives both views the same span)."""
        if seconds != self.span:
            self.span = seconds
            self.plot.setXRange(0, seconds, padding=0)

    def x_to_pixel(self, seconds: float) -> float:
        """Where `seconds` is drawn, in this widget's pixels (to check the views line up)."""
        scene = self.plot.getViewBox().mapViewToScene(pg.Point(seconds, 0))
        return self.graphics.mapFromScene(scene).x() + self.graphics.x()

    def refresh(self) -> bool:
        """Redraw if the buffer changed since the last call; True if it redrew."""
        buf = self.buffer
        if buf.version == self._drawn_version:
            return False
        self._drawn_version = buf.version
        self.redraws += 1
        if buf.frames == 0:
            self.image.clear()
        else:
            self.image.setImage(buf.view(), autoLevels=False)
            self.image.setRect(QRectF(0.0, 0.0, buf.frames / MEL_FPS, float(buf.bins)))
            if np.isfinite(buf.lo) and buf.hi > buf.lo:
                # Levels widened outward to half-units: the colour bar (and its axis, whose tick
                # layout pyqtgraph recomputes in Python on every change) changes a few times per
                # take instead of on every frame.
                levels = (float(np.floor(buf.lo * 2) / 2), float(np.ceil(buf.hi * 2) / 2))
                if levels != self._levels:
                    self._levels = levels
                    self.colorbar.setLevels(levels)
        self.plot.setXRange(0, self.span, padding=0)
        self._sync_boundaries()
        return True

    def _sync_boundaries(self) -> None:
        wanted = [start / MEL_FPS for index, start in self.buffer.boundaries if index > 0]
        sync_boundary_lines(self.plot, self._lines, wanted)

    def set_playhead(self, seconds: float | None) -> None:
        if seconds is None:
            self.playhead.hide()
        else:
            self.playhead.setValue(seconds)
            self.playhead.show()
