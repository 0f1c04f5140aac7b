"""Files the studio writes get the user's umask (0644 under umask 022), like any program's files.

A take exported to a shared folder must open in a video editor running as another user; files
written through a temporary name and a rename must not keep mkstemp's private 0600.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from studio.library import SegmentInput
from studio.library.export import export_take
from studio.library.voicepack import export_voicepack
from tests.conftest import CV2_MODEL, PROMPT_EN, PROMPT_EN_TEXT, REPO
from tests.library.helpers import SR, noise


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_exports_voicepacks_and_library_files_are_0644(umask_022, lib, consent, tmp_path):
    voice = lib.add_voice("Alice", consent=consent, language="en")
    take = lib.add_take(
        text="Hello there.",
        sample_rate=SR,
        voice_id=voice.id,
        mode="zero_shot",
        seed=1,
        segments=[SegmentInput("Hello there.", 1, noise(0.5, seed=1))],
    )
    exported = export_take(lib, take.id, tmp_path / "out" / "take.wav", sidecar=True)
    pack = export_voicepack(lib, [voice.id], tmp_path / "out" / "alice.voicepack")
    written = [exported, exported.with_suffix(".json"), pack]
    written += [p for p in Path(lib.root).rglob("*") if p.is_file()]
    assert len(written) > 4
    for path in written:
        assert mode(path) == 0o644, f"{path}: {oct(mode(path))}"


def test_a_saved_voice_is_0644(umask_022, cv2_engine, tmp_path):
    voice = cv2_engine.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT)
    path = voice.save(tmp_path / "me.voice.safetensors")
    assert mode(path) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["me.voice.safetensors"]  # no temp file left


def test_a_cli_take_is_0644(tmp_path):
    out = tmp_path / "take.wav"
    proc = subprocess.run(
        [
            sys.executable, "-c",
            "import os, sys; os.umask(0o022); from studio.cli import main; sys.exit(main(sys.argv[1:]))",
            "synth", "--model", str(CV2_MODEL), "--normalizer", "rules", "--ref", str(PROMPT_EN),
            "--mode", "cross_lingual", "--text", "Hi.", "--seed", "1", "--out", str(out),
        ],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert mode(out) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["take.wav"]
