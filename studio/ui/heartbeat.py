"""How long the UI thread is blocked: a 10 ms heartbeat timer that records the worst gap.

    python -m studio.ui.heartbeat MODEL_DIR [--takes 3] [--text "..."]

opens the real window (offscreen without a display), loads the model, saves a voice from the
self-test clip and makes takes (streaming and not) through the real worker thread while the
heartbeat runs; prints the worst and 99th-percentile gap between ticks. A gap of G ms means the
UI thread could not run any event for about G - 10 ms.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer

INTERVAL_MS = 10


class Heartbeat(QObject):
    def __init__(self, parent=None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.interval_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self._last: float | None = None
        self.gaps: list[float] = []

    def start(self) -> None:
        self.reset()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def reset(self) -> None:
        self._last = None
        self.gaps = []

    def _beat(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.gaps.append((now - self._last) * 1000.0)
        self._last = now

    @property
    def worst_ms(self) -> float:
        return max(self.gaps) if self.gaps else 0.0

    def percentile_ms(self, q: float) -> float:
        return float(np.percentile(self.gaps, q)) if self.gaps else 0.0

    def summary(self) -> str:
        return (
            f"{len(self.gaps)} beats, worst gap {self.worst_ms:.1f} ms, "
            f"p99 {self.percentile_ms(99):.1f} ms, median {self.percentile_ms(50):.1f} ms"
        )


def main(argv: list[str] | None = None) -> int:
    import argparse

    from studio.ui.selftest import run_heartbeat

    parser = argparse.ArgumentParser(
        prog="python -m studio.ui.heartbeat", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("model_dir")
    parser.add_argument("--takes", type=int, default=3, help="takes of each kind (streaming, not)")
    parser.add_argument("--text", default="Hello there. This is a heartbeat test of the studio window.")
    args = parser.parse_args(argv)
    return run_heartbeat(args.model_dir, takes=args.takes, text=args.text)


if __name__ == "__main__":
    raise SystemExit(main())
