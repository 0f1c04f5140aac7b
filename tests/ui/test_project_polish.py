"""Findings of fresh users' tours of the Project tab: the empty tab says how to start, a block whose
render failed reads "failed" (the reason as its tooltip), a stopped render's bar keeps the blocks done,
"Block voice…" starts on the block's own voice, deleting a voice names the projects that use it, and
an export says what it wrote once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import (
    import_script,
    project_that_fails_on_block_one,
    render_project,
    save_voice,
    wait_until,
)

_render = render_project


def test_the_empty_project_tab_says_how_to_start_and_the_hint_goes_with_a_project(qtbot, window, tmp_path):
    view = window.project_view
    window.main_tabs.setCurrentWidget(view)
    assert view.project is None
    hint = view.empty_hint
    assert hint.isVisible()
    assert hint.text().startswith("No project yet.")
    assert view.import_button.text() in hint.text()  # the button's own name
    assert "SRT/VTT" in hint.text() and "CSV" in hint.text()
    import_script(qtbot, window, tmp_path)
    assert view.project is not None and not hint.isVisible()


def test_a_block_whose_render_failed_reads_failed_with_the_reason_as_tooltip(qtbot, window, tmp_path):
    view = project_that_fails_on_block_one(qtbot, window, tmp_path)
    assert _render(qtbot, view) is None  # failed on block 1
    model = view.model
    wait_until(qtbot, lambda: model.data(model.index(0, 3)) == "failed", 10)
    tip = model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert tip and "transcript" in tip and "could not be rendered" not in tip, tip
    assert model.data(model.index(1, 3)) == "not rendered"  # never tried
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ToolTipRole) is None
    # the user fixes the block (cross-lingual needs no transcript): it is no longer "failed"
    view.store.update_block(model.items[0].block.id, mode="cross_lingual")
    view.refresh_blocks([model.items[0].block.id])
    assert model.data(model.index(0, 3)) == "not rendered"
    # block 1 renders, block 2 fails: the bar keeps the block made before the failure, 1 of 2
    assert _render(qtbot, view) is None
    wait_until(qtbot, lambda: model.data(model.index(1, 3)) == "failed", 10)
    assert model.data(model.index(0, 3)) == "rendered"
    assert (view.progress_bar.value(), view.progress_bar.maximum()) == (1, 2)


def test_a_stopped_render_keeps_the_blocks_done_on_its_bar(qtbot, window, tmp_path):
    """Stop a render after its first block, render again and stop before any block is made: the bar
    shows the blocks done (reused ones included), as the label says, not 0 %."""
    text = "".join(f"Line number {n}.\n\n" for n in range(1, 7))[:-1]
    view = import_script(qtbot, window, tmp_path, text=text)
    bar = view.progress_bar
    clicked = []

    def first_block_done(*_):
        if not clicked and bar.value() >= 1:
            clicked.append(bar.value())
            view.stop_button.click()

    with qtbot.waitSignal(view.renderEnded, timeout=300_000) as ended:
        assert view.render()
        view._job.progress.connect(first_block_done)
    report = ended.args[0]
    assert clicked and report.cancelled and 1 <= report.rendered < 6
    done = report.rendered
    assert (bar.value(), bar.maximum()) == (done, 6)
    # again, stopped before its first block is made: the kept blocks are still done
    with qtbot.waitSignal(view.renderEnded, timeout=300_000) as ended:
        assert view.render()
        assert view.cancel_render()
    report = ended.args[0]  # None when it was stopped while still queued behind the first render
    assert report is None or (report.cancelled and report.rendered == 0 and report.reused == done)
    assert (bar.value(), bar.maximum()) == (done, 6)
    assert view.progress_label.text() == f"Stopped; {done} of 6 blocks are rendered and kept."
    qtbot.wait(300)  # the reload and the waveform after it leave the bar as it is
    assert (bar.value(), bar.maximum()) == (done, 6)


def test_block_voice_starts_on_the_blocks_own_voice(qtbot, window, tmp_path, monkeypatch):
    import studio.ui.project.view as view_module

    view = import_script(qtbot, window, tmp_path, text="One.\n\nTwo.\n\nThree.")
    save_voice(qtbot, window, name="Aaron")
    save_voice(qtbot, window, name="Zoe")
    lib = window.ctx.library
    voices = lib.list_voices()
    names = [v.name for v in voices]
    asked = []

    def get_item(_parent, _title, _label, items, current, _editable):
        asked.append((items, current))
        return items[current], True  # OK on what it proposes: nothing changes

    monkeypatch.setattr(view_module.QInputDialog, "getItem", get_item)
    # block 2 gets a voice that is not the list's first, block 1 keeps the speaker mapping's
    other = next(v for v in voices if v.name != names[0])
    view.set_block_voice(1, other.uid)
    view.table.selectRow(1)
    view.choose_block_voice()
    assert asked[-1] == (names, names.index(other.name))
    assert view.model.items[1].block.voice_uid == other.uid
    view.table.selectRow(0)
    view.choose_block_voice()
    assert asked[-1][1] == names.index("Narrator")  # the voice the script was mapped to


def test_deleting_a_voice_names_the_projects_that_use_it_before_it_goes(qtbot, window, tmp_path, monkeypatch):
    view = import_script(qtbot, window, tmp_path, text="One.\n\nTwo.\n\nThree.")  # "short": Narrator
    lib = window.ctx.library
    narrator = next(v for v in lib.list_voices() if v.name == "Narrator")
    guest = lib.get_voice(save_voice(qtbot, window, name="Guest"))
    spare = save_voice(qtbot, window, name="Spare")
    (tmp_path / "two.txt").write_text("Four.\n\nFive.\n")
    assert view.import_script(tmp_path / "two.txt", {"": guest.uid})
    wait_until(qtbot, lambda: [i.block.text for i in view.model.items] == ["Four.", "Five."], 10)
    view.set_block_voice(1, narrator.uid)  # one block of "two" is Narrator's own
    voices = window.voice_list
    asked = []

    def ask(name, used_by):
        asked.append((name, used_by))
        return False  # Cancel

    monkeypatch.setattr(voices, "ask_delete_used_voice", ask)
    assert not voices.delete_voice(narrator.id)
    assert len(asked) == 1 and asked[0][0] == "Narrator"
    assert sorted(asked[0][1].split(", ")) == ["short (3 blocks)", "two (1 block)"]  # newest first
    assert lib.get_voice(narrator.id) is not None and narrator.id not in window.ctx.deletions.hidden("voice")
    sentence = voices.used_by_text(asked[0][1])
    assert asked[0][1] in sentence and "Speaker voices…" in sentence
    # confirmed: deleted (undoably); a voice no project uses is deleted without the question
    monkeypatch.setattr(voices, "ask_delete_used_voice", lambda name, used_by: True)
    assert voices.delete_voice(narrator.id)
    assert narrator.id in window.ctx.deletions.hidden("voice")
    monkeypatch.setattr(
        voices, "ask_delete_used_voice", lambda *_: pytest.fail("Spare is used by no project")
    )
    assert voices.delete_voice(spare)
    # a voice with takes: the takes question names the projects too
    take_voice = lib.get_voice(guest.id)
    told = []
    monkeypatch.setattr(
        voices, "ask_delete_with_takes", lambda name, n, used_by="": told.append((name, used_by)) or None
    )
    monkeypatch.setattr(lib, "take_ids", lambda voice_id=None: [1] if voice_id == take_voice.id else [])
    assert not voices.delete_voice(take_voice.id)
    assert told == [("Guest", "two (1 block)")]


def test_a_project_export_says_what_it_wrote_once(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QLabel

    view = import_script(qtbot, window, tmp_path)
    assert _render(qtbot, view).rendered == 2
    path = tmp_path / "out" / "short.wav"
    with qtbot.waitSignal(view.exported, timeout=60_000):
        view.export_to(path, subtitles=path.with_suffix(".srt"))
    showing = [label for label in window.findChildren(QLabel) if str(path) in label.text()]
    assert showing == [window.message_bar.label], [label.objectName() or label for label in showing]
    assert f"subtitles (.srt): {path.with_suffix('.srt')}" in window.message_bar.text()


def test_renaming_or_deleting_a_voice_shows_in_the_project_without_reopening_it(qtbot, window, tmp_path):
    view = import_script(qtbot, window, tmp_path, text="One.\n\nTwo.")  # every block: Narrator
    speaker = view.model.index(0, 1)
    assert "Narrator" in view.model.data(speaker)
    narrator = next(v for v in window.ctx.library.list_voices() if v.name == "Narrator")
    assert window.voice_list.rename_voice(narrator.id, "Storyteller")
    wait_until(qtbot, lambda: "Storyteller" in (view.model.data(view.model.index(0, 1)) or ""))
    reloads = []
    view.reloaded.connect(lambda: reloads.append(1))
    window.ctx.deletions.delete("voice", narrator.id, "Storyteller")
    wait_until(qtbot, lambda: reloads)  # the states are re-planned at once
    window.ctx.deletions.undo()
    wait_until(qtbot, lambda: len(reloads) >= 2)
