"""The HTTP API (FastAPI): OpenAI's `POST /v1/audio/speech` over the studio's library voices.

    POST /v1/audio/speech   {model, input, voice, response_format, speed, stream, mode, instruction, seed}
    GET  /v1/voices         the library's voices
    GET  /v1/models         the loaded model
    GET  /health            liveness, model, queue (no key needed)

Request fields follow OpenAI's speech endpoint: `input` is the text (at most 4096 characters),
`voice` a library voice name or id (OpenAI's own voice names such as "alloy" are not voices
here: 404), `response_format` wav|flac|mp3|pcm (default mp3, as OpenAI), `speed` 0.25-4.0.
`instructions` (OpenAI's field for gpt-4o-mini-tts) is accepted as our `instruction` and selects
instruct mode. Our own fields: `mode` (zero_shot, cross_lingual, instruct), `instruction`, `seed`,
and `stream`: true sends the audio as it is made (wav with an open-ended header, or raw pcm).

Errors are JSON in OpenAI's shape: `{"error": {"message", "type", "param", "code"}}`.
Responses carry `X-Sample-Rate`, `X-Seed`, and (non-streaming) `X-Take-Id`, the take's id in
the library.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import threading
from collections.abc import AsyncIterator
from typing import Any, Literal

import anyio
from fastapi import APIRouter, Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

import studio
from studio.engine.events import Cancelled, Finished, MelFrames, SpeechTokens
from studio.engine.worker import END, Failed
from studio.server.audio import FORMATS, MEDIA_TYPES, STREAM_FORMATS, encode, to_pcm16, wav_stream_header
from studio.server.service import (
    ApiTake,
    BadRequest,
    EngineFailure,
    QueueFull,
    ServiceError,
    SpeechParams,
    SpeechService,
    Unauthorized,
)
from studio.server.settings import ServerSettings

DISCONNECT_CHECK_S = 0.1


class SpeechRequest(BaseModel):
    """The body of POST /v1/audio/speech (OpenAI's fields, then ours)."""

    model_config = ConfigDict(extra="ignore")

    model: str = Field(..., min_length=1, max_length=200)
    input: str
    voice: str | int
    response_format: Literal["wav", "flac", "mp3", "pcm"] = "mp3"
    speed: float = Field(1.0, ge=0.25, le=4.0)
    stream: bool = False
    instructions: str | None = Field(None, max_length=4096)
    mode: Literal["zero_shot", "cross_lingual", "instruct"] | None = None
    instruction: str | None = Field(None, max_length=4096)
    seed: int | None = Field(None, ge=0, le=2**32 - 1)


def error_response(
    status: int, message: str, kind: str, code: str | None = None, param: str | None = None, headers=None
) -> JSONResponse:
    body = {"error": {"message": message, "type": kind, "param": param, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers)


class BodyLimit:
    """ASGI middleware: a request body over `limit` bytes gets an OpenAI-shaped 413; a declared
    Content-Length is refused before anything is read, a body without one once it passes the limit."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return await self._refuse(scope, receive, send)
        seen = 0
        started = False

        async def counting_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge()
            return message

        async def watching_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except _BodyTooLarge:
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope, receive, send):
        response = error_response(
            413,
            f"The request body is larger than {self.limit} bytes.",
            "invalid_request_error",
            code="request_too_large",
        )
        await response(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class TakeStream(StreamingResponse):
    """A streaming response that notices a client going away even while no audio is being sent
    (Starlette's own only notices on the next write), so the take is cancelled at once."""

    async def __call__(self, scope, receive, send):
        async with anyio.create_task_group() as group:

            async def stream() -> None:
                with contextlib.suppress(OSError):  # the client went away mid-write
                    await self.stream_response(send)
                group.cancel_scope.cancel()

            group.start_soon(stream)
            await self.listen_for_disconnect(receive)
            group.cancel_scope.cancel()


def create_app(service: SpeechService, settings: ServerSettings | None = None) -> FastAPI:
    """The FastAPI app serving `service` with `settings`' key and limits."""
    settings = settings or ServerSettings()
    app = FastAPI(
        title="Voice Studio speech API",
        version=studio.__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.service = service
    app.state.settings = settings
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)

    def require_key(authorization: str | None = Header(None)) -> None:
        if not settings.api_key:
            return
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            token.strip().encode(), settings.api_key.encode()
        ):
            raise Unauthorized(
                "A valid API key is needed: send 'Authorization: Bearer KEY'.", code="invalid_api_key"
            )

    v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_key)])

    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, err: ServiceError):
        headers = None
        if isinstance(err, QueueFull):
            headers = {"Retry-After": str(err.retry_after)}
        elif isinstance(err, Unauthorized):
            headers = {"WWW-Authenticate": "Bearer"}
        return error_response(err.status, str(err), err.kind, err.code, err.param, headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, err: RequestValidationError):
        first = err.errors()[0] if err.errors() else {}
        loc = [str(part) for part in first.get("loc", ()) if part != "body"]
        param = ".".join(loc) or None
        message = first.get("msg", "The request is not valid.")
        if first.get("type") == "json_invalid":
            message = "The request body is not valid JSON."
        elif param:
            message = f"{param}: {message}"
        return error_response(400, message, "invalid_request_error", code="invalid_value", param=param)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, err: StarletteHTTPException):
        kind = "not_found_error" if err.status_code == 404 else "invalid_request_error"
        message, code = str(err.detail), None
        if err.status_code == 404:
            message = "There is no such endpoint."
        elif err.status_code == 413:
            message = f"The request body is larger than {settings.max_body_bytes} bytes."
            code = "request_too_large"
        return error_response(err.status_code, message, kind, code)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, err: Exception):
        return error_response(500, f"The server failed: {type(err).__name__}: {err}", "server_error")

    @app.get("/health")
    async def health():
        model = service.model()
        return {
            "status": "ok",
            "version": studio.__version__,
            "model": model.id if model else None,
            "family": model.family if model else None,
            "queue": {"in_flight": service.in_flight, "max": service.max_queue},
        }

    @v1.get("/models")
    async def models():
        model = service.model()
        data = []
        if model is not None:
            data.append(
                {
                    "id": model.id,
                    "object": "model",
                    "created": 0,
                    "owned_by": "voice-studio",
                    "family": model.family,
                    "sample_rate": model.sample_rate,
                }
            )
        return {"object": "list", "data": data}

    @v1.get("/voices")
    async def voices():
        data = await anyio.to_thread.run_sync(service.voices)
        return {"object": "list", "data": data}

    @v1.post("/audio/speech")
    async def speech(body: SpeechRequest, request: Request):
        params = _params(body, settings)
        take: ApiTake = await anyio.to_thread.run_sync(service.submit, params, body.model)
        take.pipe = EventPipe(take, asyncio.get_running_loop())
        try:
            first = await _next_events(take, request)  # waits while the take is queued
        except _ClientGone:
            _abandon(service, take)
            return Response(status_code=499)
        except BaseException:
            _abandon(service, take)
            raise
        headers = {"X-Sample-Rate": str(take.model.sample_rate), "X-Seed": str(take.seed)}
        failure = next((e for e in first if isinstance(e, Failed)), None)
        if failure is not None:
            _abandon(service, take, failed=True)
            raise (BadRequest if failure.user_error else EngineFailure)(failure.message)
        if body.stream:
            return TakeStream(
                _stream(service, take, first, body.response_format),
                media_type=MEDIA_TYPES[body.response_format],
                headers=headers,
            )
        return await _whole(service, take, first, body.response_format, request, headers)

    app.include_router(v1)
    return app


def _params(body: SpeechRequest, settings: ServerSettings) -> SpeechParams:
    text = body.input
    if not text.strip():
        raise BadRequest("'input' is empty; give the text to speak.", param="input")
    if len(text) > settings.max_text_chars:
        raise BadRequest(
            f"'input' is {len(text)} characters long; the limit is {settings.max_text_chars}.",
            param="input",
            code="string_above_max_length",
        )
    if body.stream and body.response_format not in STREAM_FORMATS:
        raise BadRequest(
            f"Streaming sends {' or '.join(STREAM_FORMATS)}; ask for one of them, or stream: false "
            f"for {body.response_format}.",
            param="response_format",
        )
    assert body.response_format in FORMATS
    instruction = body.instruction or body.instructions
    mode = body.mode or ("instruct" if instruction else None)
    return SpeechParams(
        text=text,
        voice=str(body.voice),
        mode=mode,
        instruction=instruction,
        speed=float(body.speed),
        seed=body.seed,
        stream=body.stream,
    )


class _ClientGone(Exception):
    pass


class EventPipe:
    """Carries a take's worker events into the event loop.

    A thread blocks on the worker request's queue (no polling, no GIL while it waits) and hands
    each event the API uses to the loop; SpeechTokens and MelFrames (for the window's live views)
    are dropped there. END follows the last event.
    """

    def __init__(self, take: ApiTake, loop: asyncio.AbstractEventLoop):
        self.queue: asyncio.Queue = asyncio.Queue()
        self._loop = loop
        threading.Thread(
            target=self._run, args=(take,), name=f"api-take-{take.request.id}", daemon=True
        ).start()

    def _put(self, item: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed (server stopped)
            self._loop.call_soon_threadsafe(self.queue.put_nowait, item)

    def _run(self, take: ApiTake) -> None:
        try:
            for event in take.request.events():
                if not isinstance(event, (SpeechTokens, MelFrames)):
                    self._put(event)
        finally:
            self._put(END)


async def _next_events(take: ApiTake, request: Request | None = None) -> list[Any]:
    """The take's next events (at least one), waiting until there are some.

    With `request`, raises _ClientGone when the client disconnects meanwhile (checked every 0.1 s).
    """
    queue = take.pipe.queue
    while True:
        try:
            items = [await asyncio.wait_for(queue.get(), DISCONNECT_CHECK_S if request else None)]
        except TimeoutError:
            if request is not None and await request.is_disconnected():
                raise _ClientGone() from None
            continue
        while not queue.empty():
            items.append(queue.get_nowait())
        return items


def _abandon(service: SpeechService, take: ApiTake, failed: bool = False) -> None:
    take.cancel()
    service.release(take)
    if failed:
        service.note_failed()
    else:
        service.note_cancelled()


async def _finish(service: SpeechService, take: ApiTake) -> int:
    """Store the finished take (on a thread; it completes even if the client has gone)."""
    service.release(take)
    return await anyio.to_thread.run_sync(service.store, take, abandon_on_cancel=False)


async def _whole(
    service: SpeechService, take: ApiTake, events: list[Any], fmt: str, request: Request, headers: dict
) -> Response:
    """Wait for the whole take (cancelling it if the client goes away), then answer one file."""
    try:
        while True:
            for event in events:
                if event is END:
                    raise EngineFailure("The take ended without audio.")
                take.feed(event)
                if isinstance(event, Finished):
                    take_id = await _finish(service, take)
                    data = await anyio.to_thread.run_sync(encode, take.audio(), take.sample_rate, fmt)
                    headers["X-Take-Id"] = str(take_id)
                    return Response(data, media_type=MEDIA_TYPES[fmt], headers=headers)
                if isinstance(event, Cancelled):
                    _abandon(service, take)
                    raise EngineFailure("The take was cancelled on the server.")
                if isinstance(event, Failed):
                    _abandon(service, take, failed=True)
                    raise (BadRequest if event.user_error else EngineFailure)(event.message)
            try:
                events = await _next_events(take, request)
            except _ClientGone:
                _abandon(service, take)
                return Response(status_code=499)
    except BaseException:
        if take.finished is None and not take._released:
            _abandon(service, take)
        raise


async def _stream(service: SpeechService, take: ApiTake, events: list[Any], fmt: str) -> AsyncIterator[bytes]:
    """The take's audio as it is made; a client that goes away cancels the take (finally)."""
    try:
        if fmt == "wav":
            yield wav_stream_header(take.model.sample_rate)
        while True:
            for event in events:
                if event is END:
                    return
                samples = take.feed(event)
                if samples is not None and samples.size:
                    yield to_pcm16(samples)
                elif isinstance(event, Finished):
                    await _finish(service, take)
                    return
                elif isinstance(event, (Cancelled, Failed)):
                    # headers are sent: the stream ends early (the client sees a short take)
                    _abandon(service, take, failed=isinstance(event, Failed))
                    return
            events = await _next_events(take)
    finally:
        if take.finished is None and not take._released:
            _abandon(service, take)
