"""The reference panel's Transcribe button: fills the transcript on a worker, can be cancelled, and a
typed transcript that does not match what the recognizer hears is warned about before saving."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from tests.transcribe.speech import have_espeak, speak

SAID = "Please call me tomorrow morning before you leave the house."

pytestmark = pytest.mark.skipif(not have_espeak(), reason="espeak-ng is not installed")


@pytest.fixture
def panel(window, tmp_path, monkeypatch):
    monkeypatch.setenv("VOICE_STUDIO_MODELS", str(tmp_path / "no-models"))  # only the built-in PocketSphinx
    ref = tmp_path / "ref.wav"
    sf.write(str(ref), speak(SAID) * 0.5, 16_000)
    panel = window.reference
    assert panel.load_file(ref)
    return panel


def test_transcribe_fills_the_transcript_and_a_mismatch_warns(panel, qtbot):
    helper = panel.transcriber
    assert helper.job is None  # PocketSphinx is never run automatically on import
    assert helper.names() == ["pocketsphinx"]
    with qtbot.waitSignal(helper.finished, timeout=180_000):
        qtbot.mouseClick(helper.button, Qt.MouseButton.LeftButton)
        assert helper.button.text() == "Cancel"  # the UI thread is free while it runs
    assert "tomorrow morning" in panel.transcript_edit.text()
    assert helper.button.text() == "Transcribe"
    assert "pocketsphinx" in helper.status.text()

    seen = _answer(helper, "keep")
    assert helper.confirm_transcript() is True and seen == []  # the recognized text itself: no warning
    panel.transcript_edit.setText("Please phone the elephants this evening.")
    seen = _answer(helper, "fix")
    assert helper.confirm_transcript() is False
    assert seen and "elephants" in seen[0] and "Heard:" in seen[0]
    seen = _answer(helper, "keep")
    assert helper.confirm_transcript() is True and seen
    seen = _answer(helper, "fix")
    assert panel.save_as_voice() is False and seen  # warned before the voice is prepared


def test_transcription_can_be_cancelled(panel, qtbot):
    helper = panel.transcriber
    qtbot.mouseClick(helper.button, Qt.MouseButton.LeftButton)
    assert helper.job is not None
    with qtbot.waitSignal(helper.finished, timeout=5_000):
        qtbot.mouseClick(helper.button, Qt.MouseButton.LeftButton)
    assert helper.job is None and "cancelled" in helper.status.text()
    assert panel.transcript_edit.text() == ""


_GENERATION = [0]


def _answer(helper, which: str) -> list[str]:
    """Click 'Use my transcript' (keep) or 'Let me fix it' (fix) in the warning when it appears."""
    seen: list[str] = []
    tries = [100]
    _GENERATION[0] += 1
    mine = _GENERATION[0]

    def click() -> None:
        if mine != _GENERATION[0]:
            return  # a later _answer took over
        box = getattr(helper, "last_warning", None)
        if box is None or not box.isVisible():
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, click)
            return
        seen.append(box.informativeText())
        helper.last_warning = None
        for button in box.buttons():  # keep: the accepting button; fix: "Let me fix it"
            if (which == "keep") == (box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole):
                button.click()
                return

    QTimer.singleShot(20, click)
    return seen


def test_importing_a_clip_transcribes_it_when_a_recognizer_is_installed(window, qtbot, tmp_path, monkeypatch):
    """A downloaded recognizer (here the tiny random Whisper installed as whisper-small) runs on import."""
    from studio.ui.transcribe_assist import TranscriptAssistant
    from tests.transcribe.tiny_whisper import build_tiny_whisper

    models = tmp_path / "models"
    build_tiny_whisper(models / "whisper-small")
    monkeypatch.setenv("VOICE_STUDIO_MODELS", str(models))
    panel = window.reference
    worker = window.ctx.recognizers  # the window's own: nothing loaded yet, on the engine's device
    assert panel.transcriber.worker is worker and worker.device == "cpu" and worker.loaded() == {}
    assert panel.transcriber.names(automatic=True) == ["whisper-small"]
    ref = tmp_path / "ref.wav"
    sf.write(str(ref), speak(SAID) * 0.5, 16_000)
    with qtbot.waitSignal(panel.transcriber.finished, timeout=120_000):
        assert panel.load_file(ref)
    assert panel.transcriber.verdict is not None
    assert panel.transcript_edit.text() == panel.transcriber.verdict.transcript
    assert "whisper-small" in panel.transcriber.status.text()
    assert isinstance(panel.transcriber, TranscriptAssistant)
    assert list(worker.loaded()) == ["whisper-small"] and worker.loaded()["whisper-small"].device == "cpu"


WRONG = "Please phone the elephants this evening."


def test_a_take_warns_when_the_voice_transcript_disagrees_with_the_recognizer(panel, window, qtbot, tmp_path):
    """Saved with a wrong transcript, then transcribed: the take asks first, naming the words that differ."""
    from tests.ui.conftest import make_take, save_voice

    ref = tmp_path / "ref.wav"
    voice_id = save_voice(
        qtbot, window, clip=ref, transcript=WRONG, name="Caller"
    )  # nothing heard yet: no warning
    helper = panel.transcriber
    assert panel.voice_id == voice_id and panel.transcript_edit.text() == WRONG
    with qtbot.waitSignal(helper.finished, timeout=180_000):
        helper.button.click()
    assert panel.transcript_edit.text() == WRONG  # what the user typed is never overwritten
    script = window.script
    script.set_mode("zero_shot")
    script.set_text("Hello there.")
    takes_before = [j for j in window.ctx.bridge.jobs() if j.kind == "synthesize"]

    seen = _answer(helper, "fix")
    assert window.synthesize() is None  # "Let me fix it": no take
    assert seen and "elephants" in seen[0] and "tomorrow" in seen[0]
    assert [j for j in window.ctx.bridge.jobs() if j.kind == "synthesize"] == takes_before

    seen = _answer(helper, "keep")
    take_id, _run = make_take(qtbot, window, "Hello there.")  # "Make the take anyway"
    assert seen and take_id
    seen = _answer(helper, "fix")
    assert window.synthesize() is not None and seen == []  # the user kept this transcript: not asked again
    for job in window.ctx.bridge.jobs():
        if job.kind == "synthesize":
            job.cancel()


def test_a_take_with_a_matching_transcript_is_not_warned_about(panel, window, qtbot, tmp_path):
    from tests.ui.conftest import save_voice

    save_voice(qtbot, window, clip=tmp_path / "ref.wav", transcript=SAID, name="Caller")
    helper = panel.transcriber
    with qtbot.waitSignal(helper.finished, timeout=180_000):
        helper.button.click()
    window.script.set_mode("zero_shot")
    window.script.set_text("Hello there.")
    seen = _answer(helper, "fix")
    assert helper.confirm_take(panel.voice_id, SAID) is True
    qtbot.wait(150)
    assert seen == []


def test_the_recognizers_follow_the_engine_device_and_close_with_the_window(qtbot, tmp_path, monkeypatch):
    """The context's recognizer worker runs on the loaded TTS model's device (a model moves there, it is
    not loaded again), and shutting the context down cancels what it runs."""
    from studio.engine.worker import Loaded
    from studio.library import Library
    from studio.transcribe import recognizers as reg
    from studio.ui.context import StudioContext
    from studio.ui.engine_bridge import EngineBridge
    from studio.ui.settings import StudioSettings
    from tests.transcribe.test_worker import FakeRecognizer

    monkeypatch.setenv("VOICE_STUDIO_SETTINGS", str(tmp_path / "settings.ini"))
    calls = []

    def load(name, models_dir=None, *, device=None):
        calls.append((name, device))
        return FakeRecognizer(name, device)

    monkeypatch.setattr(reg, "load", load)
    bridge = EngineBridge()
    library = Library.open(tmp_path / "library")
    ctx = StudioContext(library, StudioSettings(), bridge=bridge)
    try:
        assert ctx.recognizers.device is None  # no model loaded: a GPU if there is one
        bridge.modelLoaded.emit(Loaded("cosyvoice2", "cpu", 24_000, "/m"))
        assert ctx.recognizers.device == "cpu"

        def hear(recs, cancel):
            recs[0].release.set()
            return recs[0].transcribe(np.zeros(10, np.float32), cancel=cancel)

        ctx.recognizers.submit(["fake"], hear).future.result(timeout=10)
        bridge.modelLoaded.emit(Loaded("cosyvoice2", "cuda:1", 24_000, "/m"))  # the engine moved to a GPU
        ctx.recognizers.submit(["fake"], hear).future.result(timeout=10)
        assert calls == [("fake", "cpu")]
        [rec] = ctx.recognizers.loaded().values()
        assert rec.moves == ["cuda:1"]

        rec.started.clear()
        rec.release.clear()
        blocked = ctx.recognizers.submit(["fake"], lambda recs, cancel: recs[0].transcribe(
            np.zeros(10, np.float32), cancel=cancel))  # fmt: skip
        qtbot.waitUntil(lambda: rec.started.is_set() and ctx.recognizers.busy, timeout=5_000)
        worker = ctx.recognizers
        ctx.shutdown()
        from studio.transcribe.errors import Cancelled

        with pytest.raises(Cancelled):
            blocked.future.result(timeout=5)
        assert worker.shutdown(wait=True, timeout=5) and rec.closed
    finally:
        bridge.shutdown()
        library.close()


def test_closing_the_window_cancels_its_recognition_and_ends_its_thread(
    make_window, alsa, qtbot, tmp_path, monkeypatch
):
    """A recognition used to keep running on a process-wide worker after its window closed and then
    signal its result into the deleted window. The worker belongs to the window: closing it cancels the
    job and ends the thread, and nothing is called back into Qt from that thread."""
    import logging

    from studio.transcribe import recognizers as reg
    from studio.ui.transcribe_assist import TranscriptAssistant
    from tests.transcribe.test_worker import FakeRecognizer

    made = []

    def load(name, models_dir=None, *, device=None):
        made.append(FakeRecognizer(name, device))  # transcribes until it is cancelled
        return made[-1]

    monkeypatch.setattr(reg, "load", load)
    monkeypatch.setattr(TranscriptAssistant, "names", lambda self, automatic=False: ["fake"])
    window = make_window(ui__autoplay=False)
    panel = window.reference
    ref = tmp_path / "ref.wav"
    sf.write(str(ref), speak(SAID) * 0.5, 16_000)
    assert panel.load_file(ref)
    qtbot.waitUntil(lambda: panel.transcriber.job is not None, timeout=5_000)  # automatic on import
    job = panel.transcriber.job
    qtbot.waitUntil(lambda: bool(made) and made[0].started.is_set(), timeout=10_000)
    errors = []
    handler = logging.Handler()
    handler.emit = lambda record: errors.append(record.getMessage())
    logging.getLogger("concurrent.futures").addHandler(handler)
    try:
        window.close()
        assert job.cancel_event.is_set()  # the running recognition was told to stop
        qtbot.waitUntil(job.future.done, timeout=5_000)
        threads = list(panel.transcriber.worker._pool._threads)
        for thread in threads:
            thread.join(5)
        assert threads and not any(t.is_alive() for t in threads)  # the window's recognizer thread ended
        assert made[0].closed  # its model was freed
        qtbot.wait(100)
    finally:
        logging.getLogger("concurrent.futures").removeHandler(handler)
    assert errors == []  # nothing was called back into Qt from the worker thread


def test_an_english_only_recognizer_does_not_fill_in_a_clip_that_may_be_in_another_language(panel, qtbot):
    """PocketSphinx knows English only: on (likely) Mandarin it writes English words that sound alike.
    In the Chinese UI (or for a voice whose language is not English) its guess is shown, not filled in;
    "Use it anyway" fills it in."""
    helper = panel.transcriber
    panel.ctx.language = "zh_CN"
    with qtbot.waitSignal(helper.finished, timeout=180_000):
        qtbot.mouseClick(helper.button, Qt.MouseButton.LeftButton)
    assert panel.transcript_edit.text() == ""
    status = helper.status.text()
    assert "recognizes English only" in status and "tomorrow morning" in status and 'href="use"' in status
    helper.status.linkActivated.emit("use")
    assert "tomorrow morning" in panel.transcript_edit.text()
    assert "check it before saving" in helper.status.text()
    # in the English UI the same clip is filled in, with a note that it knows English only
    panel.ctx.language = "en"
    panel.transcript_edit.setText("")
    with qtbot.waitSignal(helper.finished, timeout=180_000):
        qtbot.mouseClick(helper.button, Qt.MouseButton.LeftButton)
    assert "tomorrow morning" in panel.transcript_edit.text()
    assert "knows English only" in helper.status.text()


def test_a_chinese_transcript_is_not_judged_by_an_english_only_recognition(panel, qtbot):
    helper = panel.transcriber
    with qtbot.waitSignal(helper.finished, timeout=180_000):
        qtbot.mouseClick(helper.button, Qt.MouseButton.LeftButton)
    assert helper.verdict is not None and helper.verdict.chosen == "pocketsphinx"
    panel.transcript_edit.setText("希望你以后能够做的比我还好呦。")
    seen = _answer(helper, "fix")
    assert helper.confirm_transcript() is True and seen == []  # no "error rate 257 %" warning
    assert "differs" not in helper.check_typed()
