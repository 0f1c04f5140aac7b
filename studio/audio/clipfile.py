"""Reading a sound file the user picked or dropped: any format libsndfile reads, as mono float32."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np


class ClipFileError(Exception):
    """The file cannot be used as audio; `str(err)` is a sentence for the user."""


@dataclass(frozen=True)
class ClipFile:
    path: Path
    audio: np.ndarray  # mono float32 in [-1, 1]
    sample_rate: int
    channels: int  # in the file (the audio here is mixed down to mono)
    format: str  # e.g. "WAV PCM_16"
    declared_frames: int = 0  # the length the file's header gives (0: unknown)

    @property
    def seconds(self) -> float:
        return self.audio.size / self.sample_rate

    @property
    def declared_seconds(self) -> float:
        return self.declared_frames / self.sample_rate

    @property
    def truncated(self) -> bool:
        """The header promises clearly more audio than the file holds (a copy or download cut
        off): more than 0.1 s and 2 % missing, so encoders' rounding of the length does not count."""
        missing = self.declared_frames - self.audio.size
        return missing > max(0.1 * self.sample_rate, 0.02 * self.declared_frames)


UNREADABLE_FORMATS = "WAV, FLAC, OGG, Opus, MP3, AIFF"


def unreadable_audio(name: str, err: BaseException) -> str:
    """The sentence for a file libsndfile (through soundfile) cannot read, naming the file `name`.

    libsndfile's own words add nothing where it could not open the file: "Format not recognised"
    for bytes that are no sound format, and, for a file named .mp3 whose bytes are not MP3,
    "File does not exist or is not a regular file (possibly a pipe?)", which is wrong. Those are
    left out; an error while decoding a file that did open keeps its detail in brackets (its
    "Error opening '<path>': " prefix removed, since the sentence names the file).
    """
    detail = getattr(err, "error_string", None) or str(err)
    opening = str(getattr(err, "prefix", "") or "").startswith("Error opening") or str(err).startswith(
        "Error opening"
    )
    if opening or not isinstance(err, RuntimeError) or not detail.strip():
        return (
            f"{name} is not an audio file Voice Studio can read: it is damaged, or not in a sound "
            f"format Voice Studio knows ({UNREADABLE_FORMATS})."
        )
    return f"{name} is not an audio file Voice Studio can read ({detail.strip().rstrip('.')})."


MAX_FILE_SECONDS = 600.0  # a reference or source clip; longer files are refused before decoding (a
# reference clip is then trimmed to the 3-30 s a voice uses, studio/audio/quality.py)


def read_clip_file(path: str | Path) -> ClipFile:
    import soundfile as sf

    path = Path(path)
    if not path.is_file():
        raise ClipFileError(f"The file {path} does not exist.")
    try:
        info = sf.info(str(path))
        if info.frames / max(info.samplerate, 1) > MAX_FILE_SECONDS:
            raise ClipFileError(
                f"{path.name} is {info.frames / info.samplerate / 60:.1f} minutes long; files of up to "
                f"{MAX_FILE_SECONDS / 60:.0f} minutes can be opened. Cut a shorter piece first "
                "(a voice then uses 3 to 30 s of it, chosen by trimming)."
            )
        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
    except ClipFileError:
        raise
    except Exception as err:  # LibsndfileError, RuntimeError, TypeError for odd files
        raise ClipFileError(unreadable_audio(path.name, err)) from None
    if data.shape[0] == 0:
        raise ClipFileError(f"{path.name} contains no audio.")
    mono = data.mean(axis=1).astype(np.float32) if data.shape[1] > 1 else data[:, 0].copy()
    if not np.all(np.isfinite(mono)):
        raise ClipFileError(f"{path.name} contains invalid (NaN or infinite) samples.")
    return ClipFile(
        path,
        mono,
        int(rate),
        int(data.shape[1]),
        f"{info.format} {info.subtype}",
        _declared_frames(path, info),
    )


def _declared_frames(path: Path, info) -> int:
    """The length a WAV header declares (its data chunk's size), 0 when unknown. libsndfile
    reports the frames actually present, so a file cut off after its header reads as a short
    clip without complaint; the standard library's `wave` reads the header as written (PCM only)."""
    if info.format != "WAV":
        return 0
    import wave

    try:
        with wave.open(str(path), "rb") as w:
            return int(w.getnframes())
    except (wave.Error, EOFError, OSError):
        return 0
