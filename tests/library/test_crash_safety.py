"""Interrupted writes (power loss, a killed process) leave the previous state intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from studio.library import Library, SegmentInput
from studio.library import atomic as atomic_module
from studio.library.atomic import atomic_write_bytes
from tests.library.helpers import REPO_ROOT, SR, child_env, library_files, noise, tone


def _no_temp_files(root):
    return [p for p in root.rglob("*") if p.name.startswith(".vs-tmp-")]


def test_a_failed_rename_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "file.bin"
    target.write_bytes(b"old content")

    def power_cut(*args, **kwargs):
        raise OSError("simulated power loss")

    monkeypatch.setattr(atomic_module.os, "replace", power_cut)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new content that never lands")
    assert target.read_bytes() == b"old content"
    assert list(tmp_path.iterdir()) == [target]


def test_a_write_that_dies_half_way_never_appears_under_the_real_name(tmp_path):
    target = tmp_path / "file.bin"
    with pytest.raises(RuntimeError), atomic_module.atomic_output(target) as handle:
        handle.write(b"half of it")
        raise RuntimeError("crash mid-write")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_reroll_interrupted_before_the_rename_keeps_the_take_and_catalog_intact(lib, monkeypatch):
    take = lib.add_take(
        text="a b",
        sample_rate=SR,
        segments=[SegmentInput("a", 1, noise(seed=1)), SegmentInput("b", 2, noise(seed=2))],
    )
    before_audio, _ = lib.take_audio(take)
    before_files = library_files(lib.root)
    calls = {"n": 0}
    real_replace = os.replace

    def replace_then_fail(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:  # the new segment file landed; the new take file does not
            raise OSError("simulated power loss")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic_module.os, "replace", replace_then_fail)
    with pytest.raises(OSError):
        lib.reroll_segment(take.id, 1, tone(), seed=77)
    monkeypatch.undo()
    assert lib.get_take(take.id) == take  # catalog unchanged: same files, same seeds
    assert np.array_equal(lib.take_audio(take)[0], before_audio)
    assert library_files(lib.root) == before_files  # the new segment file was removed again
    assert lib.check().clean


def test_a_catalog_failure_after_the_files_are_written_keeps_the_old_state(lib, monkeypatch):
    take = lib.add_take(
        text="a b",
        sample_rate=SR,
        segments=[SegmentInput("a", 1, noise(seed=1)), SegmentInput("b", 2, noise(seed=2))],
    )
    before_files = library_files(lib.root)

    def fail_rebuild(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(lib._db, "transaction", fail_rebuild)
    with pytest.raises(RuntimeError):
        lib.reroll_segment(take.id, 0, tone(), seed=5)
    monkeypatch.undo()
    assert lib.get_take(take.id) == take
    assert library_files(lib.root) == before_files


_SLOW_WRITER = r"""
import sys, time
import numpy as np
import soundfile as sf
from studio.library import Library

lib = Library.open(sys.argv[1])
take_id = int(sys.argv[2])
real_write = sf.SoundFile.write

def slow_write(self, data):
    half = len(data) // 2
    real_write(self, data[:half])
    self.flush()
    print("HALF-WRITTEN", flush=True)
    time.sleep(60)  # killed here
    real_write(self, data[half:])

sf.SoundFile.write = slow_write
noise = np.random.default_rng(0).standard_normal(24000 * 30).astype(np.float32) * 0.1
lib.reroll_segment(take_id, 0, noise, seed=1)
"""


def test_killing_a_process_in_the_middle_of_a_large_write_keeps_the_previous_take(tmp_path):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        take = lib.add_take(
            text="a b",
            sample_rate=SR,
            segments=[SegmentInput("a", 1, noise(seed=1)), SegmentInput("b", 2, noise(seed=2))],
        )
        before_audio, _ = lib.take_audio(take)
        before_files = library_files(root)
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITER, str(root), str(take.id)],
        cwd=REPO_ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == "HALF-WRITTEN", child.stderr.read()
        time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    with Library.open(root) as lib:
        assert lib.get_take(take.id) == take
        assert np.array_equal(lib.take_audio(take)[0], before_audio)
        report = lib.open_report
        assert report.ok
        # The half-written file exists only under a temp name, which the check reports.
        assert len(report.temp_files) == 1 and report.temp_files[0].name.startswith(".vs-tmp-")
        assert report.temp_files[0].stat().st_size > 0
    real_names = library_files(root) - {p.relative_to(root).as_posix() for p in report.temp_files}
    assert real_names == before_files
