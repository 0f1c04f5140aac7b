"""measure_start.py's plumbing, with stand-in commands (the real app's --startup-probe comes with the window)."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PACKAGING

SCRIPT = PACKAGING / "measure_start.py"
HERE = Path(__file__).resolve().parent


def measure(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(SCRIPT), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def test_median_of_runs_and_json(tmp_path):
    probe = "sleep 0.2; echo startup-probe: window shown 0.2; echo $QT_QPA_PLATFORM >&2"
    out = tmp_path / "start.json"
    proc = measure(
        "--platform", "offscreen", "--runs", "3", "--json", str(out), "--command", f"sh -c '{probe}'"
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("window shown after") == 3 and "median:" in proc.stdout
    result = json.loads(out.read_text())
    assert 0.2 <= result["median_s"] < 5 and result["median_reported_s"] == 0.2
    assert all(r["exit"] == 0 for r in result["runs"])


def test_failures_are_reported(tmp_path):
    proc = measure("--platform", "offscreen", "--runs", "1", "--command", "sh -c 'echo boom >&2; exit 4'")
    assert proc.returncode == 1
    assert (
        "ended without printing" in proc.stdout and "exit status 4" in proc.stdout and "boom" in proc.stderr
    )
    proc = measure("--platform", "offscreen", "--runs", "1", "--timeout", "1", "--command", "sleep 20")
    assert proc.returncode == 1 and "within 1 s" in proc.stdout


def test_missing_frozen_app_is_explained(tmp_path):
    proc = measure("--app", str(tmp_path / "voice-studio"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr


@pytest.mark.gui
@pytest.mark.skipif(not shutil.which("Xvfb"), reason="Xvfb not installed")
def test_real_window_under_private_xvfb(tmp_path):
    """A Qt window mapped on the script's own Xvfb (xcb), as the frozen app's will be."""
    command = shlex.join([sys.executable, str(HERE / "fake_window.py")])
    out = tmp_path / "start.json"
    proc = measure("--runs", "1", "--json", str(out), "--command", command)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "QT_QPA_PLATFORM=xcb" in proc.stdout and "window shown after" in proc.stdout
    assert json.loads(out.read_text())["runs"][0]["line"].endswith(" xcb")  # a real X window
