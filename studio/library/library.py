"""The Library: one folder holding the catalog and the audio. This is what the window opens."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from studio.library import export as _export
from studio.library import voicepack as _voicepack
from studio.library.catalog import CATALOG_NAME, Catalog
from studio.library.clips import ClipsMixin
from studio.library.errors import LibraryError
from studio.library.ingested import IngestedMixin
from studio.library.integrity import IntegrityReport, check_library
from studio.library.location import resolve_library_dir
from studio.library.recordings import RecordingsMixin
from studio.library.takes import TakesMixin
from studio.library.text_search import TextSearch
from studio.library.voices import VoicesMixin


class Library(VoicesMixin, ClipsMixin, TakesMixin, RecordingsMixin, IngestedMixin):
    """Voices, clips, takes and recordings in one folder.

    Open with `Library.open(path)`; use as a context manager or call close(). Safe to share
    between the window's threads (one connection behind a lock). Several processes (the window
    and the CLI) may open the same library at once.
    """

    def __init__(self, root: Path, db: Catalog, *, durable: bool, use_fts: bool) -> None:
        self.root = root
        self._db = db
        self._durable = durable
        self._search = TextSearch(db, use_fts=use_fts)
        self.open_report: IntegrityReport | None = None

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        create: bool = True,
        check: bool = True,
        durable: bool = True,
        use_fts: bool = True,
    ) -> Library:
        """Open (or create) the library at `path`, else at the configured default folder.

        With check=True the catalog is compared with the files on disk and the findings are in
        `open_report` (nothing is deleted). Raises CatalogCorruptError for a damaged catalog.
        `durable=False` skips fsyncs: only for benchmarks and throwaway data.
        """
        root = resolve_library_dir(path)
        catalog_path = root / CATALOG_NAME
        if not catalog_path.exists():
            if not create:
                raise LibraryError(f"There is no Voice Studio library at {root}.")
            if root.exists() and not root.is_dir():
                raise LibraryError(f"{root} is a file, not a folder; choose a folder for the library.")
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise LibraryError(
                    f"Could not create the library folder {root} ({err.strerror or err})."
                ) from None
        db = Catalog(catalog_path, durable=durable)
        lib = cls(root, db, durable=durable, use_fts=use_fts)
        if durable:
            db.maybe_backup()
        if check:
            lib.open_report = lib.check()
        return lib

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def catalog_path(self) -> Path:
        return self._db.path

    @property
    def text_search_uses_fts(self) -> bool:
        return self._search.enabled

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several changes into one all-or-nothing catalog transaction."""
        with self._db.transaction():
            yield

    def check(self) -> IntegrityReport:
        """Compare the catalog with the files on disk; reports, never deletes."""
        return check_library(self.root, self._db, self.pending_recordings())

    # -- export and archive ------------------------------------------------------------------

    def export_take(
        self, take_id: int, dest: str | Path, *, fmt: str = "wav24", sidecar: bool = False
    ) -> Path:
        """A take as WAV (16/24-bit) or FLAC with title/artist/comment/software/date metadata."""
        return _export.export_take(self, take_id, dest, fmt=fmt, sidecar=sidecar)

    def export_clip(
        self,
        clip_id: int,
        dest: str | Path,
        *,
        fmt: str = "wav24",
        sidecar: bool = False,
        trimmed: bool = True,
    ) -> Path:
        return _export.export_clip(self, clip_id, dest, fmt=fmt, sidecar=sidecar, trimmed=trimmed)

    def export_takes(
        self,
        take_ids: Iterable[int],
        folder: str | Path,
        *,
        fmt: str = "wav24",
        pattern: str = _export.DEFAULT_PATTERN,
        sidecar: bool = False,
    ) -> list[Path]:
        return _export.export_takes(self, take_ids, folder, fmt=fmt, pattern=pattern, sidecar=sidecar)

    def export_voicepack(self, voice_ids: Iterable[int], dest: str | Path) -> Path:
        return _voicepack.export_voicepack(self, list(voice_ids), dest)

    def import_voicepack(self, pack: str | Path, **kwargs: Any) -> _voicepack.ImportResult:
        return _voicepack.import_voicepack(self, pack, **kwargs)
