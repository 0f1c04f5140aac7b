"""`voice-studio serve` as a real process (`python -m studio serve`) on 127.0.0.1: it answers /health
and a speech request, and SIGTERM / Ctrl+C (SIGINT) stop it cleanly (exit code 0, no traceback)."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import threading
import time

import pytest
import soundfile as sf

from studio.library import Library
from tests.conftest import CV2_MODEL, PROMPT_EN, PROMPT_EN_TEXT, REPO
from tests.server.conftest import get, post

URL_LINE = re.compile(r"Voice Studio speech API: (http://127\.0\.0\.1:\d+)/v1/audio/speech")


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    env.pop("VOICE_STUDIO_API_KEY", None)
    return env


class ServeProcess:
    """`python -m studio serve ...` with its stderr read on a thread (so the pipe never fills)."""

    def __init__(self, *args: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "studio", "serve", *args],
            cwd=REPO,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []  # stderr, line by line as it comes
        self.out_lines: list[str] = []
        # Both pipes are drained by threads and only by them: `communicate()` would read stderr
        # too, and the lines it took (uvicorn's last ones) would never reach `lines`.
        self._readers = [
            threading.Thread(target=self._read, args=(self.proc.stderr, self.lines), daemon=True),
            threading.Thread(target=self._read, args=(self.proc.stdout, self.out_lines), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _read(pipe, lines: list[str]) -> None:
        for line in pipe:
            lines.append(line)

    @property
    def out(self) -> str:
        return "".join(self.out_lines)

    def url(self, timeout: float = 180.0) -> str:
        """The address the server printed once it listens."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if match := URL_LINE.search(line):
                    return match.group(1)
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.kill()
        pytest.fail("the server did not start:\n" + "".join(self.lines))

    def stop(self, sig: int, timeout: float = 60.0) -> tuple[int, str]:
        """Send `sig`, wait for the exit; (exit code, everything on stderr)."""
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(
                f"the server did not stop within {timeout} s of signal {sig}:\n" + "".join(self.lines)
            )
        for reader in self._readers:  # the pipes close with the process: read to the end
            reader.join(10)
        return self.proc.returncode, "".join(self.lines)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(30)


@pytest.fixture
def voice_library(tmp_path):
    folder = tmp_path / "library"
    with Library.open(folder, durable=False) as lib:
        voice = lib.add_voice("Alice", language="en")
        lib.import_clip_file(voice.id, PROMPT_EN, transcript=PROMPT_EN_TEXT)
    return folder


def _wait_healthy(url: str, timeout: float = 30.0) -> dict:
    import json

    deadline = time.monotonic() + timeout
    while True:
        try:
            status, _, body = get(url + "/health", timeout=5)
            if status == 200:
                return json.loads(body)
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{url}/health did not answer 200 within {timeout} s")
        time.sleep(0.1)


SERVE_ARGS = ("--device", "cpu", "--normalizer", "rules", "--host", "127.0.0.1", "--port", "0")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_serve_command_answers_and_stops_cleanly_on_a_signal(voice_library, sig):
    server = ServeProcess("--model", str(CV2_MODEL), "--library", str(voice_library), *SERVE_ARGS)
    try:
        url = server.url()
        assert _wait_healthy(url)["family"] == "cosyvoice2"
        if sig == signal.SIGTERM:  # one real speech request (the SIGINT run only checks the stop)
            status, headers, data = post(
                url + "/v1/audio/speech",
                {
                    "model": "tts-1",
                    "voice": "Alice",
                    "input": "Hi there.",
                    "response_format": "wav",
                    "seed": 3,
                },
            )
            assert status == 200, data[:300]
            audio, rate = sf.read(io.BytesIO(data), dtype="float32")
            assert rate == 24000 and audio.size > 2400
            take_id = int(headers["x-take-id"])
        code, stderr = server.stop(sig)
    finally:
        server.kill()
    assert code == 0, stderr
    assert "Traceback" not in stderr and "Traceback" not in server.out, stderr
    assert "Finished server process" in stderr  # uvicorn's graceful shutdown ran to the end
    if sig == signal.SIGTERM:
        with Library.open(voice_library) as lib:  # the take is in the library, which was closed cleanly
            take = lib.get_take(take_id)
            assert (take.source, take.voice_name, take.seed) == ("api", "Alice", 3)


def test_the_serve_command_refuses_a_non_local_address_without_a_key(voice_library):
    proc = subprocess.run(
        [sys.executable, "-m", "studio", "serve", "--model", str(CV2_MODEL), "--library", str(voice_library),
         "--host", "0.0.0.0", "--port", "0"],
        cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("voice-studio: error: Serving on 0.0.0.0") and "--api-key" in lines[0]
    assert "Traceback" not in proc.stderr and proc.stdout == ""
