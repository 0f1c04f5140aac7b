"""One thread owns the model; requests queue; each has its own response queue; errors are values."""

from __future__ import annotations

import threading

import pytest

from studio.engine import AudioChunk, Cancelled, Finished, SpeechTokens
from studio.engine.lm import greedy_speech_sampler
from studio.engine.worker import Done, EngineWorker, Failed, Loaded, Progress
from tests.conftest import CV2_MODEL, PROMPT_EN, PROMPT_EN_TEXT


@pytest.fixture(scope="module")
def worker():
    w = EngineWorker()
    events = list(w.load(CV2_MODEL, device="cpu", text_normalizer="rules").events(timeout=120))
    assert any(isinstance(e, Progress) for e in events)
    assert isinstance(events[-1], Loaded) and events[-1].family == "cosyvoice2"
    yield w
    w.shutdown()


@pytest.fixture(scope="module")
def voice(worker):
    result = worker.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT).result(timeout=60)
    assert isinstance(result, Done)
    return result.value


def test_model_runs_on_the_worker_thread(worker, voice):
    threads = []
    worker.call(lambda engine: threads.append(threading.current_thread().name)).result(timeout=30)
    assert threads == ["engine-worker"]


def test_a_take_streams_events_then_finishes(worker, voice):
    req = worker.synthesize(
        text="Hello there.", voice=voice, stream=True, seed=1, sampler=greedy_speech_sampler()
    )
    events = list(req.events(timeout=60))
    assert any(isinstance(e, SpeechTokens) for e in events)
    assert any(isinstance(e, AudioChunk) for e in events)
    assert isinstance(events[-1], Finished)


def test_errors_come_back_as_values_and_the_worker_survives(worker, voice):
    bad = worker.synthesize(text="", voice=voice).result(timeout=30)
    assert isinstance(bad, Failed) and bad.user_error and "empty" in bad.message
    crash = worker.call(lambda engine: 1 / 0).result(timeout=30)
    assert isinstance(crash, Failed) and not crash.user_error and "ZeroDivisionError" in crash.message
    ok = worker.synthesize(text="Hello.", voice=voice, seed=1).result(timeout=60)
    assert isinstance(ok, Finished)


def test_cancel_a_running_take(worker, voice):
    """Cancel takes effect within one LM step: counted in steps sampled after cancel() returned (the
    tokens already queued for this reader when it cancels depend on how busy the machine is)."""
    greedy = greedy_speech_sampler()
    cancelled = threading.Event()
    steps_after_cancel = []

    def sampler(logprobs, history):
        if cancelled.is_set():
            steps_after_cancel.append(len(history))
        return greedy(logprobs, history)

    req = worker.synthesize(text="We have three cats and many dogs.", voice=voice, seed=1, sampler=sampler)
    events = []
    for event in req.events(timeout=60):
        events.append(event)
        if isinstance(event, SpeechTokens) and not cancelled.is_set():
            req.cancel()
            cancelled.set()
    assert isinstance(events[-1], Cancelled)
    assert len(steps_after_cancel) <= 1


def test_a_queued_take_can_be_removed_before_it_starts(worker, voice):
    gate = threading.Event()
    blocker = worker.call(lambda engine: gate.wait(30))
    queued = worker.synthesize(text="Hello.", voice=voice, seed=1)
    queued.cancel()
    gate.set()
    assert isinstance(blocker.result(timeout=30), Done)
    result = queued.result(timeout=30)
    assert isinstance(result, Cancelled) and "queue" in result.reason
    assert not queued.started.is_set()


def test_requests_before_a_model_is_loaded_fail_clearly():
    w = EngineWorker()
    try:
        result = w.synthesize(text="Hello.", voice=None).result(timeout=10)
        assert isinstance(result, Failed) and "No model is loaded" in result.message
        bad = w.load("/no/such/folder").result(timeout=10)
        assert isinstance(bad, Failed) and "does not exist" in bad.message
    finally:
        w.shutdown()


def test_a_request_after_shutdown_fails_at_once_instead_of_waiting_forever():
    """A window that closed its engine (or a test that shut down a shared one) must not leave the next
    request queued on a worker that no longer runs: it fails at once, naming why."""
    w = EngineWorker()
    w.shutdown(timeout=5)
    result = w.call(lambda engine: 1).result(timeout=5)
    assert isinstance(result, Failed) and "shut down" in result.message
    w.shutdown(timeout=5)  # a second shutdown is harmless
