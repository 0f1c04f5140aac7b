"""Errors of the transcribe room: each message is one sentence a user can act on."""

from __future__ import annotations


class TranscribeError(Exception):
    """Base of every error this room raises on purpose."""


class RecognizerUnavailable(TranscribeError):
    """The recognizer asked for is not installed (its package or its model files are missing)."""


class RecordingError(TranscribeError):
    """A recording cannot be read (missing, not audio, damaged, too low a sample rate)."""


class Cancelled(TranscribeError):
    """The job was cancelled; what it had already saved stays saved."""
