"""The reference panel's Transcribe button: fills the transcript on a worker, can be cancelled, and a
typed transcript that does not match what the recognizer hears is warned about before saving."""

from __future__ import annotations

import pytest
import soundfile as sf
from PySide6.QtCore import Qt, QTimer

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
        for button in box.buttons():
            if (which == "keep") == (button.text() == box.tr("Use my transcript")):
                button.click()
                return

    QTimer.singleShot(20, click)
    return seen


def test_importing_a_clip_transcribes_it_when_a_recognizer_is_installed(window, qtbot, tmp_path, monkeypatch):
    """A downloaded recognizer (here the tiny random Whisper installed as whisper-small) runs on import."""
    from studio.transcribe.worker import RecognizerWorker
    from studio.ui.transcribe_assist import TranscriptAssistant
    from tests.transcribe.tiny_whisper import build_tiny_whisper

    models = tmp_path / "models"
    build_tiny_whisper(models / "whisper-small")
    monkeypatch.setenv("VOICE_STUDIO_MODELS", str(models))
    panel = window.reference
    panel.transcriber.worker = RecognizerWorker(device="cpu")  # a fresh worker: nothing loaded yet
    assert panel.transcriber.names(automatic=True) == ["whisper-small"]
    ref = tmp_path / "ref.wav"
    sf.write(str(ref), speak(SAID) * 0.5, 16_000)
    with qtbot.waitSignal(panel.transcriber.finished, timeout=120_000):
        assert panel.load_file(ref)
    assert panel.transcriber.verdict is not None
    assert panel.transcript_edit.text() == panel.transcriber.verdict.transcript
    assert "whisper-small" in panel.transcriber.status.text()
    assert isinstance(panel.transcriber, TranscriptAssistant)
