"""Findings of fresh-user tours of the single-take window: the undo message's take text cut at a word,
a clear (translated) message for a file that is not audio, the quality report's overall line clear of
its table, the transcript mismatch dialog in Chinese, and the live length of a take at another speed."""

from __future__ import annotations

import os
import re

import pytest

from tests.ui.conftest import make_take, save_voice

CJK = re.compile(r"[\u4e00-\u9fff]")
LIBSNDFILE_WORDS = ("pipe", "Format not recognised", "Error opening", "regular file")


# -- 1. the undo message cuts the take's text at a word ------------------------------------------


def test_shorten_cuts_at_a_word_or_a_character_and_ends_with_an_ellipsis():
    from studio.ui.messages import shorten

    text = "Good morning everyone, welcome to the studio tour today."
    short = shorten(text, 40)
    assert short == "Good morning everyone, welcome to the…"
    assert len(short) <= 40
    assert shorten("Hello there.", 40) == "Hello there."  # short texts unchanged
    chinese = "今天天气很好，我们一起去公园散步吧，然后回家吃晚饭，再看一会儿书。"
    assert shorten(chinese, 12) == chinese[:11] + "…"
    japanese = "こんにちは今日はとても良い天気ですね散歩に行きましょう"
    assert shorten(japanese, 10) == japanese[:9] + "…"
    assert shorten("x" * 60, 40) == "x" * 39 + "…"  # one long word: cut inside it


def test_the_undo_message_for_a_deleted_take_cuts_its_text_at_a_word(window, qtbot):
    save_voice(qtbot, window)
    text = "Good morning everyone, welcome to the studio tour today."
    take_id, _ = make_take(qtbot, window, text, stream=False)
    window.takes.select_take(take_id)
    assert window.takes.delete_selected()
    undo = window.undo_action.text()
    assert undo == "Undo delete of Good morning everyone, welcome to the…", undo
    window.undo_delete()
    shown = window.message_bar.text()
    assert "Restored Good morning everyone, welcome to the…" in shown and "…." not in shown, shown


# -- 2. a file that is not audio: a clear message, translated --------------------------------------


@pytest.fixture
def noise_mp3(tmp_path):
    path = tmp_path / "noise.mp3"
    path.write_bytes(os.urandom(6000))  # libsndfile: "... not a regular file (possibly a pipe?)"
    return path


def test_random_bytes_named_mp3_get_a_clear_message(window, noise_mp3, tmp_path):
    bar = window.message_bar
    assert not window.reference.load_file(noise_mp3)
    assert "noise.mp3 is not an audio file Voice Studio can read" in bar.text(), bar.text()
    assert not any(word in bar.text() for word in LIBSNDFILE_WORDS), bar.text()
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF0000WAVEjunk" * 10)  # "Format not recognised"
    assert not window.script.load_source(junk)
    assert "junk.wav is not an audio file Voice Studio can read" in bar.text(), bar.text()
    assert not any(word in bar.text() for word in LIBSNDFILE_WORDS), bar.text()


def test_a_file_that_is_not_audio_is_named_in_chinese(window, chinese, noise_mp3):
    bar = window.message_bar
    assert not window.reference.load_file(noise_mp3)
    shown = bar.text()
    assert "noise.mp3" in shown and CJK.search(shown), shown
    assert "is not an audio file" not in shown and "damaged" not in shown, shown
    assert not any(word in shown for word in LIBSNDFILE_WORDS), shown


def test_every_soundfile_open_error_gets_the_clear_sentence(noise_mp3, tmp_path):
    from studio.audio.clipfile import ClipFileError, read_clip_file
    from studio.transcribe.audio import recording_info
    from studio.transcribe.errors import RecordingError
    from studio.ui.error_text import known_patterns

    text = tmp_path / "notes.flac"
    text.write_text("these are my notes, not audio\n" * 20)
    messages = []
    for path in (noise_mp3, text):
        with pytest.raises(ClipFileError) as err:
            read_clip_file(path)
        messages.append(str(err.value))
        with pytest.raises(RecordingError) as err:
            recording_info(path)  # the ingest dialog's reader
        messages.append(str(err.value))
    patterns = [re.compile(p) for p in known_patterns()]
    for message in messages:
        assert "is not an audio file Voice Studio can read" in message, message
        assert not any(word in message for word in LIBSNDFILE_WORDS), message
        assert any(p.search(message) for p in patterns), message


# -- 3. the quality report's overall line stays clear of the table ---------------------------------


def _rect_in(widget, window):
    from PySide6.QtCore import QRect

    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _assert_report_clear(window, qtbot):
    from PySide6.QtCore import QRect

    view = window.reference.quality
    tree, summary = view.tree, view.summary
    for size in ((1600, 1000), (1280, 720)):  # the second is below the window's minimum: it is squeezed
        window.resize(*size)
        qtbot.wait(50)
        tree.scrollToBottom()  # where the panel is squeezed, the table scrolls to its last row
        qtbot.wait(20)
        last = tree.topLevelItem(tree.topLevelItemCount() - 1)
        row = tree.visualItemRect(last).intersected(tree.viewport().rect())  # the part drawn
        assert row.height() > 0, size
        row = QRect(tree.viewport().mapTo(window, row.topLeft()), row.size())
        shown = _rect_in(summary, window)
        assert summary.isVisible() and shown.height() >= summary.heightForWidth(summary.width())
        assert not shown.intersects(row), (size, shown.getRect(), row.getRect())
        assert not shown.intersects(_rect_in(tree, window)), (size, shown, _rect_in(tree, window))
        assert _rect_in(view, window).contains(shown), (size, shown, _rect_in(view, window))


def test_the_overall_line_does_not_overlap_the_quality_table(window, qtbot):
    from tests.ui.conftest import SELFTEST_CLIP

    assert window.reference.load_file(SELFTEST_CLIP)
    _assert_report_clear(window, qtbot)


def test_the_overall_line_does_not_overlap_the_quality_table_in_chinese(window, chinese, qtbot):
    from tests.ui.conftest import SELFTEST_CLIP

    assert window.reference.load_file(SELFTEST_CLIP)
    assert CJK.search(window.reference.quality.summary.text())
    _assert_report_clear(window, qtbot)


def test_a_long_note_under_the_quality_table_does_not_overlap_it(window, qtbot, tmp_path):
    import soundfile as sf

    from tests.ui.conftest import SELFTEST_CLIP

    audio, rate = sf.read(str(SELFTEST_CLIP), dtype="float32")
    narrow = tmp_path / "telephone.wav"
    sf.write(str(narrow), audio[:: max(1, rate // 8000)], 8000)  # narrow band: a three-line note
    assert window.reference.load_file(narrow)
    assert "Narrow-band" in window.reference.quality.summary.text()
    _assert_report_clear(window, qtbot)


# -- 4. the transcript mismatch dialog is translated and its title fits -----------------------------


def _mismatch_box(window, qtbot, monkeypatch, typed: str, mismatch):
    """Run the Save-as-voice transcript check with `mismatch` found; the dialog's texts, then 'fix'."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    import studio.transcribe.reference as reference

    helper = window.reference.transcriber
    monkeypatch.setattr(reference, "check_transcript", lambda _typed, _verdict: mismatch)
    monkeypatch.setattr(helper, "verdict", object())  # a recognition exists
    window.reference.transcript_edit.setText(typed)
    seen = {}

    def answer() -> None:
        box = helper.last_warning
        if box is None or not box.isVisible():
            QTimer.singleShot(20, answer)
            return
        title = box.windowTitle()
        seen.update(
            title=title,
            text=box.text(),
            info=box.informativeText(),
            buttons=[b.text() for b in box.buttons()],
            title_fits=box.fontMetrics().horizontalAdvance(title) < box.width() * 0.6,
        )
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                button.click()

    helper.last_warning = None
    QTimer.singleShot(20, answer)
    assert helper.confirm_transcript() is False  # "Let me fix it"
    return seen


def test_the_mismatch_dialog_is_chinese_in_the_chinese_ui(window, chinese, qtbot, monkeypatch):
    from studio.transcribe.agreement import Difference
    from studio.transcribe.reference import Mismatch

    differences = (Difference("substitute", "很", "不"), Difference("delete", "啊", ""))
    differences += tuple(Difference("insert", "", "的") for _ in range(6))  # "… more"
    seen = _mismatch_box(
        window, qtbot, monkeypatch, "今天天气很好啊", Mismatch(0.5, "今天天气不好", differences)
    )
    for part in ("title", "text", "info"):
        assert CJK.search(seen[part]), seen
        assert not re.search(r"[A-Za-z]{2,}", seen[part]), (part, seen[part])
    assert all(CJK.search(label) for label in seen["buttons"]), seen["buttons"]
    assert "今天天气不好" in seen["info"] and "很" in seen["info"] and "不" in seen["info"]
    assert seen["title_fits"], seen["title"]


def test_the_mismatch_dialog_in_english_leads_with_the_finding(window, qtbot, monkeypatch):
    from studio.transcribe.agreement import Difference
    from studio.transcribe.reference import Mismatch

    mismatch = Mismatch(0.6, "call me tomorrow", (Difference("substitute", "phone", "call"),))
    seen = _mismatch_box(window, qtbot, monkeypatch, "phone me tomorrow", mismatch)
    assert seen["text"] == "The transcript does not match the clip"
    assert "error rate 60%" in seen["info"] and "Heard: call me tomorrow" in seen["info"]
    assert "“phone” heard as “call”" in seen["info"]
    assert seen["title_fits"], seen["title"]


# -- 5. the live length of a take at another speed is its audio's ------------------------------------


def test_the_live_view_gives_audio_seconds_for_a_take_at_another_speed(qtbot):
    import numpy as np

    from studio.ui.live_panel import LivePanel
    from studio.ui.views.mel_view import MEL_FPS

    panel = LivePanel()
    qtbot.addWidget(panel)
    panel.reset(1, 1.3)
    panel.on_mel([type("Mel", (), {"mel": np.zeros((80, 130), np.float32), "start_frame": 0})()])
    text = panel.describe()
    assert panel.audio_seconds() == pytest.approx(130 / MEL_FPS / 1.3)
    assert "2.0 s of audio at 1.3× speed" in text and "2.6" not in text, text
    panel.reset(1)  # speed 1: mel seconds are audio seconds, the line as before
    panel.on_mel([type("Mel", (), {"mel": np.zeros((80, 130), np.float32), "start_frame": 0})()])
    assert "130 mel frames (2.6 s)" in panel.describe()


def test_a_take_at_1_3x_reports_the_length_it_ends_with(window, qtbot):
    save_voice(qtbot, window)
    window.script.speed.setValue(1.3)
    take_id, _ = make_take(qtbot, window, "Hello there. How are you today?", stream=False)
    take = window.ctx.library.get_take(take_id)
    status = window.live.status.text()
    shown = re.search(r"([\d.]+) s of audio at 1\.3× speed", status)
    assert shown, status
    assert float(shown.group(1)) == pytest.approx(take.duration_s, abs=0.1), (status, take.duration_s)


def test_the_export_dialog_never_suggests_a_file_that_exists(window, qtbot, monkeypatch, tmp_path):
    """Take ids start again at 1 once every take is deleted; the suggested name must not be an
    earlier export's (the dialog would ask to overwrite it, and a hasty Enter would lose it)."""
    from PySide6.QtWidgets import QFileDialog

    save_voice(qtbot, window)
    take_id, _ = make_take(qtbot, window, "Export me.", stream=False)
    window.ctx.settings.set("export/folder", str(tmp_path))
    window.ctx.settings.set("export/format", "wav24")
    (tmp_path / f"take-{take_id}.wav").write_bytes(b"an earlier export")
    (tmp_path / f"take-{take_id}-2.wav").write_bytes(b"and another")
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (asked.append(args), ("", ""))[1])
    )
    window.export_take_dialog(take_id)
    assert asked[-1][2] == str(tmp_path / f"take-{take_id}-3.wav")
