"""The voice library: voices, reference clips, takes, provenance, recording journals, export.

Plain Python + sqlite3 + numpy + soundfile. It never imports torch or Qt, so the CLI and tests
can use it without the engine or the window.
"""

from studio.library.crossfade import join_with_crossfade
from studio.library.errors import (
    CatalogCorruptError,
    LibraryError,
    NameClashError,
    NotFoundError,
    VoicepackError,
)
from studio.library.integrity import IntegrityReport, MissingFile
from studio.library.library import Library
from studio.library.location import ENV_VAR, default_library_dir, resolve_library_dir
from studio.library.model_hash import model_folder_hash
from studio.library.records import (
    NO_CONSENT_TEXT,
    Clip,
    Consent,
    PendingRecording,
    PreparedPrompt,
    Segment,
    SegmentInput,
    Take,
    Voice,
)
from studio.library.voicepack import ImportResult, VoicepackLimits

open_library = Library.open

__all__ = [
    "ENV_VAR",
    "NO_CONSENT_TEXT",
    "CatalogCorruptError",
    "Clip",
    "Consent",
    "ImportResult",
    "IntegrityReport",
    "Library",
    "LibraryError",
    "MissingFile",
    "NameClashError",
    "NotFoundError",
    "PendingRecording",
    "PreparedPrompt",
    "Segment",
    "SegmentInput",
    "Take",
    "Voice",
    "VoicepackError",
    "VoicepackLimits",
    "default_library_dir",
    "join_with_crossfade",
    "model_folder_hash",
    "open_library",
    "resolve_library_dir",
]
