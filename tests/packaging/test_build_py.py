"""build.py's steps around PyInstaller, on fake app folders: the CUDA layer split, the frozen
--packaging-check / --self-test plumbing (arguments, environment, exit codes, timeout), the report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PACKAGING, write_exe

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fake executables are shell scripts")


def test_layer_split_moves_nvidia_and_repoints_links(tmp_path, build_py):
    app = tmp_path / "voice-studio"
    internal = app / "_internal"
    lib = internal / "nvidia" / "cu13" / "lib"
    lib.mkdir(parents=True)
    (lib / "libcudart.so.13").write_bytes(b"cudart")
    (internal / "libcudart.so.13").symlink_to("nvidia/cu13/lib/libcudart.so.13")
    (internal / "libcudart.so").symlink_to("libcudart.so.13")
    (internal / "torch" / "lib").mkdir(parents=True)
    (internal / "torch" / "lib" / "libtorch_cpu.so").write_bytes(b"torch")
    (internal / "libtorch_cpu.so").symlink_to("torch/lib/libtorch_cpu.so")

    layer = build_py.split_cuda_layer(app)

    assert layer == app / "cuda-runtime"
    assert not (internal / "nvidia").exists()
    assert (layer / "nvidia" / "cu13" / "lib" / "libcudart.so.13").read_bytes() == b"cudart"
    assert os.readlink(internal / "libcudart.so.13") == "../cuda-runtime/nvidia/cu13/lib/libcudart.so.13"
    assert (internal / "libcudart.so").read_bytes() == b"cudart"  # a link chain into the layer resolves
    assert os.readlink(internal / "libtorch_cpu.so") == "torch/lib/libtorch_cpu.so"  # others untouched
    manifest = json.loads((layer / "MANIFEST.json").read_text())
    expected = json.loads((internal / "voice_studio_runtime.json").read_text())
    assert manifest["torch"] == expected["torch"] and manifest["files"] == 1
    assert expected["archive"] == build_py.layer_archive_name(manifest["torch"])
    assert build_py.retarget_layer_links(app) == 0  # idempotent


@pytest.fixture
def model(tmp_path) -> Path:
    (tmp_path / "model").mkdir()
    return tmp_path / "model"


def fake_frozen_app(dist: Path, self_test_body: str) -> Path:
    """A dist/voice-studio whose executable logs its arguments and environment."""
    app = dist / "voice-studio"
    (app / "_internal").mkdir(parents=True)
    log = dist / "calls.log"
    write_exe(
        app / "voice-studio",
        f'echo "$* | QT=$QT_QPA_PLATFORM HF=$HF_HUB_OFFLINE PP=${{PYTHONPATH:-unset}}" >> "{log}"\n'
        'if [ "$1" = --packaging-check ]; then echo "ok   fake: fine"; exit 0; fi\n'
        f"{self_test_body}",
    )
    return app


def run_build(dist: Path, *args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH="/somewhere", **(env_extra or {}))
    env.pop("QT_QPA_PLATFORM", None)
    cmd = [sys.executable, str(PACKAGING / "build.py"), "--skip-build", "--dist", str(dist), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)


def test_self_test_plumbing(tmp_path, model):
    dist = tmp_path / "dist"
    fake_frozen_app(dist, 'echo "self-test ok"; exit 0')
    proc = run_build(dist, "--self-test", str(model))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    calls = (dist / "calls.log").read_text().splitlines()
    assert calls[0] == "--packaging-check | QT=offscreen HF=1 PP=unset"
    assert calls[1] == f"--self-test {model.resolve()} | QT=offscreen HF=1 PP=unset"
    assert "frozen self-test passed" in proc.stdout and "self-test ok" in proc.stdout
    report = json.loads((dist / "build-report.json").read_text())
    assert {"app_bytes", "layer_bytes", "packaging_check_s", "self_test_s", "total_s"} <= set(report)
    assert (dist / "voice-studio" / "install.sh").is_file() == sys.platform.startswith("linux")


def test_self_test_failure_and_missing_layer(tmp_path, model):
    dist = tmp_path / "dist"
    fake_frozen_app(dist, 'echo "no window" >&2; exit 3')
    proc = run_build(dist, "--self-test", str(model))
    assert proc.returncode == 1
    assert "frozen --self-test failed (exit 3)" in proc.stderr and "CUDA runtime layer" in proc.stderr
    assert "no window" in proc.stderr
    report = json.loads((dist / "build-report.json").read_text())  # written also on failure
    assert "exit 3" in report["failed"] and "packaging_check_s" in report and "self_test_s" not in report


def test_self_test_timeout(tmp_path, model):
    dist = tmp_path / "dist"
    fake_frozen_app(dist, "exec sleep 30")
    proc = run_build(dist, "--self-test", str(model), "--self-test-timeout", "1")
    assert proc.returncode == 1 and "did not finish within 1 s" in proc.stderr


def test_argument_errors(tmp_path):
    proc = run_build(tmp_path / "empty", "--skip-check")
    assert proc.returncode == 2 and "does not exist" in proc.stderr
    fake_frozen_app(tmp_path / "dist", "exit 0")
    proc = run_build(tmp_path / "dist", "--self-test", str(tmp_path / "no-model"))
    assert proc.returncode == 2 and "is not a folder" in proc.stderr
