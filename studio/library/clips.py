"""Clips: reference recordings and imported audio files, with non-destructive trim points."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import numpy as np

from studio.audio.clipfile import unreadable_audio
from studio.library.audio_files import as_frames, read_audio
from studio.library.base import CLIPS_DIR, LibraryBase, from_json, new_uid, to_json
from studio.library.errors import LibraryError, NotFoundError
from studio.library.records import Clip
from studio.library.timeutil import from_db, now_utc, to_db

CLIP_SOURCES = ("recorded", "imported")


class ClipsMixin(LibraryBase):
    def add_clip(
        self,
        voice_id: int | None,
        audio: np.ndarray,
        sample_rate: int,
        *,
        transcript: str = "",
        source: str = "recorded",
        source_name: str = "",
        device: str = "",
        quality: dict[str, Any] | None = None,
        trim: tuple[float | None, float | None] | None = None,
        uid: str | None = None,
        created_at: Any = None,
    ) -> Clip:
        """Store audio as a clip: lossless FLAC at its own sample rate (float -> 24-bit).

        `voice_id` may be None for a clip not yet assigned to a voice. `quality` is any
        JSON-able dict (the caller's quality report) and is stored as given.
        """
        if source not in CLIP_SOURCES:
            raise LibraryError(f"A clip's source must be one of {', '.join(CLIP_SOURCES)}, not {source!r}.")
        audio = as_frames(audio)
        if voice_id is not None:
            self.get_voice(voice_id)
        quality_json = to_json(quality)
        with self._new_files() as created:
            rel, shape = self._write_new_audio(created, CLIPS_DIR, audio, sample_rate)
            start, end = _check_trim(trim, shape.frames / shape.sample_rate)
            with self._db.transaction() as conn:
                clip_id = self._insert_clip(
                    conn,
                    uid=uid or new_uid(),
                    voice_id=voice_id,
                    audio_file=rel,
                    transcript=transcript,
                    source=source,
                    source_name=source_name,
                    device=device,
                    sample_rate=shape.sample_rate,
                    channels=shape.channels,
                    frames=shape.frames,
                    quality_json=quality_json,
                    trim_start=start,
                    trim_end=end,
                    created_at=to_db(created_at) if created_at is not None else to_db(now_utc()),
                )
        return self.get_clip(clip_id)

    def _insert_clip(self, conn: sqlite3.Connection, **columns: Any) -> int:
        """Insert a clip row for a file already in place (also used by voicepack import)."""
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        cur = conn.execute(f"INSERT INTO clips ({names}) VALUES ({marks})", tuple(columns.values()))
        if columns.get("voice_id") is not None:
            conn.execute(
                "UPDATE voices SET updated_at = ? WHERE id = ?", (to_db(now_utc()), columns["voice_id"])
            )
        return int(cur.lastrowid)

    def import_clip_file(
        self,
        voice_id: int | None,
        path: str | Path,
        *,
        transcript: str = "",
        quality: dict[str, Any] | None = None,
    ) -> Clip:
        """Import any audio file libsndfile reads (WAV, FLAC, OGG, MP3...) as a clip.

        16-bit sources stay 16-bit; anything else is stored as 24-bit FLAC.
        """
        import soundfile as sf

        source = Path(path)
        if not source.is_file():
            raise LibraryError(f"The file {source} does not exist.")
        try:
            info = sf.info(str(source))
            dtype = "int16" if info.subtype in ("PCM_16", "PCM_S8", "PCM_U8") else "float32"
            audio, rate = sf.read(str(source), dtype=dtype, always_2d=False)
        except (sf.LibsndfileError, RuntimeError) as err:
            raise LibraryError(unreadable_audio(str(source), err)) from None
        return self.add_clip(
            voice_id,
            audio,
            rate,
            transcript=transcript,
            source="imported",
            source_name=source.name,
            quality=quality,
        )

    def get_clip(self, clip_id: int) -> Clip:
        row = self._db.query_one("SELECT * FROM clips WHERE id = ?", (int(clip_id),))
        if row is None:
            raise NotFoundError(f"There is no clip with id {clip_id} in this library.")
        return self._clip_from_row(row)

    def list_clips(self, voice_id: int | None) -> list[Clip]:
        """A voice's clips, oldest first; voice_id=None lists clips not assigned to any voice."""
        if voice_id is None:
            rows = self._db.query("SELECT * FROM clips WHERE voice_id IS NULL ORDER BY created_at, id")
        else:
            rows = self._db.query(
                "SELECT * FROM clips WHERE voice_id = ? ORDER BY created_at, id", (voice_id,)
            )
        return [self._clip_from_row(row) for row in rows]

    def update_clip(self, clip_id: int, **changes: Any) -> Clip:
        """Change a clip's transcript, quality report or voice (voice_id)."""
        allowed = {"transcript", "quality", "voice_id"}
        if set(changes) - allowed:
            raise LibraryError(f"A clip has no editable field {sorted(set(changes) - allowed)[0]!r}.")
        columns: dict[str, Any] = {}
        if "transcript" in changes:
            columns["transcript"] = str(changes["transcript"] or "")
        if "quality" in changes:
            columns["quality_json"] = to_json(changes["quality"])
        if "voice_id" in changes:
            if changes["voice_id"] is not None:
                self.get_voice(changes["voice_id"])
            columns["voice_id"] = changes["voice_id"]
        with self._db.transaction() as conn:
            self.get_clip(clip_id)
            if columns:
                assignments = ", ".join(f"{key} = ?" for key in columns)
                conn.execute(f"UPDATE clips SET {assignments} WHERE id = ?", (*columns.values(), clip_id))
        return self.get_clip(clip_id)

    def set_clip_trim(self, clip_id: int, start_s: float | None, end_s: float | None) -> Clip:
        """Set (or clear, with None) the trim points in seconds; the original audio is kept."""
        with self._db.transaction() as conn:
            clip = self.get_clip(clip_id)
            start, end = _check_trim((start_s, end_s), clip.duration_s)
            conn.execute("UPDATE clips SET trim_start = ?, trim_end = ? WHERE id = ?", (start, end, clip.id))
        return self.get_clip(clip_id)

    def clip_audio(self, clip: int | Clip, *, trimmed: bool = True) -> tuple[np.ndarray, int]:
        """The clip's audio as float32, cut to its trim points unless trimmed=False."""
        clip = clip if isinstance(clip, Clip) else self.get_clip(clip)
        if not trimmed:
            return read_audio(clip.path)
        start, end = clip.trim_frames()
        return read_audio(clip.path, start=start, stop=end)

    def delete_clip(self, clip_id: int) -> None:
        with self._db.transaction() as conn:
            clip = self.get_clip(clip_id)
            rel = conn.execute("SELECT audio_file FROM clips WHERE id = ?", (clip.id,)).fetchone()[0]
            conn.execute("DELETE FROM clips WHERE id = ?", (clip.id,))
        self._discard_files([rel])

    def _clip_from_row(self, row: sqlite3.Row) -> Clip:
        return Clip(
            id=row["id"],
            uid=row["uid"],
            voice_id=row["voice_id"],
            path=self._abs(row["audio_file"]),
            transcript=row["transcript"],
            source=row["source"],
            source_name=row["source_name"],
            device=row["device"],
            sample_rate=row["sample_rate"],
            channels=row["channels"],
            frames=row["frames"],
            quality=from_json(row["quality_json"]),
            trim_start=row["trim_start"],
            trim_end=row["trim_end"],
            created_at=from_db(row["created_at"]),
        )


def _check_trim(
    trim: tuple[float | None, float | None] | None, duration_s: float
) -> tuple[float | None, float | None]:
    if trim is None:
        return None, None
    start, end = trim
    start = None if start is None else float(start)
    end = None if end is None else float(end)
    lo = 0.0 if start is None else start
    hi = duration_s if end is None else end
    if not (0.0 <= lo < hi <= duration_s + 1e-9):
        raise LibraryError(
            f"Trim points {start}..{end} s do not fit the clip (0..{duration_s:.3f} s); "
            "the start must come before the end."
        )
    return start, end
