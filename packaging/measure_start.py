"""Measure the time from launching Voice Studio to its window being shown, under a virtual X server.

    python packaging/measure_start.py                 # the frozen app, dist/voice-studio/voice-studio
    python packaging/measure_start.py --source        # from source: python -m studio.cli
    python packaging/measure_start.py --app PATH      # another frozen executable
    python packaging/measure_start.py --command CMD   # any command that prints the probe line

The app is started with the hidden flag `--startup-probe`: after the main window's first show it
prints `startup-probe: window shown <seconds since process start>` and exits 0. This script times
each launch (wall clock, from just before the process is spawned to the moment that line is read)
and also reports the seconds the app printed. Runs are sequential (default 3); the median is the
figure to report. An Xvfb server is started once for all runs (`-displayfd` picks a free display)
and the app uses Qt's xcb platform on it, so the window is really mapped; `--display :N` uses an
existing X server instead and `--platform offscreen` skips X altogether.

Exit status: 0 when every run printed the probe line, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import queue
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = "startup-probe: window shown"
DEFAULT_APP = ROOT / "dist" / "voice-studio" / ("voice-studio.exe" if os.name == "nt" else "voice-studio")


class Xvfb:
    """A private Xvfb server for the measurement, on a display number it picks itself."""

    def __init__(self, size: str = "1920x1080x24") -> None:
        if not shutil.which("Xvfb"):
            raise SystemExit("measure_start: Xvfb is not installed (apt-get install xvfb), or pass --display")
        read_fd, write_fd = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", size, "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # written once the server accepts connections
        if not number:
            self.stop()
            raise SystemExit("measure_start: Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _pump(stream, lines: queue.Queue) -> None:
    for line in iter(stream.readline, ""):
        lines.put(line)
    lines.put(None)


def measure_once(cmd: list[str], env: dict[str, str], timeout: float, cwd: Path) -> dict:
    """One launch: seconds until the probe line, the seconds the app printed, and its exit status."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    err_lines: queue.Queue = queue.Queue()
    threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True).start()
    err_reader = threading.Thread(target=_pump, args=(proc.stderr, err_lines), daemon=True)
    err_reader.start()
    result: dict = {"wall_s": None, "reported_s": None}
    deadline = start + timeout
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.perf_counter()))
        except queue.Empty:
            result["error"] = f"no '{PROBE}' line within {timeout:.0f} s"
            break
        if line is None:
            result["error"] = f"the command ended without printing '{PROBE}'"
            break
        if line.startswith(PROBE):
            result["wall_s"] = time.perf_counter() - start
            result["line"] = line.rstrip()
            with contextlib.suppress(IndexError, ValueError):
                result["reported_s"] = float(line[len(PROBE) :].split()[0])
            break
    try:
        result["exit"] = proc.wait(timeout=30 if result["wall_s"] is not None else 0.1)
    except subprocess.TimeoutExpired:
        proc.kill()
        result["exit"] = proc.wait()
        if result["wall_s"] is not None:
            result["error"] = "the app printed the probe line but did not exit within 30 s"
    if result["exit"] != 0:
        result["error"] = f"{result.get('error', 'the app failed')} (exit status {result['exit']})"
    if "error" in result:
        err_reader.join(timeout=5)
        tail = []
        while not err_lines.empty():
            tail.append(err_lines.get() or "")
        result["stderr_tail"] = "".join(tail)[-2000:]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--app", type=Path, help=f"frozen executable (default {DEFAULT_APP.relative_to(ROOT)})")
    what.add_argument("--source", action="store_true", help="run from source: python -m studio.cli")
    what.add_argument("--command", help="measure this command line as it is (no flag is added)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=180, help="seconds per run (default 180)")
    parser.add_argument("--display", help="use this X display instead of starting Xvfb")
    parser.add_argument("--platform", default="xcb", help="QT_QPA_PLATFORM for the app (default xcb)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()

    env = dict(os.environ)
    if args.command:
        cmd = shlex.split(args.command)
        label = args.command
    elif args.source:
        cmd = [sys.executable, "-m", "studio.cli", "--startup-probe"]
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        label = "source: python -m studio.cli"
    else:
        app = (args.app or DEFAULT_APP).resolve()
        if not app.is_file():
            parser.error(f"{app} does not exist: build it with `python packaging/build.py`, or use --source")
        cmd = [str(app), "--startup-probe"]
        env.pop("PYTHONPATH", None)
        label = f"frozen: {app}"
    env["QT_QPA_PLATFORM"] = args.platform

    server = None
    if args.platform == "xcb":
        if args.display:
            env["DISPLAY"] = args.display
        else:
            server = Xvfb()
            env["DISPLAY"] = server.display
        env.pop("WAYLAND_DISPLAY", None)
    print(
        f"measuring {label} ({args.runs} runs, QT_QPA_PLATFORM={args.platform}, DISPLAY={env.get('DISPLAY', '-')})"
    )
    results = []
    try:
        for n in range(1, args.runs + 1):
            r = measure_once(cmd, env, args.timeout, ROOT)
            results.append(r)
            if "error" in r:
                print(f"run {n}: FAILED: {r['error']}")
                if r.get("stderr_tail"):
                    print(r["stderr_tail"].rstrip(), file=sys.stderr)
            else:
                reported = f", app reported {r['reported_s']:.2f} s" if r["reported_s"] is not None else ""
                print(f"run {n}: window shown after {r['wall_s']:.2f} s{reported}")
    finally:
        if server:
            server.stop()

    walls = [r["wall_s"] for r in results if "error" not in r]
    summary = {"command": label, "runs": results, "median_s": statistics.median(walls) if walls else None}
    reported = [r["reported_s"] for r in results if "error" not in r and r["reported_s"] is not None]
    summary["median_reported_s"] = statistics.median(reported) if reported else None
    if walls:
        print(f"median: {summary['median_s']:.2f} s to a shown window ({len(walls)}/{len(results)} runs ok)")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 0 if len(walls) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
