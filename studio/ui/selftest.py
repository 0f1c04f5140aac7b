"""`voice-studio --self-test MODEL_DIR`: the real window, one streaming take, exported and checked.

Runs with a throwaway library and settings (the user's are never touched), offscreen when there
is no display. Steps: load the model on the worker thread, import the bundled reference clip,
save it as a voice (prepare_voice), make one streaming take through the real worker thread,
export it to a temporary folder and read the file back. Prints one summary line; exits 0, or 1
with the reason. The installer build runs this inside the frozen app.

`run_heartbeat` drives the same window through several takes while a 10 ms heartbeat timer
measures how long the UI thread is ever blocked (`python -m studio.ui.heartbeat MODEL_DIR`).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

SELFTEST_TEXT = "Hello from Voice Studio. This take was made by the self-test."
TIMEOUT_S = 600.0


class SelfTestError(RuntimeError):
    pass


def _prepare_environment(workdir: Path) -> None:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Settings, library, model list and XDG folders of this run are throw-away: a self-test
    # must not register its model folder or change the user's settings.
    from studio.sandbox import use_throwaway_user_folders

    use_throwaway_user_folders(workdir / "user")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")


def wait_for(predicate, timeout_s: float, what: str) -> None:
    """Run the Qt event loop until predicate() is true (checked every 5 ms) or fail naming `what`."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    state = {"timed_out": False}

    def check() -> None:
        if predicate():
            loop.quit()
        elif time.monotonic() > deadline:
            state["timed_out"] = True
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if state["timed_out"]:
        raise SelfTestError(f"timed out after {timeout_s:.0f} s waiting for {what}")


class WindowDriver:
    """Drives a MainWindow the way a person would, without modal dialogs, failing with a reason."""

    def __init__(self, window, timeout_s: float = TIMEOUT_S):
        self.window = window
        self.ctx = window.ctx
        self.timeout_s = timeout_s
        self.errors: list[str] = []
        self.ctx.message.connect(lambda level, text: self.errors.append(text) if level == "error" else None)

    def load_model(self, folder: str | os.PathLike):
        bridge = self.ctx.bridge
        failures: list[str] = []
        bridge.modelFailed.connect(failures.append)
        self.window.load_model(folder)
        wait_for(
            lambda: not bridge.loading and (bridge.loaded is None or bridge.device_description != ""),
            self.timeout_s,
            "the model to load",
        )
        if bridge.loaded is None:
            raise SelfTestError(f"the model did not load: {failures[-1] if failures else self._last_error()}")
        return bridge.loaded

    def save_voice(self, clip: Path, transcript: str, name: str = "Self-test voice") -> int:
        from studio.ui.voice_dialog import VoiceDetails

        panel = self.window.reference
        if not panel.load_file(clip):
            raise SelfTestError(f"the reference clip {clip} could not be imported: {self._last_error()}")
        panel.transcript_edit.setText(transcript)
        panel.update_quality()
        saved: list[int] = []
        panel.voiceSaved.connect(saved.append)
        if not panel.save_as_voice(VoiceDetails(name=self.ctx.library.unique_voice_name(name))):
            raise SelfTestError(f"the voice could not be saved: {self._last_error()}")
        wait_for(lambda: saved or not panel.saving, self.timeout_s, "the voice to be prepared")
        if not saved:
            raise SelfTestError(f"the voice could not be saved: {self._last_error()}")
        self.window.voice_list.select_voice(saved[0])
        return saved[0]

    def make_take(self, text: str, *, mode: str = "zero_shot", stream: bool = True, seed: int = 1) -> int:
        window = self.window
        script = window.script
        script.set_mode(mode)
        script.set_text(text)
        script.stream.setChecked(stream)
        script.seed.setValue(seed)
        ended: list[tuple[str, object]] = []
        window.takeEnded.connect(lambda kind, take_id: ended.append((kind, take_id)))
        if window.synthesize() is None and not window.runs:
            raise SelfTestError(f"the take was not started: {self._last_error()}")
        wait_for(lambda: ended, self.timeout_s, "the take to finish")
        kind, take_id = ended[0]
        if kind != "finished" or take_id is None:
            raise SelfTestError(f"the take {kind}: {self._last_error()}")
        return int(take_id)

    def export(self, take_id: int, dest: Path) -> Path:
        done: list[str] = []
        failed: list[str] = []
        self.window.exported.connect(done.append)
        self.window.exportFailed.connect(failed.append)
        self.window.export_take(take_id, dest)
        wait_for(lambda: done or failed, self.timeout_s, "the export")
        if failed:
            raise SelfTestError(f"the export failed: {failed[0]}")
        return Path(done[0])

    def _last_error(self) -> str:
        return self.errors[-1] if self.errors else "no message"


def _bundled_clip() -> tuple[Path, str]:
    from studio.paths import resources_dir

    folder = resources_dir() / "selftest"
    return folder / "reference.wav", (folder / "reference.txt").read_text(encoding="utf-8").strip()


def _open_window(workdir: Path, library: str | None):
    from studio.ui.app import build_window, create_application

    app = create_application()
    ctx, window = build_window(library or workdir / "library")
    window.confirm_quit_during_take = lambda: True  # a script quits without asking (no one to answer)
    window.show()
    return app, ctx, window


def run_self_test(model_dir: str, library: str | None = None, keep: bool = False) -> int:
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="voice-studio-selftest-"))
    _prepare_environment(workdir)
    window = None
    try:
        if not Path(model_dir).is_dir():
            raise SelfTestError(f"{model_dir} is not a folder")
        _app, ctx, window = _open_window(workdir, library)
        driver = WindowDriver(window)
        loaded = driver.load_model(model_dir)
        clip, transcript = _bundled_clip()
        driver.save_voice(clip, transcript)
        take_id = driver.make_take(SELFTEST_TEXT, stream=True)
        take = ctx.library.get_take(take_id)
        exported = driver.export(take_id, workdir / "export" / "selftest-take.wav")
        summary = check_exported(exported, take.sample_rate)
        timings = take.timings or {}
        print(
            f"self-test ok: {loaded.family} on {ctx.bridge.device_description}; streaming take {take_id}: "
            f"{summary}, first audio {timings.get('first_audio_latency', 0):.2f} s, "
            f"RTF {timings.get('rtf') or 0:.2f}; total {time.monotonic() - started:.1f} s",
            flush=True,
        )
        return 0
    except SelfTestError as err:
        print(f"self-test FAILED: {err}", file=sys.stderr, flush=True)
        return 1
    except Exception as err:  # anything unexpected is a failure with its reason, not a traceback
        print(f"self-test FAILED: {type(err).__name__}: {err}", file=sys.stderr, flush=True)
        return 1
    finally:
        if window is not None:
            window.close()
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


def check_exported(path: Path, sample_rate: int) -> str:
    """Read the exported file back; fail unless it is real, finite, non-silent audio."""
    import numpy as np
    import soundfile as sf

    if not path.is_file():
        raise SelfTestError(f"the exported file {path} does not exist")
    audio, rate = sf.read(str(path), dtype="float32", always_2d=True)
    if rate != sample_rate:
        raise SelfTestError(f"the exported file is {rate} Hz, the take {sample_rate} Hz")
    if audio.shape[0] == 0:
        raise SelfTestError("the exported file holds no audio")
    if not np.isfinite(audio).all():
        raise SelfTestError("the exported file holds NaN or infinite samples")
    peak = float(np.abs(audio).max())
    if peak < 1e-4:
        raise SelfTestError("the exported file is silent")
    return f"{audio.shape[0] / rate:.2f} s at {rate} Hz exported to {path.name} (peak {peak:.2f})"


def run_heartbeat(model_dir: str, takes: int = 3, text: str = SELFTEST_TEXT) -> int:
    """Make `takes` streaming and `takes` non-streaming takes; report the worst UI-thread gap."""
    from studio.ui.heartbeat import Heartbeat

    workdir = Path(tempfile.mkdtemp(prefix="voice-studio-heartbeat-"))
    _prepare_environment(workdir)
    window = None
    try:
        _app, ctx, window = _open_window(workdir, None)
        driver = WindowDriver(window)
        driver.load_model(model_dir)
        clip, transcript = _bundled_clip()
        driver.save_voice(clip, transcript)
        beat = Heartbeat()
        beat.start()
        t0 = time.monotonic()
        for i in range(takes):
            for stream in (True, False):
                driver.make_take(text, stream=stream, seed=100 + i)
        beat.stop()
        print(
            f"heartbeat over {2 * takes} takes ({time.monotonic() - t0:.1f} s): {beat.summary()}; "
            f"display clock worst tick {ctx.display.worst_tick_ms:.1f} ms",
            flush=True,
        )
        return 0
    except SelfTestError as err:
        print(f"heartbeat FAILED: {err}", file=sys.stderr)
        return 1
    finally:
        if window is not None:
            window.close()
        shutil.rmtree(workdir, ignore_errors=True)
