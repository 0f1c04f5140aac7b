"""Errors the engine raises. Every message is a sentence a user can act on."""

from __future__ import annotations


class EngineError(Exception):
    """Base class: something the user can fix (bad input, bad model folder)."""


class ModelFolderError(EngineError):
    """The model folder is missing a file, has a corrupt file, or a file of the wrong shape."""


class UnsupportedModelError(ModelFolderError):
    """The folder is a model family the engine does not support (yet)."""


class AudioInputError(EngineError):
    """Prompt or source audio that cannot be used (missing, corrupt, empty, too short/long, silent)."""


class TextInputError(EngineError):
    """Text that cannot be spoken (empty, normalizes to nothing, too long, unknown units)."""


class RequestError(EngineError):
    """A request that does not make sense (unknown mode, instruct without instruction, ...)."""
