"""Crash-safe recording journals: audio is appended to disk as it is captured.

Layout: <library>/recordings-in-progress/<id>/
    header.json   sample rate, channels, sample format, device, start time (written before audio)
    audio.pcm     raw little-endian interleaved samples, appended with os.write (no user-space
                  buffer, so a killed process loses nothing already handed to the writer)
    lock          held with an OS file lock while a process is recording into this journal

The writer fsyncs at least once a second, so a power cut loses at most that much. A journal
whose lock is free was left behind by a crash or a killed process: it is "pending" and can be
recovered into a clip or discarded. A journal folder only ever appears under its real name
complete with its header (it is built under a temp name and renamed).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from studio.library.atomic import TEMP_PREFIX, fsync_dir
from studio.library.errors import LibraryError, NotFoundError
from studio.library.records import PendingRecording
from studio.library.timeutil import from_db, now_utc, to_db

JOURNAL_DIR = "recordings-in-progress"
HEADER_NAME = "header.json"
AUDIO_NAME = "audio.pcm"
LOCK_NAME = "lock"
FORMAT_VERSION = 1
SAMPLE_FORMATS: dict[str, np.dtype] = {"float32": np.dtype("<f4"), "int16": np.dtype("<i2")}


def _lock(fd: int) -> bool:
    """Take an exclusive, non-blocking lock on an open file; False if another holder has it.

    The OS drops the lock when the process dies, even on SIGKILL: that is how a crashed
    recording is told apart from one still running in this or another process.
    """
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def is_live(folder: Path) -> bool:
    """True while some process holds the journal's lock (it is still recording)."""
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        return not _lock(fd)
    finally:
        os.close(fd)  # closing our descriptor releases our probe lock


@dataclass
class JournalWriter:
    """Appends captured blocks to a journal. Not thread-safe: one writer thread owns it."""

    id: str
    folder: Path
    sample_rate: int
    channels: int
    sample_format: str
    frames: int = 0
    _audio_fd: int = -1
    _lock_fd: int = -1

    @classmethod
    def create(
        cls,
        journal_root: Path,
        *,
        sample_rate: int,
        channels: int,
        sample_format: str = "float32",
        device: str = "",
        voice_id: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> JournalWriter:
        if sample_format not in SAMPLE_FORMATS:
            raise LibraryError(f"Recording format {sample_format!r} is not supported; use float32 or int16.")
        journal_root.mkdir(parents=True, exist_ok=True)
        started = now_utc()
        rec_id = f"{started.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}"
        staging = journal_root / f"{TEMP_PREFIX}{rec_id}"
        staging.mkdir()
        header = {
            "format_version": FORMAT_VERSION,
            "id": rec_id,
            "sample_rate": int(sample_rate),
            "channels": int(channels),
            "sample_format": sample_format,
            "device": device,
            "started_at": to_db(started),
            "voice_id": voice_id,
            "extra": extra or {},
        }
        with open(staging / HEADER_NAME, "w", encoding="utf-8") as handle:
            json.dump(header, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        (staging / AUDIO_NAME).touch()
        (staging / LOCK_NAME).touch()
        fsync_dir(staging)
        folder = journal_root / rec_id
        os.replace(staging, folder)
        fsync_dir(journal_root)
        writer = cls(rec_id, folder, int(sample_rate), int(channels), sample_format)
        writer._lock_fd = os.open(folder / LOCK_NAME, os.O_RDWR)
        if not _lock(writer._lock_fd):  # pragma: no cover - the id is fresh
            os.close(writer._lock_fd)
            raise LibraryError(f"The recording journal {folder} is in use by another process.")
        writer._audio_fd = os.open(folder / AUDIO_NAME, os.O_WRONLY | os.O_APPEND)
        return writer

    def append(self, block: np.ndarray) -> None:
        """Hand a (frames, channels) or (frames,) block to the OS (survives a killed process)."""
        data = np.ascontiguousarray(block, dtype=SAMPLE_FORMATS[self.sample_format])
        payload = data.tobytes()
        view = memoryview(payload)
        while view:
            written = os.write(self._audio_fd, view)
            view = view[written:]
        self.frames += len(payload) // (self.channels * SAMPLE_FORMATS[self.sample_format].itemsize)

    def sync(self) -> None:
        """Make everything appended so far durable against power loss."""
        os.fsync(self._audio_fd)

    def close(self) -> None:
        if self._audio_fd >= 0:
            with contextlib.suppress(OSError):
                os.fsync(self._audio_fd)
            os.close(self._audio_fd)
            self._audio_fd = -1
        if self._lock_fd >= 0:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = -1


def read_header(folder: Path) -> dict[str, Any]:
    try:
        header = json.loads((folder / HEADER_NAME).read_text(encoding="utf-8"))
        int(header["sample_rate"]), int(header["channels"])
        if header["sample_format"] not in SAMPLE_FORMATS:
            raise ValueError(header["sample_format"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise LibraryError(f"The recording journal {folder} has an unreadable header ({err}).") from None
    return header


def _frames_on_disk(folder: Path, header: dict[str, Any]) -> int:
    try:
        size = (folder / AUDIO_NAME).stat().st_size
    except FileNotFoundError:
        return 0
    frame_bytes = int(header["channels"]) * SAMPLE_FORMATS[header["sample_format"]].itemsize
    return size // frame_bytes  # a half-written last frame (killed mid-write) is ignored


def describe(folder: Path) -> PendingRecording:
    header = read_header(folder)
    try:
        started = from_db(header.get("started_at", ""))
    except (TypeError, ValueError):
        started = None
    voice_id = header.get("voice_id")
    return PendingRecording(
        id=folder.name,
        folder=folder,
        started_at=started,
        sample_rate=int(header["sample_rate"]),
        channels=int(header["channels"]),
        sample_format=str(header["sample_format"]),
        device=str(header.get("device") or ""),
        frames=_frames_on_disk(folder, header),
        voice_id=int(voice_id) if isinstance(voice_id, int) else None,
    )


def list_pending(journal_root: Path) -> list[PendingRecording]:
    """Journals not held by a live recorder, oldest first; unreadable ones are skipped."""
    if not journal_root.is_dir():
        return []
    pending = []
    for folder in sorted(journal_root.iterdir()):
        if folder.name.startswith(TEMP_PREFIX) or not folder.is_dir() or is_live(folder):
            continue
        with contextlib.suppress(LibraryError):
            pending.append(describe(folder))
    return pending


def journal_folder(journal_root: Path, rec_id: str) -> Path:
    if not rec_id or "/" in rec_id or "\\" in rec_id or rec_id.startswith("."):
        raise NotFoundError(f"There is no recording in progress called {rec_id!r}.")
    folder = journal_root / rec_id
    if not (folder / HEADER_NAME).exists():
        raise NotFoundError(f"There is no recording in progress called {rec_id!r}.")
    return folder


def read_audio(folder: Path) -> tuple[np.ndarray, dict[str, Any]]:
    """The journal's samples as (frames, channels) in their captured format, and the header."""
    header = read_header(folder)
    dtype = SAMPLE_FORMATS[header["sample_format"]]
    channels = int(header["channels"])
    frames = _frames_on_disk(folder, header)
    with open(folder / AUDIO_NAME, "rb") as handle:
        raw = handle.read(frames * channels * dtype.itemsize)
    return np.frombuffer(raw, dtype=dtype).reshape(frames, channels), header


def remove(folder: Path) -> None:
    shutil.rmtree(folder)
    with contextlib.suppress(OSError):
        fsync_dir(folder.parent)
