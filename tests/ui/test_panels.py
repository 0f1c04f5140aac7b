"""The smaller promises of the window: settings persist, tags land at the cursor, voices can be searched
and renamed, a dropped file is imported, favourites stick, shortcuts reach their actions."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from studio.ui.settings import StudioSettings
from studio.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import SELFTEST_CLIP, make_take, save_voice, wait_until


def test_settings_are_persisted_and_applied(window, qtbot):
    dialog = SettingsDialog(window.ctx.settings, window)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.export_format.setCurrentIndex(dialog.export_format.findData("flac"))
    dialog.countdown.setValue(5)
    assert dialog.changed_keys() == {"ui/theme", "export/format", "audio/countdown_s"}
    dialog.accept()
    window.apply_settings({"ui/theme", "export/format", "audio/countdown_s"})
    again = StudioSettings()  # a fresh reader of the same file: what the next start sees
    assert again.get("ui/theme") == "dark"
    assert again.get("export/format") == "flac"
    assert again.get("audio/countdown_s") == 5
    assert window.dark_action.isChecked()


def test_precision_and_device_changes_reload_the_model_on_the_chosen_device(make_window, qtbot):
    from studio.ui.engine_bridge import EngineBridge
    from tests.conftest import CV2_MODEL

    bridge = EngineBridge()
    window = make_window(bridge=bridge)
    window.ctx.settings.set("model/folder", str(CV2_MODEL))
    window.ctx.settings.set("model/device", "cpu")
    window.ctx.settings.set("model/precision", "fp16")  # CUDA only: the CPU keeps fp32
    window.apply_settings({"model/device", "model/precision"})
    wait_until(qtbot, lambda: bridge.loaded is not None, 120)
    assert bridge.loaded.device == "cpu"


def test_the_fast_preset_setting_reloads_the_model_and_every_take_records_its_preset(
    make_window, alsa, qtbot
):
    from studio.ui.engine_bridge import EngineBridge
    from tests.conftest import CV2_MODEL

    bridge = EngineBridge()
    window = make_window(bridge=bridge, ui__autoplay=False)
    window.ctx.settings.set("model/folder", str(CV2_MODEL))
    window.ctx.settings.set("model/device", "cpu")
    dialog = SettingsDialog(window.ctx.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.preset.currentData() == "exact" and not dialog.flow_steps.isEnabled()
    dialog.preset.setCurrentIndex(dialog.preset.findData("fast"))
    assert dialog.flow_steps.isEnabled()
    dialog.flow_steps.setValue(4)
    assert dialog.changed_keys() == {"model/preset", "model/flow_steps"}
    dialog.accept()
    window.apply_settings(dialog.changed_keys())
    wait_until(qtbot, lambda: bridge.loaded is not None, 120)
    assert (bridge.loaded.preset, bridge.loaded.flow_steps) == ("fast", 4)
    save_voice(qtbot, window)
    take_id, _ = make_take(qtbot, window, text="Hello there.", stream=False)
    take = window.ctx.library.get_take(take_id)
    assert take.timings["preset"] == "fast" and take.timings["flow_steps"] == 4


def test_a_tag_is_inserted_at_the_cursor_and_a_pair_wraps_the_selection(window):
    from studio.ui import presets

    script = window.script
    script.set_text("Hello world")
    cursor = script.editor.textCursor()
    cursor.setPosition(5)
    script.editor.setTextCursor(cursor)
    laughter = next(t for t in presets.tags("en") if t.text == "[laughter]")
    script.insert_tag(laughter)
    assert script.text == "Hello[laughter] world"
    cursor = script.editor.textCursor()
    cursor.setPosition(len("Hello[laughter] "))
    cursor.setPosition(len(script.text), cursor.MoveMode.KeepAnchor)
    script.editor.setTextCursor(cursor)
    strong = next(t for t in presets.tags("en") if t.text == "<strong></strong>")
    script.insert_tag(strong)
    assert script.text == "Hello[laughter] <strong>world</strong>"


def test_voices_can_be_searched_and_renamed(window, qtbot):
    first = save_voice(qtbot, window, name="Grandmother Li")
    second = save_voice(qtbot, window, name="Narrator")
    assert set(window.voice_list.voice_ids()) == {first, second}
    window.voice_list.search.setText("grand")
    assert window.voice_list.voice_ids() == [first]
    window.voice_list.search.setText("")
    assert window.voice_list.rename_voice(second, "Storyteller")
    assert window.ctx.library.get_voice(second).name == "Storyteller"
    assert "Storyteller" in window.voice_list.tooltip(window.ctx.library.get_voice(second))


def test_a_file_dropped_on_the_reference_panel_is_imported(window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SELFTEST_CLIP))])
    panel = window.reference
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(event)
    assert panel.clip is not None and panel.clip.name == "reference.wav"


def test_favourites_stick_and_filter_the_list(window, qtbot):
    save_voice(qtbot, window)
    kept, _ = make_take(qtbot, window, "Keep this one.", stream=False)
    other, _ = make_take(qtbot, window, "Not this one.", stream=False)
    window.takes.set_favourite(kept, True)
    assert window.ctx.library.get_take(kept).favourite
    window.takes.favourites_only.setChecked(True)
    assert window.takes.take_ids() == [kept]
    window.takes.favourites_only.setChecked(False)
    assert set(window.takes.take_ids()) == {kept, other}


def test_ctrl_r_starts_the_recording_countdown_and_esc_stops_it(window, qtbot):
    window.ctx.settings.set("audio/countdown_s", 3)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.reference.recording.state == "countdown"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.reference.recording.state == "idle"


def test_the_status_bar_shows_the_last_takes_latency_and_real_time_factor(window, qtbot):
    save_voice(qtbot, window)
    make_take(qtbot, window, "Timed take.", stream=True)
    text = window.take_status.text()
    assert "first audio" in text and "RTF" in text
