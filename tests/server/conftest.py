"""A real engine worker with the golden CosyVoice 2 model, a temporary library, real uvicorn on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from studio.engine.worker import EngineWorker, Loaded
from studio.library import Library
from tests.conftest import CV2_MODEL, PROMPT_EN, PROMPT_EN_TEXT

SHORT = "Hi there."
LONG = "Hello there. This is a longer test of the speech server, sentence after sentence."


@pytest.fixture(scope="package")
def worker() -> Iterator[EngineWorker]:
    w = EngineWorker(name="engine-worker")
    result = w.load(CV2_MODEL, device="cpu", text_normalizer="rules").result(timeout=300)
    assert isinstance(result, Loaded), result
    w.call(lambda engine: __import__("torch").set_num_threads(1)).result(timeout=30)
    yield w
    w.shutdown()


@pytest.fixture(scope="package")
def library(tmp_path_factory) -> Iterator[Library]:
    lib = Library.open(tmp_path_factory.mktemp("server") / "library", durable=False)
    voice = lib.add_voice("Alice", language="en")
    lib.import_clip_file(voice.id, PROMPT_EN, transcript=PROMPT_EN_TEXT)
    other = lib.add_voice("Bob", language="en")
    lib.import_clip_file(other.id, PROMPT_EN)  # no transcript: cross-lingual by default
    yield lib
    lib.close()


def start_server(worker, library, **settings):
    from studio.server import ApiServer, ServerSettings, SpeechService

    max_queue = settings.pop("max_queue", 16)
    service = SpeechService(worker, library, max_queue=max_queue)
    server = ApiServer(service, ServerSettings(host="127.0.0.1", port=0, max_queue=max_queue, **settings))
    server.start()
    return server


@pytest.fixture(scope="package")
def server(worker, library):
    server = start_server(worker, library)
    yield server
    server.stop()


def post(url: str, body: dict, headers: dict | None = None, timeout: float = 120):
    """POST JSON with the standard library's client; returns (status, headers, bytes)."""
    parts = urlparse(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(
            "POST", parts.path, json.dumps(body), {"Content-Type": "application/json", **(headers or {})}
        )
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def get(url: str, headers: dict | None = None, timeout: float = 30):
    parts = urlparse(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("GET", parts.path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def wait_for(predicate, timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")
