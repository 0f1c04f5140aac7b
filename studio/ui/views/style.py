"""Shared look of the plots (light / dark), playhead and sentence-boundary lines."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

LIGHT = {"background": "#fafafa", "foreground": "#404040", "grid": 0.15}
DARK = {"background": "#1e1f22", "foreground": "#c8c8c8", "grid": 0.2}
PLAYHEAD_COLOUR = "#2e86de"
BOUNDARY_COLOUR = "#e67e22"


def apply_plot_style(graphics: pg.GraphicsLayoutWidget | pg.PlotWidget, plots: list, dark: bool) -> None:
    style = DARK if dark else LIGHT
    graphics.setBackground(style["background"])
    for plot in plots:
        for name in ("left", "bottom", "right", "top"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(style["foreground"]))
            axis.setTextPen(pg.mkPen(style["foreground"]))


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """Whether `palette` (default: the application's) is a dark theme: its window colour is dark."""
    if palette is None:
        palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class _ThemeFollower(QObject):
    """Re-styles a plot whenever the application palette changes (studio/ui/theme.py sets it)."""

    def __init__(self, graphics, plots: list) -> None:
        super().__init__(graphics)
        self.graphics, self.plots = graphics, plots
        self.dark: bool | None = None
        self.restyle()
        graphics.installEventFilter(self)

    def restyle(self) -> None:
        dark = palette_is_dark()
        if dark != self.dark:
            self.dark = dark
            apply_plot_style(self.graphics, self.plots, dark)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.restyle()
        return False


def follow_theme(graphics: pg.GraphicsLayoutWidget | pg.PlotWidget, plots: list) -> None:
    """Style `plots` for the current theme now, and again each time the theme changes, so every
    plot follows the light / dark theme whether the window starts in it or switches to it."""
    _ThemeFollower(graphics, plots)


def playhead_line() -> pg.InfiniteLine:
    return pg.InfiniteLine(pos=0, angle=90, movable=False, pen=pg.mkPen(PLAYHEAD_COLOUR, width=2))


def boundary_line() -> pg.InfiniteLine:
    return pg.InfiniteLine(
        pos=0, angle=90, movable=False, pen=pg.mkPen(BOUNDARY_COLOUR, width=1, style=Qt.PenStyle.DashLine)
    )


def sync_boundary_lines(plot: pg.PlotItem, lines: list[pg.InfiniteLine], xs: list[float]) -> None:
    """Make `lines` (dashed sentence boundaries on `plot`) stand at `xs`, adding or removing lines."""
    while len(lines) > len(xs):
        plot.removeItem(lines.pop())
    while len(lines) < len(xs):
        line = boundary_line()
        plot.addItem(line)
        lines.append(line)
    for line, x in zip(lines, xs):
        line.setValue(x)
