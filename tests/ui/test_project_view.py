"""The window's project view on the golden models: import, render on the worker, re-roll one block,
reorder, change a block's voice, export every format with subtitles, subtitle overrun report."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
import srt
import webvtt
from PySide6.QtCore import QModelIndex, Qt

from tests.conftest import PROMPT_EN, PROMPT_EN_TEXT
from tests.ui.conftest import import_script, save_voice, wait_until

MARKDOWN = "# One\n\nHello there.\n\n# Two\n\nGood day.\n\n# Three\n\nSee you.\n"


def _td(ms):
    from datetime import timedelta

    return timedelta(milliseconds=ms)


def _render(qtbot, view, block_ids=None):
    with qtbot.waitSignal(view.renderEnded, timeout=300_000) as ended:
        assert view.render(block_ids) if block_ids is None else True
    return ended.args[0]


def _states(view):
    return [item.state for item in view.model.items]


def test_project_view_renders_rerolls_reorders_and_exports(qtbot, window, tmp_path):
    narrator = save_voice(qtbot, window, name="Narrator")
    guest = save_voice(qtbot, window, clip=PROMPT_EN, transcript=PROMPT_EN_TEXT, name="Guest")
    lib = window.ctx.library
    view = window.project_view
    window.main_tabs.setCurrentWidget(view)
    script = tmp_path / "story.md"
    script.write_text(MARKDOWN)
    assert view.import_script(script, {"": lib.get_voice(narrator).uid})
    wait_until(qtbot, lambda: view.model.rowCount() == 3)
    assert _states(view) == ["not rendered"] * 3
    report = _render(qtbot, view)
    assert report.rendered == 3 and _states(view) == ["rendered"] * 3
    wait_until(qtbot, lambda: view.mixdown is not None and len(view.mixdown.placements) == 3)
    # play from block 2: the player gets the render from that block's start to the end
    view.play_from(1)
    mix = view.mixdown
    assert window.ctx.player.received == len(mix.audio) - mix.placements[1].start
    window.ctx.player.stop()

    # re-roll block 2 alone: one new take, the others untouched
    before = [i.take.id for i in view.model.items]
    with qtbot.waitSignal(view.renderEnded, timeout=300_000) as ended:
        assert view.reroll_block(1)
    assert ended.args[0].rendered == 1 and ended.args[0].reused == 0
    after = [i.take.id for i in view.model.items]
    assert after[0] == before[0] and after[2] == before[2] and after[1] != before[1]
    assert len(view.store.block_takes(view.model.items[1].block.id)) == 2

    # drag block 3 to the top (the model's drop handler), then give it the other voice
    data = view.model.mimeData([view.model.index(2, 0)])
    view.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    wait_until(
        qtbot, lambda: [i.block.text for i in view.model.items] == ["See you.", "Hello there.", "Good day."]
    )
    view.set_block_voice(0, lib.get_voice(guest).uid)
    assert _states(view) == ["stale", "rendered", "rendered"]
    report = _render(qtbot, view)
    assert report.rendered == 1 and report.reused == 2
    # edit one block's text in the table: that block alone is rendered again
    assert view.model.setData(view.model.index(2, 2), "Good evening.", Qt.ItemDataRole.EditRole)
    assert _states(view) == ["rendered", "rendered", "stale"]
    report = _render(qtbot, view)
    assert report.rendered == 1 and report.reused == 2
    assert [i.block.text for i in view.model.items][2] == "Good evening."

    # export WAV / FLAC / MP3 with SRT and VTT; the subtitles parse back with the block timings
    wait_until(qtbot, lambda: view.mixdown is not None)
    for ext, sub in (("wav", "srt"), ("flac", "vtt"), ("mp3", "srt")):
        with qtbot.waitSignal(view.exported, timeout=60_000) as done:
            view.export_to(tmp_path / f"out.{ext}", subtitles=tmp_path / f"out-{ext}.{sub}")
        result = done.args[0]
        placements = result.files[0].placements
        if sub == "srt":
            cues = list(srt.parse((tmp_path / f"out-{ext}.{sub}").read_text()))
            starts = [c.start.total_seconds() for c in cues]
        else:
            cues = list(webvtt.read(str(tmp_path / f"out-{ext}.{sub}")))
            starts = [sum(float(x) * m for x, m in zip(c.start.split(":"), (3600, 60, 1))) for c in cues]
        rate = sf.info(str(tmp_path / f"out.{ext}")).samplerate
        assert np.allclose(starts, [p.start / rate for p in placements], atol=0.001)
    assert sf.info(str(tmp_path / "out.mp3")).format == "MP3"


def test_subtitle_project_reports_overruns_in_the_window(qtbot, window, tmp_path):
    voice = save_voice(qtbot, window, name="Narrator")
    view = window.project_view
    # 20 cues; the second is far too short for its text: sped up to 1.25x, still an overrun
    cues = [(500 + i * 4500, 500 + i * 4500 + 4000, f"Line {i + 1}.") for i in range(20)]
    cues[1] = (5000, 5300, "This sentence cannot fit into a third of a second.")
    (tmp_path / "dub.srt").write_text(
        srt.compose([srt.Subtitle(i + 1, _td(a), _td(b), t) for i, (a, b, t) in enumerate(cues)])
    )
    assert view.import_script(tmp_path / "dub.srt", {"": window.ctx.library.get_voice(voice).uid})
    wait_until(qtbot, lambda: view.model.rowCount() == 20)
    _render(qtbot, view)
    wait_until(qtbot, lambda: view.mixdown is not None)
    assert "Cue 2 overruns its slot by" in view.overruns.text()
    starts = [p.start / view.mixdown.sample_rate for p in view.mixdown.placements]
    assert np.allclose(starts, [a / 1000 for a, _b, _t in cues], atol=0.010)
    assert view.mixdown.duration_s == pytest.approx(cues[-1][1] / 1000, abs=0.001)
    for ext in ("wav", "flac", "mp3"):
        with qtbot.waitSignal(view.exported, timeout=60_000):
            view.export_to(tmp_path / f"dub.{ext}", subtitles=tmp_path / f"dub-{ext}.srt")
        out = list(srt.parse((tmp_path / f"dub-{ext}.srt").read_text()))
        assert len(out) == 20
        assert all(abs(c.start.total_seconds() - a / 1000) <= 0.010 for c, (a, _b, _t) in zip(out, cues))


def test_a_thousand_block_project_loads_into_the_table(qtbot, window, tmp_path):
    voice = save_voice(qtbot, window, name="Narrator")
    view = window.project_view
    window.main_tabs.setCurrentWidget(view)
    (tmp_path / "long.txt").write_text("\n\n".join(f"Line number {i}." for i in range(1000)))
    assert view.import_script(tmp_path / "long.txt", {"": window.ctx.library.get_voice(voice).uid})
    wait_until(qtbot, lambda: view.model.rowCount() == 1000)
    # an edit repaints its own row at once; nothing else is re-read
    view.set_block_voice(500, window.ctx.library.get_voice(voice).uid)
    assert view.model.items[500].block.voice_uid == window.ctx.library.get_voice(voice).uid
    view.table.scrollToBottom()
    qtbot.wait(50)
    last = view.table.rowAt(view.table.viewport().height() - 2)
    assert last >= 990


def test_fun_cosyvoice3_dialogue_project_in_the_window(qtbot, make_window, shared_bridge_v3, alsa, tmp_path):
    from studio.ui.project.view import SpeakerDialog

    window = make_window(bridge=shared_bridge_v3, ui__autoplay=False)
    alice = save_voice(qtbot, window, name="Alice")
    bob = save_voice(qtbot, window, clip=PROMPT_EN, transcript=PROMPT_EN_TEXT, name="Bob")
    lib = window.ctx.library
    # the dialog that maps the script's speakers to library voices
    dialog = SpeakerDialog(["Alice", "Bob"], lib.list_voices())
    qtbot.addWidget(dialog)
    dialog.combos["Bob"].setCurrentIndex(dialog.combos["Bob"].findText("Bob"))
    dialog.combos["Alice"].setCurrentIndex(dialog.combos["Alice"].findText("Alice"))
    mapping = dialog.mapping()
    assert mapping == {"Alice": lib.get_voice(alice).uid, "Bob": lib.get_voice(bob).uid}
    view = window.project_view
    (tmp_path / "talk.csv").write_text("speaker,text\nAlice,Hello Bob.\nBob,Hi Alice.\nAlice,Bye now.\n")
    assert view.import_script(tmp_path / "talk.csv", mapping)
    wait_until(qtbot, lambda: view.model.rowCount() == 3)
    report = _render(qtbot, view)
    assert report.rendered == 3 and _states(view) == ["rendered"] * 3
    with qtbot.waitSignal(view.exported, timeout=60_000) as done:
        view.export_to(tmp_path / "talk.mp3", subtitles=tmp_path / "talk.vtt")
    assert done.args[0].files[0].audio.name == "talk.mp3"
    assert [c.text for c in webvtt.read(str(tmp_path / "talk.vtt"))] == [
        "Hello Bob.",
        "Hi Alice.",
        "Bye now.",
    ]
    assert window.ctx.family == "cosyvoice3"


def test_block_inspector_chooses_an_earlier_take_and_edits_a_block(qtbot, window, tmp_path, monkeypatch):
    """Pick an earlier take of a re-rolled block (re-mixed, nothing rendered); edit one block's speed
    (that block alone is rendered again: one engine call); a pause only re-mixes; bad values are said."""
    import studio.project.render as render_module

    calls: list[tuple[str, float, int]] = []
    real = render_module.synthesize_block

    def counting(engine, job, cancel=None):
        calls.append((job.text, job.speed, job.seed))
        return real(engine, job, cancel)

    monkeypatch.setattr(render_module, "synthesize_block", counting)
    voice = save_voice(qtbot, window, name="Narrator")
    view = window.project_view
    window.main_tabs.setCurrentWidget(view)
    (tmp_path / "two.txt").write_text("First line here.\n\nSecond line here.\n\nThird line.\n")
    assert view.import_script(tmp_path / "two.txt", {"": window.ctx.library.get_voice(voice).uid})
    wait_until(qtbot, lambda: view.model.rowCount() == 3)
    _render(qtbot, view)
    assert len(calls) == 3
    inspector = view.inspector

    # re-roll block 2, then choose its first take again in the inspector's takes list
    first = view.model.items[1].take
    with qtbot.waitSignal(view.renderEnded, timeout=300_000):
        assert view.reroll_block(1)
    assert len(calls) == 4
    view.table.selectRow(1)
    assert inspector.takes.count() == 2 and inspector.takes.currentData() != first.id
    assert inspector.takes.itemText(1).startswith("✓ ")
    assert f"seed {first.seed}" in inspector.takes.itemText(0)
    second = inspector.takes.itemData(1)
    wait_until(qtbot, lambda: view.mixdown is not None and view.mixdown.placements[1].take.id == second)
    inspector.takes.setCurrentIndex(0)
    inspector.takes.activated.emit(0)
    item = view.model.items[1]
    assert item.take.id == first.id and item.block.seed == first.seed and item.state == "rendered"
    assert inspector.takes.itemText(0).startswith("✓ ")
    wait_until(qtbot, lambda: view.mixdown.placements[1].take.id == first.id)  # re-mixed
    assert len(calls) == 4  # choosing a take renders nothing

    # bad values: a clear message, nothing stored, the edits stay in the editors
    view.table.selectRow(2)
    third = view.model.items[2].block
    inspector.mode.setCurrentIndex(inspector.mode.findData("instruct"))
    qtbot.mouseClick(inspector.apply_button, Qt.MouseButton.LeftButton)
    assert "instruct mode needs an instruction" in inspector.message.text()
    assert view.store.get_block(third.id).mode == "zero_shot"
    assert inspector.mode.currentData() == "instruct"
    qtbot.mouseClick(inspector.revert_button, Qt.MouseButton.LeftButton)
    inspector.seed.setText("")
    qtbot.mouseClick(inspector.apply_button, Qt.MouseButton.LeftButton)
    assert "seed must be a whole number" in inspector.message.text()
    assert view.store.get_block(third.id).seed == third.seed
    qtbot.mouseClick(inspector.revert_button, Qt.MouseButton.LeftButton)

    # a longer pause after block 1: nothing becomes stale, the mix moves block 2 later
    view.table.selectRow(0)
    before = view.mixdown
    gap = before.placements[1].start - before.placements[0].end
    inspector.pause.setValue(view.model.items[0].block.pause_ms + 500)
    qtbot.mouseClick(inspector.apply_button, Qt.MouseButton.LeftButton)
    assert _states(view) == ["rendered"] * 3
    wait_until(qtbot, lambda: view.mixdown is not before)
    rate = view.mixdown.sample_rate
    new_gap = view.mixdown.placements[1].start - view.mixdown.placements[0].end
    assert abs((new_gap - gap) / rate - 0.5) < 0.02

    # speed of block 3: it alone is stale, and the render calls the engine exactly once
    view.table.selectRow(2)
    inspector.speed.setValue(1.2)
    qtbot.mouseClick(inspector.apply_button, Qt.MouseButton.LeftButton)
    assert _states(view) == ["rendered", "rendered", "stale"]
    assert view.model.items[2].block.speed == pytest.approx(1.2)
    report = _render(qtbot, view)
    assert report.rendered == 1 and report.reused == 2
    assert calls[4:] == [("Third line.", pytest.approx(1.2), third.seed)]
    assert _states(view) == ["rendered"] * 3
    # the inspector follows the block across the reload and lists the new take as chosen
    assert view.current_row() == 2 and inspector.takes.count() == 2
    assert inspector.takes.currentText().startswith("✓ ") and "1.20×" in inspector.takes.currentText()


# -- what a first user of the Project tab ran into --------------------------------------------


def _window_on(qtbot, library_dir, bridge):
    """A new window on an existing library folder, as after quitting and starting the app again."""
    from studio.library import Library
    from studio.ui.context import StudioContext
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import StudioSettings

    library = Library.open(library_dir)
    settings = StudioSettings()
    ctx = StudioContext(library, settings, bridge=bridge)
    window = MainWindow(ctx)
    window.owns_bridge = False
    qtbot.addWidget(window)
    window.show()
    return window, library


_import = import_script  # tests/ui/conftest.py


def test_a_new_window_shows_the_rendered_project_and_exports_it(qtbot, window, shared_bridge, tmp_path):
    """Render a project, quit, start again: the Project tab shows the project's rendered blocks and
    its waveform at once, and Render and Export work."""
    view = _import(qtbot, window, tmp_path)
    report = _render(qtbot, view)
    assert report.rendered == 2
    library_dir = window.ctx.library.root
    window.close()

    again, library = _window_on(qtbot, library_dir, shared_bridge)
    try:
        view = again.project_view
        again.main_tabs.setCurrentWidget(view)
        wait_until(qtbot, lambda: view.model.rowCount() == 2)
        assert view.project is not None and view.project.name == "short"
        assert view.projects.currentData() == view.project.id
        assert _states(view) == ["rendered", "rendered"]
        wait_until(qtbot, lambda: view.mixdown is not None and len(view.mixdown.placements) == 2)
        assert view.render_button.isEnabled() and view.export_button.isEnabled()
        report = _render(qtbot, view)
        assert report.rendered == 0 and report.reused == 2  # nothing to do, and it says so
        with qtbot.waitSignal(view.exported, timeout=60_000) as done:
            view.export_to(tmp_path / "short.flac", subtitles=tmp_path / "short.srt")
        assert done.args[0].files[0].audio == tmp_path / "short.flac"
        assert sf.info(str(tmp_path / "short.flac")).frames == len(view.mixdown.audio)
        assert len(list(srt.parse((tmp_path / "short.srt").read_text()))) == 2
    finally:
        again.close()
        library.close()


def test_project_combo_counts_blocks_and_the_speaker_column_names_the_voice(qtbot, window, tmp_path):
    """ "short — 2 blocks", not "short (2)"; a line without a speaker shows the default voice, greyed."""
    view = _import(qtbot, window, tmp_path)
    assert view.projects.currentText() == "short — 2 blocks"
    assert view.model.index(0, 1).data() == "(Narrator)"
    assert view.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "no speaker" in view.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    # a block given a voice of its own says so, in the normal colour
    view.set_block_voice(1, window.ctx.library.list_voices()[0].uid)
    assert view.model.index(1, 1).data() == "— → Narrator"
    assert view.model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_take_column_says_which_of_the_blocks_takes_is_used(qtbot, window, tmp_path):
    view = _import(qtbot, window, tmp_path)
    block = view.model.items[0].block
    for seed in (1, 2):
        view.store.add_take(
            block, fingerprint=f"fp{seed}", audio=np.zeros(2400, np.float32), sample_rate=24000, seed=seed
        )
    view.refresh_blocks([block.id])
    # numbered as the block inspector lists the takes (#id), never "take 2 of 2" next to a "#3"
    chosen = view.model.items[0].chosen.id
    assert view.model.index(0, 5).data() == f"#{chosen}"
    tip = view.model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Take #{chosen}" in tip and "2 take" in tip and "inspector" in tip and " of 2" not in tip
    view.select_block(block.id)
    inspector_rows = [view.inspector.takes.itemText(i) for i in range(view.inspector.takes.count())]
    assert any(row.lstrip("✓ ").startswith(f"#{chosen} ") for row in inspector_rows)
    assert view.model.index(1, 5).data() == ""


def test_a_project_render_is_an_entry_of_the_window_queue(qtbot, window, tmp_path):
    """The render shows in the Takes tab's queue and the status bar, with the blocks done so far."""
    view = _import(qtbot, window, tmp_path)
    seen: list[tuple[str, list[str]]] = []

    def entries():
        return [window.takes.queue.item(i).text() for i in range(window.takes.queue.count())]

    with qtbot.waitSignal(view.renderEnded, timeout=300_000):
        assert view.render()
        job = view._job
        assert entries() == [f"[{'running' if job.state == 'running' else 'queued'}] Render project short"]
        job.progress.connect(lambda *_: seen.append((window.queue_status.text(), entries())))
    # after the first block (the second takes far longer than the 100 ms progress tick)
    status, listed = seen[0]
    assert status.startswith("Render project short: 1/2 blocks")
    assert len(listed) == 1 and listed[0].startswith("[running] Render project short — 1/2 blocks")
    wait_until(qtbot, lambda: window.takes.queue.count() == 0 and window.queue_status.text() == "")


def test_export_dialog_starts_in_the_export_folder(qtbot, window, tmp_path, monkeypatch):
    import studio.ui.project.view as view_module

    view = _import(qtbot, window, tmp_path)
    exports = tmp_path / "exports"
    exports.mkdir()
    window.ctx.settings.set("export/folder", str(exports))
    asked = []

    def save_name(_parent, _title, start, _filter):
        asked.append(start)
        return str(tmp_path / "elsewhere" / "mine.wav"), ""

    monkeypatch.setattr(view_module.QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(view, "export_to", lambda path, subtitles=None: None)
    view.choose_export()
    assert asked == [str(exports / "short.wav")]
    view.choose_export()  # the folder used last time
    assert asked[1] == str(tmp_path / "elsewhere" / "short.wav")


def test_project_buttons_say_what_is_missing(qtbot, window, tmp_path):
    """With no project, Render/Export/the block buttons are disabled and their tooltips say why;
    called anyway (a shortcut), they say so in the message bar."""
    view = window.project_view
    window.main_tabs.setCurrentWidget(view)
    buttons = (
        view.render_button,
        view.export_button,
        view.play_button,
        view.reroll_button,
        view.voice_button,
    )
    for button in buttons:
        assert not button.isEnabled()
        assert "Import a script first" in button.toolTip()
    assert not view.render()
    assert "no project to render" in window.message_bar.text()
    view.choose_export()
    assert "no project to export" in window.message_bar.text()

    voice = save_voice(qtbot, window, name="Narrator")
    (tmp_path / "one.txt").write_text("Just one line.\n")
    assert view.import_script(tmp_path / "one.txt", {"": window.ctx.library.get_voice(voice).uid})
    wait_until(qtbot, lambda: view.model.rowCount() == 1)
    assert view.projects.currentText() == "one — 1 block"
    assert view.render_button.isEnabled()
    assert not view.export_button.isEnabled()
    assert "Render the project first: 1 block has no audio yet." in view.export_button.toolTip()
    for button in (view.play_button, view.reroll_button, view.voice_button):
        assert not button.isEnabled() and "Select a block" in button.toolTip()
    view.table.selectRow(0)
    assert view.reroll_button.isEnabled() and view.voice_button.isEnabled()
    assert not view.play_button.isEnabled() and "Render every block first" in view.play_button.toolTip()


def test_speaker_dialog_is_readable_and_explains_lines_without_a_speaker(qtbot):
    from types import SimpleNamespace

    from studio.ui.project.view import SpeakerDialog

    voices = [SimpleNamespace(name="Mandarin lady", uid="u1"), SimpleNamespace(name="Second voice", uid="u2")]
    dialog = SpeakerDialog([""], voices)
    qtbot.addWidget(dialog)
    dialog.show()
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() >= title + 150  # room for the title beside the window manager's buttons
    assert dialog.minimumWidth() >= 400
    assert "no speaker" in dialog.explanation.text() and "use the voice" in dialog.explanation.text()
    assert dialog.mapping() == {"": "u1"}
