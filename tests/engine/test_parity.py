"""The golden parity harness passes every CosyVoice 2 case (the engine issue's acceptance test),
and it does fail when the engine's output and the golden data disagree."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from safetensors.torch import load_file, save_file

from tests.conftest import GOLDEN, REPO


def run_parity(golden, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "studio.engine.parity", str(golden), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_every_case_of_both_families_passes():
    proc = run_parity(GOLDEN)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for family, at_least in (("cosyvoice2", 25), ("cosyvoice3", 22)):
        lines = [line for line in proc.stdout.splitlines() if line.startswith(family)]
        assert len(lines) >= at_least, proc.stdout
        assert all(" PASS " in line for line in lines), proc.stdout


def test_a_case_that_disagrees_fails_the_run(tmp_path):
    golden = tmp_path / "golden"
    golden.mkdir()
    shutil.copytree(GOLDEN / "audio", golden / "audio")
    shutil.copytree(GOLDEN / "cosyvoice2", golden / "cosyvoice2")
    case_file = golden / "cosyvoice2" / "cases" / "lm_instruct2.safetensors"
    case_file.chmod(0o644)
    tensors = load_file(str(case_file))
    tensors["greedy_tokens"] = (tensors["greedy_tokens"] + 1) % 6561
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(case_file))
    proc = run_parity(golden, "--family", "cosyvoice2", "--case", "lm_instruct2", "--case", "frontend_text")
    assert proc.returncode == 1, proc.stdout
    assert "lm_instruct2" in proc.stdout and "FAIL" in proc.stdout
    assert "greedy_tokens" in proc.stdout
    assert "1 passed, 1 failed" in proc.stdout


def test_a_case_without_a_runner_counts_as_failed(tmp_path):
    golden = tmp_path / "golden"
    golden.mkdir()
    shutil.copytree(GOLDEN / "audio", golden / "audio")
    shutil.copytree(GOLDEN / "cosyvoice2", golden / "cosyvoice2")
    manifest_path = golden / "cosyvoice2" / "manifest.json"
    manifest_path.chmod(0o644)
    manifest = json.loads(manifest_path.read_text())
    manifest["cases"].append({"name": "mystery_stage_case", "stage": "mystery", "file": None})
    manifest_path.write_text(json.dumps(manifest))
    proc = run_parity(golden, "--family", "cosyvoice2", "--case", "mystery")
    assert proc.returncode == 1
    assert "no runner" in proc.stdout


def test_missing_golden_folder_is_a_usage_error(tmp_path):
    proc = run_parity(tmp_path / "nope")
    assert proc.returncode == 2
    assert "not a folder" in proc.stderr
