"""Ctrl+C during `voice-studio project render` keeps the blocks rendered so far; the same command
continues from there (a real process and a real SIGINT)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import soundfile as sf

from tests.conftest import CV2_MODEL, REPO


def test_ctrl_c_keeps_rendered_blocks_and_the_same_command_resumes(tmp_path, voice_files):
    script = tmp_path / "story.md"
    script.write_text("# One\n\nHello there.\n\nGood day.\n\n# Two\n\nA third line.\n\nSee you.\n")
    argv = [
        sys.executable, "-m", "studio.cli", "project", "render", str(script), "--model", str(CV2_MODEL),
        "--voice", str(voice_files["cosyvoice2"]["en"]), "--out", str(tmp_path / "story.wav"), "--seed", "4",
        "--normalizer", "rules", "--library", str(tmp_path / "lib"),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    proc = subprocess.Popen(
        argv, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    lines = []
    for line in proc.stderr:  # a line per block (stderr is not a terminal)
        lines.append(line)
        if line.startswith("block 1 rendered"):
            proc.send_signal(signal.SIGINT)
            break
    _out, rest = proc.communicate(timeout=300)
    err = "".join(lines) + rest
    assert proc.returncode == 130, err
    assert "cancelled after 1 of 4 blocks; the rendered blocks are kept" in err
    assert not (tmp_path / "story.wav").exists()
    again = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "rendered 3 blocks (0 sped up to fit), reused 1" in again.stdout
    assert sf.info(str(tmp_path / "story.wav")).frames > 0
