"""Errors a project raises: each message is one sentence a user can act on."""

from __future__ import annotations


class ProjectError(Exception):
    """A project problem the user can fix (bad script, unmapped speaker, stale blocks, ...)."""


class ScriptError(ProjectError):
    """A script or subtitle file that cannot be imported; the message names the line or cue."""
