"""Load test of the speech API on 127.0.0.1: N requests from C concurrent clients, bounded.

    python bench/bench_server.py --model ../shared/golden/cosyvoice2/model            # in the window
    python bench/bench_server.py --model DIR --requests 50 --clients 8 --no-window    # `serve` alone

With the window (default; offscreen without a display) the API runs from File → Serve on this
computer, on the window's own worker, while a 10 ms heartbeat timer measures how long the UI
thread is ever blocked (studio/ui/heartbeat.py); the HTTP clients run in a child process, as real
clients are other programs. `--stalls` also samples where the UI thread is whenever it is late.
Everything is temporary (library, settings).

Prints requests per minute, p50/p95/max latency, status counts, the library check (every request
stored exactly once as an API take), the load average before and after and, with the window, the
worst UI-thread gap during the load test next to an idle baseline of the same window.
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


def drive_in_subprocess(url: str, args, done: threading.Event, out: dict) -> None:
    """run_load in a child process (`--drive URL`); its JSON result into `out`."""
    import subprocess

    cmd = [sys.executable, __file__, "--drive", url, "--requests", str(args.requests)]
    cmd += ["--clients", str(args.clients), "--format", args.format]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
        if proc.returncode != 0:
            out["error"] = f"the load-test clients failed (exit code {proc.returncode})"
        else:
            data = json.loads(proc.stdout)
            out["wall"], out["results"] = data["wall"], [tuple(r) for r in data["results"]]
    finally:
        done.set()


def drive(url: str, args) -> int:
    """`--drive URL`: the clients alone, results as JSON on stdout (used by the window benchmark)."""
    out: dict = {}
    run_load(url, args.requests, args.clients, "Bench", args.format, threading.Event(), out)
    json.dump({"wall": out["wall"], "results": out["results"]}, sys.stdout)
    return 0


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


class StallProbe:
    """--stalls: where the UI thread is while it is late.

    A sampler thread looks every `period_ms`; while the heartbeat's last beat is more than `late_ms`
    old it records the UI thread's Python stack (innermost frames). A stack that ends in the event
    loop (`loop.exec`) means the UI thread ran no Python: Qt's own work, waiting for the GIL, or not
    scheduled by the OS (py-spy --idle/--gil tells these apart). Each sample stands for `period_ms`.
    """

    def __init__(self, beat, late_ms: float = 30.0, period_ms: float = 2.0, depth: int = 4):
        self.beat, self.late_ms, self.period_s, self.depth = beat, late_ms, period_ms / 1000, depth
        self.samples: list[tuple[float, str]] = []  # (the late beat's time, stack)
        self.blocked: list[tuple[float, list[str]]] = []  # the sampler itself late: (ms, busy threads)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="stall-probe", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _stack(self, frame) -> str:
        parts = []
        while frame is not None and len(parts) < self.depth:
            code = frame.f_code
            name = Path(code.co_filename).name
            parts.append(f"{name}:{code.co_name}:{frame.f_lineno}")
            frame = frame.f_back
        return " < ".join(parts)

    def _run(self) -> None:
        main = threading.main_thread().ident
        names = {}
        woke = time.perf_counter()
        while not self._stop.wait(self.period_s):
            now = time.perf_counter()
            overslept, woke = (now - woke) * 1000 - self.period_s * 1000, now
            if overslept > self.late_ms:  # this thread could not run either: who ran instead?
                names = {t.ident: t.name for t in threading.enumerate()}
                frames = sys._current_frames()
                others = [
                    f"{names.get(ident, ident)}: {self._stack(frame)}"
                    for ident, frame in frames.items()
                    if ident != threading.get_ident() and not self._waiting(frame)
                ]
                self.blocked.append((overslept, others))
            last = self.beat._last
            if last is None or (time.perf_counter() - last) * 1000 < self.late_ms:
                continue
            frame = sys._current_frames().get(main)
            self.samples.append((last, self._stack(frame) if frame is not None else "?"))

    @staticmethod
    def _waiting(frame) -> bool:
        """A thread parked in a blocking wait (it holds no GIL there)."""
        name = frame.f_code.co_name
        return name in ("wait", "_wait_for_tstate_lock", "get", "select", "poll", "accept", "_worker",
                        "run_forever", "_run_once", "sleep", "read", "readinto", "recv_into")  # fmt: skip

    def report(self, worst: int = 5, top: int = 10) -> None:
        if self.blocked:
            print(f"the sampler itself was late {len(self.blocked)} times (> {self.late_ms:.0f} ms); the longest, "
                  "with the threads not parked in a wait when it ran again:")  # fmt: skip
            for ms, others in sorted(self.blocked, key=lambda b: -b[0])[:worst]:
                print(f"  {ms:.0f} ms: " + (" | ".join(others) or "every thread parked (the OS ran others)"))
        if not self.samples:
            print(f"stall probe: the UI thread was never more than {self.late_ms:.0f} ms late")
            return
        ms = self.period_s * 1000
        by_stack: dict[str, int] = {}
        for _t, stack in self.samples:
            by_stack[stack] = by_stack.get(stack, 0) + 1
        print(
            f"stall probe: UI thread late > {self.late_ms:.0f} ms for ~{len(self.samples) * ms:.0f} ms; where:"
        )
        for stack, n in sorted(by_stack.items(), key=lambda kv: -kv[1])[:top]:
            print(f"  {n * ms:7.0f} ms  {stack}")
        stalls: dict[float, list[str]] = {}
        for t, stack in self.samples:
            stalls.setdefault(t, []).append(stack)
        print(f"the {worst} longest stalls (time late beyond {self.late_ms:.0f} ms, the stacks seen):")
        for _t, stacks in sorted(stalls.items(), key=lambda kv: -len(kv[1]))[:worst]:
            seen = sorted(set(stacks), key=stacks.count, reverse=True)
            print(f"  ~{len(stacks) * ms:.0f} ms: " + " | ".join(f"{stacks.count(x)}x {x}" for x in seen[:3]))


class GcPauses:
    """How long CPython's garbage collector stops the process (it holds the GIL while it runs, so a long
    collection on any thread is a stall of the UI thread too): gc.callbacks around each collection."""

    def __init__(self):
        self.pauses: list[tuple[int, float]] = []  # (generation, ms)
        self._t0 = 0.0

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            self.pauses.append((info["generation"], (time.perf_counter() - self._t0) * 1000))

    def start(self) -> None:
        import gc

        self.pauses = []
        gc.callbacks.append(self._callback)

    def stop(self) -> None:
        import gc

        if self._callback in gc.callbacks:
            gc.callbacks.remove(self._callback)

    def summary(self) -> str:
        parts = []
        for gen in (0, 1, 2):
            times = [ms for g, ms in self.pauses if g == gen]
            if times:
                parts.append(
                    f"gen {gen}: {len(times)}x, longest {max(times):.1f} ms, total {sum(times):.0f} ms"
                )
        return "; ".join(parts) or "no collections"


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load average unknown"
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


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
    from PySide6.QtCore import QEventLoop, QTimer

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
        """Run the window's own event loop (as app.exec() does) until `predicate()` holds."""
        if predicate():
            return
        deadline = time.monotonic() + timeout
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(20)

        def poll():
            if predicate() or time.monotonic() > deadline:
                loop.quit()

        check.timeout.connect(poll)
        check.start()
        loop.exec()
        check.stop()
        if not predicate():
            raise SystemExit(f"timed out waiting for {what}")

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
        if args.nice_worker:  # experiment: the engine worker thread at a lower OS priority (Linux)
            import threading as _t

            from studio.engine.worker import Done

            nice = args.nice_worker
            res = ctx.bridge.worker.call(
                lambda _e: os.setpriority(os.PRIO_PROCESS, _t.get_native_id(), nice)
            ).result(timeout=60)
            print(f"engine worker thread niceness +{nice}: {'ok' if isinstance(res, Done) else res}")
        if args.switch_interval:  # experiment: how often CPython hands the GIL over (default 5 ms)
            sys.setswitchinterval(args.switch_interval / 1000)
            print(f"GIL switch interval {sys.getswitchinterval() * 1000:.1f} ms")
        probe = StallProbe(beat) if args.stalls else None
        print(f"load test starts at {time.strftime('%H:%M:%S', time.gmtime())} UTC, {load_average()}")
        gc_pauses = GcPauses()
        gc_pauses.start()
        beat.start()
        if probe is not None:
            probe.start()
        done = threading.Event()
        out: dict = {}
        if args.same_process_clients:  # the clients' threads share the window's GIL (not realistic)
            load = threading.Thread(
                target=run_load, args=(url, args.requests, args.clients, "Bench", args.format, done, out)
            )
        else:  # the clients are another program, as in real use
            load = threading.Thread(target=drive_in_subprocess, args=(url, args, done, out))
        load.start()
        pump_until(done.is_set, 3600, "the load test")
        settle = time.monotonic() + 1.5  # let the last take-list refresh (once a second) happen
        pump_until(lambda: time.monotonic() > settle, 5, "settling")
        beat.stop()
        gc_pauses.stop()
        if probe is not None:
            probe.stop()
        load.join()
        if "error" in out:
            raise SystemExit(out["error"])
        print(f"load test ends at {time.strftime('%H:%M:%S', time.gmtime())} UTC, {load_average()}")
        ok = report(out, ctx.library, args.requests, args.clients)
        print(
            f"window UI thread while serving: {beat.summary()}; gaps over 50 ms: {sum(g > 50 for g in beat.gaps)}"
        )
        print(f"worst UI-thread gap during the load test: {beat.worst_ms:.1f} ms")
        print(f"garbage collections in the window's process meanwhile: {gc_pauses.summary()}")
        if probe is not None:
            probe.report()
        print(f"take list rows: {window.takes.tree.topLevelItemCount()}")
        return 0 if ok else 1
    finally:
        window.close()
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="model folder (e.g. ../shared/golden/cosyvoice2/model)")
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
    parser.add_argument(
        "--stalls",
        action="store_true",
        help="with the window: also sample where the UI thread is whenever it is over 30 ms late",
    )
    parser.add_argument(
        "--same-process-clients",
        action="store_true",
        help="with the window: run the HTTP clients as threads of the window's process (they then "
        "compete for its GIL; default: a separate process, as real clients are)",
    )
    parser.add_argument(
        "--nice-worker",
        type=int,
        default=0,
        metavar="N",
        help="experiment (Linux): run the engine worker thread at niceness +N during the load test",
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=0.0,
        metavar="MS",
        help="experiment: CPython's GIL switch interval during the load test (default: Python's, 5 ms)",
    )
    parser.add_argument("--drive", metavar="URL", help=argparse.SUPPRESS)  # the clients' own process
    args = parser.parse_args(argv)
    if args.drive:
        return drive(args.drive, args)
    if not args.model:
        parser.error("--model is required")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    workdir = Path(tempfile.mkdtemp(prefix="voice-studio-bench-server-"))
    try:
        return bench_without_window(args, workdir) if args.no_window else bench_in_window(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
