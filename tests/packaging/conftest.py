"""Packaging tests: the scripts around the PyInstaller build, run on fake app folders (no build)."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
FAKE_TORCH = "1.0.0+test"


def load_script(name: str):
    """Import packaging/<name>.py as a module (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_py():
    return load_script("build")


def write_exe(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def fake_app(tmp_path, build_py) -> Path:
    """dist/voice-studio as build.py leaves it on Linux, with a shell script for the executable."""
    app = tmp_path / "dl" / "voice-studio"
    internal = app / "_internal"
    write_exe(app / "voice-studio", 'echo "fake voice-studio $*"')
    icons = internal / "resources" / "icons"
    for png in (REPO / "resources" / "icons" / "hicolor").glob("*/apps/voice-studio.png"):
        dest = icons / png.relative_to(REPO / "resources" / "icons")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(png.read_bytes())
    (icons / "voice-studio.svg").write_bytes((REPO / "resources" / "icons" / "voice-studio.svg").read_bytes())
    archive = build_py.layer_archive_name(FAKE_TORCH)
    (internal / "voice_studio_runtime.json").write_text(
        json.dumps({"torch": FAKE_TORCH, "cuda": "13.0", "archive": archive}, indent=2)
    )
    (internal / "voice_studio_build.json").write_text(json.dumps({"version": "0.1.0"}, indent=2))
    build_py.write_linux_extras(app)
    return app


def make_layer_archive(path: Path, torch_version: str = FAKE_TORCH) -> Path:
    """A CUDA runtime layer archive laid out like build.py's (voice-studio/cuda-runtime/...)."""
    src = path.parent / (path.name + ".src")
    lib = src / "voice-studio" / "cuda-runtime" / "nvidia" / "cu13" / "lib"
    lib.mkdir(parents=True)
    (lib / "libfake.so.1").write_bytes(b"\x7fELF fake")
    (src / "voice-studio" / "cuda-runtime" / "MANIFEST.json").write_text(
        json.dumps({"layer": "cuda-runtime", "torch": torch_version}, indent=2)
    )
    with tarfile.open(path, "w:gz") as tar:
        tar.add(src / "voice-studio", arcname="voice-studio")
    return path


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A throwaway HOME for install.sh (and no inherited XDG_DATA_HOME)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return home


def shell_env() -> dict[str, str]:
    return dict(os.environ)
