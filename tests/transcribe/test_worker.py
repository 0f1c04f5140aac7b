"""The recognizer worker: loads a model once, on the device it is told (and moves it, never reloads it,
when the device changes), cancels, and shuts down with what it runs."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from studio.transcribe.base import Recognition, Recognizer
from studio.transcribe.errors import Cancelled, RecognizerUnavailable
from studio.transcribe.worker import RecognizerWorker


class FakeRecognizer(Recognizer):
    """Records where it was loaded and moved; transcribe waits (cancellably) until released."""

    def __init__(self, name: str, device: str | None) -> None:
        self.name = name
        self.device = device or "auto"
        self.moves: list[str] = []
        self.closed = False
        self.release = threading.Event()
        self.started = threading.Event()

    def to(self, device: str) -> None:
        if device != self.device:
            self.moves.append(device)
            self.device = device

    def transcribe(self, audio, *, language=None, cancel=None) -> Recognition:
        self.started.set()
        while not self.release.wait(0.01):
            if cancel is not None and cancel.is_set():
                raise Cancelled("recognition cancelled")
        return Recognition(self.name, "hello", "en", 1.0)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def loads(monkeypatch):
    """Every reg.load call as (name, device); returns FakeRecognizers."""
    from studio.transcribe import recognizers as reg

    calls: list[tuple[str, str | None]] = []
    made: dict[str, FakeRecognizer] = {}

    def load(name, models_dir=None, *, device=None):
        calls.append((name, device))
        made[name] = FakeRecognizer(name, device)
        return made[name]

    monkeypatch.setattr(reg, "load", load)
    return calls, made


def _run(worker, names=("fake",), release=True):
    def fn(recs, cancel):
        for r in recs:
            if release:
                r.release.set()
        return [r.transcribe(np.zeros(10, np.float32), cancel=cancel) for r in recs]

    return worker.submit(list(names), fn)


def test_the_device_is_passed_to_the_recognizer_and_followed_without_a_second_load(loads):
    calls, made = loads
    worker = RecognizerWorker(device="cpu")
    try:
        assert _run(worker).future.result(timeout=10)[0].text == "hello"
        assert calls == [("fake", "cpu")] and made["fake"].device == "cpu"
        worker.set_device("cuda:0")  # the TTS engine went to a GPU: the loaded model follows it
        _run(worker).future.result(timeout=10)
        assert calls == [("fake", "cpu")] and worker.loads == 1  # moved, not loaded again
        assert made["fake"].moves == ["cuda:0"] and made["fake"].device == "cuda:0"
        _run(worker, names=("fake", "other")).future.result(timeout=10)
        assert calls == [("fake", "cpu"), ("other", "cuda:0")]  # a new one is loaded there directly
    finally:
        worker.shutdown(wait=True, timeout=10)


def test_shutdown_cancels_the_running_and_queued_jobs_and_frees_the_models(loads):
    _calls, made = loads
    worker = RecognizerWorker(device="cpu")
    running = _run(worker, release=False)
    queued = _run(worker, release=False)
    _wait(lambda: "fake" in made and made["fake"].started.is_set())
    assert worker.busy
    assert worker.shutdown(wait=True, timeout=10)
    with pytest.raises(Cancelled):
        running.future.result(timeout=1)
    assert queued.future.cancelled()
    assert made["fake"].closed and worker.loaded() == {}
    late = _run(worker)
    with pytest.raises(RecognizerUnavailable, match="shut down"):
        late.future.result(timeout=1)
    for thread in list(worker._pool._threads):  # the worker thread itself ends
        thread.join(5)
        assert not thread.is_alive()


def test_a_real_whisper_is_loaded_once_on_the_given_device(tiny_whisper, monkeypatch):
    from studio.transcribe.reference import transcribe_reference

    worker = RecognizerWorker(device="cpu")
    try:
        audio = np.zeros(16_000, np.float32)
        for _ in range(2):
            job = worker.submit([str(tiny_whisper)], lambda recs, cancel: transcribe_reference(
                audio, recs, sample_rate=16_000, cancel=cancel))  # fmt: skip
            job.future.result(timeout=120)
        [rec] = worker.loaded().values()
        assert worker.loads == 1 and rec.device == "cpu" and rec.model.device.type == "cpu"
        rec.to("cpu")  # the same device: nothing moves
        assert rec.model.device.type == "cpu"
    finally:
        worker.shutdown(wait=True, timeout=30)


def _wait(predicate, timeout=10.0):
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)
