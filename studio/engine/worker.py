"""One thread owns the loaded engine; requests queue up; each request has its own response queue.

    worker = EngineWorker()
    load = worker.load(model_dir)                 # loading happens on the worker thread too
    for event in load.events(): ...               # Progress..., then Loaded or Failed
    take = worker.synthesize(text=..., voice=..., stream=True)
    for event in take.events(): ...               # engine events, then Finished/Cancelled/Failed
    take.cancel()                                  # running: stops within one LM step; queued: never starts

Errors come back as `Failed` values on the request's queue, never as exceptions on the worker
thread, so one bad request cannot take the worker down (fish-speech's thread-safe queue design).
"""

from __future__ import annotations

import itertools
import os
import queue
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from studio.engine.errors import EngineError
from studio.engine.events import Cancelled, Finished
from studio.engine.voice import Voice


@dataclass(frozen=True)
class Progress:
    stage: str
    fraction: float


@dataclass(frozen=True)
class Loaded:
    family: str
    device: str
    sample_rate: int
    folder: str
    preset: str = "exact"  # the speed preset the model was loaded with
    flow_steps: int = 10


@dataclass(frozen=True)
class Failed:
    """A request failed. `user_error` is True for bad input (a sentence for the user)."""

    message: str
    user_error: bool
    detail: str = ""


@dataclass(frozen=True)
class Done:
    """A non-synthesis request (prepare_voice, call) finished with `value`."""

    value: Any


END = object()
_TERMINAL = (Finished, Cancelled, Failed, Loaded, Done)


class Request:
    _ids = itertools.count(1)

    def __init__(self, kind: str, payload: dict[str, Any]):
        self.id = next(self._ids)
        self.kind = kind
        self.payload = payload
        self.cancel_event = threading.Event()
        self.started = threading.Event()
        self._queue: queue.Queue = queue.Queue()

    def cancel(self) -> None:
        """Ask the request to stop; a queued one is dropped without running."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def put(self, item: Any) -> None:
        self._queue.put(item)

    def events(self, timeout: float | None = None) -> Iterator[Any]:
        """Yield the request's events until its terminal event (inclusive)."""
        while True:
            item = self._queue.get(timeout=timeout)
            if item is END:
                return
            yield item

    def poll(self) -> list[Any]:
        """Everything available now, without blocking (for a GUI timer)."""
        items = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return items
            if item is END:
                items.append(END)
                return items
            items.append(item)

    def result(self, timeout: float | None = None) -> Any:
        """Block until done; return the terminal event (Loaded, Done, Finished, Cancelled or Failed)."""
        last = None
        for event in self.events(timeout):
            last = event
        return last


class EngineWorker:
    def __init__(self, name: str = "engine-worker"):
        self.engine = None
        self._requests: queue.Queue[Request | None] = queue.Queue()
        self._current: Request | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    # -- submitting ------------------------------------------------------------------------

    def _submit(self, kind: str, **payload) -> Request:
        req = Request(kind, payload)
        with self._lock:
            if not self._closed:
                self._requests.put(req)
                return req
        # after shutdown() nothing would ever answer it: say so at once instead of leaving it queued
        req.put(Failed("The speech engine has been shut down; load the model again.", False))
        req.put(END)
        return req

    def load(
        self,
        model_dir,
        device=None,
        text_normalizer: str = "wetext",
        precision: str = "fp32",
        cuda_only_precision: bool = False,
        preset: str = "exact",
        flow_steps: int | None = None,
    ) -> Request:
        """`cuda_only_precision`: use `precision` when the model lands on CUDA, fp32 otherwise.
        `preset`/`flow_steps`: the speed preset (`studio.engine.presets`)."""
        return self._submit(
            "load",
            model_dir=model_dir,
            device=device,
            text_normalizer=text_normalizer,
            precision=precision,
            cuda_only_precision=cuda_only_precision,
            preset=preset,
            flow_steps=flow_steps,
        )

    def synthesize(self, **kwargs) -> Request:
        """Same keyword arguments as `Engine.synthesize` (text, voice, mode, ...)."""
        return self._submit("synthesize", **kwargs)

    def prepare_voice(self, audio, sample_rate=None, transcript=None) -> Request:
        return self._submit("prepare_voice", audio=audio, sample_rate=sample_rate, transcript=transcript)

    def call(self, fn: Callable[[Any], Any]) -> Request:
        """Run fn(engine) on the worker thread (anything else that must touch the model)."""
        return self._submit("call", fn=fn)

    def cancel_current(self) -> None:
        with self._lock:
            if self._current is not None:
                self._current.cancel()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop the worker thread (the running request is cancelled; later requests fail at once)."""
        self.cancel_current()
        with self._lock:
            if not self._closed:
                self._closed = True
                self._requests.put(None)
        self._thread.join(timeout)

    @property
    def busy(self) -> bool:
        return self._current is not None

    # -- the worker thread -----------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            req = self._requests.get()
            if req is None:
                return
            if req.cancelled:
                req.put(Cancelled("removed from the queue"))
                req.put(END)
                continue
            with self._lock:
                self._current = req
            req.started.set()
            try:
                self._handle(req)
            except EngineError as exc:
                req.put(Failed(str(exc), True))
            except MemoryError:
                req.put(Failed("Out of memory. Close other programs or use a shorter text.", True))
            except Exception as exc:  # report, never crash the worker
                message = _friendly(exc)
                req.put(Failed(message, False, traceback.format_exc()))
            finally:
                with self._lock:
                    self._current = None
                req.put(END)

    def _handle(self, req: Request) -> None:
        p = req.payload
        if req.kind == "load":
            from studio.engine.engine import load_model

            self.engine = None  # release the previous model before loading the next
            precision = p.get("precision", "fp32")
            if p.get("cuda_only_precision") and not _uses_cuda(p.get("device")):
                precision = "fp32"  # the window's precision setting applies on CUDA only
            engine = load_model(
                p["model_dir"],
                device=p.get("device"),
                text_normalizer=p.get("text_normalizer", "wetext"),
                progress=lambda stage, fraction: req.put(Progress(stage, fraction)),
                precision=precision,
                preset=p.get("preset", "exact"),
                flow_steps=p.get("flow_steps"),
            )
            self.engine = engine
            req.put(
                Loaded(
                    engine.family,
                    str(engine.device),
                    engine.sample_rate,
                    str(engine.spec.folder),
                    engine.preset.name,
                    engine.preset.flow_steps,
                )
            )
            return
        if self.engine is None:
            raise EngineError("No model is loaded; open a model folder first.")
        if req.kind == "synthesize":
            if isinstance(p.get("voice"), (str, os.PathLike)):
                # A prepared voice file: read it here, not on the caller's (UI) thread.
                p = {**p, "voice": Voice.load(p["voice"])}
            for event in self.engine.synthesize(cancel=req.cancel_event, **p):
                req.put(event)
        elif req.kind == "prepare_voice":
            req.put(Done(self.engine.prepare_voice(p["audio"], p.get("sample_rate"), p.get("transcript"))))
        elif req.kind == "call":
            req.put(Done(p["fn"](self.engine)))
        else:
            raise EngineError(f"unknown request kind {req.kind}")


def _uses_cuda(device) -> bool:
    if device is None or str(device) == "auto":
        import torch

        return torch.cuda.is_available()
    return str(device).startswith("cuda")


def _friendly(exc: Exception) -> str:
    text = str(exc)
    if "out of memory" in text.lower():
        return "The GPU ran out of memory. Try a shorter text, fp16 precision, or the CPU."
    first = text.splitlines()[0] if text else type(exc).__name__
    return f"Synthesis failed: {type(exc).__name__}: {first[:300]}"
