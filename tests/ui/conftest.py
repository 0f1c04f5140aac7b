"""The window's tests: a real MainWindow (offscreen) over the tiny golden CosyVoice 2 model.

One engine worker with the model loaded is shared by the whole session (loading it for every
test would cost seconds each); every test gets its own library, settings, player and window.
Audio devices are real PortAudio devices on ALSA's file/null plugins (tests/alsa_env.py):
playback lands in a file, recording reads a speech file in real time.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.alsa_env import make_alsa_env, reinitialize_portaudio, start_capture_feeder
from tests.conftest import CV2_MODEL

REPO = Path(__file__).resolve().parents[2]
SELFTEST_CLIP = REPO / "resources" / "selftest" / "reference.wav"
SELFTEST_TRANSCRIPT = (REPO / "resources" / "selftest" / "reference.txt").read_text(encoding="utf-8").strip()


def wait_until(qtbot, predicate, timeout_s: float = 120.0) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=int(timeout_s * 1000))


def _loaded_bridge(model):
    """An EngineBridge (the window's worker adapter) with `model` loaded on the CPU."""
    from PySide6.QtWidgets import QApplication

    from studio.ui.engine_bridge import EngineBridge

    bridge = EngineBridge()
    bridge.load_model(model, device="cpu")
    deadline = time.monotonic() + 300
    while (bridge.loaded is None or not bridge.device_description) and time.monotonic() < deadline:
        QApplication.processEvents()
        if not bridge.loading and bridge.loaded is None:
            raise RuntimeError(f"the golden model {model} failed to load through the bridge")
        time.sleep(0.01)
    assert bridge.loaded is not None
    bridge.session_shared = True  # a window on it must not shut it down when it closes (make_window)
    return bridge


@pytest.fixture(scope="session")
def shared_bridge(qapp):
    """The engine worker with the golden CosyVoice 2 model loaded, through the window's bridge."""
    bridge = _loaded_bridge(CV2_MODEL)
    yield bridge
    bridge.shutdown()


@pytest.fixture(scope="session")
def shared_bridge_v3(qapp):
    """The same, with the golden Fun-CosyVoice 3 model (the studio's default family)."""
    from tests.conftest import CV3_MODEL

    bridge = _loaded_bridge(CV3_MODEL)
    yield bridge
    bridge.shutdown()


@pytest.fixture
def alsa(tmp_path, monkeypatch):
    """A PortAudio 'default' device whose playback lands in a file and whose capture is silence."""
    env = make_alsa_env(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    reinitialize_portaudio()
    return env


@pytest.fixture
def alsa_capture(tmp_path, monkeypatch):
    """Like `alsa`, but the capture side speaks the self-test clip in real time."""
    env = make_alsa_env(tmp_path, SELFTEST_CLIP, realtime=True)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    start_capture_feeder(env)
    reinitialize_portaudio()
    return env


@pytest.fixture
def make_window(qtbot, shared_bridge, tmp_path, monkeypatch):
    """make_window(bridge=None, **settings) -> a shown MainWindow with its own library and settings."""
    from studio.library import Library
    from studio.ui.context import StudioContext
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import StudioSettings

    monkeypatch.setenv("VOICE_STUDIO_SETTINGS", str(tmp_path / "settings.ini"))
    # an empty models folder of its own: a recognizer another test installed would transcribe every
    # imported clip and ask (modally) about transcripts it disagrees with
    monkeypatch.setenv("VOICE_STUDIO_MODELS", str(tmp_path / "models"))
    made = []

    def make(bridge=shared_bridge, **settings_values):
        library = Library.open(tmp_path / f"library{len(made)}")
        settings = StudioSettings()
        settings.set("audio/countdown_s", 0)
        for key, value in settings_values.items():
            settings.set(key.replace("__", "/"), value)
        ctx = StudioContext(library, settings, bridge=bridge)
        window = MainWindow(ctx)
        window.confirm_quit_during_take = lambda: True  # teardown closes windows mid-take without a modal
        # a session bridge (shared_bridge, shared_bridge_v3) outlives the window; only a bridge made for
        # this test is the window's to shut down. (A window on shared_bridge_v3 used to shut it down on
        # close, and every later Fun-CosyVoice 3 window test waited for its voice in save_voice.)
        window.owns_bridge = not getattr(bridge, "session_shared", False)
        qtbot.addWidget(window)
        window.show()
        made.append((window, library))
        return window

    yield make
    for window, library in made:
        window.close()
        library.close()


@pytest.fixture
def window(make_window, alsa):
    return make_window(ui__autoplay=False)


def save_voice(
    qtbot, window, clip: Path = SELFTEST_CLIP, transcript: str = SELFTEST_TRANSCRIPT, name="Narrator"
):
    """Import `clip` in the reference panel and save it as a voice, as a person would (no dialog)."""
    from studio.ui.voice_dialog import VoiceDetails

    panel = window.reference
    assert panel.load_file(clip)
    panel.transcript_edit.setText(transcript)
    panel.update_quality()
    saved: list[int] = []
    failed: list[str] = []
    panel.voiceSaved.connect(saved.append)
    panel.saveFailed.connect(failed.append)
    try:
        assert panel.save_as_voice(VoiceDetails(name=name))
        qtbot.waitUntil(lambda: bool(saved or failed), timeout=120_000)  # a failure ends the wait at once
    finally:
        panel.voiceSaved.disconnect(saved.append)
        panel.saveFailed.disconnect(failed.append)
    assert saved, f"the voice was not saved: {failed[0]}"
    voice_id = saved[0]
    window.voice_list.select_voice(voice_id)
    return voice_id


def make_take(
    qtbot, window, text="Hello there. How are you today?", *, mode="zero_shot", stream=True, seed=7
):
    """Synthesize with the window's own controls; returns (take id, TakeRun)."""
    script = window.script
    script.set_mode(mode)
    script.set_text(text)
    script.stream.setChecked(stream)
    script.seed.setValue(seed)
    with qtbot.waitSignal(window.takeStored, timeout=180_000) as stored:
        run = window.synthesize()
        assert run is not None, window.message_bar.text()
    return stored.args[0], run


PARTIAL_TEXT = "One sentence here. Another sentence there. And a third one to be sure. " * 4


def make_partial_take(qtbot, window, text: str = PARTIAL_TEXT):
    """A streamed take cancelled once sound exists (kept as a partial take); returns (take id, TakeRun)."""
    window.script.set_text(text)
    window.script.stream.setChecked(True)
    run = window.synthesize()
    assert run is not None, window.message_bar.text()
    run.job.audio.connect(lambda _events: window.cancel_take())  # cancel once sound exists
    with qtbot.waitSignal(window.takeStored, timeout=120_000) as stored:
        pass
    return stored.args[0], run


def import_script(qtbot, window, tmp_path, text="Hello there.\n\nGood day to you.\n", name="short"):
    """Save a voice, import `text` as a project script mapped to it in the Project tab; the view."""
    voice = save_voice(qtbot, window, name="Narrator")
    view = window.project_view
    window.main_tabs.setCurrentWidget(view)
    (tmp_path / f"{name}.txt").write_text(text)
    assert view.import_script(tmp_path / f"{name}.txt", {"": window.ctx.library.get_voice(voice).uid})
    wait_until(qtbot, lambda: view.model.rowCount() == text.count("\n\n") + 1)
    return view


def render_project(qtbot, view):
    """Render the Project tab's project and wait for the end; the renderEnded argument (None: failed)."""
    with qtbot.waitSignal(view.renderEnded, timeout=300_000) as ended:
        assert view.render()
    return ended.args[0]


def project_that_fails_on_block_one(qtbot, window, tmp_path):
    """A two-block project whose voice has no transcript (Clone, the default mode, needs one), so a
    render fails on its first block; the Project tab's view, current."""
    lib = window.ctx.library
    voice = lib.add_voice("No transcript", language="en")
    lib.import_clip_file(voice.id, SELFTEST_CLIP)
    view = window.project_view
    window.main_tabs.setCurrentWidget(view)
    (tmp_path / "lines.txt").write_text("Hello there.\n\nGood day to you.\n")
    assert view.import_script(tmp_path / "lines.txt", {"": lib.get_voice(voice.id).uid})
    wait_until(qtbot, lambda: view.model.rowCount() == 2)
    return view


from tests.models.conftest import hf_hub, hub, models_dir, online  # noqa: E402, F401 - the local hub fixtures


@pytest.fixture
def chinese(qapp):
    """The zh_CN translators installed on the app; removed afterwards."""
    from studio.ui.i18n import install_translators

    installed = install_translators(qapp, "zh_CN")
    try:
        yield installed
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
