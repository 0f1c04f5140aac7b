"""Checking the catalog against the files on disk. Reports only: nothing is ever deleted here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from studio.library.atomic import is_temp_name
from studio.library.base import STORED_DIRS
from studio.library.catalog import Catalog
from studio.library.journal import JOURNAL_DIR
from studio.library.records import PendingRecording


@dataclass(frozen=True)
class MissingFile:
    kind: str  # "clip", "take", "segment", "prompt" or "project block take"
    record_id: str  # e.g. "12" or "12#3" for segment 3 of take 12
    path: Path


@dataclass(frozen=True)
class IntegrityReport:
    library: Path
    missing: tuple[MissingFile, ...] = ()
    unreferenced: tuple[Path, ...] = ()
    temp_files: tuple[Path, ...] = ()
    pending_recordings: tuple[PendingRecording, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when every file the catalog refers to is present."""
        return not self.missing

    @property
    def clean(self) -> bool:
        return self.ok and not self.unreferenced and not self.temp_files and not self.pending_recordings

    def lines(self) -> list[str]:
        """Human-readable findings, one per line (empty when clean)."""
        out = [f"missing {m.kind} {m.record_id}: {m.path}" for m in self.missing]
        out += [f"unreferenced file (kept): {p}" for p in self.unreferenced]
        out += [f"leftover temporary file from an interrupted write: {p}" for p in self.temp_files]
        out += [
            f"unfinished recording {r.id} ({r.duration_s:.1f} s) can be recovered"
            for r in self.pending_recordings
        ]
        return out

    def summary(self) -> str:
        if self.clean:
            return f"Library {self.library} is intact."
        parts = []
        if self.missing:
            parts.append(f"{len(self.missing)} missing files")
        if self.unreferenced:
            parts.append(f"{len(self.unreferenced)} unreferenced files")
        if self.temp_files:
            parts.append(f"{len(self.temp_files)} leftover temporary files")
        if self.pending_recordings:
            parts.append(f"{len(self.pending_recordings)} unfinished recordings")
        return f"Library {self.library}: " + ", ".join(parts) + "."


def referenced_files(db: Catalog) -> dict[str, tuple[str, str]]:
    """Relative path -> (kind, record id) for every file the catalog refers to."""
    refs: dict[str, tuple[str, str]] = {}
    with db.lock:
        conn = db.conn
        for rel, rid in conn.execute("SELECT audio_file, id FROM clips"):
            refs[rel] = ("clip", str(rid))
        for rel, rid in conn.execute("SELECT audio_file, id FROM takes"):
            refs[rel] = ("take", str(rid))
        for rel, tid, idx in conn.execute(
            "SELECT audio_file, take_id, idx FROM take_segments WHERE audio_file IS NOT NULL"
        ):
            refs[rel] = ("segment", f"{tid}#{idx}")
        for rel, vid, family in conn.execute("SELECT file, voice_id, family FROM prepared_prompts"):
            refs[rel] = ("prompt", f"voice {vid} {family}")
        for rel, rid in conn.execute("SELECT audio_file, id FROM project_takes"):
            refs[rel] = ("project block take", str(rid))
    return refs


def files_on_disk(root: Path) -> tuple[set[str], list[Path]]:
    """(relative paths of stored files, temp files) under the library's storage folders."""
    stored: set[str] = set()
    # Leftovers at the top level: an interrupted catalog backup or voicepack import staging.
    temps: list[Path] = []
    for top in (root, root / JOURNAL_DIR):  # ... and a journal killed while being created
        if top.is_dir():
            temps += [p for p in top.iterdir() if is_temp_name(p.name)]
    for top in STORED_DIRS:
        base = root / top
        for folder, _dirs, names in os.walk(base):
            for name in names:
                full = Path(folder, name)
                if is_temp_name(name):
                    temps.append(full)
                else:
                    stored.add(full.relative_to(root).as_posix())
    return stored, temps


def check_library(root: Path, db: Catalog, pending: list[PendingRecording]) -> IntegrityReport:
    refs = referenced_files(db)
    stored, temps = files_on_disk(root)
    missing = tuple(
        MissingFile(kind, rid, root / rel) for rel, (kind, rid) in sorted(refs.items()) if rel not in stored
    )
    unreferenced = tuple(root / rel for rel in sorted(stored - refs.keys()))
    return IntegrityReport(
        library=root,
        missing=missing,
        unreferenced=unreferenced,
        temp_files=tuple(sorted(temps)),
        pending_recordings=tuple(pending),
    )
