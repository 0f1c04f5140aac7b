"""Smaller findings of the fourth fresh-user tour: buttons that stay where they are, time axes in
seconds, a confirmation when a model loads, and keyboard ways to the script and the transcript."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from tests.ui.conftest import make_take, save_voice, wait_until


def test_the_take_buttons_stay_put_whatever_the_details_say(window, qtbot):
    save_voice(qtbot, window)
    plain, _ = make_take(qtbot, window, "Hello there.", stream=False)
    window.script.set_mode("instruct")
    preset = window.script.find_preset("happy")
    assert preset is not None
    window.script.apply_preset(preset)
    longer, _ = make_take(qtbot, window, "Hello again.", mode="instruct", stream=False)
    panel = window.takes
    positions = []
    for take_id in (plain, longer, plain):
        panel.select_take(take_id)
        qtbot.wait(20)
        positions.append(panel.reroll_button.mapTo(window, panel.reroll_button.rect().topLeft()).y())
        if take_id == longer:  # the instruct take's details have an extra line
            assert "instruction" in panel.details.text()
    assert len(set(positions)) == 1, positions


def test_time_axes_stay_in_seconds_for_a_short_clip(qtbot):
    from studio.ui.views.waveform_view import WaveformView

    view = WaveformView()
    qtbot.addWidget(view)
    view.show()
    view.set_audio(np.zeros(120, dtype=np.float32), 24000)  # 5 ms
    qtbot.wait(20)
    axis = view.plot.getAxis("bottom")
    assert "x0.001" not in axis.labelString() and "(ms)" not in axis.labelString()


def test_loading_a_model_says_so(window):
    window._model_loaded(window.ctx.bridge.loaded)
    assert "Loaded model (CosyVoice 2) on" in window.message_bar.text()


def test_ctrl_l_and_ctrl_t_reach_the_script_and_the_transcript(window, qtbot):
    window.activateWindow()
    window.takes.tree.setFocus()
    wait_until(qtbot, window.takes.tree.hasFocus, 10)
    qtbot.keyClick(window.takes.tree, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    wait_until(qtbot, window.reference.transcript_edit.hasFocus, 10)
    qtbot.keyClick(window.reference.transcript_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    wait_until(qtbot, window.script.editor.hasFocus, 10)


def test_choosing_a_voice_keeps_an_unsaved_clip_with_its_trim_and_transcript(window, qtbot):
    from tests.conftest import PROMPT_EN

    voice_id = save_voice(qtbot, window)
    panel = window.reference
    window.voice_list.select_voice(None)
    assert panel.load_file(PROMPT_EN)
    panel.set_trim(0.2, 1.4)
    panel.transcript_edit.setText("Words typed for the unsaved clip.")
    name = panel.clip.name
    window.voice_list.select_voice(voice_id)  # the saved voice replaces the unsaved clip
    assert panel.voice_id == voice_id
    assert "it is kept" in window.message_bar.text()
    assert panel.back_link.isVisibleTo(window) and name in panel.back_link.text()
    panel.back_link.linkActivated.emit("unsaved")
    assert window.voice_list.selected_id() is None and panel.voice_id is None
    assert panel.clip is not None and panel.clip.name == name
    start, end = panel.trim()
    assert abs(start - 0.2) < 0.02 and abs(end - 1.4) < 0.02
    assert panel.transcript_edit.text() == "Words typed for the unsaved clip."
    assert not panel.back_link.isVisibleTo(window)
    # a newer import: the old unsaved clip is no longer offered
    window.voice_list.select_voice(voice_id)
    window.voice_list.select_voice(None)
    assert panel.load_file(PROMPT_EN)
    assert panel.unsaved is None and not panel.back_link.isVisibleTo(window)


def test_importing_a_cut_off_wav_says_it_ends_early(window, tmp_path):
    import soundfile as sf

    path = tmp_path / "cut.wav"
    t = np.arange(int(16000 * 4.9)) / 16000
    sf.write(str(path), (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 16000, subtype="PCM_16")
    path.write_bytes(path.read_bytes()[: 44 + 2 * 16000])  # 1 s of the promised 4.9 s
    assert window.reference.load_file(path)
    shown = window.message_bar.text()
    assert "cut.wav ends early: its header says 4.9 s, but only 1.0 s" in shown, shown


def test_file_dialog_filters_are_named_in_the_chinese_ui(make_window, alsa, chinese, monkeypatch):
    import studio.ui.project.view as project_view
    import studio.ui.reference_panel as reference_panel
    import studio.ui.script_panel as script_panel

    asked: list[str] = []

    def fake_open_file(parent, settings, title, file_filter):
        asked.append(file_filter)
        return ""

    for module in (project_view, reference_panel, script_panel):
        monkeypatch.setattr(module, "open_file", fake_open_file)
    window = make_window(ui__autoplay=False)
    window.project_view.choose_script()
    window.reference.choose_file()
    window.script.choose_source()
    assert asked[0].startswith("脚本 (*.txt")
    assert asked[1].startswith("音频 (*.wav") and asked[1].endswith(";;所有文件 (*)")
    assert asked[2] == asked[1]


def test_a_folder_that_is_not_a_model_is_named_in_chinese(chinese, tmp_path):
    from studio.engine.model_dir import ModelFolderError, read_model_folder
    from studio.ui.error_text import localize

    for folder in (tmp_path, tmp_path / "missing"):
        try:
            read_model_folder(folder)
        except ModelFolderError as err:
            text = localize(str(err))
        assert str(folder) in text and "model folder" not in text and "模型文件夹" in text, text


def test_an_error_set_aside_on_one_tab_does_not_come_back_on_the_other(window):
    bar = window.message_bar
    window.ctx.error("Type the script to speak first.", key="request:text")
    window.ctx.info("Imported something.")
    assert bar.text() == "Imported something."  # the newest shows; the error is set aside
    window.main_tabs.setCurrentWidget(window.project_view)
    bar.close_button.click()
    assert bar.text() == ""  # not "Type the script…" on the Project tab
    # on the same tab the set-aside error still comes back (message_bar.py's rule)
    window.ctx.error("Type the script to speak first.", key="request:text")
    window.ctx.info("Imported something.")
    bar.close_button.click()
    assert "Type the script" in bar.text()


def test_a_corrupt_source_error_goes_once_a_source_is_imported(window, tmp_path):
    from tests.conftest import PROMPT_EN

    bad = tmp_path / "corrupt.wav"
    bad.write_bytes(b"RIFF0000WAVEjunk" * 10)
    script = window.script
    script.set_mode("vc")
    assert not script.load_source(bad)
    assert "corrupt.wav" in window.message_bar.text()
    assert script.load_source(PROMPT_EN)
    assert "corrupt.wav" not in window.message_bar.text()
    window.ctx.info("A take was stored.")  # later news, then it fades: the old error must not come back
    window.message_bar.close_button.click()
    assert "corrupt.wav" not in window.message_bar.text()
