"""Issue 17: the window as a first-time user meets it. Each test drives the real window (tiny
golden CosyVoice 2 model) through one of the trips a new user reported."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.conftest import AUDIO_REAL, PROMPT_ZH, PROMPT_ZH_TEXT
from tests.ui.conftest import SELFTEST_TRANSCRIPT, make_partial_take, make_take, save_voice, wait_until

MANDARIN = AUDIO_REAL / "zh_zero_shot_prompt.wav"
CROSS = AUDIO_REAL / "cross_lingual_prompt.wav"


def _run_to_end(qtbot, window, start) -> list[str]:
    ended: list[str] = []
    window.takeEnded.connect(lambda kind, _tid: ended.append(kind))
    start()
    wait_until(qtbot, lambda: ended)
    return ended


# -- 1. a failed take says why ----------------------------------------------------------------


def test_a_failed_take_says_why_in_the_live_view_and_the_message_area_until_replaced(window, qtbot):
    save_voice(qtbot, window)
    window.script.set_mode("zero_shot")
    window.script.set_text("Hello [xyzzy].")  # ("？！" is refused before a take starts)
    assert _run_to_end(qtbot, window, window.synthesize) == ["failed"]
    reason = "is not a known tag"
    assert reason in window.live.status.text()
    assert reason in window.message_bar.text()
    # newer news shows over it, and the reason comes back when that is closed (message_bar.py)
    window.ctx.info("Imported something else.")
    window.ctx.warn("A warning meanwhile.")
    assert window.message_bar.text() == "A warning meanwhile."
    window.message_bar.close_button.click()
    assert reason in window.message_bar.text()
    window._display_tick()
    assert reason in window.live.status.text()
    # dismissed: the message area closes, the live view keeps it until the next take
    window.message_bar.close_button.click()
    assert window.message_bar.text() == ""
    assert reason in window.live.status.text()
    make_take(qtbot, window, "Now it works.", stream=False)
    assert reason not in window.live.status.text()


def test_a_library_error_reaches_the_message_area_as_its_sentence(window, qtbot, tmp_path):
    save_voice(qtbot, window)
    take_id, _ = make_take(qtbot, window, "Export me.", stream=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with qtbot.waitSignal(window.exportFailed, timeout=60_000) as failed:
        window.export_take(take_id, blocker / "take.wav")
    shown = window.message_bar.text()
    assert "Export failed" in shown and failed.args[0].split(" (")[0] in shown
    assert window.message_bar.level == "error"


# -- 2. a transcript belongs to one clip --------------------------------------------------------


def test_a_new_clip_starts_with_an_empty_transcript(window, qtbot):
    panel = window.reference
    assert panel.load_file(MANDARIN)
    panel.transcript_edit.setText(PROMPT_ZH_TEXT)
    from studio.ui.voice_dialog import VoiceDetails

    with qtbot.waitSignal(panel.voiceSaved, timeout=120_000):
        assert panel.save_as_voice(VoiceDetails(name="Mandarin"))
    assert "was not saved" not in window.message_bar.text()  # it just was
    assert panel.voice_id is not None and panel.transcript_edit.text() == PROMPT_ZH_TEXT
    assert panel.load_file(CROSS)
    assert panel.transcript_edit.text() == ""
    with qtbot.waitSignal(panel.voiceSaved, timeout=120_000) as saved:
        assert panel.save_as_voice(VoiceDetails(name="Cross"))
    lib = window.ctx.library
    assert lib.list_clips(saved.args[0])[0].transcript == ""
    # importing over a typed transcript clears it too
    panel.transcript_edit.setText("words of some other clip")
    assert panel.load_file(MANDARIN)
    assert panel.transcript_edit.text() == ""


def test_a_take_never_silently_uses_another_voice_than_the_clip_on_screen(window, qtbot):
    """Found on a new user's tour: with a voice selected, importing another clip and pressing
    Synthesize made a take in the selected voice, not the clip shown. A take speaks in a saved voice,
    so the window says so and starts nothing until the clip is saved or a voice is chosen."""
    save_voice(qtbot, window)
    voice_id = window.voice_list.selected_id()
    window.script.set_text("Hello there.")
    assert window.reference.load_file(CROSS)
    assert window.voice_list.selected_id() == voice_id  # still selected in the list
    assert window.synthesize() is None
    text = window.message_bar.text()
    assert "not saved as a voice" in text and CROSS.name in text and "Save as voice" in text
    assert window.ctx.library.list_takes() == []
    window.reference.show_voice(None)
    window.reference.show_voice(voice_id)  # choosing the voice again shows its own clip
    assert window.reference.voice_id == voice_id
    assert window.current_request() is not None


# -- 3. "random" stays random ------------------------------------------------------------------


def test_random_seed_stays_random_and_each_take_shows_the_seed_it_used(window, qtbot):
    from studio.ui.script_panel import RANDOM_SEED

    save_voice(qtbot, window)
    script = window.script
    script.set_text("Hello there.")
    script.stream.setChecked(False)
    script.seed.setValue(RANDOM_SEED)
    lib = window.ctx.library
    takes = []
    for _ in range(2):
        with qtbot.waitSignal(window.takeStored, timeout=180_000) as stored:
            window.synthesize()
        takes.append(lib.get_take(stored.args[0]))
        assert script.seed.value() == RANDOM_SEED and script.seed.text() == "random"
        seed = str(takes[-1].seed)
        assert seed in window.live.status.text() and seed in window.take_status.text()
        assert seed in window.takes.details.text()
    assert takes[0].seed != takes[1].seed
    a, _ = lib.take_audio(takes[0].id)
    b, _ = lib.take_audio(takes[1].id)
    assert a.shape != b.shape or not np.array_equal(a, b)
    with qtbot.waitSignal(window.takeStored, timeout=180_000) as stored:
        window.reroll_take(takes[0].id)
    assert lib.get_take(stored.args[0]).seed not in (takes[0].seed, takes[1].seed)
    assert script.seed.value() == RANDOM_SEED
    # a seed the user rolls stays until they change it
    rolled = script.roll_seed()
    make_take(qtbot, window, "Fixed now.", stream=False, seed=rolled)
    assert script.seed.value() == rolled


# -- 4. language change ----------------------------------------------------------------------------


def test_changing_the_language_says_a_restart_is_needed_and_the_note_stays(window):
    from studio.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.ctx.settings, window)
    assert "starts again" in dialog.language_note.text()
    dialog.close()
    window.apply_settings({"ui/language"})
    assert "starts again" in window.message_bar.text()
    assert window.message_bar.level == "warning"  # does not fade like information


# -- 5. stale messages -------------------------------------------------------------------------------


def test_a_message_goes_when_its_cause_is_gone(window, qtbot, tmp_path):
    bar = window.message_bar
    window.script.set_text("Something to say.")
    assert window.synthesize() is None
    assert "Choose a voice" in bar.text()
    voice_id = save_voice(qtbot, window)
    window.voice_list.select_voice(None)
    assert window.synthesize() is None and "Choose a voice" in bar.text()
    window.voice_list.select_voice(voice_id)
    assert "Choose a voice" not in bar.text()
    # an import error goes once a file imports
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF0000WAVEjunk" * 10)
    assert not window.reference.load_file(bad)
    assert "could not be imported" in bar.text()
    assert ".)." not in bar.text() and ".." not in bar.text()  # the library's bracketed detail, tidied
    assert window.reference.load_file(PROMPT_ZH)
    assert "could not be imported" not in bar.text()
    window.script.set_text("")
    assert window.synthesize() is None and "Type the script" in bar.text()
    window.script.set_text("typed")
    assert "Type the script" not in bar.text()


def test_a_device_warning_is_shown_once_per_session(window):
    bar = window.message_bar
    error = "No audio output device was found; connect speakers or headphones to listen."
    window.ctx.player.error = error
    window._display_tick()
    assert "No audio output device" in bar.text()
    bar.clear()
    for _ in range(3):  # the next takes meet the same missing device
        window.ctx.player.error = error
        window._display_tick()
    assert bar.text() == ""


# -- 6. progress: sentence N of M and the stage ------------------------------------------------------


def test_the_live_view_names_the_sentence_of_n_and_the_stage(window, qtbot):
    save_voice(qtbot, window)
    first = "The first sentence of this script is long enough to stand alone as a segment of its own, " * 2
    second = "and the second sentence follows it with just as many words so that it is split off too. " * 2
    window.script.set_text(first.strip().rstrip(",") + ". " + second.strip().capitalize() + ".")
    window.script.stream.setChecked(False)
    seen: list[str] = []
    run = window.synthesize()
    run.job.segment.connect(lambda _s: seen.append(window.live.describe(True)))
    run.job.mel.connect(lambda _m: seen.append(window.live.describe(True)))
    with qtbot.waitSignal(window.takeStored, timeout=180_000):
        pass
    # three sentences in two segments: the first two are spoken in one pass, and the live view
    # counts the sentences the takes panel lists
    assert any("sentences 1–2 of 3" in s for s in seen) and any("sentence 3 of 3" in s for s in seen)
    assert any("language model" in s for s in seen) and any("vocoder" in s for s in seen)
    assert "of 3" in window.live.status.text()


# -- 7. partial takes ------------------------------------------------------------------------------


def test_a_partial_take_is_marked_and_has_real_figures(window, qtbot):
    save_voice(qtbot, window)
    take_id, _run = make_partial_take(qtbot, window)
    take = window.ctx.library.get_take(take_id)
    assert take.timings["partial"] == "cancelled"
    assert take.timings["first_audio_latency"] > 0 and take.timings["rtf"] > 0
    window.takes.select_take(take.id)
    item = window.takes.tree.currentItem()
    assert "partial" in item.text(2) and item.font(2).italic()
    assert "partial" in window.takes.details.text()
    assert "first audio 0.00 s" not in window.takes.details.text()


# -- 8 / 9. sentences and their re-roll -----------------------------------------------------------------


def test_sentences_are_cut_as_the_frontend_cuts_them_and_bounded_at_their_pause():
    from studio.engine.frontend.text import split_sentences
    from studio.ui.sentences import segment_sentences, sentence_bounds

    assert split_sentences("Hi. Yes. Okay then.") == ["Hi.", "Yes.", "Okay then."]
    assert split_sentences("你好。我很好！谢谢") == ["你好。", "我很好！", "谢谢"]
    assert split_sentences("[laughter] Hi. Yes!") == ["[laughter] Hi.", "Yes!"]
    # a CosyVoice 3 system prompt is not a sentence; each sentence keeps it for its re-roll
    prompt = "You are a helpful assistant.<|endofprompt|>"
    assert segment_sentences(prompt + "Hi. Yes.") == [("Hi.", prompt + "Hi."), ("Yes.", prompt + "Yes.")]
    rate = 24000
    rng = np.random.default_rng(0)
    speech = [rng.normal(0, 0.3, int(rate * s)).astype(np.float32) for s in (0.8, 1.5)]
    pause = rng.normal(0, 0.001, int(rate * 0.25)).astype(np.float32)
    audio = np.concatenate([speech[0], pause, speech[1]])
    bounds = sentence_bounds(audio, rate, ["Hi there.", "Yes, I am quite fine now."])
    assert bounds[0] == 0 and bounds[-1] == len(audio)
    assert len(speech[0]) < bounds[1] < len(speech[0]) + len(pause)  # inside the pause
    assert sentence_bounds(audio, rate, ["One."]) == [0, len(audio)]


def test_the_take_lists_its_real_sentences_and_rerolls_one_inside_a_merged_segment(window, qtbot):
    from studio.library.crossfade import DEFAULT_FADE_MS
    from studio.ui.sentences import sentence_bounds

    save_voice(qtbot, window)
    take_id, _ = make_take(qtbot, window, "Hi there. Yes.", stream=False)
    lib = window.ctx.library
    take = lib.get_take(take_id)
    assert len(take.segments) == 1  # the frontend merged the two short sentences into one pass
    panel = window.takes
    assert panel.select_take(take_id)
    rows = [panel.sentences.item(i).text() for i in range(panel.sentences.count())]
    assert rows == ["1. Hi there.", "2. Yes."]
    assert "Sentences" in panel.segments_label.text()
    assert "together" in panel.segments_label.toolTip()
    assert "sentence" in window.script.editor.placeholderText()
    before, rate = lib.take_audio(take_id)
    before = before.reshape(len(before), -1)[:, 0]
    panel.select_sentence(1)
    with qtbot.waitSignal(window.takeStored, timeout=180_000) as stored:
        panel.reroll_selected_sentence()
    new_id = stored.args[0]
    new = lib.get_take(new_id)
    # the merged segment is now stored as its two sentences; the first keeps its audio and seed
    assert [s.text for s in new.segments] == ["Hi there.", "Yes."]
    assert new.segments[0].seed == take.segments[0].seed
    assert new.segments[1].seed == new.seed != take.segments[0].seed
    assert new.timings["version_of"] == take_id and new.timings["rerolled_sentence"] == 1
    bound = sentence_bounds(before, rate, ["Hi there.", "Yes."])[1]
    first, _ = lib.segment_audio(new_id, 0)
    np.testing.assert_array_equal(first.reshape(len(first), -1)[:, 0], before[:bound])
    after, _ = lib.take_audio(new_id)
    after = after.reshape(len(after), -1)[:, 0]
    keep = bound - round(rate * DEFAULT_FADE_MS / 1000)  # up to the cross-fade into the new sentence
    np.testing.assert_array_equal(after[:keep], before[:keep])
    n = min(len(after), len(before))
    assert not np.array_equal(after[keep:n], before[keep:n])  # what follows the first sentence is new
    # the previous version is kept; the new one is selected and says what it is
    np.testing.assert_array_equal(lib.take_audio(take_id)[0].reshape(-1)[: len(before)], before)
    assert panel.selected_id() == new_id and panel.sentences.count() == 2
    assert "sentence 2 re-rolled from take" in panel.details.text()
    assert str(new.seed) in panel.details.text() and str(new.seed) in window.take_status.text()


def test_rerolling_a_lone_sentence_keeps_the_previous_version_and_shows_the_new_seed(window, qtbot):
    save_voice(qtbot, window)
    first = "The first sentence of this script is long enough to stand alone as a segment of its own, " * 2
    second = "and the second sentence follows it with just as many words so that it is split off too. " * 2
    text = first.strip().rstrip(",") + ". " + second.strip().capitalize() + "."
    take_id, _ = make_take(qtbot, window, text, stream=False)
    lib = window.ctx.library
    before = lib.get_take(take_id)
    before_audio, _ = lib.take_audio(take_id)
    # three sentences; the frontend speaks the first two in one segment, the third alone
    assert len(before.segments) == 2 and window.takes.sentences.count() == 3
    window.script.stream.setChecked(True)
    with qtbot.waitSignal(window.takeStored, timeout=180_000) as stored:
        window.reroll_sentence(take_id, 2)
    new_id = stored.args[0]
    assert new_id != take_id
    # the previous version is untouched
    again, _ = lib.take_audio(take_id)
    np.testing.assert_array_equal(before_audio, again)
    new = lib.get_take(new_id)
    assert new.timings["version_of"] == take_id and new.timings["rerolled_sentence"] == 2
    assert new.timings["stream"] is True  # the re-roll followed the Streaming switch
    assert new.segments[1].seed == new.seed != before.segments[1].seed
    assert new.segments[0].seed == before.segments[0].seed
    a0, _ = lib.segment_audio(take_id, 0)
    b0, _ = lib.segment_audio(new_id, 0)
    np.testing.assert_array_equal(a0, b0)
    assert window.takes.selected_id() == new_id
    details = window.takes.details.text()
    assert str(new.seed) in details and f"sentence 3 re-rolled from take {take_id}" in details
    assert str(new.seed) in window.take_status.text()


# -- 10. the reference panel follows the selected voice --------------------------------------------


def test_the_reference_panel_shows_the_selected_voice_and_fixes_its_transcript(window, qtbot):
    from studio.ui.voice_dialog import VoiceDetails

    lib = window.ctx.library
    first = save_voice(qtbot, window)
    panel = window.reference
    assert panel.load_file(CROSS)
    with qtbot.waitSignal(panel.voiceSaved, timeout=120_000) as saved:
        assert panel.save_as_voice(VoiceDetails(name="No transcript"))
    second = saved.args[0]
    window.voice_list.select_voice(first)
    assert panel.voice_id == first and panel.transcript_edit.text() == SELFTEST_TRANSCRIPT
    assert panel.report is not None and panel.quality.tree.topLevelItemCount() > 0
    assert not panel.save_button.isEnabled()  # the clip already is that voice
    window.voice_list.select_voice(second)
    assert panel.voice_id == second and panel.clip.name == CROSS.name
    assert panel.transcript_edit.text() == ""
    # Clone mode asks for the transcript; typing it and saving it makes the take possible
    window.script.set_mode("zero_shot")
    window.script.set_text("Hello.")
    assert window.synthesize() is None and "Save transcript" in window.message_bar.text()
    panel.transcript_edit.setText("Some words said in the clip.")
    assert panel.save_transcript_button.isEnabled()
    assert panel.save_transcript()
    assert "Save transcript" not in window.message_bar.text()
    assert lib.list_clips(second)[0].transcript == "Some words said in the clip."
    assert lib.prepared_prompt(second, "cosyvoice2") is None  # prepared again with the transcript
    with qtbot.waitSignal(window.takeStored, timeout=180_000):
        window.synthesize()
    assert lib.prepared_prompt(second, "cosyvoice2") is not None


# -- 11. quality values ---------------------------------------------------------------------------------


def test_quality_values_show_in_full_on_hover_and_clipping_wording_agrees(window, tmp_path):
    import soundfile as sf

    rate = 24000
    t = np.arange(rate * 5) / rate
    audio = (0.3 * np.sin(2 * np.pi * 180 * t)).astype(np.float32)
    audio[1000:1003] = 1.0  # three samples at full scale: a warning, not "clipped"
    path = tmp_path / "few-clipped.wav"
    sf.write(path, audio, rate, subtype="FLOAT")
    panel = window.reference
    assert panel.load_file(path)
    view = panel.quality
    rows = {view.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): view.tree.topLevelItem(i)
            for i in range(view.tree.topLevelItemCount())}  # fmt: skip
    for item in rows.values():
        for col in range(3):
            assert item.toolTip(col)  # every cell has its full text on hover
    clipping = rows["clipping"]
    assert clipping.text(2) == "warn"
    assert "0.000 %" not in clipping.text(1) and "3 samples" in clipping.text(1)
    assert "clipped (too loud)" not in view.summary.text()


# -- 13. keyboard --------------------------------------------------------------------------------------


def test_the_keyboard_reaches_modes_tab_leaves_the_script_and_shortcuts_are_listed(window, qtbot):
    script = window.script
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert script.mode == "instruct"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert script.mode == "zero_shot"
    script.editor.setFocus()
    qtbot.keyClick(script.editor, Qt.Key.Key_Tab)
    assert "\t" not in script.text and not script.editor.hasFocus()
    assert all(b.focusPolicy() == Qt.FocusPolicy.ClickFocus for b in script.tag_buttons)
    from studio.ui.shortcuts_dialog import menu_shortcuts

    rows = menu_shortcuts(window.menuBar())
    keys = {command: key for _menu, command, key in rows}
    assert keys["Play / pause"] == "Space"
    assert keys["Instruct"] == QKeySequence("Ctrl+3").toString(QKeySequence.SequenceFormat.NativeText)
    window.show_shortcuts()
    assert window.shortcuts_dialog.isVisible() and len(window.shortcuts_dialog.rows) >= 12


# -- 14. controls that would do nothing are disabled ---------------------------------------------------


def test_stop_and_undo_are_enabled_only_when_they_would_do_something(window, qtbot):
    panel = window.takes
    assert not window.undo_action.isEnabled()
    panel._poll_player()
    assert not panel.stop_button.isEnabled()
    player = window.ctx.player
    # The test device writes to a file, faster than real time: pause at once, so the playback
    # stays open (active, paused) until Stop is pressed.
    player.play(np.zeros(24000 * 20, dtype=np.float32), 24000)
    player.pause()
    assert player.state == "paused" and player.error is None, (player.state, player.error)
    wait_until(qtbot, lambda: panel.stop_button.isEnabled(), 10)  # the display clock enables it
    panel.stop_button.click()
    wait_until(qtbot, lambda: not panel.stop_button.isEnabled(), 10)
    save_voice(qtbot, window)
    take_id, _ = make_take(qtbot, window, "Delete me.", stream=False)
    panel.select_take(take_id)
    assert panel.delete_selected()
    assert window.undo_action.isEnabled() and "Undo delete of" in window.undo_action.text()
    window.undo_delete()
    assert not window.undo_action.isEnabled()


# -- 15. the live views share one time axis ------------------------------------------------------------


def test_the_mel_and_token_views_put_the_same_second_at_the_same_x(window, qtbot):
    save_voice(qtbot, window)
    make_take(qtbot, window, "Line them up, one above the other.", stream=True)
    live = window.live
    live.refresh()
    qtbot.wait(50)
    assert live.mel_view.span == live.token_view.span
    for seconds in (0.0, 1.0, live.mel_view.span * 0.8):
        mel_x = live.mel_view.mapTo(live, live.mel_view.mapFromParent(live.mel_view.pos()) * 0).x()
        mel_x = live.mel_view.mapTo(live, _point(live.mel_view.x_to_pixel(seconds))).x()
        token_x = live.token_view.mapTo(live, _point(live.token_view.x_to_pixel(seconds))).x()
        assert abs(mel_x - token_x) <= 2, (seconds, mel_x, token_x)
    token_range = live.token_view.plot.getViewBox().viewRange()[0]
    assert token_range[0] == pytest.approx(0.0, abs=1e-6)


def _point(x: float):
    from PySide6.QtCore import QPoint

    return QPoint(round(x), 0)


# -- 16. the small things ------------------------------------------------------------------------------


def test_small_things_take_numbers_export_note_speed_reason_and_dates(window, qtbot, tmp_path):
    save_voice(qtbot, window)
    first, _ = make_take(qtbot, window, "Same words.", stream=False, seed=5)
    second, _ = make_take(qtbot, window, "Same words.", stream=False, seed=5)
    tree = window.takes.tree
    numbers = {tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())}
    assert {str(first), str(second)} <= numbers
    with qtbot.waitSignal(window.exported, timeout=60_000):
        window.export_take(first, tmp_path / "out.wav")
    shown = window.message_bar.text()
    assert str(tmp_path / "out.wav") in shown and "out.json" in shown
    window.script.stream.setChecked(True)
    assert window.script.speed_note.isVisible() and "streaming" in window.script.speed_note.text()
    window.script.stream.setChecked(False)
    assert not window.script.speed_note.isVisible()
    from studio.ui.voice_dialog import locale_date_format

    fmt = locale_date_format()
    assert "yyyy" in fmt and fmt != "dd MM yyyy"
    assert window.reference.transcript_edit.placeholderText() == "Exactly what is said in the clip"


def test_english_presets_say_what_the_chinese_instruction_means(window):
    script = window.script
    preset = next(script.preset_combo.itemData(i) for i in range(script.preset_combo.count())
                  if script.preset_combo.itemData(i) is not None)  # fmt: skip
    script.apply_preset(preset)
    assert script.instruction.text() == preset.instruction(window.ctx.family)
    assert preset.label in script.instruction_hint.text() and script.instruction_hint.isVisible()


def test_idle_level_meter_shows_no_grey_block(qtbot):
    from PySide6.QtGui import QColor

    from studio.ui.views.level_meter import LevelMeter

    meter = LevelMeter()
    qtbot.addWidget(meter)
    meter.resize(200, 16)
    image = meter.grab().toImage()
    light = QColor(image.pixel(image.width() - 6, image.height() // 2))
    assert light.name() != "#7f8c8d"


def test_script_mode_and_voice_come_back_after_a_restart(make_window, alsa, qtbot):
    window = make_window(ui__autoplay=False)
    voice_id = save_voice(qtbot, window)
    window.script.set_mode("cross_lingual")
    window.script.set_text("Where was I?")
    window.close()
    again = make_window(ui__autoplay=False)
    # a second window over a new library: the voice id is only restored if it exists there
    assert again.script.mode == "cross_lingual" and again.script.text == "Where was I?"
    assert again.voice_list.selected_id() in (None, voice_id)


# -- 12. Chinese: loading stages, device messages, Qt's own dialogs ---------------------------------------


def test_chinese_covers_loading_stages_device_messages_and_qt_dialogs(window, chinese):
    import re

    from PySide6.QtCore import QCoreApplication

    cjk = re.compile(r"[\u4e00-\u9fff]")
    for stage in ("tokenizer", "speech tokenizer and speaker encoder", "language model", "flow", "vocoder"):
        window.empty.show_progress(stage, 0.5)
        assert cjk.search(window.empty.stage.text()) and not re.search(
            r"[a-z]{4,}", window.empty.stage.text()
        )
    window._playback_failed("No audio output device was found; connect speakers or headphones.")
    assert cjk.search(window.message_bar.text())
    window.live.show_failure("x")
    assert cjk.search(window.live.status.text())
    for context, source in [
        ("QFileDialog", "&Look in:"),  # Qt 6's own texts that qtbase_zh_CN lacks (studio/ui/qt_gaps.py)
        ("QFileDialog", "Files of &type:"),
        ("QFileDialog", "File &name:"),
        ("QPlatformTheme", "Cancel"),
    ]:
        assert cjk.search(QCoreApplication.translate(context, source)), (context, source)


def test_the_chinese_ui_gets_chinese_dates_and_the_c_locale_readable_ones():
    from PySide6.QtCore import QDate, QLocale

    from studio.ui.i18n import apply_locale
    from studio.ui.voice_dialog import locale_date_format

    before = QLocale()
    try:
        assert apply_locale("zh_CN").name() == "zh_CN"
        text = QLocale().toString(QDate(2026, 11, 30), locale_date_format())
        assert text.startswith("2026") and "30 11" not in text
        apply_locale("en")
        assert "30 11 2026" not in QLocale().toString(QDate(2026, 11, 30), locale_date_format())
    finally:
        QLocale.setDefault(before)
