"""Library and file work off the UI thread: one background thread, results back as Qt signals.

Writing a take (FLAC encode + fsync), re-rolling a sentence, exporting: each can take tens of
milliseconds or more, which would show up as a stall of the window. `BackgroundTasks.run(fn,
on_done, on_error)` runs `fn()` on a single worker thread (so library writes keep their order)
and calls `on_done(result)` or `on_error(exception)` on the UI thread.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundTasks(QObject):
    _finished = Signal(int, bool, object)  # task id, ok, result or exception
    idle = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="studio-io")
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._finished.connect(self._deliver)  # queued: emitted from the pool thread

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        task = next(self._ids)
        self._callbacks[task] = (on_done, on_error)
        self._pool.submit(self._call, task, fn)
        return task

    def _call(self, task: int, fn: Callable[[], Any]) -> None:
        try:
            result = fn()
        except BaseException as err:  # delivered to on_error on the UI thread
            err.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._finished.emit(task, False, err)
        else:
            self._finished.emit(task, True, result)

    def _deliver(self, task: int, ok: bool, value: Any) -> None:
        on_done, on_error = self._callbacks.pop(task, (None, None))
        if ok and on_done is not None:
            on_done(value)
        elif not ok and on_error is not None:
            on_error(value)
        if not self._callbacks:
            self.idle.emit()

    def shutdown(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait)
