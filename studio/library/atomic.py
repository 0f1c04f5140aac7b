"""Crash-safe file writes: temp name in the same folder, fsync, os.replace, fsync the folder.

A crash (or power loss) at any point leaves either the old file or the new one under the real
name, never a half-written file. What can be left behind is a temp file whose name starts with
TEMP_PREFIX; the integrity check reports those and never treats them as audio.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".vs-tmp-"


def is_temp_name(name: str) -> bool:
    return name.startswith(TEMP_PREFIX)


def temp_path_for(final: Path) -> Path:
    # Same folder as the target, so os.replace is a rename within one file system.
    return final.with_name(f"{TEMP_PREFIX}{secrets.token_hex(6)}-{final.name}")


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (a no-op where folders cannot be opened)."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals the rename itself.
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_dir(folder: Path, *, durable: bool = True) -> None:
    """Create `folder` (and parents); with durable=True also fsync each new entry's parent,
    so a power cut cannot lose a new folder (and the files in it) after the catalog commits."""
    if folder.is_dir():
        return
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    if durable:
        for created in reversed(missing):
            fsync_dir(created.parent)


@contextlib.contextmanager
def atomic_output(final: Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file; on a clean exit it becomes `final` atomically.

    On an exception the temp file is removed and `final` (if it existed) is untouched.
    `durable=False` skips the fsyncs (benchmarks, bulk test data): still atomic, not power-safe.
    """
    final = Path(final)
    ensure_dir(final.parent, durable=durable)
    tmp = temp_path_for(final)
    handle = open(tmp, "xb")  # noqa: SIM115 - closed on both paths below
    try:
        yield handle
        handle.flush()
        if durable:
            os.fsync(handle.fileno())
        handle.close()
        os.replace(tmp, final)
    except BaseException:
        handle.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_dir(final.parent)


def atomic_write_bytes(final: Path, data: bytes, *, durable: bool = True) -> None:
    with atomic_output(final, durable=durable) as handle:
        handle.write(data)


def atomic_copy(source: Path, final: Path, *, durable: bool = True) -> int:
    """Copy `source` to `final` atomically; returns the number of bytes copied."""
    with open(source, "rb") as src, atomic_output(final, durable=durable) as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        return dst.tell()


def durable_move(source: Path, final: Path, *, durable: bool = True) -> None:
    """Rename a finished (already fsynced) file into place within the same file system."""
    ensure_dir(final.parent, durable=durable)
    os.replace(source, final)
    if durable:
        fsync_dir(final.parent)
