"""The speech API against a real uvicorn server on 127.0.0.1 and the golden CosyVoice 2 model."""

from __future__ import annotations

import http.client
import io
import json
import threading
from urllib.parse import urlparse

import numpy as np
import pytest
import soundfile as sf

from studio.engine.worker import Done
from studio.server.settings import ServerConfigError, ServerSettings
from tests.conftest import CV2_MODEL
from tests.server.conftest import LONG, SHORT, get, post, start_server, wait_for


def _error(body: bytes) -> dict:
    data = json.loads(body)
    assert set(data) == {"error"} and {"message", "type", "param", "code"} <= set(data["error"])
    return data["error"]


def test_the_openai_client_gets_a_wav_that_decodes_and_the_take_is_in_the_library(server, library):
    from openai import OpenAI

    before = library.count_takes()
    client = OpenAI(base_url=server.url + "/v1", api_key="not-needed-on-localhost", max_retries=0)
    response = client.audio.speech.create(
        model="tts-1", voice="Alice", input=SHORT, response_format="wav", extra_body={"seed": 5}
    )
    data = response.read()
    audio, rate = sf.read(io.BytesIO(data), dtype="float32")
    assert rate == 24000 and audio.ndim == 1 and audio.size > 2400
    take_id = int(response.response.headers["x-take-id"])
    assert library.count_takes() == before + 1
    take = library.get_take(take_id)
    assert (take.source, take.voice_name, take.text, take.seed, take.mode) == (
        "api", "Alice", SHORT, 5, "zero_shot"
    )  # fmt: skip
    stored, _ = library.take_audio(take)
    assert stored.shape == audio.shape and np.abs(stored - audio).max() < 1e-3  # 16-bit rounding only


def test_voices_and_models_are_listed(server):
    status, _, body = get(server.url + "/v1/voices")
    assert status == 200
    voices = {v["name"]: v for v in json.loads(body)["data"]}
    assert voices["Alice"]["default_mode"] == "zero_shot"
    assert voices["Bob"]["default_mode"] == "cross_lingual"
    status, _, body = get(server.url + "/v1/models")
    models = json.loads(body)["data"]
    assert status == 200 and models[0]["family"] == "cosyvoice2" and models[0]["id"] == CV2_MODEL.name
    status, _, body = get(server.url + "/health")
    assert status == 200 and json.loads(body)["family"] == "cosyvoice2"


def test_streaming_sends_audio_before_the_take_is_finished(server, library, worker):
    service = server.service
    parts = urlparse(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    body = {"model": "tts-1", "voice": "Alice", "input": LONG, "response_format": "wav", "stream": True}
    conn.request("POST", "/v1/audio/speech", json.dumps(body), {"Content-Type": "application/json"})
    resp = conn.getresponse()
    assert resp.status == 200 and resp.getheader("Content-Type") == "audio/wav"
    stored_before = service.counters.stored
    data = b""
    while len(data) <= 44:  # the header, then the first audio
        chunk = resp.read1(65536)
        assert chunk, "the stream ended before any audio"
        data += chunk
    # first audio is here while the take is still being made
    assert worker.busy and service.counters.stored == stored_before
    data += resp.read()
    conn.close()
    assert service.counters.stored == stored_before + 1
    audio, rate = sf.read(io.BytesIO(data), dtype="float32")
    take = library.list_takes(limit=1)[0]
    assert take.source == "api" and take.text == LONG
    assert rate == 24000 and audio.size == take.frames


def test_a_client_that_disconnects_cancels_its_take(server, library, worker):
    service = server.service
    takes, cancelled = library.count_takes(), service.counters.cancelled
    parts = urlparse(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    body = {"model": "tts-1", "voice": "Alice", "input": LONG, "response_format": "pcm", "stream": True}
    conn.request("POST", "/v1/audio/speech", json.dumps(body), {"Content-Type": "application/json"})
    resp = conn.getresponse()
    assert resp.status == 200 and resp.read1(65536)  # audio is flowing
    conn.sock.shutdown(2)
    conn.close()
    wait_for(lambda: service.counters.cancelled == cancelled + 1, 30, "the take to be cancelled")
    # the worker is free again at once (the take was stopped, not run to its end)
    assert isinstance(worker.call(lambda engine: 1).result(timeout=5), Done)
    assert library.count_takes() == takes and service.in_flight == 0


def test_a_queued_request_whose_client_gives_up_never_runs(server, library, worker):
    service = server.service
    takes, cancelled = library.count_takes(), service.counters.cancelled
    service.prompt_path(library.find_voice("Alice").id, "Alice", "cosyvoice2")  # prepared before the gate
    gate = threading.Event()
    blocker = worker.call(lambda engine: gate.wait(60))
    try:
        with pytest.raises(TimeoutError):  # the client gives up while its take waits in the queue
            post(
                server.url + "/v1/audio/speech",
                {"model": "tts-1", "voice": "Alice", "input": SHORT},
                timeout=1,
            )
    finally:
        wait_for(lambda: service.counters.cancelled == cancelled + 1, 30, "the queued take to be cancelled")
        gate.set()
    blocker.result(timeout=30)
    assert library.count_takes() == takes and service.in_flight == 0


def test_a_full_queue_answers_429_with_retry_after(worker, library):
    server = start_server(worker, library, max_queue=1)
    gate = threading.Event()
    blocker = worker.call(lambda engine: gate.wait(60))
    first: dict = {}
    body = {"model": "tts-1", "voice": "Alice", "input": SHORT, "response_format": "pcm"}
    thread = threading.Thread(target=lambda: first.update(r=post(server.url + "/v1/audio/speech", body)))
    try:
        thread.start()
        wait_for(lambda: server.service.in_flight == 1, 30, "the first request to be queued")
        status, headers, data = post(server.url + "/v1/audio/speech", body)
        assert status == 429 and int(headers["retry-after"]) >= 1
        assert _error(data)["type"] == "rate_limit_error"
    finally:
        gate.set()
        thread.join(120)
        server.stop()
    blocker.result(timeout=30)
    assert first["r"][0] == 200 and len(first["r"][2]) > 0


@pytest.mark.parametrize("voice", ["../../etc/passwd", "/etc/passwd", "alloy", "..%2F..%2Fetc"])
def test_a_voice_that_is_not_in_the_library_is_404(server, library, voice):
    takes = library.count_takes()
    status, _, body = post(
        server.url + "/v1/audio/speech", {"model": "tts-1", "voice": voice, "input": SHORT}
    )
    error = _error(body)
    assert status == 404 and error["code"] == "voice_not_found" and error["param"] == "voice"
    assert "passwd" not in body.decode() or "no voice called" in error["message"]
    assert library.count_takes() == takes


def test_bad_requests_get_openai_shaped_errors(server):
    url = server.url + "/v1/audio/speech"
    cases = [
        ({"model": "tts-1", "voice": "Alice", "input": "x" * 5000}, 400, "input"),
        ({"model": "tts-1", "voice": "Alice", "input": " "}, 400, "input"),
        ({"model": "tts-1", "voice": "Alice", "input": SHORT, "stream": True}, 400, "response_format"),
        ({"model": "tts-1", "voice": "Alice", "input": SHORT, "speed": 9}, 400, "speed"),
        (
            {"model": "tts-1", "voice": "Alice", "input": SHORT, "response_format": "opus"},
            400,
            "response_format",
        ),
        ({"model": "tts-1", "voice": "Alice", "input": SHORT, "mode": "instruct"}, 400, "instruction"),
        ({"model": "gpt-5", "voice": "Alice", "input": SHORT}, 404, "model"),
        ({"voice": "Alice", "input": SHORT}, 400, "model"),
    ]
    for body, status, param in cases:
        got, _, data = post(url, body)
        assert (got, _error(data)["param"]) == (status, param), body
    got, _, data = post(url, {"model": "tts-1", "voice": "Alice", "input": "x" * 70_000})
    assert got == 413 and _error(data)["code"] == "request_too_large"
    assert server.service.in_flight == 0


def test_an_api_key_is_required_when_set(worker, library):
    server = start_server(worker, library, api_key="k" * 24)
    try:
        status, headers, body = get(server.url + "/v1/voices")
        assert (
            status == 401
            and _error(body)["code"] == "invalid_api_key"
            and "Bearer" in headers["www-authenticate"]
        )
        status, _, _ = get(server.url + "/v1/voices", {"Authorization": "Bearer wrong-key-wrong-key"})
        assert status == 401
        status, _, body = get(server.url + "/v1/voices", {"Authorization": "Bearer " + "k" * 24})
        assert status == 200 and "Alice" in body.decode()
        assert get(server.url + "/health")[0] == 200
    finally:
        server.stop()


def test_a_non_local_address_without_a_key_refuses_to_start(capsys):
    from studio.cli import main

    for host in ("0.0.0.0", "192.168.1.20", "::", "example.org"):
        with pytest.raises(ServerConfigError, match="--api-key"):
            ServerSettings(host=host).checked()
    ServerSettings(host="0.0.0.0", api_key="a-long-enough-secret-key").checked()
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        ServerSettings(host=host).checked()
    with pytest.raises(ServerConfigError, match="16 characters"):
        ServerSettings(api_key="short").checked()
    # the command refuses before loading anything
    code = main(["serve", "--model", str(CV2_MODEL), "--host", "0.0.0.0", "--port", "8765"])
    err = capsys.readouterr().err
    assert code == 2 and "needs an API key" in err and err.count("\n") == 1
