"""Smaller findings of a fresh user's tour of the Project tab: the export follows Settings' WAV bit
depth and says which files it wrote, a re-imported script updates its project, a visible Stop button
keeps the blocks rendered so far, the script dialog opens in the last folder."""

from __future__ import annotations

import json

import soundfile as sf

from tests.ui.conftest import save_voice, wait_until


def _import(qtbot, window, tmp_path, text="Hello there.\n\nGood day to you.\n", name="short"):
    voice = save_voice(qtbot, window, name="Narrator")
    view = window.project_view
    window.main_tabs.setCurrentWidget(view)
    (tmp_path / f"{name}.txt").write_text(text)
    assert view.import_script(tmp_path / f"{name}.txt", {"": window.ctx.library.get_voice(voice).uid})
    wait_until(qtbot, lambda: view.model.rowCount() == text.count("\n\n") + 1)
    return view


def _render(qtbot, view):
    with qtbot.waitSignal(view.renderEnded, timeout=300_000) as ended:
        assert view.render()
    return ended.args[0]


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
        # the confirmation names the three files with their full paths
        text = view.export_summary.text()
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
