"""What every part of the library shares: the folder layout, the catalog, and new-file bookkeeping."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from studio.library.audio_files import AudioShape, write_audio
from studio.library.catalog import Catalog
from studio.library.errors import LibraryError

# Folder layout inside the library (relative paths are what the catalog stores).
CLIPS_DIR = "audio/clips"
TAKES_DIR = "audio/takes"
SEGMENTS_DIR = "audio/segments"
PROMPTS_DIR = "prompts"
PROJECT_BLOCKS_DIR = "audio/project-blocks"  # rendered project blocks (studio/project)
STORED_DIRS = (CLIPS_DIR, TAKES_DIR, SEGMENTS_DIR, PROMPTS_DIR, PROJECT_BLOCKS_DIR)
MAX_INT64 = 2**63 - 1


def new_uid() -> str:
    return uuid.uuid4().hex


def to_json(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)
    except (TypeError, ValueError) as err:
        raise LibraryError(f"The report could not be stored as JSON ({err}).") from None


def _json_default(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def from_json(text: str | None) -> dict[str, Any] | None:
    return None if text is None else json.loads(text)


def check_seed(seed: int | None) -> int | None:
    if seed is None:
        return None
    seed = int(seed)
    if not -MAX_INT64 - 1 <= seed <= MAX_INT64:
        raise LibraryError(f"The seed {seed} is too large to store; seeds must fit in 64 bits.")
    return seed


class LibraryBase:
    """State shared by the Library's parts; see studio.library.library.Library for the API."""

    root: Path
    _db: Catalog
    _durable: bool

    def _abs(self, rel: str) -> Path:
        return self.root / rel

    def _new_rel(self, folder: str, suffix: str, uid: str | None = None) -> str:
        """A fresh relative path; sharded by the first two hex digits to keep folders small."""
        uid = uid or new_uid()
        return f"{folder}/{uid[:2]}/{uid}{suffix}"

    def _write_new_audio(
        self, created: list[Path], folder: str, data: np.ndarray, rate: int
    ) -> tuple[str, AudioShape]:
        """Write audio under a fresh name (never over an existing file) and remember it."""
        rel = self._new_rel(folder, ".flac")
        shape = write_audio(self._abs(rel), data, rate, durable=self._durable)
        created.append(self._abs(rel))
        return rel, shape

    @contextlib.contextmanager
    def _new_files(self) -> Iterator[list[Path]]:
        """Collects files written for a change; if the change fails they are removed again.

        Only fresh copies of data the caller still holds go in this list, never a file that was
        already part of the library, so the error path cannot lose anything the user made.
        """
        created: list[Path] = []
        try:
            yield created
        except BaseException:
            for path in created:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise

    def _discard_files(self, rels: list[str | None]) -> None:
        """Remove files the catalog no longer references (after a committed replace or delete)."""
        for rel in rels:
            if rel:
                with contextlib.suppress(OSError):
                    self._abs(rel).unlink()
