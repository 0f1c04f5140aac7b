"""A stand-in for the sounddevice module, to drive Recorder through failures real hardware has."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import numpy as np


class PortAudioError(Exception):
    pass


class FakeStream:
    def __init__(self, backend, *, device, samplerate, channels, dtype, callback, finished_callback):
        self.backend = backend
        self.samplerate, self.channels = samplerate, channels
        self.callback, self.finished_callback = callback, finished_callback
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.stopped = False
        backend.streams.append(self)

    def start(self):
        if self.backend.fail_on_start:
            raise PortAudioError("Device unavailable [PaErrorCode -9985]")
        self._thread.start()

    def _run(self):
        block = np.full((480, self.channels), 0.25, np.float32)
        sent = 0
        while not self._stop.is_set():
            if self.backend.vanish_after is not None and sent >= self.backend.vanish_after:
                self.finished_callback()  # PortAudio ends the stream when the device goes away
                return
            if self.backend.hang_after is not None and sent >= self.backend.hang_after:
                time.sleep(0.01)  # the device stops delivering but the stream does not end
                continue
            self.callback(block, len(block), None, SimpleNamespace(input_overflow=False))
            sent += 1
            time.sleep(0.002)  # faster than real time: tests stay quick
        self.finished_callback()

    def stop(self):
        self.stopped = True
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def abort(self):
        self.stop()

    def close(self):
        pass


class FakeBackend:
    PortAudioError = PortAudioError

    def __init__(self, *, inputs=1, fail_on_start=False, vanish_after=None, hang_after=None):
        self.inputs = inputs
        self.fail_on_start = fail_on_start
        self.vanish_after = vanish_after
        self.hang_after = hang_after
        self.streams: list[FakeStream] = []
        self.default = SimpleNamespace(device=[0 if inputs else -1, 1])

    def query_devices(self):
        devices = [
            {"name": f"Fake Mic {i}", "hostapi": 0, "max_input_channels": 2, "default_samplerate": 48000.0}
            for i in range(self.inputs)
        ]
        devices.append(
            {"name": "Fake Speaker", "hostapi": 0, "max_input_channels": 0, "default_samplerate": 48000.0}
        )
        return devices

    def query_hostapis(self):
        return [{"name": "Fake API"}]

    def InputStream(self, **kwargs):  # mirrors sounddevice's name
        return FakeStream(self, **kwargs)
