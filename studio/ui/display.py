"""The one display clock: a ~30 fps QTimer that asks every view to redraw from its buffer.

Engine events only append to buffers; nothing is drawn per event. Each subscriber is a
callable run once per tick (views compare a buffer version and return at once if nothing
changed), so the cost per tick is bounded by what actually changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

FPS = 30


class DisplayClock(QObject):
    def __init__(self, parent=None, fps: int = FPS):
        super().__init__(parent)
        self._subscribers: list[Callable[[], object]] = []
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(round(1000 / fps))
        self.timer.timeout.connect(self.tick)
        self.ticks = 0
        self.worst_tick_ms = 0.0

    def subscribe(self, fn: Callable[[], object]) -> None:
        self._subscribers.append(fn)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        t0 = time.perf_counter()
        for fn in self._subscribers:
            fn()
        self.ticks += 1
        self.worst_tick_ms = max(self.worst_tick_ms, (time.perf_counter() - t0) * 1000.0)
