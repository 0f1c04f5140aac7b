"""File digests as the hubs give them: SHA-256 (LFS files, ModelScope) and the git blob SHA-1 (small files)."""

from __future__ import annotations

import hashlib
from pathlib import Path

BLOCK = 8 << 20


def sha256_file(path: Path, cancel=None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(BLOCK):
            h.update(block)
            if cancel is not None and cancel.cancelled:
                from studio.models.errors import DownloadCancelled

                raise DownloadCancelled("The check was cancelled.")
    return h.hexdigest()


def git_blob_sha1(path: Path) -> str:
    size = path.stat().st_size
    h = hashlib.sha1(f"blob {size}\0".encode())
    with open(path, "rb") as fh:
        while block := fh.read(BLOCK):
            h.update(block)
    return h.hexdigest()


def file_matches(path: Path, sha256: str | None, git_sha1: str | None, cancel=None) -> tuple[bool, str]:
    """(matches, what was compared). With no digest known, there is nothing to compare: True, "size"."""
    if sha256:
        return sha256_file(path, cancel).lower() == sha256.lower(), "SHA-256"
    if git_sha1:
        return git_blob_sha1(path).lower() == git_sha1.lower(), "git hash"
    return True, "size"
