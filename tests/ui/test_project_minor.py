"""Smaller findings of a fresh user's tour of the Project tab: the export follows Settings' WAV bit
depth and says which files it wrote, a re-imported script updates its project, a visible Stop button
keeps the blocks rendered so far, the script dialog opens in the last folder."""

from __future__ import annotations

import json

import pytest
import soundfile as sf

from tests.ui.conftest import (
    import_script,
    project_that_fails_on_block_one,
    render_project,
    save_voice,
    wait_until,
)

_import = import_script  # tests/ui/conftest.py


_render = render_project


def _export(qtbot, view, path, **kw):
    with qtbot.waitSignal(view.exported, timeout=60_000) as done:
        view.export_to(path, subtitles=path.with_suffix(".srt"), **kw)
    return done.args[0]


def test_project_export_follows_the_bit_depth_of_settings_and_lists_the_files(qtbot, window, tmp_path):
    view = _import(qtbot, window, tmp_path)
    assert _render(qtbot, view).rendered == 2
    settings = window.ctx.settings
    out = tmp_path / "out"
    said: list[str] = []
    window.ctx.message.connect(lambda _level, text: said.append(text))
    for fmt, subtype, bits in (("wav24", "PCM_24", 24), ("wav16", "PCM_16", 16), ("flac", "PCM_24", 24)):
        settings.set("export/format", fmt)
        path = out / f"{fmt}.wav"
        result = _export(qtbot, view, path)
        assert sf.info(str(path)).subtype == subtype, fmt
        sidecar = json.loads((out / f"{fmt}.wav.json").read_text())
        assert sidecar["audio_format"] == f"WAV {bits}-bit"
        # the confirmation (in the message area) names the three files with their full paths
        text = said[-1]
        assert f"audio: {path}" in text
        assert f"subtitles (.srt): {path.with_suffix('.srt')}" in text
        assert f"timing and provenance (.json): {out / f'{fmt}.wav.json'}" in text
        assert result.files[0].sidecar == out / f"{fmt}.wav.json"
        assert str(path.with_suffix(".srt")) in said[-1] and str(path) in said[-1]
    # an explicit bit depth (a script) still wins over Settings
    settings.set("export/format", "wav24")
    _export(qtbot, view, out / "explicit.wav", bits=16)
    assert sf.info(str(out / "explicit.wav")).subtype == "PCM_16"


def test_project_export_dialog_proposes_the_settings_format(qtbot, window, tmp_path, monkeypatch):
    import studio.ui.project.view as view_module

    view = _import(qtbot, window, tmp_path)
    window.ctx.settings.set("export/folder", str(tmp_path))
    window.ctx.settings.set("export/format", "flac")
    asked = []

    def save_name(_parent, title, start, _filter):
        asked.append((title, start))
        return "", ""

    monkeypatch.setattr(view_module.QFileDialog, "getSaveFileName", save_name)
    view.choose_export()
    title, start = asked[0]
    assert start == str(tmp_path / "short.flac")
    assert ".srt" in title and ".json" in title


def test_reimporting_a_script_updates_its_project_and_keeps_voices_and_takes(
    qtbot, window, tmp_path, monkeypatch
):
    """Edit one line of an imported dialogue and import the file again: the same project is updated
    (no "talk (2)"), every speaker keeps the voice chosen for it, the untouched lines keep their takes
    and only the edited line needs rendering."""
    from PySide6.QtWidgets import QDialog

    from studio.ui.project import view as view_module
    from tests.conftest import PROMPT_EN, PROMPT_EN_TEXT

    lib = window.ctx.library
    narrator = lib.get_voice(save_voice(qtbot, window, name="Narrator")).uid
    guest = lib.get_voice(
        save_voice(qtbot, window, clip=PROMPT_EN, transcript=PROMPT_EN_TEXT, name="Guest")
    ).uid
    view = window.project_view
    script = tmp_path / "talk.txt"
    script.write_text("Ann: Hello there.\n\nBob: Good day to you.\n\nAnn: See you.\n")
    assert view.import_script(script, {"Ann": guest, "Bob": narrator})
    wait_until(qtbot, lambda: view.model.rowCount() == 3)
    first = view.project
    view.store.update_block(view.model.items[0].block.id, speed=1.1)  # a line the user slowed down
    _render(qtbot, view)
    takes = [i.take.id for i in view.model.items]

    asked = []
    monkeypatch.setattr(view, "ask_reimport", lambda name: asked.append(name) or True)
    # every speaker already has a voice: no speaker dialog is shown
    monkeypatch.setattr(view_module.SpeakerDialog, "exec", lambda self: pytest.fail("dialog shown"))
    script.write_text("Ann: Hello there.\n\nBob: Good evening to you.\n\nAnn: See you.\n")
    with qtbot.waitSignal(view.reloaded, timeout=30_000):
        assert view.import_script(script)
    assert asked == ["talk"]
    assert [p.name for p in view.store.list_projects()] == ["talk"] and view.project.id == first.id
    speakers = view.store.speakers(first.id)
    assert speakers["Ann"].voice_uid == guest and speakers["Bob"].voice_uid == narrator
    wait_until(qtbot, lambda: [i.block.text for i in view.model.items][1] == "Good evening to you.")
    assert [i.state for i in view.model.items] == ["rendered", "not rendered", "rendered"]
    assert view.model.items[0].block.speed == 1.1
    assert view.model.items[0].take.id == takes[0] and view.model.items[2].take.id == takes[2]
    assert _render(qtbot, view).rendered == 1

    # a new speaker: the dialog asks, with the known speakers' voices already chosen
    shown = {}

    def answer(dialog):
        shown.update({s: c.currentData() for s, c in dialog.combos.items()})
        dialog.combos["Cy"].setCurrentIndex(dialog.combos["Cy"].findData(narrator))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(view_module.SpeakerDialog, "exec", answer)
    script.write_text("Ann: Hello there.\n\nCy: Hi.\n")
    with qtbot.waitSignal(view.reloaded, timeout=30_000):
        assert view.import_script(script)
    assert shown["Ann"] == guest and set(shown) == {"Ann", "Cy"}
    assert view.store.speakers(first.id)["Cy"].voice_uid == narrator

    # "Import as a new project": a second project whose speakers start with the same voices
    monkeypatch.setattr(view, "ask_reimport", lambda name: False)
    monkeypatch.setattr(view_module.SpeakerDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(view.reloaded, timeout=30_000):
        assert view.import_script(script)
    assert sorted(p.name for p in view.store.list_projects()) == ["talk", "talk (2)"]
    copy = view.store.get_project("talk (2)")
    assert view.store.speakers(copy.id)["Ann"].voice_uid == guest
    assert view.store.speakers(copy.id)["Cy"].voice_uid == narrator
    # Cancel imports nothing
    monkeypatch.setattr(view, "ask_reimport", lambda name: None)
    assert not view.import_script(script)
    assert len(view.store.list_projects()) == 2


def test_stop_button_stops_a_render_and_keeps_the_blocks_made_so_far(qtbot, window, tmp_path):
    view = _import(qtbot, window, tmp_path, text="".join(f"Line number {n}.\n\n" for n in range(1, 7))[:-1])
    assert view.model.rowCount() == 6
    stop = view.stop_button
    assert stop.isVisibleTo(window) and stop.text() == "Stop"
    assert not stop.isEnabled() and stop.toolTip() == "Nothing is rendering."
    clicked = []

    def first_block_done(*_):
        if not clicked and view.progress_bar.value() >= 1:
            assert stop.isEnabled()
            clicked.append(view.progress_bar.value())
            stop.click()
            assert not stop.isEnabled() and view.progress_label.text() == "Stopping after the current block…"

    with qtbot.waitSignal(view.renderEnded, timeout=300_000) as ended:
        assert view.render()
        assert stop.isEnabled() and not view.render_button.isEnabled()
        view._job.progress.connect(first_block_done)
    report = ended.args[0]
    assert clicked and report.cancelled and 1 <= report.rendered < 6
    wait_until(qtbot, lambda: sum(i.state == "rendered" for i in view.model.items) == report.rendered)
    states = [i.state for i in view.model.items]
    assert states == ["rendered"] * report.rendered + ["not rendered"] * (6 - report.rendered)
    assert view.progress_label.text() == f"Stopped; {report.rendered} of 6 blocks are rendered and kept."
    assert not stop.isEnabled() and view.render_button.isEnabled()
    # Render again makes only the rest
    with qtbot.waitSignal(view.renderEnded, timeout=300_000) as ended:
        assert view.render()
    assert ended.args[0].rendered == 6 - report.rendered and ended.args[0].reused == report.rendered


def test_ingest_dialog_offers_every_recognizer_and_runs_pocketsphinx(qtbot, window, tmp_path, monkeypatch):
    """The ingest dialog's recognizer choice lists every recognizer the studio can use (PocketSphinx's
    bundled English model among them); with nothing downloaded, Automatic uses PocketSphinx as the
    Transcribe button does; a recognizer that is not installed says how to get it and Start waits."""
    from studio.transcribe import pocketsphinx_backend
    from studio.transcribe import recognizers as reg
    from tests.ui.conftest import SELFTEST_CLIP

    monkeypatch.setenv("VOICE_STUDIO_MODELS", str(tmp_path / "no-models"))
    window.ctx.recognizers.models_dir = tmp_path / "no-models"
    dialog = window.open_ingest()
    qtbot.addWidget(dialog)
    combo = dialog.recognizer_choice
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names == ["auto", *[s.name for s in reg.SPECS], "none"]
    assert combo.itemText(names.index("pocketsphinx")) == "PocketSphinx (basic offline English)"
    assert combo.itemText(names.index("whisper-small")) == "Whisper small (for CPUs) (not installed)"
    assert (
        "PocketSphinx" in dialog.recognizer_label.text() and "English only" in dialog.recognizer_label.text()
    )

    # a downloadable one that is not here: how to get it, and Start waits
    dialog.set_files([SELFTEST_CLIP])
    combo.setCurrentIndex(names.index("whisper-small"))
    assert "File → Download a model…" in dialog.recognizer_label.text()
    assert "voice-studio models download whisper-small" in dialog.recognizer_label.text()
    assert not dialog.start_button.isEnabled() and not dialog.start()

    # PocketSphinx chosen: the clips are transcribed by it
    combo.setCurrentIndex(names.index("pocketsphinx"))
    assert dialog.start_button.isEnabled()
    assert dialog.start()
    assert not combo.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=120_000)
    clips = window.ctx.library.list_ingested()
    assert clips and "Saved" in dialog.status.text()
    recs = [r["recognizer"] for c in clips for r in (c.recognitions or {}).get("recognitions", [])]
    assert recs and set(recs) == {"pocketsphinx"}
    assert any(c.transcript.strip() for c in clips)
    dialog.close()

    # PocketSphinx not installed: a clear message instead of an exception
    monkeypatch.setattr(pocketsphinx_backend, "available", lambda: False)
    dialog = window.open_ingest()
    qtbot.addWidget(dialog)
    assert "No speech recognizer is installed" in dialog.recognizer_label.text()
    dialog.set_files([SELFTEST_CLIP])
    dialog.recognizer_choice.setCurrentIndex(names.index("pocketsphinx"))
    assert dialog.recognizer_choice.currentText() == "PocketSphinx (basic offline English) (not installed)"
    assert "pip install pocketsphinx" in dialog.recognizer_label.text()
    assert not dialog.start_button.isEnabled() and "pip install pocketsphinx" in dialog.start_button.toolTip()
    dialog.close()


def test_the_block_inspector_with_nothing_selected_shows_neutral_values_not_minimums(qtbot):
    from studio.ui.project.inspector import BlockInspector

    inspector = BlockInspector()
    qtbot.addWidget(inspector)
    assert not inspector.speed.isEnabled()
    assert inspector.speed.value() == 1.0  # not the spin box's minimum (0.25×), which read as a setting
    assert inspector.pause.value() == 0 and inspector.seed.text() == ""
    inspector.speed.setValue(0.5)
    inspector.show_block(None, [])
    assert inspector.speed.value() == 1.0


def test_a_block_shows_rendered_in_the_table_as_soon_as_it_is_made(qtbot, window, tmp_path):
    view = _import(qtbot, window, tmp_path, text="One line.\n\nTwo lines.\n\nThree lines.")
    seen: list[list[str]] = []

    def on_progress(*_):
        if view.progress_bar.value() >= 1 and not seen:
            seen.append([item.state for item in view.model.items])

    with qtbot.waitSignal(view.renderEnded, timeout=300_000):
        assert view.render()
        view._job.progress.connect(on_progress)
    # while the render still ran, the finished first block's row already said so
    assert seen and seen[0][0] == "rendered" and seen[0][-1] == "not rendered", seen


def test_a_failed_render_says_so_and_its_message_goes_once_a_render_and_an_export_succeed(
    qtbot, window, tmp_path
):
    view = project_that_fails_on_block_one(qtbot, window, tmp_path)
    assert _render(qtbot, view) is None  # failed
    shown = window.message_bar.text()
    assert "could not be rendered" in shown and "transcript" in shown
    assert "ProjectError" not in shown and "Synthesis failed" not in shown  # the sentence, not a class name
    assert view.progress_label.text() == "Render failed; the blocks made before it are kept."
    assert view.stop_button.isEnabled() is False and view.render_button.isEnabled()
    # the user fixes the blocks (cross-lingual needs no transcript) and renders again
    for item in view.model.items:
        view.store.update_block(item.block.id, mode="cross_lingual")
    view.refresh_blocks([item.block.id for item in view.model.items])
    report = _render(qtbot, view)
    assert report is not None and report.rendered == 2
    assert "could not be rendered" not in window.message_bar.text()
    result = _export(qtbot, view, tmp_path / "lines.wav")
    assert result is not None
    assert "lines.wav" in window.message_bar.text()  # the export's confirmation is what shows


def test_a_block_that_could_not_be_rendered_reads_in_chinese(chinese):
    from studio.ui.error_text import localize

    text = localize(
        "block 3 could not be rendered: Zero-shot cloning needs the transcript of the reference clip; "
        "add it, or use cross-lingual mode."
    )
    assert text.startswith("第 3 段无法渲染：") and "Zero-shot" not in text, text


def test_speaker_voices_remaps_every_block_of_a_speaker_after_its_voice_was_deleted(qtbot, window, tmp_path):
    view = _import(qtbot, window, tmp_path, text="One line.\n\nTwo lines.\n\nThree lines.")
    lib = window.ctx.library
    assert view.speakers_button.isEnabled()
    old = lib.list_voices()[0]
    spare = save_voice(qtbot, window, name="Spare")
    lib.delete_voice(old.id)  # as in an earlier session (the window's delete waits for Ctrl+Z)
    view.reload()
    wait_until(qtbot, lambda: all(item.error for item in view.model.items))
    assert _render(qtbot, view) is None  # "the voice ... was deleted from the library"
    assert view.choose_speaker_voices({"": lib.get_voice(spare).uid})
    wait_until(qtbot, lambda: not any(item.error for item in view.model.items))
    assert "deleted" not in window.message_bar.text()
    assert _render(qtbot, view).rendered == 3
