"""Recordings in progress: journals on disk, found again after a crash and turned into clips."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.library import journal
from studio.library.base import LibraryBase
from studio.library.errors import LibraryError
from studio.library.records import Clip, PendingRecording
from studio.library.timeutil import from_db

_KEEP_VOICE: Any = object()


class RecordingsMixin(LibraryBase):
    @property
    def journal_root(self) -> Path:
        return self.root / journal.JOURNAL_DIR

    def start_recording_journal(
        self,
        *,
        sample_rate: int,
        channels: int,
        sample_format: str = "float32",
        device: str = "",
        voice_id: int | None = None,
    ) -> journal.JournalWriter:
        """A new journal for a recorder to append captured audio to (see studio.audio.recorder)."""
        return journal.JournalWriter.create(
            self.journal_root,
            sample_rate=sample_rate,
            channels=channels,
            sample_format=sample_format,
            device=device,
            voice_id=voice_id,
        )

    def pending_recordings(self) -> list[PendingRecording]:
        """Recordings left unfinished by a crash or killed process (not those still recording)."""
        return journal.list_pending(self.journal_root)

    def recover_recording(
        self,
        rec_id: str,
        *,
        voice_id: int | None = _KEEP_VOICE,
        transcript: str = "",
        quality: dict[str, Any] | None = None,
    ) -> Clip:
        """Turn a journal into a clip (source "recorded"); the journal is removed only after that.

        `voice_id` defaults to the voice the recording was started for, if any.
        """
        folder = journal.journal_folder(self.journal_root, rec_id)
        if journal.is_live(folder):
            raise LibraryError(f"The recording {rec_id} is still in progress; stop it first.")
        audio, header = journal.read_audio(folder)
        if len(audio) == 0:
            raise LibraryError(f"The recording {rec_id} holds no audio; discard it instead.")
        if voice_id is _KEEP_VOICE:
            voice_id = header.get("voice_id") if isinstance(header.get("voice_id"), int) else None
            if voice_id is not None and not self._db.query_one(
                "SELECT 1 FROM voices WHERE id = ?", (voice_id,)
            ):
                voice_id = None  # the voice was deleted meanwhile: keep the audio as an unassigned clip
        if audio.shape[1] == 1:
            audio = audio[:, 0]
        try:
            started = from_db(header.get("started_at", ""))
        except (TypeError, ValueError):
            started = None
        clip = self.add_clip(
            voice_id,
            audio,
            int(header["sample_rate"]),
            transcript=transcript,
            source="recorded",
            device=str(header.get("device") or ""),
            quality=quality,
            created_at=started,
        )
        journal.remove(folder)
        return clip

    def discard_recording(self, rec_id: str) -> None:
        """Delete a pending recording's journal (the user chose not to keep it)."""
        folder = journal.journal_folder(self.journal_root, rec_id)
        if journal.is_live(folder):
            raise LibraryError(f"The recording {rec_id} is still in progress; stop it first.")
        journal.remove(folder)
