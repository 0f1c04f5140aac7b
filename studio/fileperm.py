"""The permission bits a new file gets under the user's umask (what open() and libsndfile give).

Some writers (mkstemp, safetensors' save_file) create files readable by their owner only; files
the studio hands to the user get the same mode as any other program's new file instead.
"""

from __future__ import annotations

import os
import threading

_lock = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _lock:  # elsewhere: set and restore (the only portable way to read it)
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def default_file_mode() -> int:
    """0o666 minus the umask: 0o644 under the usual umask 022."""
    return 0o666 & ~current_umask()
