"""Errors raised by the library. Each carries one sentence a user can act on."""

from __future__ import annotations


class LibraryError(Exception):
    """Something in the library could not be done; `str(err)` is a sentence for the user."""


class CatalogCorruptError(LibraryError):
    """The catalog file cannot be read as a Voice Studio catalog; the audio files are untouched."""


class NotFoundError(LibraryError):
    """A voice, clip, take or recording id that is not in the library."""


class NameClashError(LibraryError):
    """A voice name that is already taken."""


class VoicepackError(LibraryError):
    """A `.voicepack` archive that is damaged, hostile or from an unknown format version."""
