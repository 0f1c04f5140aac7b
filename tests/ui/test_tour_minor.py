"""Smaller findings from fresh-user tours of the window, each driven through the real window."""

from __future__ import annotations

from tests.ui.conftest import make_take, save_voice

# -- 1. every column of the takes list shows at the default size ------------------------------------


def _columns_whole(window):
    from studio.ui.takes_panel import LENGTH, MODE, NUMBER, SEED, STAR, TEXT, TEXT_MIN_PX, VOICE

    takes, tree = window.takes, window.takes.tree
    hidden = [tree.headerItem().text(c) for c in range(7) if tree.isColumnHidden(c)]
    assert hidden == []
    for col in (NUMBER, STAR, MODE, LENGTH, SEED):  # these are never cut
        assert tree.columnWidth(col) >= takes.column_width(col), tree.headerItem().text(col)
    assert tree.columnWidth(VOICE) == takes.column_width(VOICE)
    assert tree.columnWidth(TEXT) >= TEXT_MIN_PX
    used = sum(tree.columnWidth(c) for c in range(7))
    assert used <= tree.viewport().width() + 1  # nothing scrolled off to the right


def test_the_takes_list_shows_mode_and_length_at_the_default_size(window, qtbot):
    from studio.ui.takes_panel import LENGTH, MODE, TEXT, VOICE

    assert window.size().toTuple() == (1440, 900)
    save_voice(qtbot, window, name="Narrator with a rather long name")
    make_take(qtbot, window, "A take long enough to need its column. " * 3, stream=False)
    qtbot.wait(50)
    _columns_whole(window)
    item = window.takes.tree.topLevelItem(0)
    assert item.toolTip(VOICE) == "Narrator with a rather long name"  # elided in the cell, whole on hover
    assert item.toolTip(MODE) == "Clone" and item.toolTip(LENGTH).endswith(" s")
    assert "A take long enough" in item.toolTip(TEXT)


def test_the_takes_list_columns_fit_in_the_chinese_window_too(make_window, alsa, chinese, qtbot):
    window = make_window(ui__autoplay=False, ui__language="zh_CN")
    save_voice(qtbot, window)
    make_take(qtbot, window, stream=False)
    qtbot.wait(50)
    _columns_whole(window)


# -- 2. the Streaming toggle is kept across a restart ------------------------------------------------


def test_streaming_off_is_remembered_across_a_restart(make_window, alsa):
    first = make_window(ui__autoplay=False)
    assert first.script.stream.isChecked()  # the default
    first.script.stream.setChecked(False)
    first.script.set_mode("instruct")
    first.close()
    second = make_window()
    assert not second.script.stream.isChecked()
    assert second.script.speed.isEnabled()  # what streaming off means in the window, too
    assert second.script.mode == "instruct"
    second.script.stream.setChecked(True)
    second.close()
    assert make_window().script.stream.isChecked()


# -- 3. Space in a number field; where a mode shortcut leaves the focus ------------------------------


def _spy_on_play(window, monkeypatch) -> list[int]:
    played: list[int] = []
    monkeypatch.setattr(window, "toggle_play", lambda: played.append(1))
    window.space_shortcut.activated.disconnect()
    window.space_shortcut.activated.connect(window.toggle_play)
    return played


def test_space_in_the_seed_speed_and_preset_fields_does_not_play(window, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import wait_until

    played = _spy_on_play(window, monkeypatch)
    window.activateWindow()
    script = window.script
    script.seed.setValue(42)
    script.stream.setChecked(False)
    for box in (script.seed, script.speed):
        box.setFocus()
        wait_until(qtbot, box.hasFocus, 10)
        before = box.value()
        qtbot.keyClick(box, Qt.Key.Key_Space)
        qtbot.keyClick(box, Qt.Key.Key_Space)
        qtbot.wait(20)
        assert box.value() == before and box.hasFocus()
    assert played == []
    script.set_mode("instruct")  # a combo box: Space opens its list (Qt's way), it does not play
    combo = script.preset_combo
    combo.setFocus()
    wait_until(qtbot, combo.hasFocus, 10)
    qtbot.keyClick(combo, Qt.Key.Key_Space)
    wait_until(qtbot, lambda: combo.view().isVisible(), 10)
    combo.hidePopup()
    assert played == []
    window.takes.tree.setFocus()  # outside the input fields Space still plays
    wait_until(qtbot, window.takes.tree.hasFocus, 10)
    qtbot.keyClick(window.takes.tree, Qt.Key.Key_Space)
    wait_until(qtbot, lambda: played == [1], 10)


def test_a_mode_shortcut_puts_the_focus_in_the_script(window, qtbot):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import wait_until

    window.activateWindow()
    script = window.script
    keys = {"instruct": Qt.Key.Key_3, "cross_lingual": Qt.Key.Key_2, "zero_shot": Qt.Key.Key_1}
    for mode, key in keys.items():
        script.seed.setFocus()
        wait_until(qtbot, script.seed.hasFocus, 10)
        qtbot.keyClick(script.seed, key, Qt.KeyboardModifier.ControlModifier)
        wait_until(qtbot, lambda mode=mode: script.mode == mode, 10)
        wait_until(qtbot, script.editor.hasFocus, 10)
    script.seed.setFocus()
    wait_until(qtbot, script.seed.hasFocus, 10)
    qtbot.keyClick(script.seed, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    wait_until(qtbot, lambda: script.mode == "vc", 10)
    # Convert mode does not use the script: the focus goes to what it needs, the source clip
    wait_until(qtbot, script.source_import.hasFocus, 10)


# -- 5. a voice's language reads in the UI language ---------------------------------------------------


def test_a_voices_language_and_dialect_are_translated_in_the_chinese_ui(make_window, alsa, chinese, qtbot):
    window = make_window(ui__autoplay=False)
    window.ctx.language = "zh_CN"  # as build_window sets it from ui/language
    voice_id = save_voice(qtbot, window, name="Narrator")
    window.ctx.library.update_voice(voice_id, language="Chinese", dialect="Cantonese")
    window.voice_list.refresh()
    item = window.voice_list.list.currentItem()
    assert "中文" in item.text() and "广东话" in item.text()
    assert "Chinese" not in item.text() and "Cantonese" not in item.text()
    tip = window.voice_list.tooltip(window.ctx.library.get_voice(voice_id))
    assert "中文" in tip and "广东话" in tip
    # a language the user typed in is shown as typed
    window.ctx.library.update_voice(voice_id, language="Klingon", dialect="")
    window.voice_list.refresh()
    assert "(Klingon)" in window.voice_list.list.currentItem().text()


# -- 6. every plot follows the theme ---------------------------------------------------------------


def test_the_plots_follow_the_dark_theme_at_start_and_when_switched(make_window, alsa, qtbot):
    from studio.ui.views.style import DARK, LIGHT

    window = make_window(ui__autoplay=False, ui__theme="dark")
    plots = _all_plots(window)  # live mel and tokens, the reference waveform, the project render

    def backgrounds(colour: str) -> bool:
        return {p.backgroundBrush().color().name() for p in plots} == {colour}

    try:
        assert len(plots) >= 4
        qtbot.waitUntil(lambda: backgrounds(DARK["background"]), timeout=5000)
        axis = window.project_view.waveform.plot.getAxis("bottom")
        assert axis.pen().color().name() == DARK["foreground"]
        window.set_theme("light")
        qtbot.waitUntil(lambda: backgrounds(LIGHT["background"]), timeout=5000)
        window.set_theme("dark")
        qtbot.waitUntil(lambda: backgrounds(DARK["background"]), timeout=5000)
    finally:
        window.set_theme("light")


def _all_plots(window):
    import pyqtgraph as pg

    return window.findChildren(pg.GraphicsView)


# -- 7. a newer confirmation is not hidden by an older error ------------------------------------------


def test_a_newer_confirmation_shows_over_an_older_error_which_comes_back(window, qtbot, monkeypatch):
    from studio.ui import message_bar as mb

    monkeypatch.setattr(mb, "INFO_MS", 200)
    bar = window.message_bar
    window.ctx.error("The file could not be imported: not a sound file.")
    assert "could not be imported" in bar.text() and bar.level == "error"
    window.ctx.info("Saved the voice Narrator.")
    assert bar.text() == "Saved the voice Narrator." and bar.level == "info"
    assert "could not be imported" in bar.label.toolTip()  # the error is named, still open
    qtbot.waitUntil(lambda: bar.level == "error", timeout=5000)  # and returns when the news fades
    assert "could not be imported" in bar.text()
    assert [level for level, _ in bar.history[-2:]] == ["error", "info"]
    # an error whose cause is gone while it was set aside does not come back
    bar.clear()
    window.ctx.error("No voice is selected.", key="voice:missing")
    window.ctx.info("Exported take 1.")
    window.ctx.resolve("voice:")
    assert bar.text() == "Exported take 1."
    bar.clear()
    assert bar.text() == ""
    # a newer error replaces an older one (as before) and shows at once
    window.ctx.error("first error")
    window.ctx.error("second error")
    assert bar.text().lower().startswith("second error")
    bar.clear()
    assert bar.text() == ""


# -- 8. an over-long clip: the message says what the panel lets the user do ---------------------------


def test_an_over_long_clip_says_to_trim_it_and_trimming_it_works(window, qtbot, tmp_path):
    import numpy as np
    import soundfile as sf

    from studio.ui.voice_dialog import VoiceDetails
    from tests.ui.conftest import SELFTEST_CLIP, SELFTEST_TRANSCRIPT

    audio, rate = sf.read(str(SELFTEST_CLIP), dtype="float32")
    sf.write(str(tmp_path / "long.wav"), np.tile(audio, 9), rate)  # 44 s: over the 30 s a voice uses
    panel = window.reference
    assert panel.load_file(tmp_path / "long.wav")
    panel.transcript_edit.setText(SELFTEST_TRANSCRIPT)
    panel.update_quality()
    advice = panel.quality.summary.text()
    assert "drag the edges of the shaded region" in advice and "3 to 30 s" in advice
    assert not panel.save_as_voice(VoiceDetails(name="Too long"))
    assert "drag the edges" in window.message_bar.text()
    # what it says works: the first take of the clip, trimmed in the panel, is saved as a voice
    panel.set_trim(0.0, audio.size / rate)
    panel.update_quality()
    saved: list[int] = []
    panel.voiceSaved.connect(saved.append)
    assert panel.save_as_voice(VoiceDetails(name="Trimmed"))
    qtbot.waitUntil(lambda: bool(saved), timeout=120_000)
    # a file too long to open says how long a file may be, and that the voice is then trimmed from it
    sf.write(str(tmp_path / "hour.wav"), np.zeros(8000 * 660, np.int16), 8000, subtype="PCM_16")
    assert not panel.load_file(tmp_path / "hour.wav")
    message = window.message_bar.text()
    assert "11.0 minutes long" in message and "up to 10 minutes" in message and "trimming" in message
    assert "at most 30 seconds" not in message


# -- 9. the typed transcript is checked as it is typed ----------------------------------------------


def test_a_typed_transcript_is_checked_against_the_clip_without_pressing_transcribe(window, qtbot):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import SELFTEST_CLIP, SELFTEST_TRANSCRIPT

    panel = window.reference
    assist = panel.transcriber
    assert panel.load_file(SELFTEST_CLIP)  # 4.9 s; no recognizer installed, nothing transcribed
    assert assist.verdict is None
    panel.transcript_edit.setFocus()
    qtbot.keyClicks(panel.transcript_edit, "Hello")  # typed: far too little for 4.9 s of speech
    qtbot.waitUntil(lambda: "too short" in assist.status.text() and assist.status.isVisible(), timeout=5000)
    assert "4.9 s" in assist.status.text()
    panel.transcript_edit.setText(SELFTEST_TRANSCRIPT * 4)  # pasted: the text of a much longer clip
    qtbot.waitUntil(lambda: "too long" in assist.status.text(), timeout=5000)
    panel.transcript_edit.setText(SELFTEST_TRANSCRIPT)  # the right one: the finding goes away
    qtbot.waitUntil(lambda: not assist.status.isVisible(), timeout=5000)
    assert assist.typed_note == ""
    # the trim counts: the same transcript over a 1.5 s piece of the clip is too long for it
    panel.set_trim(0.0, 1.5)
    panel._trim_changed(0.0, 1.5)
    qtbot.waitUntil(lambda: "too long" in assist.status.text() and assist.status.isVisible(), timeout=5000)
    # debounced: nothing is judged while the user is still typing
    panel.transcript_edit.clear()
    qtbot.keyClick(panel.transcript_edit, Qt.Key.Key_H)
    assert assist._check_timer.isActive()


# -- 10. Record with no microphone says so, what to do, and that nothing was written -------------------


def test_record_without_a_microphone_says_what_happened_and_what_to_do(make_window, tmp_path, monkeypatch):
    from studio.ui.recording import IDLE
    from tests.alsa_env import reinitialize_portaudio
    from tests.audio.fake_backend import FakeBackend

    config = tmp_path / "playback-only.conf"  # a machine that can play but has no input at all
    config.write_text(
        'pcm.!default { type asym playback.pcm { type file slave.pcm { type null } file "/dev/null" '
        'format "raw" } }\n'
    )
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(config))
    reinitialize_portaudio()
    window = make_window(ui__autoplay=False)
    for start in (
        lambda: window.reference.recording.start(countdown_s=0),
        lambda: window.script.source_recording.start(countdown_s=0),  # Convert's Record source
    ):
        start()
        text = window.message_bar.text()
        assert text.startswith("Recording failed: No audio input device was found")
        assert "nothing was recorded and no file was written" in text
        assert "Connect a microphone" in text and "import a recording from a file" in text
    assert window.reference.recording.state == IDLE
    assert window.ctx.library.pending_recordings() == []
    # a microphone that is there but cannot be opened, or a chosen one that is unplugged, say the same
    window.reference.recording.backend = FakeBackend(fail_on_start=True)
    window.reference.recording.start(countdown_s=0)
    text = window.message_bar.text()
    assert "could not be opened" in text and "nothing was recorded" in text and "Settings" in text
    window.ctx.settings.set("audio/input_device", "Studio Condenser")
    window.reference.recording.backend = FakeBackend()
    window.reference.recording.start(countdown_s=0)
    text = window.message_bar.text()
    assert "'Studio Condenser' is not available, so nothing was recorded" in text and "Settings" in text
    assert window.ctx.library.pending_recordings() == []


# -- 11. the whole transcript shows ---------------------------------------------------------------


def test_a_long_transcript_shows_whole_in_the_reference_panel(window, qtbot):
    from PySide6.QtCore import QMimeData, Qt

    from tests.ui.conftest import SELFTEST_CLIP

    panel = window.reference
    field = panel.transcript_edit
    assert panel.load_file(SELFTEST_CLIP)
    transcript = (
        "The quick brown fox jumps over the lazy dog near the quiet river bank, and then it runs "
        "back up the hill to the old farm house where the farmer keeps his sheep."
    )
    field.setText(transcript)
    qtbot.wait(20)
    assert field.text() == transcript
    assert field.lines_needed() >= 2  # wrapped over several lines at the default size
    assert field.verticalScrollBar().maximum() == 0  # and every line of it is on screen
    assert field.width() >= panel.width() - 40  # the field has the panel's width, not a slot in a row
    # a transcript is one run of words: Return adds no line break, pasted breaks become spaces
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == transcript
    field.clear()
    mime = QMimeData()
    mime.setText("Line one\nline two.")
    field.insertFromMimeData(mime)
    assert field.text() == "Line one line two."
    # the Save transcript / Transcribe buttons still sit with it, and Save as voice takes the text
    assert panel.save_transcript_button.parent() is panel.transcriber.row


# -- 12. the live view's busy bar looks busy, and shows real progress where it is known ----------------


def _filled(bar) -> tuple[int, int, int]:
    """(first, last, count) of the columns in the bar's middle row painted in the highlight colour."""
    from PySide6.QtGui import QPalette

    image = bar.grab().toImage()
    highlight = bar.palette().color(QPalette.ColorRole.Highlight).rgb()
    y = image.height() // 2
    columns = [x for x in range(1, image.width() - 1) if image.pixel(x, y) == highlight]
    return (columns[0], columns[-1], len(columns)) if columns else (0, 0, 0)


def test_the_busy_bar_moves_and_then_fills_with_the_sentences_done(window, qtbot):
    live = window.live
    live.reset(0)  # a take whose sentence count the engine has not said yet
    live.progress.show()
    bar = live.progress
    assert bar.busy and bar.height() <= 6  # the thin bar of the layout, unchanged
    width = bar.width() - 2
    first = _filled(bar)
    assert 0 < first[2] < width * 0.5  # a block, not a full bar
    qtbot.wait(300)
    second = _filled(bar)
    assert 0 < second[2] < width * 0.5 and second[0] != first[0]  # and it moves
    # the engine says 4 sentences; the first two are spoken: half the bar, not moving
    live.sentence_total = 4
    live.first_sentence, live.sentences, live.stage = 3, 3, "lm"
    live.refresh()
    assert not bar.busy and (bar.value(), bar.maximum()) == (2, 4)
    done = _filled(bar)
    assert abs(done[2] - width / 2) <= 3 and done[0] <= 2
    qtbot.wait(120)
    assert _filled(bar) == done
    live.progress.hide()
    assert not bar._timer.isActive()  # nothing animates while the bar is hidden
