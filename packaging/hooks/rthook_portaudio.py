"""PyInstaller runtime hook: let sounddevice find the PortAudio library bundled with the app (Linux).

sounddevice looks PortAudio up with ctypes.util.find_library("portaudio"), which on Linux only sees
the system's linker cache, so on a machine without libportaudio2 it would not find the copy the
build puts in the app folder. This hook keeps the system library first (it matches the system's
ALSA/JACK setup) and falls back to the bundled one. On Windows and macOS sounddevice loads the
library shipped in its own `_sounddevice_data` package, which the standard hook collects.
"""

import os
import sys


def _install() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes.util

    bundled = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "libportaudio.so.2")
    system_find_library = ctypes.util.find_library

    def find_library(name):
        found = system_find_library(name)
        if found is None and name == "portaudio" and os.path.isfile(bundled):
            return bundled
        return found

    ctypes.util.find_library = find_library


_install()
