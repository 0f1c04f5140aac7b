"""Load test of the speech API on 127.0.0.1: N requests from C concurrent clients, bounded.

    python bench/bench_server.py --model ../shared/golden/cosyvoice2/model            # in the window
    python bench/bench_server.py --model DIR --requests 50 --clients 8 --no-window    # `serve` alone

With the window (default; offscreen without a display) the API runs from File → Serve on this
computer, on the window's own worker, while a 10 ms heartbeat timer measures how long the UI
thread is ever blocked (studio/ui/heartbeat.py). Everything is temporary (library, settings).

Prints requests per minute, p50/p95/max latency, status counts, the library check (every request
stored exactly once as an API take) and, with the window, the worst UI-thread gap.
Exit code 0 when every request was answered 200 and stored exactly once.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("VOICE_STUDIO_SHARED", REPO.parent / "shared"))
PROMPT = SHARED / "golden" / "audio" / "prompt_en_shared.wav"
PROMPT_TEXT = "Hello, this is a tiny voice cloning test."


def one_request(url: str, i: int, voice: str, fmt: str) -> tuple[int, float, int, str]:
    """(status, seconds, bytes, text) for request i (the error body is printed when not 200)."""
    text = f"Request {i}."
    parts = urlparse(url)
    body = {"model": "tts-1", "voice": voice, "input": text, "response_format": fmt, "seed": i}
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    try:
        conn.request("POST", "/v1/audio/speech", json.dumps(body), {"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            print(f"request {i}: HTTP {resp.status}: {data[:300]!r}", file=sys.stderr)
        return resp.status, time.perf_counter() - t0, len(data), text
    finally:
        conn.close()


def run_load(url: str, requests: int, clients: int, voice: str, fmt: str, done: threading.Event, out: dict):
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(lambda i: one_request(url, i, voice, fmt), range(requests)))
    out["wall"] = time.perf_counter() - t0
    out["results"] = results
    done.set()


def report(out: dict, library, requests: int, clients: int) -> bool:
    results = out["results"]
    latencies = np.array([r[1] for r in results])
    statuses: dict[int, int] = {}
    for r in results:
        statuses[r[0]] = statuses.get(r[0], 0) + 1
    wall = out["wall"]
    print(
        f"{requests} requests from {clients} clients in {wall:.1f} s: {requests / wall * 60:.1f} requests/min"
    )
    print(
        f"latency p50 {np.percentile(latencies, 50):.2f} s, p95 {np.percentile(latencies, 95):.2f} s, "
        f"max {latencies.max():.2f} s; statuses {statuses}"
    )
    takes = [t for t in library.list_takes(limit=None) if t.source == "api"]
    texts = sorted(t.text for t in takes)
    wanted = sorted(r[3] for r in results)
    lost = sorted(set(wanted) - set(texts))
    dup = sorted({t for t in texts if texts.count(t) > 1})
    print(
        f"library: {len(takes)} API takes for {requests} requests; lost {lost or 'none'}; duplicated {dup or 'none'}"
    )
    return statuses == {200: requests} and not lost and not dup and len(takes) == requests


def bench_without_window(args, workdir: Path) -> int:
    from studio.engine.worker import EngineWorker, Loaded
    from studio.library import Library
    from studio.server import ApiServer, ServerSettings, SpeechService

    library = Library.open(workdir / "library")
    voice = library.add_voice("Bench")
    library.import_clip_file(voice.id, PROMPT, transcript=PROMPT_TEXT)
    worker = EngineWorker()
    loaded = worker.load(args.model, device=args.device, text_normalizer="rules").result()
    if not isinstance(loaded, Loaded):
        print(f"model failed to load: {loaded}", file=sys.stderr)
        return 1
    server = ApiServer(SpeechService(worker, library, max_queue=args.clients * 2), ServerSettings(port=0))
    server.start()
    out: dict = {}
    try:
        run_load(server.url, args.requests, args.clients, "Bench", args.format, threading.Event(), out)
        ok = report(out, library, args.requests, args.clients)
    finally:
        server.stop()
        worker.shutdown()
        library.close()
    return 0 if ok else 1


def bench_in_window(args, workdir: Path) -> int:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["VOICE_STUDIO_SETTINGS"] = str(workdir / "settings.ini")
    from PySide6.QtWidgets import QApplication

    from studio.library import Library
    from studio.ui.app import build_window, create_application
    from studio.ui.heartbeat import Heartbeat

    app = create_application()
    library_dir = workdir / "library"
    with Library.open(library_dir) as lib:
        voice = lib.add_voice("Bench")
        lib.import_clip_file(voice.id, PROMPT, transcript=PROMPT_TEXT)
    ctx, window = build_window(library_dir)
    window.show()
    ctx.settings.set("server/port", 0)
    ctx.settings.set("ui/autoplay", False)

    def pump_until(predicate, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.005)

    try:
        window.load_model(args.model)
        pump_until(lambda: ctx.bridge.loaded is not None and ctx.bridge.device_description, 600, "the model")
        window.serve.action.setChecked(True)
        pump_until(lambda: window.serve.server is not None, 60, "the server")
        url = window.serve.url
        # warm: prepare the voice once (as the first API request would), outside the measurement
        warm = one_request(url, 10_000, "Bench", args.format)
        if warm[0] != 200:
            raise SystemExit(f"the warm-up request failed with HTTP {warm[0]}")
        pump_until(lambda: window.serve.api_takes >= 1, 60, "the warm-up take")
        for take in ctx.library.list_takes(limit=None):
            ctx.library.delete_take(take.id)
        beat = Heartbeat()
        if args.baseline > 0:  # the same window, idle, on the same machine: what the OS alone costs
            beat.start()
            settle = time.monotonic() + args.baseline
            pump_until(lambda: time.monotonic() > settle, args.baseline + 5, "the idle baseline")
            beat.stop()
            idle = sum(g > 50 for g in beat.gaps)
            print(
                f"window UI thread idle ({args.baseline:.0f} s baseline): {beat.summary()}; gaps over 50 ms: {idle}"
            )
        beat.start()
        done = threading.Event()
        out: dict = {}
        load = threading.Thread(
            target=run_load, args=(url, args.requests, args.clients, "Bench", args.format, done, out)
        )
        load.start()
        pump_until(done.is_set, 3600, "the load test")
        settle = time.monotonic() + 1.5  # let the last take-list refresh (once a second) happen
        pump_until(lambda: time.monotonic() > settle, 5, "settling")
        beat.stop()
        load.join()
        ok = report(out, ctx.library, args.requests, args.clients)
        print(
            f"window UI thread while serving: {beat.summary()}; gaps over 50 ms: {sum(g > 50 for g in beat.gaps)}"
        )
        print(f"take list rows: {window.takes.tree.topLevelItemCount()}")
        return 0 if ok else 1
    finally:
        window.close()
        QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--model", required=True, help="model folder (e.g. ../shared/golden/cosyvoice2/model)"
    )
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--format", default="wav", choices=["wav", "flac", "mp3", "pcm"])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--no-window", action="store_true", help="serve without the window (no heartbeat)")
    parser.add_argument(
        "--baseline",
        type=float,
        default=10.0,
        help="seconds of idle heartbeat first, for comparison (0: none)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    workdir = Path(tempfile.mkdtemp(prefix="voice-studio-bench-server-"))
    try:
        return bench_without_window(args, workdir) if args.no_window else bench_in_window(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
