"""Recording from the microphone in the window: countdown, live level, stop into a library clip.

Wraps studio.audio.recorder.Recorder (PortAudio callback -> queue -> crash-safe journal). The
level meter and the elapsed time are read by the display clock (`poll()`), never pushed from
the audio thread. A device that vanishes mid-recording stops the recorder by itself; `poll()`
notices, and the audio captured so far becomes a clip like any other recording.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QTimer, Signal

from studio.audio.errors import RecorderError
from studio.audio.levels import Level
from studio.audio.recorder import DEVICE_LOST, Recorder
from studio.ui.context import StudioContext

IDLE, COUNTDOWN, RECORDING, SAVING = "idle", "countdown", "recording", "saving"
MAX_SECONDS = 120.0


class RecordingController(QObject):
    stateChanged = Signal(str)
    countdownTick = Signal(int)  # seconds left before recording starts
    recorded = Signal(object)  # the library Clip
    failed = Signal(str)
    deviceLost = Signal(str)

    def __init__(self, ctx: StudioContext, parent=None, max_seconds: float = MAX_SECONDS):
        super().__init__(parent)
        self.ctx = ctx
        self.max_seconds = max_seconds
        self.state = IDLE
        self.recorder: Recorder | None = None
        self.level = Level()
        self.elapsed = 0.0
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._count)
        self.transcript = ""
        self.backend = None  # None: sounddevice (PortAudio); tests may put a scripted backend here

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    @property
    def busy(self) -> bool:
        return self.state != IDLE

    def toggle(self) -> None:
        if self.state == IDLE:
            self.start()
        elif self.state == COUNTDOWN:
            self.cancel()
        elif self.state == RECORDING:
            self.stop()

    def start(self, countdown_s: int | None = None) -> None:
        if self.state != IDLE:
            return
        left = self.ctx.settings.get("audio/countdown_s") if countdown_s is None else countdown_s
        self._left = max(0, int(left))
        if self._left == 0:
            self._begin()
            return
        self._set_state(COUNTDOWN)
        self.countdownTick.emit(self._left)
        self._timer.start()

    def _count(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.countdownTick.emit(self._left)
            return
        self._timer.stop()
        self.countdownTick.emit(0)
        self._begin()

    def _begin(self) -> None:
        device = self.ctx.settings.get("audio/input_device") or None
        recorder = Recorder(self.ctx.library, device=device, backend=self.backend)
        try:
            recorder.start()
        except RecorderError as err:
            self._set_state(IDLE)
            self.failed.emit(str(err))
            return
        except Exception as err:  # anything PortAudio throws that the recorder did not word
            self._set_state(IDLE)
            self.failed.emit(self.tr("Recording could not start ({0}).").format(err))
            return
        self.recorder = recorder
        self.elapsed = 0.0
        self._set_state(RECORDING)

    def poll(self) -> None:
        """Called by the display clock: refresh level and time, notice a lost device."""
        recorder = self.recorder
        if recorder is None or self.state != RECORDING:
            return
        self.level = recorder.level
        self.elapsed = recorder.elapsed_s
        if recorder.state == DEVICE_LOST:
            self.deviceLost.emit(recorder.error or self.tr("The input device was lost."))
            self.stop()
        elif self.elapsed >= self.max_seconds:
            self.stop()

    def stop(self) -> None:
        """Stop and turn the recording into a clip (on the background thread)."""
        if self.state == COUNTDOWN:
            self.cancel()
            return
        recorder, self.recorder = self.recorder, None
        if recorder is None:
            return
        self._set_state(SAVING)
        transcript = self.transcript

        def finish():
            return recorder.stop(transcript=transcript)

        self.ctx.background.run(finish, self._saved, self._save_failed)

    def _saved(self, clip) -> None:
        self._set_state(IDLE)
        self.recorded.emit(clip)

    def _save_failed(self, err: BaseException) -> None:
        self._set_state(IDLE)
        self.failed.emit(str(err))

    def cancel(self) -> None:
        """Abort: a countdown simply stops; a recording is thrown away (the user asked)."""
        self._timer.stop()
        recorder, self.recorder = self.recorder, None
        if recorder is not None:
            with contextlib.suppress(RecorderError):
                recorder.cancel()
        self._set_state(IDLE)
