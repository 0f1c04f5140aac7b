"""A cheap fingerprint of a model folder, stored with every take for provenance."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

SAMPLE_BYTES = 64 * 1024
SCHEME = "vsmh1"


def model_folder_hash(path: str | os.PathLike[str]) -> str:
    """Fingerprint of the files in a model folder: `"vsmh1:" + sha256 hex`.

    What is hashed, per regular file (symlinks followed, sorted by relative path, names starting
    with "." skipped so download caches do not count): the relative path, the size in bytes, and
    the first and last 64 KiB of content. Modification times are deliberately left out, so a copy
    or fresh download of the same model gives the same hash; hashing whole multi-GB weights would
    take seconds, while head+tail+size catches any re-export or different checkpoint in
    milliseconds. It is a fingerprint for provenance, not a security check.
    """
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"model folder {root} does not exist")
    digest = hashlib.sha256(SCHEME.encode())
    for rel in _model_files(root):
        full = root / rel
        size = full.stat().st_size
        digest.update(rel.as_posix().encode("utf-8") + b"\0" + str(size).encode() + b"\0")
        with open(full, "rb") as handle:
            digest.update(handle.read(SAMPLE_BYTES))
            if size > SAMPLE_BYTES:
                handle.seek(max(SAMPLE_BYTES, size - SAMPLE_BYTES))
                digest.update(handle.read(SAMPLE_BYTES))
    return f"{SCHEME}:{digest.hexdigest()}"


def _model_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and os.path.isfile(os.path.join(folder, name)):
                found.append(Path(folder, name).relative_to(root))
    return sorted(found, key=lambda p: p.as_posix())
