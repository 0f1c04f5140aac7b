"""The Qt adapter over the engine's worker thread: requests in, Qt signals out.

`EngineWorker` (studio/engine/worker.py) owns the loaded engine on one long-lived daemon thread
and answers each request on its own queue. `EngineBridge` is the only place in the window that
talks to it. A single precise QTimer (every 15 ms while any request is open) drains those queues
with the non-blocking `Request.poll()` and turns the events into signals on a `Job`, one per
request:

    started()                     the worker picked the request up
    progress(stage, fraction)     model loading steps
    segment(Segment)              a sentence starts
    tokens(list[SpeechTokens])    every SpeechTokens event of this tick, in order
    mel(list[MelFrames])          every MelFrames event of this tick, in order
    audio(list[AudioChunk])       every AudioChunk event of this tick, in order
    finished(Finished) | failed(Failed) | cancelled(str) | loaded(Loaded) | done(value)
    ended()                       after any of the terminal signals above

Consecutive events of one kind are batched into one signal per tick (a streaming take produces
hundreds of SpeechTokens a second; the UI thread handles a handful of signals per tick instead),
and the order between kinds is preserved. Vocabulary after superqt's GeneratorWorker / Orange's
TaskState. The engine itself is never called from the UI thread.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from studio.engine.events import (
    AudioChunk,
    Cancelled,
    Finished,
    MelFrames,
    Segment,
    SpeechTokens,
    TextWarning,
)
from studio.engine.worker import END, Done, EngineWorker, Failed, Loaded, Progress

POLL_MS = 15

QUEUED, RUNNING, FINISHED, FAILED, CANCELLED = "queued", "running", "finished", "failed", "cancelled"


class Job(QObject):
    """One request to the worker, seen from the UI thread."""

    started = Signal()
    progress = Signal(str, float)
    segment = Signal(object)
    tokens = Signal(object)
    mel = Signal(object)
    audio = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal(str)
    loaded = Signal(object)
    done = Signal(object)
    ended = Signal()

    def __init__(self, request: Any, kind: str, label: str = "", meta: dict | None = None, parent=None):
        super().__init__(parent)
        self.request = request
        self.kind = kind  # load, synthesize, prepare_voice, call
        self.label = label
        self.meta = dict(meta or {})
        self.state = QUEUED
        self.result: Any = None

    @property
    def id(self) -> int:
        return self.request.id

    @property
    def is_open(self) -> bool:
        return self.state in (QUEUED, RUNNING)

    def cancel(self) -> None:
        """Running: stops within one LM step. Queued: removed at once, never starts."""
        if not self.is_open:
            return
        self.request.cancel()
        if self.state == QUEUED and self.kind != "load":
            # The worker will answer Cancelled("removed from the queue") when it reaches it (or,
            # if it picked it up this instant, stop it within one LM step): either way it ends
            # cancelled, so the window can forget it now.
            self._end(CANCELLED, "removed from the queue")
            self.cancelled.emit("removed from the queue")
            self.ended.emit()

    def _end(self, state: str, result: Any) -> None:
        self.state = state
        self.result = result


_BATCHED = ((SpeechTokens, "tokens"), (MelFrames, "mel"), (AudioChunk, "audio"))


class EngineBridge(QObject):
    """Owns the EngineWorker; every request becomes a Job whose signals fire on the UI thread."""

    jobAdded = Signal(object)
    jobStarted = Signal(object)
    jobEnded = Signal(object)
    busyChanged = Signal(bool)
    modelLoading = Signal(str)
    modelLoaded = Signal(object)  # Loaded
    modelFailed = Signal(str)
    deviceDescribed = Signal(str)
    textWarning = Signal(object)  # TextWarning: part of a take's text is spoken as written

    def __init__(self, parent=None, worker: EngineWorker | None = None):
        super().__init__(parent)
        self.worker = worker or EngineWorker()
        self._jobs: list[Job] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.pump)
        self.loaded: Loaded | None = None
        self.device_description = ""
        self.loading = False
        self._busy = False

    # -- submitting --------------------------------------------------------------------------

    def _add(self, request: Any, kind: str, label: str, meta: dict | None = None) -> Job:
        job = Job(request, kind, label, meta)
        self._jobs.append(job)
        if not self._timer.isActive():
            self._timer.start()
        self.jobAdded.emit(job)
        self._update_busy()
        return job

    def load_model(
        self,
        folder: str | os.PathLike,
        device: str | None = None,
        precision: str = "fp32",
        cuda_only_precision: bool = False,
        preset: str = "exact",
        flow_steps: int | None = None,
    ) -> Job:
        folder = str(folder)
        self.loading = True
        self.loaded = None  # the worker drops the current model before loading the next
        request = self.worker.load(
            folder,
            device=device,
            precision=precision,
            cuda_only_precision=cuda_only_precision,
            preset=preset,
            flow_steps=flow_steps,
        )
        job = self._add(request, "load", Path(folder).name)
        self.modelLoading.emit(folder)
        job.loaded.connect(self._on_loaded)
        job.failed.connect(self._on_load_failed)
        return job

    def synthesize(self, label: str = "", meta: dict | None = None, **kwargs: Any) -> Job:
        """kwargs as Engine.synthesize: text, voice, mode, instruction, source, stream, speed, seed."""
        return self._add(self.worker.synthesize(**kwargs), "synthesize", label, meta)

    def prepare_voice(
        self, audio: Any, sample_rate: int | None, transcript: str | None, label: str = ""
    ) -> Job:
        return self._add(self.worker.prepare_voice(audio, sample_rate, transcript), "prepare_voice", label)

    def call(self, fn: Callable[[Any], Any], label: str = "", meta: dict | None = None) -> Job:
        """fn(engine) on the worker thread; done(value) with what it returns. `meta={"queue": ...}`
        lists the job in the window's queue (its owner may emit `progress(status, fraction)`)."""
        return self._add(self.worker.call(fn), "call", label, meta)

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def queued_jobs(self) -> list[Job]:
        return [j for j in self._jobs if j.state == QUEUED]

    def running_job(self) -> Job | None:
        return next((j for j in self._jobs if j.state == RUNNING), None)

    def cancel_running(self) -> Job | None:
        job = self.running_job()
        if job is not None and job.kind != "load":
            job.cancel()
        return job

    @property
    def busy(self) -> bool:
        return any(j.is_open for j in self._jobs)

    def shutdown(self) -> None:
        self._timer.stop()
        for job in self._jobs:
            if job.is_open:
                job.request.cancel()
        self.worker.shutdown(timeout=5.0)

    # -- the poll timer ----------------------------------------------------------------------

    def pump(self) -> None:
        """Drain every open request's queue and emit its signals (called by the timer)."""
        for job in list(self._jobs):
            self._pump_job(job)
        self._jobs = [j for j in self._jobs if j.is_open]
        if not self._jobs:
            self._timer.stop()
        self._update_busy()

    def _pump_job(self, job: Job) -> None:
        request = job.request
        if not job.is_open:  # removed from the queue: the window has already forgotten it
            return
        if job.state == QUEUED and request.started.is_set():
            job.state = RUNNING
            job.started.emit()
            self.jobStarted.emit(job)
        events = request.poll()
        if not events:
            return
        i = 0
        while i < len(events):
            event = events[i]
            if event is END:
                break
            batched = next((name for cls, name in _BATCHED if isinstance(event, cls)), None)
            if batched is not None:
                cls = type(event)
                j = i
                while j < len(events) and type(events[j]) is cls:
                    j += 1
                getattr(job, batched).emit(events[i:j])
                i = j
                continue
            self._emit_single(job, event)
            i += 1
            if not job.is_open:
                break
        if not job.is_open:
            self.jobEnded.emit(job)

    def _emit_single(self, job: Job, event: Any) -> None:
        if isinstance(event, Segment):
            job.segment.emit(event)
        elif isinstance(event, TextWarning):
            self.textWarning.emit(event)
        elif isinstance(event, Progress):
            job.progress.emit(event.stage, event.fraction)
        elif isinstance(event, Finished):
            job._end(FINISHED, event)
            job.finished.emit(event)
            job.ended.emit()
        elif isinstance(event, Cancelled):
            job._end(CANCELLED, event.reason)
            job.cancelled.emit(event.reason)
            job.ended.emit()
        elif isinstance(event, Failed):
            job._end(FAILED, event)
            job.failed.emit(event)
            job.ended.emit()
        elif isinstance(event, Loaded):
            job._end(FINISHED, event)
            job.loaded.emit(event)
            job.ended.emit()
        elif isinstance(event, Done):
            job._end(FINISHED, event.value)
            job.done.emit(event.value)
            job.ended.emit()

    def _update_busy(self) -> None:
        busy = self.busy
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    # -- model state -------------------------------------------------------------------------

    def _on_loaded(self, loaded: Loaded) -> None:
        self.loading = False
        self.loaded = loaded
        self.modelLoaded.emit(loaded)
        job = self.call(_tune_and_describe, label="device")
        job.done.connect(self._on_described)

    def _on_load_failed(self, failed: Failed) -> None:
        self.loading = False
        self.loaded = None
        self.modelFailed.emit(failed.message)

    def _on_described(self, text: str) -> None:
        self.device_description = text
        self.deviceDescribed.emit(text)


def _tune_and_describe(engine: Any) -> str:
    """On the worker thread: leave one core to the UI thread on CPU, and name the device."""
    import torch

    device = engine.device
    if device.type == "cpu":
        threads = max(1, (os.cpu_count() or 2) - 1)
        torch.set_num_threads(threads)
        if threads == 1:
            return QCoreApplication.translate("EngineBridge", "CPU, 1 thread")
        return QCoreApplication.translate("EngineBridge", "CPU, {0} threads").format(threads)
    if device.type == "cuda":
        index = device.index if device.index is not None else torch.cuda.current_device()
        return f"{torch.cuda.get_device_name(index)} (cuda:{index})"
    return str(device)


def cuda_devices() -> list[tuple[str, str]]:
    """(value, label) for each CUDA device, for the settings dialog ([] without CUDA).

    Uses torch only if it is already imported (the worker imports it when a model loads), so
    opening the settings never stalls the window on a torch import.
    """
    torch = sys.modules.get("torch")
    if torch is None:
        try:
            import torch
        except Exception:
            return []
        torch = sys.modules["torch"]
    try:
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        return [(f"cuda:{i}", f"{torch.cuda.get_device_name(i)} (cuda:{i})") for i in range(count)]
    except Exception:
        return []


def load_voice_file(path: str | os.PathLike) -> Any:
    """A prepared voice (.safetensors) read back, for a synthesis request. Runs on the worker."""
    from studio.engine.voice import Voice

    return Voice.load(path)


def save_prepared_voice(
    audio: Any, sample_rate: int, transcript: str | None, dest: str | os.PathLike
) -> Callable[[Any], Any]:
    """fn(engine) for `EngineBridge.call`: prepare a voice from audio and save it to `dest`.

    Returns (path, family, seconds) so the library can store the file as the voice's prompt.
    """

    def run(engine: Any) -> tuple[str, str, float]:
        voice = engine.prepare_voice(audio, sample_rate, transcript)
        voice.save(dest)
        return str(dest), voice.family, float(voice.seconds)

    return run


def voice_from_file(path: str | os.PathLike, transcript: str | None = None) -> Callable[[Any], Any]:
    """fn(engine) for `EngineBridge.call`: a stored prepared voice, checked against the model."""

    def run(engine: Any) -> Any:
        voice = load_voice_file(path)
        if transcript is not None and transcript.strip():
            voice.transcript = transcript.strip()
        return voice

    return run
