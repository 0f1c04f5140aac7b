"""Clips cut from long recordings (`voice-studio ingest`): source, time span, recognizers' texts,
agreement, review state and archival metadata; review; turning accepted clips into voices; dataset
export (FLAC + CSV manifest + Kaldi-style wav.scp / text / utt2spk).

The clip itself is an ordinary clip (source "imported", source_name the recording's file name); the
ingest facts live in the `ingested_clips` table, written in the same transaction as the clip.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from studio.library.atomic import atomic_write_bytes
from studio.library.audio_files import as_frames, write_audio
from studio.library.base import CLIPS_DIR, LibraryBase, from_json, new_uid, to_json
from studio.library.errors import LibraryError, NotFoundError
from studio.library.records import Clip, Consent
from studio.library.timeutil import now_utc, to_db

REVIEW_STATES = ("pending", "accepted", "rejected")


@dataclass(frozen=True)
class IngestedClip:
    clip: Clip
    source_path: str
    source_key: str
    start_s: float
    end_s: float
    agreement: float | None
    needs_review: bool
    review: str  # pending | accepted | rejected
    recognitions: dict[str, Any] | None
    speaker: str = ""
    dialect: str = ""
    region: str = ""
    consent: str = ""

    @property
    def id(self) -> int:
        return self.clip.id

    @property
    def transcript(self) -> str:
        return self.clip.transcript

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `voice-studio ingest --json` prints for each saved clip."""
        return {
            "clip_id": self.clip.id,
            "source": self.source_path,
            "start": round(self.start_s, 3),
            "end": round(self.end_s, 3),
            "transcript": self.clip.transcript,
            "agreement": None if self.agreement is None else round(self.agreement, 4),
            "needs_review": self.needs_review,
            "review": self.review,
            "recognitions": (self.recognitions or {}).get("recognitions", []),
            "quality": self.clip.quality,
            "sample_rate": self.clip.sample_rate,
            "audio_file": str(self.clip.path),
            "speaker": self.speaker,
            "dialect": self.dialect,
            "region": self.region,
            "consent": self.consent,
        }


class IngestedMixin(LibraryBase):
    def add_ingested_clip(
        self,
        audio: np.ndarray,
        sample_rate: int,
        *,
        source_path: str,
        source_key: str,
        start_s: float,
        end_s: float,
        transcript: str = "",
        agreement: float | None = None,
        needs_review: bool = False,
        recognitions: dict[str, Any] | None = None,
        quality: dict[str, Any] | None = None,
        speaker: str = "",
        dialect: str = "",
        region: str = "",
        consent: str = "",
    ) -> IngestedClip:
        """Store one cut clip (FLAC at the recording's own rate) and its ingest row in one transaction.

        Raises LibraryError when this span of this recording is already in the library.
        """
        audio = as_frames(audio)
        with self._new_files() as created:
            rel, shape = self._write_new_audio(created, CLIPS_DIR, audio, sample_rate)
            now = to_db(now_utc())
            with self._db.transaction() as conn:
                if self._span_exists(conn, source_key, start_s):
                    raise LibraryError(
                        f"{Path(source_path).name} {start_s:.2f}-{end_s:.2f} s is already in the library."
                    )
                clip_id = self._insert_clip(
                    conn,
                    uid=new_uid(),
                    voice_id=None,
                    audio_file=rel,
                    transcript=transcript or "",
                    source="imported",
                    source_name=Path(source_path).name,
                    device="",
                    sample_rate=shape.sample_rate,
                    channels=shape.channels,
                    frames=shape.frames,
                    quality_json=to_json(quality),
                    trim_start=None,
                    trim_end=None,
                    created_at=now,
                )
                conn.execute(
                    "INSERT INTO ingested_clips (clip_id, source_path, source_key, start_s, end_s, agreement,"
                    " needs_review, review, recognitions_json, speaker, dialect, region, consent, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)",
                    (
                        clip_id,
                        str(source_path),
                        source_key,
                        float(start_s),
                        float(end_s),
                        None if agreement is None else float(agreement),
                        int(bool(needs_review)),
                        to_json(recognitions),
                        speaker.strip(),
                        dialect.strip(),
                        region.strip(),
                        consent.strip(),
                        now,
                    ),
                )
        return self.get_ingested(clip_id)

    @staticmethod
    def _span_exists(conn: sqlite3.Connection, source_key: str, start_s: float) -> bool:
        row = conn.execute(
            "SELECT 1 FROM ingested_clips WHERE source_key = ? AND abs(start_s - ?) < 0.0005",
            (source_key, float(start_s)),
        ).fetchone()
        return row is not None

    def ingested_spans(self, source_key: str) -> list[tuple[float, float]]:
        """The (start, end) spans of a recording already saved (for resuming an ingest)."""
        rows = self._db.query(
            "SELECT start_s, end_s FROM ingested_clips WHERE source_key = ? ORDER BY start_s", (source_key,)
        )
        return [(float(r["start_s"]), float(r["end_s"])) for r in rows]

    def get_ingested(self, clip_id: int) -> IngestedClip:
        row = self._db.query_one("SELECT * FROM ingested_clips WHERE clip_id = ?", (int(clip_id),))
        if row is None:
            raise NotFoundError(f"There is no ingested clip with id {clip_id} in this library.")
        return self._ingested_from_row(row)

    def list_ingested(
        self, *, review: str | None = None, needs_review: bool | None = None, source: str | None = None
    ) -> list[IngestedClip]:
        """Ingested clips in recording order (source, start); filter by review state, flag or source."""
        where, params = [], []
        if review is not None:
            if review not in REVIEW_STATES:
                raise LibraryError(f"A review state is one of {', '.join(REVIEW_STATES)}, not {review!r}.")
            where.append("review = ?")
            params.append(review)
        if needs_review is not None:
            where.append("needs_review = ?")
            params.append(int(needs_review))
        if source is not None:
            where.append("(source_path = ? OR source_key = ?)")
            params.extend([source, source])
        sql = "SELECT * FROM ingested_clips"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._db.query(sql + " ORDER BY source_path, start_s, clip_id", tuple(params))
        return [self._ingested_from_row(r) for r in rows]

    def review_ingested(
        self, clip_id: int, *, review: str | None = None, transcript: str | None = None
    ) -> IngestedClip:
        """Accept / reject / reset a clip and/or correct its transcript (a corrected one needs no review)."""
        if review is not None and review not in REVIEW_STATES:
            raise LibraryError(f"A review state is one of {', '.join(REVIEW_STATES)}, not {review!r}.")
        with self._db.transaction() as conn:
            self.get_ingested(clip_id)
            if transcript is not None:
                conn.execute(
                    "UPDATE clips SET transcript = ? WHERE id = ?", (str(transcript).strip(), clip_id)
                )
                conn.execute("UPDATE ingested_clips SET needs_review = 0 WHERE clip_id = ?", (clip_id,))
            if review is not None:
                conn.execute("UPDATE ingested_clips SET review = ? WHERE clip_id = ?", (review, clip_id))
        return self.get_ingested(clip_id)

    def voice_from_ingested(self, clip_ids: list[int], name: str, *, language: str = "") -> int:
        """A new voice from accepted ingested clips (the clips are assigned to it); returns its id.

        The voice takes the first clip's speaker, dialect and consent note. Raises LibraryError for a
        clip that is not accepted.
        """
        if not clip_ids:
            raise LibraryError("Choose at least one accepted clip to make a voice from.")
        items = [self.get_ingested(i) for i in clip_ids]
        not_accepted = [str(i.id) for i in items if i.review != "accepted"]
        if not_accepted:
            raise LibraryError(
                f"Only accepted clips can become a voice (clip {', '.join(not_accepted)} is not)."
            )
        first = items[0]
        consent = (
            Consent(
                given_by=first.speaker or "the speaker",
                given_at=now_utc().date().isoformat(),
                use=first.consent,
                note="as recorded when the recording was ingested",
            )
            if first.consent
            else None
        )
        with self._db.transaction():
            voice = self.add_voice(
                self.unique_voice_name(name),
                speaker_name=first.speaker,
                dialect=first.dialect,
                language=language,
                consent=consent,
                notes=f"From {Path(first.source_path).name}" + (f", {first.region}" if first.region else ""),
            )
            for item in items:
                self.update_clip(item.id, voice_id=voice.id)
        return voice.id

    def export_dataset(self, folder: str | Path, *, review: str = "accepted") -> dict[str, Any]:
        """Write the clips in `review` state as a speech dataset into `folder`:

            wavs/<utt>.flac   each clip at its own rate (FLAC)
            metadata.csv      utt_id, file, transcript, duration_s, source, start_s, end_s, agreement,
                              speaker, dialect, region, consent, sample_rate
            wav.scp, text, utt2spk   Kaldi-style (utterance ids are prefixed by the speaker id, as
                              Kaldi's sorting rule requires)

        Existing files are replaced atomically; returns {"clips": n, "folder": path}.
        """
        from studio.library.audio_files import read_audio

        out = Path(folder)
        items = self.list_ingested(review=review)
        if not items:
            raise LibraryError(f"There are no {review} ingested clips to export.")
        wavs = out / "wavs"
        rows, scp, text, utt2spk = [], [], [], []
        for item in items:
            spk = _kaldi_id(item.speaker) or "unknown"
            utt = f"{spk}-{item.id:07d}"
            audio, rate = read_audio(item.clip.path)
            dest = wavs / f"{utt}.flac"
            write_audio(dest, audio, rate, durable=self._durable)
            transcript = " ".join(item.transcript.split())
            rows.append(
                [utt, f"wavs/{utt}.flac", transcript, f"{item.clip.duration_s:.3f}", item.source_path,
                 f"{item.start_s:.3f}", f"{item.end_s:.3f}",
                 "" if item.agreement is None else f"{item.agreement:.4f}",
                 item.speaker, item.dialect, item.region, item.consent, str(rate)]
            )  # fmt: skip
            scp.append(f"{utt} {dest.resolve()}")
            text.append(f"{utt} {transcript}")
            utt2spk.append(f"{utt} {spk}")
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(
            ["utt_id", "file", "transcript", "duration_s", "source", "start_s", "end_s", "agreement",
             "speaker", "dialect", "region", "consent", "sample_rate"]
        )  # fmt: skip
        writer.writerows(rows)
        atomic_write_bytes(out / "metadata.csv", buf.getvalue().encode("utf-8"), durable=self._durable)
        for name, lines in (("wav.scp", scp), ("text", text), ("utt2spk", utt2spk)):
            data = "".join(f"{line}\n" for line in sorted(lines))
            atomic_write_bytes(out / name, data.encode("utf-8"), durable=self._durable)
        return {"clips": len(items), "folder": str(out)}

    def _ingested_from_row(self, row: sqlite3.Row) -> IngestedClip:
        return IngestedClip(
            clip=self.get_clip(row["clip_id"]),
            source_path=row["source_path"],
            source_key=row["source_key"],
            start_s=float(row["start_s"]),
            end_s=float(row["end_s"]),
            agreement=row["agreement"],
            needs_review=bool(row["needs_review"]),
            review=row["review"],
            recognitions=from_json(row["recognitions_json"]),
            speaker=row["speaker"],
            dialect=row["dialect"],
            region=row["region"],
            consent=row["consent"],
        )


def _kaldi_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "_", text.strip()).strip("_")[:40]
