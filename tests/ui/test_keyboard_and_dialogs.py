"""What a fresh user tripped over on a keyboard-only and file-dialog tour of the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import SELFTEST_CLIP, save_voice, wait_until


def test_space_and_enter_press_the_focused_button_and_space_elsewhere_still_plays(window, qtbot, monkeypatch):
    played = []
    monkeypatch.setattr(window, "toggle_play", lambda: played.append(1))
    window.space_shortcut.activated.disconnect()
    window.space_shortcut.activated.connect(window.toggle_play)
    clicks = []
    button = window.script.dice  # a tool button that is always enabled
    button.clicked.connect(lambda: clicks.append(1))
    window.activateWindow()
    button.setFocus()
    wait_until(qtbot, button.hasFocus, 10)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    wait_until(qtbot, lambda: len(clicks) == 1, 10)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    wait_until(qtbot, lambda: len(clicks) == 2, 10)
    assert played == []  # the button took Space, the window's play/pause did not fire
    window.takes.tree.setFocus()
    wait_until(qtbot, window.takes.tree.hasFocus, 10)
    qtbot.keyClick(window.takes.tree, Qt.Key.Key_Space)
    wait_until(qtbot, lambda: played == [1], 10)


def test_save_clip_as_voice_is_in_the_file_menu_and_says_what_is_missing(window, qtbot):
    assert window.save_voice_action.shortcut().toString() == "Ctrl+S"
    window.save_voice_action.trigger()
    assert "Import or record a reference clip first" in window.message_bar.text()


def test_clicking_the_selected_voice_brings_it_back_after_an_unsaved_import(window, qtbot):
    voice_id = save_voice(qtbot, window)
    panel = window.reference
    assert panel.voice_id == voice_id
    assert panel.load_file(SELFTEST_CLIP)  # the same clip imported again: unsaved, on screen
    assert panel.voice_id is None
    assert window.voice_list.selected_id() == voice_id
    item = window.voice_list.list.currentItem()
    rect = window.voice_list.list.visualItemRect(item)
    qtbot.mouseClick(window.voice_list.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_until(qtbot, lambda: panel.voice_id == voice_id, 10)


def test_file_dialogs_open_where_the_last_file_came_from_not_the_working_folder(
    window, monkeypatch, tmp_path
):
    opened = []

    def fake_open(parent, title, folder, file_filter):
        opened.append(folder)
        return (str(SELFTEST_CLIP), file_filter) if len(opened) == 1 else ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    window.reference.choose_file()
    window.script.choose_source()
    assert opened[0] == str(Path.home())  # nothing remembered yet: home, never the working folder
    assert opened[1] == str(SELFTEST_CLIP.parent)


def test_script_dictionary_and_folder_dialogs_open_in_the_remembered_folder(window, monkeypatch, tmp_path):
    """The Project tab's Import script…, the dictionary's CSV import, Open model folder… and the ingest's
    dataset export opened in the working folder; they share the remembered folder of file_dialogs.py."""
    from studio.ui.lexicon_dialog import LexiconDialog

    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "story.txt").write_text("Hello there.\n")
    opened, folders = [], []

    def fake_open(parent, title, folder, file_filter):
        opened.append(folder)
        return ("", "") if len(opened) > 1 else (str(scripts / "story.txt"), file_filter)

    def fake_folder(parent, title, folder):
        folders.append(folder)
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(fake_folder))
    view = window.project_view
    monkeypatch.setattr(view, "import_script", lambda path: True)
    view.choose_script()
    assert opened == [str(Path.home())]
    assert window.ctx.settings.get("ui/last_folder") == str(scripts)
    view.choose_script()  # the folder the script came from
    LexiconDialog(window.ctx, None, window).import_csv()
    assert opened[1:] == [str(scripts), str(scripts)]
    window.ask_model_folder()
    dialog = window.open_ingest()
    dialog.export_dataset()
    dialog.close()
    assert folders == [str(scripts), str(scripts)]


def test_a_key_bound_twice_under_one_name_is_listed_once(qtbot):
    """Return and Enter are both 回车 in Chinese: the shortcuts page said "Ctrl+回车, Ctrl+回车"."""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenuBar

    from studio.ui.shortcuts_dialog import menu_shortcuts

    bar = QMenuBar()
    qtbot.addWidget(bar)
    menu = bar.addMenu("Take")
    action = QAction("Synthesize", bar)
    action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+R")])
    menu.addAction(action)
    assert menu_shortcuts(bar) == [("Take", "Synthesize", "Ctrl+Return, Ctrl+R")]


def test_a_read_warning_gives_way_to_newer_news_an_error_does_not_and_the_window_does_not_jump(
    qtbot, monkeypatch
):
    """A no-output-device warning hid every later confirmation; each message moved the window 17 px."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from studio.ui import message_bar as mb

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    bar = mb.MessageBar()
    below = QLabel("the script panel")
    layout.addWidget(bar)
    layout.addWidget(below)
    host.show()
    qtbot.waitExposed(host)
    top_before = below.y()
    clock = [1000.0]
    monkeypatch.setattr(mb.time, "monotonic", lambda: clock[0])
    bar.show_message("warning", "No audio output device was found.")
    assert below.y() == top_before  # the strip's room was kept while it was empty
    bar.show_message("info", "Exported to take.wav.")
    assert bar.text() == "Exported to take.wav."  # the newest news shows (test_tour_minor.py)
    bar.clear()
    assert "No audio output device" in bar.text()  # and the unread warning comes back after it
    clock[0] += mb.WARNING_MIN_MS / 1000
    bar.show_message("info", "Exported to take.wav.")
    assert bar.text() == "Exported to take.wav." and bar.level == "info"
    bar.clear()
    assert bar.text() == ""  # a warning read long enough does not come back
    bar.show_message("error", "The take failed: the text normalizes to nothing speakable.")
    clock[0] += 60
    bar.show_message("info", "Saved the voice Narrator.")
    assert bar.level == "info"
    bar.clear()
    assert bar.level == "error"  # errors stay until closed, resolved or replaced by an error
    bar.clear()
    assert below.y() == top_before


# -- the second fresh-user tour ---------------------------------------------------------------------


def test_clone_refuses_a_take_while_the_voices_transcript_has_an_unsaved_edit(window, qtbot):
    """An edited transcript that was not saved was ignored silently: Clone used the saved one."""
    voice_id = save_voice(qtbot, window)
    panel = window.reference
    assert panel.voice_id == voice_id
    window.script.set_mode("zero_shot")
    window.script.set_text("Hello there.")
    saved = panel.transcript_edit.text()
    panel.transcript_edit.setText(saved + " and more words")
    assert window.current_request() is None
    assert "changed but not saved" in window.message_bar.text()
    panel.transcript_edit.setText(saved)  # the edit undone: the cause is gone, and so is the message
    assert "changed but not saved" not in window.message_bar.text()
    assert window.current_request() is not None


def test_tabbing_into_the_voice_list_chooses_no_voice_and_keeps_the_imported_clip(window, qtbot):
    voice_id = save_voice(qtbot, window)
    lst = window.voice_list
    lst.select_voice(None)
    panel = window.reference
    assert panel.load_file(SELFTEST_CLIP)  # a new clip on screen, not saved yet
    chosen = []
    lst.voiceSelected.connect(chosen.append)
    window.activateWindow()
    lst.list.setFocus(Qt.FocusReason.TabFocusReason)  # Qt makes the first row current, unselected
    wait_until(qtbot, lst.list.hasFocus, 10)
    assert chosen == [] and lst.selected_id() is None
    assert panel.clip is not None and panel.voice_id is None  # the imported clip is still there
    qtbot.keyClick(lst.list, Qt.Key.Key_Space)  # choosing it with the keyboard does choose it
    wait_until(qtbot, lambda: chosen == [voice_id], 10)


def test_quitting_while_a_take_is_made_asks_first(window, qtbot, monkeypatch):
    save_voice(qtbot, window)
    window.script.set_mode("cross_lingual")
    window.script.set_text("A long take. " * 20)
    window.ask_before_quit = True  # off on the offscreen platform, where no one could answer
    answers = [False]
    monkeypatch.setattr(window, "confirm_quit_during_take", lambda: answers.pop(0))
    assert window.synthesize() is not None and window.runs
    window.close()
    assert window.isVisible() and window.runs  # "Keep working": nothing was thrown away
    assert answers == []
    window.cancel_take()
    wait_until(qtbot, lambda: not window.runs, 120)
    window.close()  # nothing running: no question
    assert not window.isVisible()
