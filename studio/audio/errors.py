"""Errors from audio input and output, each with one sentence a user can act on."""

from __future__ import annotations


class RecorderError(Exception):
    """Recording could not start or continue; `str(err)` says why and what to do."""
