"""The speech service behind the HTTP API: library voices in, takes out, on the engine's one worker.

No HTTP here (see app.py) and no Qt. The service submits every take to the `EngineWorker` it is
given, the same worker (and queue) the window uses when the server runs inside the window, so API
takes and window takes never run at once and share one loaded model.

Admission is bounded: at most `max_queue` API takes are queued or running at a time; one more is
refused with `QueueFull` (HTTP 429) carrying a `retry_after` estimate. Every finished take is
stored in the library's take list with `source="api"`; a cancelled one (the client went away) is
not stored.

Paths: a voice is found by its name or id in the library catalog, never by a path; the prepared
prompt file it points to must lie inside the library folder (checked again here).
"""

from __future__ import annotations

import math
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

import studio
from studio.engine.events import AudioChunk, Finished, Segment
from studio.engine.worker import Done, EngineWorker, Failed, Request
from studio.library import Library, LibraryError, NotFoundError, SegmentInput, model_folder_hash

API_MODES = ("zero_shot", "cross_lingual", "instruct")
# model names OpenAI clients send by default; all mean "the loaded model"
OPENAI_MODEL_ALIASES = ("tts-1", "tts-1-hd", "gpt-4o-mini-tts", "voice-studio")
DEFAULT_MAX_QUEUE = 16
PREPARE_TIMEOUT_S = 300.0


class ServiceError(Exception):
    """A request the service refuses. `status` is the HTTP status, `kind`/`code`/`param` the
    OpenAI error fields; `str(err)` is a sentence for the user."""

    status = 400
    kind = "invalid_request_error"

    def __init__(self, message: str, *, code: str | None = None, param: str | None = None):
        super().__init__(message)
        self.code = code
        self.param = param


class BadRequest(ServiceError):
    pass


class Unauthorized(ServiceError):
    status = 401
    kind = "authentication_error"


class NotFound(ServiceError):
    status = 404
    kind = "not_found_error"


class QueueFull(ServiceError):
    status = 429
    kind = "rate_limit_error"

    def __init__(self, message: str, retry_after: int):
        super().__init__(message, code="queue_full")
        self.retry_after = retry_after


class NoModel(ServiceError):
    status = 503
    kind = "server_error"


class EngineFailure(ServiceError):
    status = 500
    kind = "server_error"


@dataclass(frozen=True)
class ModelInfo:
    id: str  # the model folder's name, what GET /v1/models lists
    family: str
    sample_rate: int
    folder: str


@dataclass
class SpeechParams:
    """One API request, validated. `voice` is a library voice name or id."""

    text: str
    voice: str
    mode: str | None = None  # None: zero_shot if the voice has a transcript, else cross_lingual
    instruction: str | None = None
    speed: float = 1.0
    seed: int | None = None
    stream: bool = False


@dataclass
class ApiTake:
    """One admitted take: the worker request and what it has produced so far."""

    request: Request
    params: SpeechParams
    voice_id: int
    voice_name: str
    mode: str
    seed: int
    model: ModelInfo
    submitted: float = field(default_factory=time.monotonic)
    chunks: list[np.ndarray] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    samples: int = 0
    sample_rate: int = 0
    finished: Finished | None = None
    take_id: int | None = None
    pipe: Any = None  # how the HTTP side receives the events (app.EventPipe)
    _released: bool = False

    def feed(self, event: Any) -> np.ndarray | None:
        """Record an engine event; returns the new samples of an AudioChunk, else None."""
        if isinstance(event, Segment):
            self.segments.append(event)
        elif isinstance(event, AudioChunk):
            samples = np.asarray(event.samples, dtype=np.float32)
            self.chunks.append(samples)
            self.samples += samples.size
            self.sample_rate = event.sample_rate
            return samples
        elif isinstance(event, Finished):
            self.finished = event
            self.sample_rate = event.sample_rate
        return None

    def audio(self) -> np.ndarray:
        return np.concatenate(self.chunks) if self.chunks else np.zeros(0, dtype=np.float32)

    def cancel(self) -> None:
        self.request.cancel()


@dataclass
class Counters:
    admitted: int = 0
    rejected: int = 0
    finished: int = 0
    stored: int = 0
    cancelled: int = 0
    failed: int = 0


class SpeechService:
    """Library voices -> takes on `worker`; thread-safe (the HTTP event loop and worker threads call it).

    library: the library takes are stored in (shared with the window when it runs there).
    max_queue: API takes queued or running at once (>= 1); more are refused with QueueFull.
    on_take_stored(take_id): called on a storing thread after each API take is in the library.
    """

    def __init__(
        self,
        worker: EngineWorker,
        library: Library,
        *,
        max_queue: int = DEFAULT_MAX_QUEUE,
        on_take_stored: Callable[[int], None] | None = None,
    ):
        if max_queue < 1:
            raise ValueError("max_queue must be at least 1")
        self.worker = worker
        self.library = library
        self.max_queue = int(max_queue)
        self.on_take_stored = on_take_stored
        self.counters = Counters()
        self._lock = threading.Lock()
        self._in_flight = 0
        self._mean_take_s = 5.0  # running mean of finished takes' time in the service
        self._hashes: dict[str, str] = {}
        self._prepare_locks: dict[int, threading.Lock] = {}

    # -- model and voices ---------------------------------------------------------------------

    def model(self) -> ModelInfo | None:
        """The model the worker has loaded now, or None."""
        engine = self.worker.engine
        if engine is None:
            return None
        folder = str(engine.spec.folder)
        return ModelInfo(Path(folder).name, engine.family, int(engine.sample_rate), folder)

    def require_model(self, name: str | None = None) -> ModelInfo:
        model = self.model()
        if model is None:
            raise NoModel("No model is loaded yet; load one in the studio or start the server with --model.")
        if name is not None and name not in (model.id, model.family, *OPENAI_MODEL_ALIASES):
            raise NotFound(
                f"There is no model called {name!r}; the loaded model is {model.id!r} "
                f"(also answers to {', '.join(OPENAI_MODEL_ALIASES)}).",
                code="model_not_found",
                param="model",
            )
        return model

    def voices(self) -> list[dict[str, Any]]:
        out = []
        for voice in self.library.list_voices():
            transcript = self._transcript(voice.id)
            out.append(
                {
                    "id": str(voice.id),
                    "object": "voice",
                    "name": voice.name,
                    "language": voice.language,
                    "dialect": voice.dialect,
                    "tags": list(voice.tags),
                    "consent_status": voice.consent_status,
                    "has_transcript": bool(transcript),
                    "default_mode": "zero_shot" if transcript else "cross_lingual",
                    "prepared_for": list(voice.prompt_families),
                }
            )
        return out

    def find_voice(self, ref: str):
        """A library voice by name (any case) or id; NotFound otherwise. Never a file path."""
        ref = str(ref or "").strip()
        if not ref:
            raise BadRequest("Name a library voice in 'voice' (GET /v1/voices lists them).", param="voice")
        try:
            return self.library.find_voice(ref)
        except NotFoundError:
            raise NotFound(
                f"There is no voice called {ref!r} in the library (GET /v1/voices lists them).",
                code="voice_not_found",
                param="voice",
            ) from None

    def _transcript(self, voice_id: int) -> str:
        clips = self.library.list_clips(voice_id)
        return next((c.transcript for c in clips if c.transcript), "")

    def prompt_path(self, voice_id: int, voice_name: str, family: str) -> Path:
        """The voice's prepared prompt for `family`, preparing it on the worker first if needed.

        Blocking (runs the preparation on the engine worker); call from a thread, not the event loop.
        """
        with self._lock:
            lock = self._prepare_locks.setdefault(voice_id, threading.Lock())
        with lock:
            prompt = self.library.prepared_prompt(voice_id, family)
            if prompt is None or not prompt.path.is_file():
                self._prepare(voice_id, voice_name)
                prompt = self.library.prepared_prompt(voice_id, family)
            if prompt is None:
                raise BadRequest(f"The voice {voice_name!r} could not be prepared for {family}.")
            path = prompt.path.resolve()
            if not path.is_relative_to(self.library.root.resolve()):
                raise NotFound(f"The voice {voice_name!r} has no prompt in the library.", param="voice")
            return path

    def _prepare(self, voice_id: int, voice_name: str) -> None:
        """What the window does before a voice's first take with a model: prepare its first clip."""
        clips = self.library.list_clips(voice_id)
        if not clips:
            raise BadRequest(f"The voice {voice_name!r} has no reference clip to prepare it from.")
        clip = clips[0]
        try:
            audio, rate = self.library.clip_audio(clip)
        except LibraryError as err:
            raise BadRequest(str(err)) from None
        mono = (audio.mean(axis=1) if audio.ndim == 2 else audio).astype(np.float32)
        tmpdir = Path(tempfile.mkdtemp(prefix="voice-studio-prompt-"))
        dest = tmpdir / "voice.safetensors"
        transcript = clip.transcript or None

        def prepare(engine: Any) -> str:
            voice = engine.prepare_voice(mono, rate, transcript)
            voice.save(dest)
            return voice.family

        try:
            result = self.worker.call(prepare).result(timeout=PREPARE_TIMEOUT_S)
            if isinstance(result, Failed):
                raise BadRequest(f"The voice {voice_name!r} could not be prepared: {result.message}")
            if not isinstance(result, Done):
                raise EngineFailure(f"The voice {voice_name!r} was not prepared (the engine stopped).")
            self.library.set_prepared_prompt(voice_id, result.value, dest)
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)

    # -- takes ----------------------------------------------------------------------------------

    def _admit(self) -> None:
        with self._lock:
            if self._in_flight >= self.max_queue:
                self.counters.rejected += 1
                # the takes ahead run one at a time on the worker
                retry = math.ceil(self._mean_take_s * self._in_flight / 2)
                raise QueueFull(
                    f"The speech queue is full ({self._in_flight} takes waiting or running); "
                    f"try again in {retry} s.",
                    retry_after=max(1, min(retry, 300)),
                )
            self._in_flight += 1
            self.counters.admitted += 1

    def release(self, take: ApiTake) -> None:
        """The take left the service (finished, failed, cancelled): free its queue place."""
        with self._lock:
            if take._released:
                return
            take._released = True
            self._in_flight -= 1
            if take.finished is not None:
                self.counters.finished += 1
                seconds = time.monotonic() - take.submitted
                self._mean_take_s = 0.8 * self._mean_take_s + 0.2 * seconds

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def submit(self, params: SpeechParams, model_name: str | None = None) -> ApiTake:
        """Admit and queue a take. Blocking (may prepare the voice): call from a thread.

        Raises NoModel, NotFound (voice, model), BadRequest, QueueFull.
        """
        model = self.require_model(model_name)
        voice = self.find_voice(params.voice)
        mode = params.mode or ("zero_shot" if self._transcript(voice.id) else "cross_lingual")
        if mode not in API_MODES:
            raise BadRequest(f"Unknown mode {mode!r}; use one of {', '.join(API_MODES)}.", param="mode")
        if mode == "zero_shot" and not self._transcript(voice.id):
            raise BadRequest(
                f"Clone mode (zero_shot) needs the transcript of {voice.name!r}'s reference clip; "
                "add it, or use mode cross_lingual.",
                param="mode",
            )
        if mode == "instruct" and not (params.instruction or "").strip():
            raise BadRequest("Instruct mode needs an instruction.", param="instruction")
        if params.stream and params.speed != 1.0:
            raise BadRequest("Speed changes need a non-streaming request (stream: false).", param="speed")
        self._admit()
        try:
            prompt = self.prompt_path(voice.id, voice.name, model.family)
            seed = params.seed if params.seed is not None else secrets.randbelow(2**31)
            kwargs: dict[str, Any] = {
                "text": params.text,
                "voice": str(prompt),
                "mode": mode,
                "stream": params.stream,
                "speed": float(params.speed),
                "seed": int(seed),
            }
            if mode == "instruct":
                kwargs["instruction"] = params.instruction
            request = self.worker.synthesize(**kwargs)
        except BaseException:
            with self._lock:
                self._in_flight -= 1
            raise
        return ApiTake(request, params, voice.id, voice.name, mode, int(seed), model)

    def store(self, take: ApiTake) -> int:
        """Write a finished take to the library (source "api"). Blocking: call from a thread."""
        finished = take.finished
        assert finished is not None
        audio = take.audio()
        starts = [s.start_sample for s in take.segments] + [audio.size]
        segments = []
        for i, seg in enumerate(take.segments):
            start, end = starts[i], starts[i + 1]
            if end > start:
                segments.append(SegmentInput(seg.text, finished.seed, start_frame=start, end_frame=end))
            else:
                segments.append(SegmentInput(seg.text, finished.seed, audio=np.zeros(1, dtype=np.float32)))
        folder = take.model.folder
        if folder not in self._hashes:
            self._hashes[folder] = model_folder_hash(folder)
        stored = self.library.add_take(
            text=take.params.text,
            sample_rate=int(finished.sample_rate),
            audio=audio,
            voice_id=take.voice_id,
            mode=take.mode,
            instruction=(take.params.instruction or "") if take.mode == "instruct" else "",
            seed=int(finished.seed),
            speed=float(take.params.speed),
            model_family=take.model.family,
            model_hash=self._hashes[folder],
            engine_version=studio.__version__,
            timings={
                "first_audio_latency": round(finished.first_audio_latency, 4),
                "total_seconds": round(finished.total_seconds, 4),
                "lm_seconds": round(finished.lm_seconds, 4),
                "flow_seconds": round(finished.flow_seconds, 4),
                "vocoder_seconds": round(finished.vocoder_seconds, 4),
                "audio_seconds": round(finished.audio_seconds, 4),
                "token_count": finished.token_count,
                "stream": take.params.stream,
                "queue_seconds": round(time.monotonic() - take.submitted - finished.total_seconds, 4),
            },
            segments=segments,
            source="api",
        )
        take.take_id = stored.id
        with self._lock:
            self.counters.stored += 1
        if self.on_take_stored is not None:
            self.on_take_stored(stored.id)
        return stored.id

    def note_cancelled(self) -> None:
        with self._lock:
            self.counters.cancelled += 1

    def note_failed(self) -> None:
        with self._lock:
            self.counters.failed += 1
