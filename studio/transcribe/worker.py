"""One background thread that owns the loaded recognizers (no Qt).

    worker = RecognizerWorker(models_dir, device="cpu")
    job = worker.submit(["whisper-small"], lambda recs, cancel: transcribe_reference(path, recs, cancel=cancel))
    job.cancel(); job.future.result()
    worker.set_device("cuda:0")   # follow the TTS engine: loaded models move, they are not loaded again
    worker.shutdown()             # cancels what is queued or running, frees the models on its thread

Recognizers are loaded on the worker the first time a job names them and kept for the next job, so a
model is loaded once per worker; the window keeps one worker per window (`StudioContext.recognizers`)
and shuts it down with the window. Jobs run one at a time in submission order; `cancel()` stops a
running job at the recognizer's next check (Whisper: next generated token; PocketSphinx: next half
second of audio) and drops a queued one. Results and errors come back through the future.

Device: `device` is where recognizers that run on torch (Whisper) are placed ("cpu", "cuda", "cuda:1";
None: a GPU when there is one). `set_device` takes effect at the next job: a Whisper model already
loaded is moved there (`Recognizer.to`), never read from disk a second time.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from studio.transcribe.base import Recognizer
from studio.transcribe.errors import Cancelled, RecognizerUnavailable


@dataclass(eq=False)  # hashable by identity: the worker keeps a set of its open jobs
class Job:
    future: Future
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.cancel_event.set()
        self.future.cancel()

    @property
    def done(self) -> bool:
        return self.future.done()


class RecognizerWorker:
    def __init__(self, models_dir=None, device: str | None = None) -> None:
        self.models_dir = models_dir
        self._device = device
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="studio-asr")
        self._loaded: dict[str, Recognizer] = {}
        self._lock = threading.Lock()
        self._jobs: set[Job] = set()
        self._closed = False
        self.loads = 0  # how many times a model was read from disk (for tests and diagnostics)

    # -- device ------------------------------------------------------------------------------------

    @property
    def device(self) -> str | None:
        return self._device

    def set_device(self, device: str | None) -> None:
        """Where torch recognizers run from the next job on (the models already loaded are moved)."""
        self._device = device

    # -- on the worker thread ----------------------------------------------------------------------

    def recognizers(self, names: list[str]) -> list[Recognizer]:
        """Load (once) and return the named recognizers on the current device; call only on the
        worker thread."""
        from studio.transcribe import recognizers as reg

        device = self._device
        out = []
        for name in names:
            rec = self._loaded.get(name)
            if rec is None:
                rec = reg.load(name, self.models_dir, device=device)
                self.loads += 1
                self._loaded[name] = rec
            elif device is not None:
                rec.to(device)
            out.append(rec)
        return out

    def loaded(self) -> dict[str, Recognizer]:
        """The recognizers loaded so far, by name (read-only view for tests and diagnostics)."""
        return dict(self._loaded)

    # -- from any thread ---------------------------------------------------------------------------

    def submit(self, names: list[str], fn: Callable[[list[Recognizer], threading.Event], Any]) -> Job:
        """Run fn(recognizers, cancel_event) on the worker thread after the jobs before it."""
        job = Job(Future())
        with self._lock:
            if self._closed:
                job.future.set_exception(RecognizerUnavailable("The recognizer worker has been shut down."))
                return job

            def run() -> Any:
                if job.cancel_event.is_set():
                    raise Cancelled("cancelled before it started")
                return fn(self.recognizers(names), job.cancel_event)

            job.future = self._pool.submit(run)
            self._jobs.add(job)
        job.future.add_done_callback(lambda _f, j=job: self._forget(j))
        return job

    def _forget(self, job: Job) -> None:
        with self._lock:
            self._jobs.discard(job)

    @property
    def busy(self) -> bool:
        with self._lock:
            return any(not j.future.done() for j in self._jobs)

    def cancel_all(self) -> None:
        """Cancel every queued and running job (running ones stop at their next check)."""
        with self._lock:
            jobs = list(self._jobs)
        for job in jobs:
            job.cancel()

    def shutdown(self, wait: bool = False, timeout: float | None = None) -> bool:
        """Cancel every job, stop the thread and free the models on it. With `wait`, block until the
        thread has stopped (at most `timeout` seconds); returns whether it has. Later submits fail
        with RecognizerUnavailable."""
        with self._lock:
            if self._closed:
                return self._stopped(wait, timeout)
            self._closed = True
            jobs = list(self._jobs)
        for job in jobs:
            job.cancel()
        # queued after every job: the running one (cancelled) ends first, then the models are freed
        self._final = self._pool.submit(self._free)
        self._pool.shutdown(wait=False, cancel_futures=False)
        return self._stopped(wait, timeout)

    def _stopped(self, wait: bool, timeout: float | None) -> bool:
        final = getattr(self, "_final", None)
        if final is None:
            return True
        if wait:
            try:
                final.result(timeout=timeout)
            except Exception:  # a timeout, or freeing failed: report "not stopped" only for a timeout
                return final.done()
        return final.done()

    def _free(self) -> None:
        for rec in self._loaded.values():
            with contextlib.suppress(Exception):  # freeing is best effort
                rec.close()
        self._loaded.clear()
