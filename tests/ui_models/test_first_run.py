"""The first-run flow and the download dialog, driven with pytest-qt against the local hub."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from studio.models.paths import STAGING
from studio.ui.download_dialog import DownloadDialog, format_eta
from studio.ui.first_run import open_model_download
from tests.conftest import CV2_MODEL

CV2 = "CosyVoice2-0.5B"
WAIT = 30_000


def make_dialog(qtbot, model=CV2):
    dialog = DownloadDialog(None, model=model)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_dialog_downloads_with_progress(qtbot, hf_hub, models_dir):
    dialog = make_dialog(qtbot)
    assert dialog.selected_hub() == ("huggingface", None)  # $HF_ENDPOINT (the local hub) is used
    assert str(models_dir) in dialog.folder_label.text()
    with qtbot.waitSignal(dialog.installed, timeout=WAIT) as blocker:
        dialog.download_button.click()
        assert dialog.running and dialog.cancel_button.isEnabled() and not dialog.download_button.isEnabled()
    assert blocker.args == [str(models_dir / CV2)]
    assert (models_dir / CV2 / "llm.pt").is_file()
    assert dialog.overall_bar.value() == dialog.overall_bar.maximum()
    assert "installed and verified" in dialog.status_label.text()
    assert dialog.use_button.isVisible() and not dialog.cancel_button.isEnabled()
    assert "of 12)" in dialog.file_label.text()  # "<file> (12 of 12): ..."
    assert dialog.last_progress.phase == "done"


def test_dialog_cancel_then_resume(qtbot, hf_hub, models_dir):
    hf_hub.faults.delay_per_block = 0.01
    dialog = make_dialog(qtbot)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    dialog.download_button.click()
    qtbot.waitUntil(
        lambda: (
            dialog.last_progress is not None
            and dialog.last_progress.file == "flow.pt"
            and dialog.last_progress.file_done > 400_000
        ),
        timeout=WAIT,
    )
    assert len(ticks) > 5  # the event loop kept running while bytes arrived: the window is responsive
    speed = dialog.speed_label.text()
    assert "/s — " in speed and speed.endswith(("left", "almost done")), speed
    assert 0 < dialog.file_bar.value() < dialog.file_bar.maximum()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
    timer.stop()
    assert "Cancelled" in dialog.status_label.text()
    assert dialog.download_button.text() == "Resume" and dialog.download_button.isEnabled()
    part = models_dir / STAGING / CV2 / "flow.pt.part"
    kept = part.stat().st_size
    assert kept > 400_000 and not (models_dir / CV2).exists()

    hf_hub.faults.delay_per_block = 0.0
    with qtbot.waitSignal(dialog.installed, timeout=WAIT):
        dialog.download_button.click()
    assert hf_hub.gets("flow.pt")[-1].range == f"bytes={kept}-"
    assert (models_dir / CV2 / "flow.pt").read_bytes() == (CV2_MODEL / "flow.pt").read_bytes()


def test_reopened_dialog_offers_resume(qtbot, hf_hub, models_dir):
    hf_hub.faults.cut_after["flow.pt"] = 300_000
    from studio.models.download import download_model
    from studio.models.errors import DownloadError

    with pytest.raises(DownloadError):
        download_model(CV2, retries=0)
    dialog = make_dialog(qtbot)
    assert dialog.download_button.text() == "Resume"
    assert "stopped after" in dialog.status_label.text()


def test_mirror_endpoint_field(qtbot, hub, online, models_dir, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # the default would fail: the field must be used
    dialog = make_dialog(qtbot)
    dialog.mirror_radio.setChecked(True)
    assert dialog.mirror_edit.isEnabled()
    dialog.mirror_edit.setText(hub.url)
    with qtbot.waitSignal(dialog.installed, timeout=WAIT):
        dialog.download_button.click()
    assert (models_dir / CV2 / "llm.pt").is_file()


def test_modelscope_choice(qtbot, hub, online, models_dir, monkeypatch):
    monkeypatch.setenv("MODELSCOPE_DOMAIN", hub.url)
    dialog = make_dialog(qtbot)
    dialog.ms_radio.setChecked(True)
    assert dialog.selected_hub() == ("modelscope", None)
    with qtbot.waitSignal(dialog.installed, timeout=WAIT):
        dialog.download_button.click()
    assert any(e.path.startswith("/api/v1/models/iic/CosyVoice2-0.5B") for e in hub.log)


def test_offline_shows_one_sentence(qtbot, models_dir):
    dialog = make_dialog(qtbot)
    dialog.download_button.click()
    qtbot.waitUntil(lambda: not dialog.running and "offline" in dialog.status_label.text(), timeout=WAIT)
    assert dialog.status_label.text().startswith("Voice Studio is in offline mode")
    assert dialog.download_button.isEnabled() and dialog.download_button.text() == "Try again"
    assert not dialog.use_button.isVisible()


def test_closing_while_downloading_cancels_and_keeps_partial(qtbot, hf_hub, models_dir):
    hf_hub.faults.delay_per_block = 0.005
    dialog = make_dialog(qtbot)
    dialog.download_button.click()
    qtbot.waitUntil(
        lambda: dialog.last_progress is not None and dialog.last_progress.done > 300_000, timeout=WAIT
    )
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert not dialog.running and dialog.installed_path is None
    assert (models_dir / STAGING / CV2).is_dir() and not (models_dir / CV2).exists()


def _drive_dialog(qtbot, choose=None):
    """Find the modal download dialog once it is open, click Download, then "Use this model"."""

    def drive():
        dialogs = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, DownloadDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(20, drive)
            return
        dialog = dialogs[0]
        QTimer.singleShot(WAIT, dialog.reject)  # never hang the suite
        if choose:
            choose(dialog)
        dialog.installed.connect(lambda _path: dialog.use_button.click())
        dialog.download_button.click()

    QTimer.singleShot(0, drive)


def test_open_model_download_returns_installed_folder(qtbot, hf_hub, models_dir):
    _drive_dialog(qtbot, choose=lambda d: d.model_combo.setCurrentIndex(d.model_combo.findData(CV2)))
    path = open_model_download(None)
    assert path == str(models_dir / CV2)


def test_format_eta():
    assert format_eta(None) == ""
    assert format_eta(0.2) == "almost done"
    assert format_eta(30) == "less than a minute left"
    assert format_eta(600) == "about 10 min left"
    assert format_eta(7500) == "about 2 h 5 min left"
