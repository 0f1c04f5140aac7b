"""Takes: generated audio with full provenance, split into sentence segments that can be re-rolled."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import numpy as np

from studio.library.audio_files import as_frames, check_sample_rate, read_audio
from studio.library.base import SEGMENTS_DIR, TAKES_DIR, LibraryBase, check_seed, from_json, new_uid, to_json
from studio.library.crossfade import DEFAULT_FADE_MS, join_with_crossfade
from studio.library.errors import LibraryError, NotFoundError
from studio.library.records import Consent, Segment, SegmentInput, Take
from studio.library.text_search import TextSearch
from studio.library.timeutil import from_db, now_utc, range_end, range_start, to_db

_TAKE_SELECT = """
SELECT t.*, v.name AS voice_name, v.consent_given_by, v.consent_given_at, v.consent_use, v.consent_note
FROM takes t LEFT JOIN voices v ON v.id = t.voice_id
"""

DateLike = datetime | date | str | None
SOURCE_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


def check_source(source: str) -> str:
    """A take's source is a short lowercase word ("studio", "api", "project")."""
    if not isinstance(source, str) or not SOURCE_PATTERN.match(source):
        raise LibraryError(f"A take's source must be a short lowercase word such as 'api', not {source!r}.")
    return source


def _layout(audio: np.ndarray, channels: int) -> np.ndarray:
    """Mono as (frames,), multichannel as (frames, channels), so parts can be joined."""
    audio = np.asarray(audio)
    if channels == 1 and audio.ndim == 2 and audio.shape[1] == 1:
        return audio[:, 0]
    got = 1 if audio.ndim == 1 else audio.shape[1]
    if got != channels:
        raise LibraryError(f"The segment audio has {got} channels but the take has {channels}.")
    return audio


class TakesMixin(LibraryBase):
    _search: TextSearch

    def add_take(
        self,
        *,
        text: str,
        sample_rate: int,
        audio: np.ndarray | None = None,
        voice_id: int | None = None,
        mode: str = "",
        instruction: str = "",
        seed: int | None = None,
        speed: float = 1.0,
        model_family: str = "",
        model_hash: str = "",
        engine_version: str = "",
        timings: dict[str, Any] | None = None,
        segments: Sequence[SegmentInput] = (),
        favourite: bool = False,
        fade_ms: float = DEFAULT_FADE_MS,
        uid: str | None = None,
        created_at: datetime | None = None,
        source: str = "studio",
    ) -> Take:
        """Store a generated take.

        `source` says where it was made: "studio" (the window, the synth CLI), "api" (the local
        speech API), or another short lowercase word.

        Give `audio`, or leave it None and give `segments` that each carry audio: the take is
        then their join with `fade_ms` equal-power cross-fades. Segments without audio must give
        a [start_frame, end_frame) range of the take audio instead.
        """
        sample_rate = check_sample_rate(sample_rate)
        source = check_source(source)
        segments = list(segments)
        if audio is None:
            if not segments or any(seg.audio is None for seg in segments):
                raise LibraryError("A take needs its audio, or segments that each carry their audio.")
            first = as_frames(segments[0].audio)
            channels = 1 if first.ndim == 1 else first.shape[1]
            audio = join_with_crossfade(
                [_layout(as_frames(seg.audio), channels) for seg in segments], sample_rate, fade_ms
            )
        audio = as_frames(audio)
        channels = 1 if audio.ndim == 1 else audio.shape[1]
        for i, seg in enumerate(segments):
            if seg.audio is not None:
                _layout(as_frames(seg.audio), channels)
            elif seg.start_frame is None or seg.end_frame is None:
                raise LibraryError(f"Segment {i} needs its own audio or a start and end frame.")
            elif not 0 <= seg.start_frame < seg.end_frame <= len(audio):
                raise LibraryError(
                    f"Segment {i} spans frames {seg.start_frame}..{seg.end_frame}, outside the take "
                    f"(0..{len(audio)})."
                )
        if voice_id is not None:
            self.get_voice(voice_id)
        seed = check_seed(seed)
        seeds = [check_seed(seg.seed) for seg in segments]
        now = to_db(now_utc())
        created = to_db(created_at) if created_at is not None else now
        with self._new_files() as created_files:
            rel, shape = self._write_new_audio(created_files, TAKES_DIR, audio, sample_rate)
            seg_rels = [
                self._write_new_audio(created_files, SEGMENTS_DIR, seg.audio, sample_rate)[0]
                if seg.audio is not None
                else None
                for seg in segments
            ]
            with self._db.transaction() as conn:
                cur = conn.execute(
                    "INSERT INTO takes (uid, voice_id, text, mode, instruction, seed, speed, model_family,"
                    " model_hash, engine_version, timings_json, audio_file, sample_rate, channels, frames,"
                    " favourite, created_at, updated_at, source)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        uid or new_uid(),
                        voice_id,
                        str(text),
                        mode,
                        instruction,
                        seed,
                        float(speed),
                        model_family,
                        model_hash,
                        engine_version,
                        to_json(timings),
                        rel,
                        shape.sample_rate,
                        shape.channels,
                        shape.frames,
                        int(bool(favourite)),
                        created,
                        created,
                        source,
                    ),
                )
                take_id = int(cur.lastrowid)
                conn.executemany(
                    "INSERT INTO take_segments (take_id, idx, text, seed, audio_file, start_frame, end_frame)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            take_id,
                            i,
                            seg.text,
                            seeds[i],
                            seg_rels[i],
                            None if seg_rels[i] else seg.start_frame,
                            None if seg_rels[i] else seg.end_frame,
                        )
                        for i, seg in enumerate(segments)
                    ],
                )
                self._search.added(conn, take_id, str(text))
        return self.get_take(take_id)

    def get_take(self, take_id: int) -> Take:
        """A take with its segments."""
        row = self._db.query_one(_TAKE_SELECT + " WHERE t.id = ?", (int(take_id),))
        if row is None:
            raise NotFoundError(f"There is no take with id {take_id} in this library.")
        rows = self._db.query("SELECT * FROM take_segments WHERE take_id = ? ORDER BY idx", (row["id"],))
        segments = tuple(
            Segment(
                index=r["idx"],
                text=r["text"],
                seed=r["seed"],
                path=self._abs(r["audio_file"]) if r["audio_file"] else None,
                start_frame=r["start_frame"],
                end_frame=r["end_frame"],
            )
            for r in rows
        )
        return self._take_from_row(row, segments)

    def take_audio(self, take: int | Take) -> tuple[np.ndarray, int]:
        take = take if isinstance(take, Take) else self.get_take(take)
        return read_audio(take.path)

    def segment_audio(self, take_id: int, index: int) -> tuple[np.ndarray, int]:
        take = self.get_take(take_id)
        segment = _segment(take, index)
        if segment.path is not None:
            return read_audio(segment.path)
        return read_audio(take.path, start=segment.start_frame or 0, stop=segment.end_frame)

    def reroll_segment(
        self,
        take_id: int,
        index: int,
        audio: np.ndarray,
        seed: int | None,
        *,
        fade_ms: float = DEFAULT_FADE_MS,
    ) -> Take:
        """Replace one sentence's audio and seed, then rebuild the take from its segments.

        Crash-safe: new files are written under fresh names, the catalog switches to them in one
        transaction, and only then are the superseded files removed.
        """
        return self._rebuild(take_id, {int(index): (as_frames(audio), check_seed(seed))}, fade_ms)

    def rebuild_take(self, take_id: int, *, fade_ms: float = DEFAULT_FADE_MS) -> Take:
        """Join the take's current segments again (for example with a different fade)."""
        return self._rebuild(take_id, {}, fade_ms)

    def _rebuild(
        self, take_id: int, replace: dict[int, tuple[np.ndarray, int | None]], fade_ms: float
    ) -> Take:
        take = self.get_take(take_id)
        if not take.segments:
            raise LibraryError(
                f"Take {take.id} was stored without sentence segments, so it cannot be rebuilt."
            )
        for index in replace:
            _segment(take, index)
        whole: np.ndarray | None = None
        parts: list[np.ndarray] = []
        for seg in take.segments:
            if seg.index in replace:
                parts.append(_layout(replace[seg.index][0], take.channels))
            elif seg.path is not None:
                parts.append(read_audio(seg.path)[0])
            else:
                if whole is None:
                    whole = read_audio(take.path)[0]
                parts.append(whole[seg.start_frame : seg.end_frame])
        joined = join_with_crossfade(parts, take.sample_rate, fade_ms)
        superseded: list[str | None] = []
        with self._new_files() as created:
            # Segments that were ranges of the old take audio get their own files: the ranges
            # stop meaning anything once the take audio is rebuilt.
            new_seg_files: dict[int, str] = {}
            for seg, part in zip(take.segments, parts):
                if seg.index in replace or seg.path is None:
                    new_seg_files[seg.index] = self._write_new_audio(
                        created, SEGMENTS_DIR, part, take.sample_rate
                    )[0]
            take_rel, shape = self._write_new_audio(created, TAKES_DIR, joined, take.sample_rate)
            with self._db.transaction() as conn:
                row = conn.execute("SELECT audio_file FROM takes WHERE id = ?", (take.id,)).fetchone()
                if row is None or self._abs(row[0]) != take.path:
                    raise LibraryError(f"Take {take.id} changed while it was being rebuilt; try again.")
                superseded.append(row[0])
                for seg in take.segments:
                    if seg.index not in new_seg_files:
                        continue
                    old = conn.execute(
                        "SELECT audio_file FROM take_segments WHERE take_id = ? AND idx = ?",
                        (take.id, seg.index),
                    ).fetchone()[0]
                    superseded.append(old)
                    seed = replace[seg.index][1] if seg.index in replace else seg.seed
                    conn.execute(
                        "UPDATE take_segments SET audio_file = ?, seed = ?, start_frame = NULL, end_frame = NULL"
                        " WHERE take_id = ? AND idx = ?",
                        (new_seg_files[seg.index], seed, take.id, seg.index),
                    )
                conn.execute(
                    "UPDATE takes SET audio_file = ?, frames = ?, updated_at = ? WHERE id = ?",
                    (take_rel, shape.frames, to_db(now_utc()), take.id),
                )
        self._discard_files(superseded)
        return self.get_take(take.id)

    def set_favourite(self, take_id: int, favourite: bool = True) -> Take:
        with self._db.transaction() as conn:
            self.get_take(take_id)
            conn.execute("UPDATE takes SET favourite = ? WHERE id = ?", (int(bool(favourite)), take_id))
        return self.get_take(take_id)

    def delete_take(self, take_id: int) -> None:
        with self._db.transaction() as conn:
            take = self.get_take(take_id)
            files = [conn.execute("SELECT audio_file FROM takes WHERE id = ?", (take.id,)).fetchone()[0]]
            files += [
                r[0]
                for r in conn.execute("SELECT audio_file FROM take_segments WHERE take_id = ?", (take.id,))
                if r[0]
            ]
            conn.execute("DELETE FROM take_segments WHERE take_id = ?", (take.id,))
            conn.execute("DELETE FROM takes WHERE id = ?", (take.id,))
            self._search.removed(conn, take.id)
        self._discard_files(files)

    def detach_takes(self, voice_id: int) -> list[int]:
        """Keep a voice's takes when the voice itself is to be deleted: they stop naming the voice
        (voice_id NULL; re-rolling them then needs a voice) and keep its name in their timings as
        "deleted_voice". Returns the ids of the detached takes; the voice can be deleted after this.
        Raises NotFoundError if there is no such voice.
        """
        with self._db.transaction() as conn:
            row = conn.execute("SELECT name FROM voices WHERE id = ?", (voice_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"There is no voice with id {voice_id} in this library.")
            name = row[0]
            rows = conn.execute(
                "SELECT id, timings_json FROM takes WHERE voice_id = ?", (voice_id,)
            ).fetchall()
            stamp = to_db(now_utc())
            for take_id, timings_json in rows:
                timings = from_json(timings_json) or {}
                timings["deleted_voice"] = name
                conn.execute(
                    "UPDATE takes SET voice_id = NULL, timings_json = ?, updated_at = ? WHERE id = ?",
                    (to_json(timings), stamp, take_id),
                )
        return [r[0] for r in rows]

    # -- search and listing ----------------------------------------------------------------------

    def list_takes(
        self,
        *,
        voice_id: int | None = None,
        text: str | None = None,
        favourite: bool | None = None,
        since: DateLike = None,
        until: DateLike = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[Take]:
        """Takes newest first, filtered; segments are not loaded (use get_take for them).

        `text` matches a substring of the take text (any case). `since`/`until` are datetimes
        ([since, until)) or dates (whole local days, both included).
        """
        where, params = self._take_filters(voice_id, text, favourite, since, until)
        sql = _TAKE_SELECT + where + " ORDER BY t.created_at DESC, t.id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return [self._take_from_row(row, ()) for row in self._db.query(sql, params)]

    def take_ids(
        self,
        *,
        voice_id: int | None = None,
        text: str | None = None,
        favourite: bool | None = None,
        since: DateLike = None,
        until: DateLike = None,
    ) -> list[int]:
        """All matching take ids, newest first (for a virtual list view)."""
        where, params = self._take_filters(voice_id, text, favourite, since, until)
        sql = "SELECT t.id FROM takes t" + where + " ORDER BY t.created_at DESC, t.id DESC"
        with self._db.lock:
            return [row[0] for row in self._db.conn.execute(sql, params)]

    def count_takes(self, **filters: Any) -> int:
        where, params = self._take_filters(
            filters.get("voice_id"), filters.get("text"), filters.get("favourite"),
            filters.get("since"), filters.get("until"),
        )  # fmt: skip
        with self._db.lock:
            return int(self._db.conn.execute("SELECT COUNT(*) FROM takes t" + where, params).fetchone()[0])

    def _take_filters(
        self, voice_id: int | None, text: str | None, favourite: bool | None, since: DateLike, until: DateLike
    ) -> tuple[str, list[object]]:
        where: list[str] = []
        params: list[object] = []
        if voice_id is not None:
            where.append("t.voice_id = ?")
            params.append(int(voice_id))
        if favourite is not None:
            where.append("t.favourite = ?")
            params.append(int(bool(favourite)))
        if text:
            clause, extra = self._search.clause(text)
            where.append(clause)
            params += extra
        start, end = range_start(since), range_end(until)
        if start is not None:
            where.append("t.created_at >= ?")
            params.append(start)
        if end is not None:
            where.append("t.created_at < ?")
            params.append(end)
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def _take_from_row(self, row: sqlite3.Row, segments: tuple[Segment, ...]) -> Take:
        consent = None
        if row["consent_given_by"]:
            consent = Consent(
                row["consent_given_by"],
                row["consent_given_at"],
                row["consent_use"],
                row["consent_note"] or "",
            )
        return Take(
            id=row["id"],
            uid=row["uid"],
            voice_id=row["voice_id"],
            voice_name=row["voice_name"],
            text=row["text"],
            mode=row["mode"],
            instruction=row["instruction"],
            seed=row["seed"],
            speed=row["speed"],
            model_family=row["model_family"],
            model_hash=row["model_hash"],
            engine_version=row["engine_version"],
            timings=from_json(row["timings_json"]),
            path=self._abs(row["audio_file"]),
            sample_rate=row["sample_rate"],
            channels=row["channels"],
            frames=row["frames"],
            favourite=bool(row["favourite"]),
            created_at=from_db(row["created_at"]),
            updated_at=from_db(row["updated_at"]),
            segments=segments,
            voice_consent=consent,
            source=row["source"],
        )


def _segment(take: Take, index: int) -> Segment:
    for seg in take.segments:
        if seg.index == index:
            return seg
    raise NotFoundError(f"Take {take.id} has no segment {index} (it has {len(take.segments)}).")
