"""The ingest dialog: runs an ingest off the UI thread, fills the review table, edits, accepts, exports."""

from __future__ import annotations

import pytest
import soundfile as sf
from PySide6.QtCore import Qt

from tests.transcribe.speech import SENTENCES, build_recording, have_espeak, speak

pytestmark = pytest.mark.skipif(not have_espeak(), reason="espeak-ng is not installed")


def test_ingest_review_and_export(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("VOICE_STUDIO_MODELS", str(tmp_path / "no-models"))
    rec = tmp_path / "field.wav"
    spans = build_recording(rec, SENTENCES[:3])
    dialog = window.open_ingest()
    qtbot.addWidget(dialog)
    # nothing downloaded: PocketSphinx's bundled English model transcribes (test_project_minor.py
    # covers the recognizer choice)
    assert "PocketSphinx" in dialog.recognizer_label.text()
    dialog.set_files([rec])
    dialog.speaker.setText("Tester")
    assert dialog.start()
    assert dialog.cancel_button.isEnabled() and not dialog.start_button.isEnabled()
    # the Transcribe button shares the window's recognizer worker: a click during the ingest waits for it
    ref = tmp_path / "ref.wav"
    sf.write(str(ref), speak(SENTENCES[0]) * 0.5, 16_000)
    panel = window.reference
    assert panel.load_file(ref)
    assert panel.transcriber.worker is window.ctx.recognizers and window.ctx.recognizers.busy
    assert panel.transcriber.transcribe()
    assert "The recognizer is busy with an earlier job" in panel.transcriber.status.text()
    qtbot.waitUntil(lambda: not dialog.running, timeout=120_000)
    qtbot.waitUntil(lambda: panel.transcriber.job is None, timeout=120_000)
    assert panel.transcriber.verdict is not None and panel.transcript_edit.text()  # after the ingest
    assert dialog.table.rowCount() == len(spans)
    assert "Saved 3 clips" in dialog.status.text()
    # edit a transcript in place, accept two clips, export them
    cell = dialog.table.item(0, 5)
    cell.setText("I would like a cup of tea please, with a little milk.")
    first = cell.data(Qt.ItemDataRole.UserRole)
    assert window.ctx.library.get_ingested(first).transcript.startswith("I would like")
    dialog.table.selectRow(0)
    assert "Quality: pass" in dialog.details.text() or "Quality: warn" in dialog.details.text()
    dialog.set_review("accepted")
    assert window.ctx.library.get_ingested(first).review == "accepted"
    dialog.export_dataset(str(tmp_path / "ds"))
    assert (tmp_path / "ds" / "metadata.csv").is_file() and (tmp_path / "ds" / "wav.scp").is_file()
    dialog.close()
