"""Child process for recording tests: records from the default PortAudio device into a library.

usage: python -m tests.audio.record_child LIBRARY SECONDS [VOICE_ID]
    SECONDS > 0: record that long, stop, print "CLIP <id> <duration_s>"
    SECONDS < 0: record until killed, printing "ELAPSED <s>" (audio handed to the journal) often
Prints "RECORDING <id> <samplerate> <device>" once capture runs, "ERROR <message>" (exit 3) on
a RecorderError. Run with the env from tests.alsa_env.make_alsa_env (realtime=True for a paced
capture): the feeder must start before sounddevice is imported, which happens in Recorder.start.
"""

from __future__ import annotations

import os
import sys
import time

from tests.alsa_env import CAPTURE_FIFO_KEY, start_capture_feeder

if CAPTURE_FIFO_KEY in os.environ:
    start_capture_feeder()

from studio.audio.errors import RecorderError
from studio.audio.recorder import Recorder
from studio.library import Library


def main() -> int:
    library_path, seconds = sys.argv[1], float(sys.argv[2])
    voice_id = int(sys.argv[3]) if len(sys.argv) > 3 else None
    lib = Library.open(library_path, check=False)
    recorder = Recorder(lib, voice_id=voice_id, samplerate=48000)
    try:
        rec_id = recorder.start()
    except RecorderError as err:
        print(f"ERROR {err}", flush=True)
        return 3
    print(
        f"RECORDING {rec_id} {recorder.input_device.default_samplerate:g} {recorder.input_device.name}",
        flush=True,
    )
    if seconds < 0:
        while True:
            time.sleep(0.1)
            print(f"ELAPSED {recorder.elapsed_s:.4f} LEVEL {recorder.level.peak_dbfs:.1f}", flush=True)
    time.sleep(seconds)
    clip = recorder.stop(transcript="recorded in a test")
    print(f"CLIP {clip.id} {clip.duration_s:.4f} PEAK {recorder.max_peak_dbfs:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
