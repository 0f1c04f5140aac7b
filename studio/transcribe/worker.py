"""One background thread that owns the loaded recognizers (no Qt).

    worker = RecognizerWorker(models_dir)
    job = worker.submit(["whisper-small"], lambda recs, cancel: transcribe_reference(path, recs, cancel=cancel))
    job.cancel(); job.future.result()

Recognizers are loaded on the worker the first time a job names them and kept for the next job, so a
model is loaded once per process. Jobs run one at a time in submission order; `cancel()` stops a running
job at the recognizer's next check (Whisper: next generated token; PocketSphinx: next half second of
audio) and drops a queued one. Results and errors come back through the future.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from studio.transcribe.base import Recognizer
from studio.transcribe.errors import Cancelled


@dataclass
class Job:
    future: Future
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.cancel_event.set()
        self.future.cancel()


class RecognizerWorker:
    def __init__(self, models_dir=None, device: str | None = None) -> None:
        self.models_dir = models_dir
        self.device = device
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="studio-asr")
        self._loaded: dict[str, Recognizer] = {}

    def recognizers(self, names: list[str]) -> list[Recognizer]:
        """Load (once) and return the named recognizers; call only on the worker thread."""
        from studio.transcribe import recognizers as reg

        out = []
        for name in names:
            if name not in self._loaded:
                self._loaded[name] = reg.load(name, self.models_dir, device=self.device)
            out.append(self._loaded[name])
        return out

    def submit(self, names: list[str], fn: Callable[[list[Recognizer], threading.Event], Any]) -> Job:
        job = Job(Future())

        def run() -> Any:
            if job.cancel_event.is_set():
                raise Cancelled("cancelled before it started")
            return fn(self.recognizers(names), job.cancel_event)

        job.future = self._pool.submit(run)
        return job

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
