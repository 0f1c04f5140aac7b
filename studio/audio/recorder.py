"""Recording reference clips from a microphone, crash-safe.

Data path: PortAudio callback -> queue -> writer thread -> library journal on disk.
The callback only copies the block into a queue (it runs on PortAudio's real-time thread and
must never block on disk). The writer thread appends every block to the journal with a plain
os.write, so a killed process loses only what is still queued (milliseconds), and fsyncs at
least every `flush_interval_s` (default 0.5 s), so even a power cut loses under a second.
On stop the journal becomes a clip; after a crash, `Library.pending_recordings()` finds it.

If the device vanishes (PortAudio ends the stream, or no audio arrives for `stall_timeout_s`),
the recorder stops by itself, keeps everything captured, and `state` becomes "device_lost";
`stop()` still turns what was captured into a clip.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from studio.audio.devices import InputDevice, load_backend, resolve_input_device
from studio.audio.errors import RecorderError
from studio.audio.levels import SILENCE_DBFS, Level, measure
from studio.library import Clip, Library, LibraryError
from studio.library.journal import JournalWriter

_STOP = object()
_KEEP: Any = object()

IDLE = "idle"
RECORDING = "recording"
DEVICE_LOST = "device_lost"
STOPPED = "stopped"


class Recorder:
    """Records one clip at a time into `library`. Create a new Recorder per recording."""

    def __init__(
        self,
        library: Library,
        *,
        device: int | str | None = None,
        samplerate: int | None = None,
        channels: int = 1,
        voice_id: int | None = None,
        flush_interval_s: float = 0.5,
        stall_timeout_s: float = 2.0,
        on_device_lost: Callable[[str], None] | None = None,
        backend: Any = None,
    ) -> None:
        self.library = library
        self.device = device
        self.samplerate = samplerate
        self.channels = channels
        self.voice_id = voice_id
        self.flush_interval_s = flush_interval_s
        self.stall_timeout_s = stall_timeout_s
        self.on_device_lost = on_device_lost
        self._backend = backend
        self.state = IDLE
        self.error: str | None = None
        self.level = Level()
        self.max_peak_dbfs = SILENCE_DBFS
        self.overflows = 0
        self.input_device: InputDevice | None = None
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._journal: JournalWriter | None = None
        self._stream: Any = None
        self._writer: threading.Thread | None = None
        self._stream_ended = threading.Event()
        self._stream_lock = threading.Lock()
        self._stopping = threading.Event()

    # -- public -------------------------------------------------------------------------------

    @property
    def recording_id(self) -> str | None:
        return self._journal.id if self._journal else None

    @property
    def elapsed_s(self) -> float:
        """Seconds of audio safely handed to the journal so far."""
        journal = self._journal
        return journal.frames / journal.sample_rate if journal else 0.0

    def start(self) -> str:
        """Open the input device and start recording; returns the recording (journal) id."""
        if self.state != IDLE:
            raise RecorderError("This recorder has already been used; create a new one for each recording.")
        backend = self._backend or load_backend()
        device = resolve_input_device(self.device, backend)
        self.input_device = device
        channels = max(1, min(self.channels, device.max_channels))
        samplerate = int(self.samplerate or device.default_samplerate)
        try:
            self._journal = self.library.start_recording_journal(
                sample_rate=samplerate,
                channels=channels,
                sample_format="float32",
                device=device.name,
                voice_id=self.voice_id,
            )
        except (OSError, LibraryError) as err:
            raise RecorderError(f"The recording could not be saved to the library ({err}).") from None
        try:
            self._stream = backend.InputStream(
                device=device.index,
                samplerate=samplerate,
                channels=channels,
                dtype="float32",
                callback=self._on_audio,
                finished_callback=self._stream_ended.set,
            )
            self._stream.start()
        except Exception as err:  # PortAudioError, ValueError for bad settings, ...
            self._close_stream()
            self._journal.close()
            # Nothing was captured yet, so the empty journal is not user data.
            with contextlib.suppress(LibraryError, OSError):
                self.library.discard_recording(self._journal.id)
            self._journal = None
            raise RecorderError(
                f"The input device {device.name!r} could not be opened ({err}), so nothing was recorded and "
                "no file was written. Check that the microphone is connected and not in use by another "
                "program, or choose another input device in Settings."
            ) from None
        self.state = RECORDING
        self._writer = threading.Thread(target=self._write_loop, name="recorder-writer", daemon=True)
        self._writer.start()
        return self._journal.id

    def stop(
        self, *, voice_id: int | None = _KEEP, transcript: str = "", quality: dict[str, Any] | None = None
    ) -> Clip:
        """Stop recording and store the audio as a clip (also after the device was lost)."""
        journal = self._finish()
        if journal.frames == 0:
            # Nothing was captured: an empty journal holds nothing of the user's.
            with contextlib.suppress(LibraryError, OSError):
                self.library.discard_recording(journal.id)
            raise RecorderError(
                "Nothing was recorded: no audio came from the input device, and no file was kept. Check that "
                "the microphone is connected and not muted, or choose another input device in Settings."
            )
        kwargs: dict[str, Any] = {"transcript": transcript, "quality": quality}
        if voice_id is not _KEEP:
            kwargs["voice_id"] = voice_id
        try:
            return self.library.recover_recording(journal.id, **kwargs)
        except LibraryError as err:
            raise RecorderError(
                f"The recording is kept on disk in {journal.folder} but could not be turned into a clip "
                f"({err}); the studio tries again to make it a clip the next time it starts."
            ) from None

    def cancel(self) -> None:
        """Stop and throw the recording away (the user pressed cancel)."""
        journal = self._finish()
        with contextlib.suppress(LibraryError, OSError):
            self.library.discard_recording(journal.id)

    # -- internals ----------------------------------------------------------------------------

    def _finish(self) -> JournalWriter:
        if self._journal is None:
            raise RecorderError("The recorder was not started.")
        self._stopping.set()
        self._close_stream()
        if self._writer is not None:
            self._queue.put(_STOP)
            self._writer.join()
        self._journal.close()
        if self.state == RECORDING:
            self.state = STOPPED
        return self._journal

    def _close_stream(self) -> None:
        with self._stream_lock:  # the writer thread and stop() may both get here
            stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.stop()
        except Exception:
            with contextlib.suppress(Exception):
                stream.abort()  # a vanished device may refuse a clean stop
        with contextlib.suppress(Exception):
            stream.close()

    def _on_audio(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # PortAudio's real-time thread: copy and hand over, nothing else.
        if status and getattr(status, "input_overflow", False):
            self.overflows += 1
        self._queue.put(indata.copy())

    def _write_loop(self) -> None:
        journal = self._journal
        assert journal is not None
        last_sync = last_data = time.monotonic()
        lost_reason = None
        try:
            while True:
                try:
                    block = self._queue.get(timeout=0.05)
                except queue.Empty:
                    block = None
                if block is _STOP:
                    break
                now = time.monotonic()
                if block is not None:
                    journal.append(block)
                    self.level = measure(block)
                    self.max_peak_dbfs = max(self.max_peak_dbfs, self.level.peak_dbfs)
                    last_data = now
                if now - last_sync >= self.flush_interval_s:
                    journal.sync()
                    last_sync = now
                if not self._stopping.is_set():
                    if self._stream_ended.is_set():
                        lost_reason = "The input device stopped delivering audio (was it unplugged?)"
                    elif now - last_data > self.stall_timeout_s:
                        lost_reason = f"No audio arrived from the input device for {self.stall_timeout_s:g} s"
                    if lost_reason:
                        break
            if lost_reason:  # keep whatever was still queued
                while True:
                    try:
                        block = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if block is not _STOP:
                        journal.append(block)
            journal.sync()
        except OSError as err:
            lost_reason = f"Writing the recording to disk failed ({err.strerror or err})"
        if lost_reason:
            self._close_stream()  # stop PortAudio feeding a queue nobody drains
            self.error = f"{lost_reason}; the {self.elapsed_s:.1f} s captured so far are kept."
            self.state = DEVICE_LOST
            if self.on_device_lost is not None:
                with contextlib.suppress(Exception):
                    self.on_device_lost(self.error)
