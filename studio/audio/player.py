"""Playing takes and clips through a PortAudio output device (sounddevice), whole or streaming.

Data path: the UI thread writes samples (a whole take, or each `AudioChunk` as the engine makes
it) into a growable ring buffer and returns at once. A feeder thread reads the ring in 20 ms
blocks and writes them to a *blocking* `sounddevice.OutputStream`, so the device's own clock
paces playback and nothing in the UI thread ever waits for audio. When a streaming take is
generated more slowly than it plays, the ring runs dry: the feeder waits for the next chunk
(the device underruns, which is audible as a gap, as in any streaming player) and carries on.

If the device refuses the take's sample rate, the stream is opened at the device's default rate
and the feeder resamples (linear interpolation, continuous across blocks). Errors (no device,
a device that cannot be opened or vanishes) never raise into the UI: the player goes to state
"error" with a sentence in `error`, and the next `play()` tries again.

sounddevice is imported lazily (importing it initialises PortAudio; see devices.py).
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

import numpy as np

from studio.audio.devices import AudioDevice, list_devices, load_backend
from studio.audio.errors import RecorderError

IDLE = "idle"
PLAYING = "playing"
PAUSED = "paused"
ERROR = "error"

BLOCK_S = 0.02


class PlayerError(Exception):
    """Playback could not start; `str(err)` says why and what to do."""


OutputDevice = AudioDevice  # the same record: index, name, host API, channels, rate, default


def _backend(backend: Any = None) -> Any:
    if backend is not None:
        return backend
    try:
        return load_backend()
    except RecorderError as err:
        raise PlayerError(str(err).replace("Audio input", "Audio output")) from None


def list_output_devices(backend: Any = None) -> list[OutputDevice]:
    return list_devices("output", _backend(backend), PlayerError)


def resolve_output_device(device: int | str | None, backend: Any = None) -> OutputDevice:
    """The device to play on: `device` (index or name) or the default output."""
    devices = list_output_devices(backend)
    if not devices:
        raise PlayerError(
            "No audio output device was found; connect speakers or headphones to listen "
            "(takes are still made and saved)."
        )
    if device is None or device == "":
        return next((d for d in devices if d.is_default), devices[0])
    for dev in devices:
        if dev.index == device or (isinstance(device, str) and device.lower() == dev.name.lower()):
            return dev
    for dev in devices:
        if isinstance(device, str) and device.lower() in dev.name.lower():
            return dev
    raise PlayerError(f"The output device {device!r} is not available; choose another one in Settings.")


class RingBuffer:
    """A growable single-producer / single-consumer ring of float32 samples.

    `write` never blocks (the capacity doubles when a producer outruns the consumer, as a GPU
    does when it generates faster than real time); `read` waits up to `timeout` for data.
    `close()` marks the end of the stream: a reader then drains what is left and gets empties.
    """

    def __init__(self, capacity: int = 1 << 16):
        self._buf = np.zeros(max(16, int(capacity)), dtype=np.float32)
        self._start = 0  # read index
        self._size = 0
        self._cond = threading.Condition()
        self.closed = False
        self.total_written = 0
        self.total_read = 0

    @property
    def available(self) -> int:
        with self._cond:
            return self._size

    @property
    def capacity(self) -> int:
        return self._buf.size

    def write(self, samples: np.ndarray) -> None:
        data = np.asarray(samples, dtype=np.float32).reshape(-1)
        if data.size == 0:
            return
        with self._cond:
            if self._size + data.size > self._buf.size:
                self._grow(self._size + data.size)
            end = (self._start + self._size) % self._buf.size
            first = min(data.size, self._buf.size - end)
            self._buf[end : end + first] = data[:first]
            if first < data.size:
                self._buf[: data.size - first] = data[first:]
            self._size += data.size
            self.total_written += data.size
            self._cond.notify_all()

    def _grow(self, needed: int) -> None:
        capacity = self._buf.size
        while capacity < needed:
            capacity *= 2
        new = np.zeros(capacity, dtype=np.float32)
        new[: self._size] = self._peek(self._size)
        self._buf, self._start = new, 0

    def _peek(self, n: int) -> np.ndarray:
        first = min(n, self._buf.size - self._start)
        part = self._buf[self._start : self._start + first]
        if first < n:
            return np.concatenate([part, self._buf[: n - first]])
        return part.copy()

    def read(self, n: int, timeout: float | None = 0.0) -> np.ndarray:
        with self._cond:
            if self._size == 0 and not self.closed and timeout:
                self._cond.wait(timeout)
            n = min(int(n), self._size)
            out = self._peek(n)
            self._start = (self._start + n) % self._buf.size
            self._size -= n
            self.total_read += n
            return out

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()


class LinearResampler:
    """Streaming linear-interpolation resampler (continuous across calls)."""

    def __init__(self, src_rate: float, dst_rate: float):
        self.step = float(src_rate) / float(dst_rate)
        self._pos = 0.0
        self._prev: np.ndarray | None = None

    def __call__(self, block: np.ndarray) -> np.ndarray:
        x = block if self._prev is None else np.concatenate([self._prev, block])
        last = x.size - 1
        if last < 0:
            return np.zeros(0, dtype=np.float32)
        count = int(np.floor((last - self._pos) / self.step)) + 1 if self._pos <= last else 0
        t = self._pos + self.step * np.arange(count)
        out = np.interp(t, np.arange(x.size), x).astype(np.float32)
        self._pos = (self._pos + self.step * count) - last
        self._prev = x[-1:]
        return out


class Player:
    """One playback at a time on one output device. Every method returns immediately.

    `play(samples, rate)` plays a whole array; `start_stream(rate)` + `feed(samples)`... +
    `end_stream()` plays a take while it is generated. `position` (samples at the source rate)
    estimates what is audible now, for a playhead.
    """

    def __init__(self, device: int | str | None = None, backend: Any = None, block_s: float = BLOCK_S):
        self.device = device
        self._backend_override = backend
        self.block_s = block_s
        self.state = IDLE
        self.error: str | None = None
        self.device_name = ""
        self.session = 0
        self.rate = 0
        self._ring: RingBuffer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._paused = threading.Event()
        self._resume = threading.Condition()
        self._latency = 0.0
        self._mark_pos = 0
        self._mark_time = 0.0
        self._frozen_pos: float | None = None

    # -- public --------------------------------------------------------------------------------

    def play(self, samples: np.ndarray, rate: int) -> int:
        session = self.start_stream(rate)
        self.feed(samples)
        self.end_stream()
        return session

    def start_stream(self, rate: int) -> int:
        self.stop()
        ring = RingBuffer(max(1 << 14, int(rate) * 4))
        with self._lock:
            self.session += 1
            session = self.session
            self._ring = ring
            self.rate = int(rate)
            self.state = PLAYING
            self.error = None
            self._stop = threading.Event()
            self._paused.clear()
            self._mark_pos, self._mark_time, self._frozen_pos = 0, time.monotonic(), None
            self._thread = threading.Thread(
                target=self._run, args=(session, ring, int(rate), self._stop), name="player", daemon=True
            )
        self._thread.start()
        return session

    def feed(self, samples: np.ndarray) -> None:
        ring = self._ring
        if ring is not None and not ring.closed:
            ring.write(samples)

    def end_stream(self) -> None:
        ring = self._ring
        if ring is not None:
            ring.close()

    def pause(self) -> None:
        if self.state == PLAYING:
            self._frozen_pos = self.position
            self._paused.set()
            self.state = PAUSED

    def resume(self) -> None:
        if self.state == PAUSED:
            self._paused.clear()
            with self._resume:
                self._resume.notify_all()
            self.state = PLAYING

    def toggle_pause(self) -> None:
        if self.state == PLAYING:
            self.pause()
        elif self.state == PAUSED:
            self.resume()

    def stop(self) -> None:
        """Stop now and forget what was queued."""
        thread = self._thread
        self._stop.set()
        self._paused.clear()
        with self._resume:
            self._resume.notify_all()
        if self._ring is not None:
            self._ring.close()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)
        with self._lock:
            self._thread = None
            if self.state in (PLAYING, PAUSED):
                self.state = IDLE

    @property
    def active(self) -> bool:
        return self.state in (PLAYING, PAUSED)

    @property
    def received(self) -> int:
        """Samples handed to the player in this session (source rate)."""
        ring = self._ring
        return ring.total_written if ring is not None else 0

    @property
    def position(self) -> float:
        """Estimated audible position, in samples at the source rate."""
        if self._frozen_pos is not None and self.state == PAUSED:
            return self._frozen_pos
        if self.rate == 0:
            return 0.0
        mark_pos, mark_time = self._mark_pos, self._mark_time
        if self.state != PLAYING:
            return float(mark_pos)
        estimate = mark_pos - self._latency * self.rate + (time.monotonic() - mark_time) * self.rate
        return float(min(max(estimate, 0.0), mark_pos))

    # -- the feeder thread -------------------------------------------------------------------

    def _open(self, rate: int) -> tuple[Any, int, int]:
        backend = _backend(self._backend_override)
        dev = resolve_output_device(self.device, backend)
        self.device_name = dev.name
        last_err: Exception | None = None
        for channels in (1, 2):
            if channels > dev.max_channels:
                continue
            for dev_rate in dict.fromkeys((int(rate), int(dev.default_samplerate))):
                try:
                    stream = backend.OutputStream(
                        device=dev.index, samplerate=dev_rate, channels=channels, dtype="float32"
                    )
                    return stream, dev_rate, channels
                except Exception as err:  # PortAudioError: invalid rate, busy device, ...
                    last_err = err
        raise PlayerError(f"The output device {dev.name!r} could not be opened ({last_err}).")

    def _run(self, session: int, ring: RingBuffer, rate: int, stop: threading.Event) -> None:
        stream = None
        try:
            stream, dev_rate, channels = self._open(rate)
            self._latency = float(getattr(stream, "latency", 0.0) or 0.0)
            resample = LinearResampler(rate, dev_rate) if dev_rate != rate else None
            block = max(64, int(rate * self.block_s))
            stream.start()
            while not stop.is_set():
                if self._paused.is_set():
                    if stream.active:
                        stream.stop()
                    with self._resume:
                        self._resume.wait(0.1)
                    continue
                if not stream.active:
                    stream.start()
                    self._mark_pos, self._mark_time = ring.total_read, time.monotonic()
                data = ring.read(block, timeout=0.05)
                if data.size == 0:
                    if ring.closed:
                        break
                    continue
                out = resample(data) if resample is not None else data
                if out.size:
                    frames = (
                        out.reshape(-1, 1) if channels == 1 else np.repeat(out.reshape(-1, 1), channels, 1)
                    )
                    stream.write(np.ascontiguousarray(frames))
                self._mark_pos, self._mark_time = ring.total_read, time.monotonic()
            if stop.is_set():
                stream.abort()
            else:
                stream.stop()  # let the device play out what it holds
                self._mark_pos = ring.total_read
        except PlayerError as err:
            self._fail(session, str(err))
        except Exception as err:  # PortAudioError mid-stream: unplugged device, ...
            self._fail(session, f"Playback stopped: the output device failed ({err}).")
        finally:
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()
            with self._lock:
                if session == self.session and self.state in (PLAYING, PAUSED):
                    self.state = IDLE

    def _fail(self, session: int, message: str) -> None:
        with self._lock:
            if session == self.session:
                self.error = message
                self.state = ERROR
