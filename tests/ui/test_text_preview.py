"""The segment preview (what will be spoken, editable) and the pronunciation dictionary editor."""

from __future__ import annotations

import pytest

from tests.ui.conftest import make_take, save_voice, wait_until


def open_preview(qtbot, window, text, language=""):
    window.script.set_text(text)
    window.preview_action.trigger()
    preview = window.text_preview
    code_index = preview.language.findData(language)
    if preview.language.currentIndex() != code_index:
        preview.language.setCurrentIndex(code_index)
    wait_until(qtbot, lambda: preview.table.rowCount() > 0 and "…" not in preview.status.text(), 120)
    return preview


def test_the_preview_shows_the_segments_the_engine_will_speak(window, qtbot):
    preview = open_preview(qtbot, window, "사과 3개를 샀어요. 详情请访问www.example.com查看。")
    assert preview.segments() == ["사과 세 개를 샀어요.详情请访问www点example点com查看。"]
    preview.language.setCurrentIndex(preview.language.findData("de"))
    window.script.set_text("Es sind 3 Katzen.")
    wait_until(qtbot, lambda: preview.segments() == ["Es sind drei Katzen."], 60)
    assert window.ctx.settings.get("text/language") == "de"


def test_an_edited_segment_is_spoken_and_kept_in_the_provenance(window, qtbot):
    save_voice(qtbot, window)
    window.script.seed.setValue(3)
    preview = open_preview(qtbot, window, "We have 3 cats. They sleep all day.", language="en")
    assert preview.segments() == ["We have three cats. They sleep all day."]
    preview.table.item(0, 0).setText("We have three small cats.")
    assert preview.edited() and preview.revert_button.isEnabled()
    with qtbot.waitSignal(window.takeStored, timeout=180_000) as stored:
        preview.speak_button.click()
    take = window.ctx.library.get_take(stored.args[0])
    assert [s.text for s in take.segments] == ["We have three small cats."]
    frontend = take.timings["text_frontend"]
    assert frontend["edited_segments"] is True and frontend["segments"] == ["We have three small cats."]
    assert frontend["language"] == "en"


def test_speaking_the_preview_leaves_a_random_seed_random(window, qtbot):
    """A fresh user found the seed box switched from "random" to a number by "Speak these segments"."""
    from studio.ui.script_panel import RANDOM_SEED

    save_voice(qtbot, window)
    assert window.script.seed.value() == RANDOM_SEED
    preview = open_preview(qtbot, window, "Hi.", language="en")
    seeds = []
    for _ in range(2):
        with qtbot.waitSignal(window.takeStored, timeout=180_000) as stored:
            preview.speak_button.click()
        seeds.append(window.ctx.library.get_take(stored.args[0]).seed)
        assert window.script.seed.value() == RANDOM_SEED
    assert seeds[0] != seeds[1]


def test_the_dictionary_changes_what_is_spoken(window, qtbot, tmp_path, monkeypatch):
    from studio.library.lexicon_store import lexicon_path, read_rows
    from studio.ui.lexicon_dialog import LexiconDialog

    voice_id = save_voice(qtbot, window)
    dialog = LexiconDialog(window.ctx, voice_id, window)
    qtbot.addWidget(dialog)
    dialog.add_row()
    dialog.table.item(0, 0).setText("nginx")
    dialog.table.item(0, 1).setText("engine x")
    assert dialog.save()
    assert read_rows(lexicon_path(window.ctx.library.root)) == [("nginx", "engine x")]
    # a voice's own entry wins over the global one
    dialog.scope.setCurrentIndex(1)
    dialog.add_row()
    dialog.table.item(0, 0).setText("nginx")
    dialog.table.item(0, 1).setText("en gin ex")
    assert dialog.save()
    preview = open_preview(qtbot, window, "I run Nginx.", language="en")
    assert preview.segments() == ["I run en gin ex."]
    take_id, _run = make_take(qtbot, window, "I run Nginx.", mode="cross_lingual", stream=False)
    take = window.ctx.library.get_take(take_id)
    assert take.segments[0].text == "I run en gin ex."
    assert take.timings["text_frontend"]["lexicon_entries"] == 1  # the voice entry replaced the global one


def test_dictionary_csv_import_export_and_bad_files(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from studio.ui.lexicon_dialog import LexiconDialog

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog = LexiconDialog(window.ctx, None, window)
    qtbot.addWidget(dialog)
    good = tmp_path / "in.csv"
    good.write_text('term,replacement\nSQL,sequel\n"a, b",ab\n', encoding="utf-8")
    assert dialog.import_file(good)
    assert dialog.rows() == [("SQL", "sequel"), ("a, b", "ab")]
    out = tmp_path / "out.csv"
    assert dialog.export_file(out)
    assert out.read_text(encoding="utf-8") == 'term,replacement\nSQL,sequel\n"a, b",ab\n'
    bad = tmp_path / "bad.csv"
    bad.write_text("only-one-column\n", encoding="utf-8")
    assert not dialog.import_file(bad)
    assert "Line 1 of bad.csv" in shown[-1]
    dialog.add_row()
    dialog.table.item(2, 0).setText("lonely")
    assert not dialog.save() and "Row 3 needs both" in shown[-1]


@pytest.mark.parametrize("mode", ["cross_lingual"])
def test_a_text_warning_reaches_the_message_bar(window, qtbot, monkeypatch, mode):
    from studio.engine.frontend.text import numbers

    save_voice(qtbot, window)
    window.ctx.settings.set("text/language", "de")

    def broken(*args, **kwargs):
        raise OverflowError("too big")

    monkeypatch.setattr(numbers, "num2words", broken)
    make_take(qtbot, window, "Ich habe 3 Katzen.", mode=mode, stream=False)
    assert "'3' could not be read in de" in window.message_bar.text()
