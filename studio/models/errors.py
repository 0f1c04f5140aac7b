"""Errors of the model manager. Every message is one sentence a user can act on."""

from __future__ import annotations


class ModelsError(Exception):
    """Base class: something the user can fix or retry (a name, a folder, the network, the disk)."""


class OfflineError(ModelsError):
    """Downloads are switched off, or the hub cannot be reached."""


class DownloadError(ModelsError):
    """The hub answered but the download failed (missing file, HTTP error, interrupted transfer)."""


class DownloadCancelled(ModelsError):
    """The user cancelled; what was downloaded so far is kept for a resume."""


class IntegrityError(DownloadError):
    """A downloaded file does not match the hub's size or hash, or the folder fails the structural check."""
