"""Speech recognizers in the window's download dialog: listed in their own section, downloaded from the
(local) hub, verified and removed from the window; never offered as a voice model."""

from __future__ import annotations

import pytest

from studio.ui.download_dialog import DownloadDialog
from studio.ui.first_run import open_model_download
from tests.models.hubserver import HubServer, repo_from_folder

WAIT = 60_000


@pytest.fixture(scope="module")
def tiny_whisper(tmp_path_factory):
    from tests.transcribe.tiny_whisper import build_tiny_whisper

    return build_tiny_whisper(tmp_path_factory.mktemp("w") / "whisper")


@pytest.fixture
def asr_hub(tiny_whisper, online, monkeypatch):
    with HubServer([repo_from_folder("openai/whisper-small", tiny_whisper)], lifetime=120) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


def _rows(dialog) -> list[tuple[str, str | None, bool]]:
    """(text, model name, selectable) of every row of the model list."""
    combo = dialog.model_combo
    model = combo.model()
    return [
        (
            combo.itemText(i),
            combo.itemData(i),
            bool(model.item(i).isEnabled() and model.item(i).isSelectable()),
        )
        for i in range(combo.count())
    ]


def test_recognizers_have_their_own_section(qtbot, models_dir):
    dialog = DownloadDialog(None)
    qtbot.addWidget(dialog)
    rows = _rows(dialog)
    headers = [text for text, name, selectable in rows if name is None]
    assert headers == ["Voice models", "Speech recognizers (for transcripts and ingest)"]
    assert all(not selectable for _text, name, selectable in rows if name is None)
    names = [name for _text, name, _s in rows if name is not None]
    asr_start = [text for text, _n, _s in rows].index(headers[1])
    assert {"whisper-small", "whisper-large-v3-turbo", "sensevoice-small", "paraformer-zh"} <= {
        name for _t, name, _s in rows[asr_start:]
    }
    assert "CosyVoice2-0.5B" in names[:asr_start]
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("whisper-small"))
    assert not dialog.qwen_check.isVisibleTo(dialog)  # the Qwen2 weights belong to the voice models
    assert not dialog.verify_button.isEnabled() and not dialog.remove_button.isEnabled()
    assert "same device as the loaded voice model" in dialog.device_label.text()
    dialog.ms_radio.setChecked(True)
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("sensevoice-small"))
    assert not dialog.ms_radio.isEnabled() and dialog.hf_radio.isChecked()  # the sherpa-onnx export is not
    assert "not on ModelScope" in dialog.ms_radio.toolTip() and "on the CPU" in dialog.device_label.text()


def test_download_verify_and_remove_a_recognizer_from_the_window(qtbot, asr_hub, models_dir):
    from studio.transcribe import recognizers

    dialog = DownloadDialog(None, model="whisper-small")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.selected_model() == "whisper-small"
    assert dialog.ms_radio.isEnabled()  # OpenAI's Whisper is mirrored on ModelScope
    with qtbot.waitSignal(dialog.installed, timeout=WAIT) as installed:
        dialog.download_button.click()
    assert installed.args == [str(models_dir / "whisper-small")]
    assert dialog.installed_kind == "asr" and not dialog.use_button.isVisible()  # not a voice model
    assert "Transcribe button" in dialog.status_label.text()
    assert "whisper-small" in recognizers.installed(models_dir)
    assert dialog.model_combo.currentText().endswith("installed")
    assert dialog.verify_button.isEnabled() and dialog.remove_button.isEnabled()

    with qtbot.waitSignal(dialog.verified, timeout=WAIT) as verified:
        assert dialog.verify()
        assert not dialog.remove_button.isEnabled()  # nothing else runs while it checks
    assert verified.args[0].ok and "checks passed" in dialog.status_label.text()

    weights = models_dir / "whisper-small" / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-10] ^= 0xFF
    weights.write_bytes(bytes(data))
    with qtbot.waitSignal(dialog.verified, timeout=WAIT) as verified:
        dialog.verify_button.click()
    assert not verified.args[0].ok
    assert (
        "The check failed" in dialog.status_label.text() and "model.safetensors" in dialog.status_label.text()
    )

    with qtbot.waitSignal(dialog.removed, timeout=WAIT):
        assert dialog.remove(confirm=False)
    assert not (models_dir / "whisper-small").exists()
    assert "whisper-small" not in recognizers.installed(models_dir)
    assert "Removed" in dialog.status_label.text() and not dialog.model_combo.currentText().endswith(
        "installed"
    )
    assert dialog.download_button.isEnabled() and not dialog.verify_button.isEnabled()
    dialog.close()


def test_a_recognizer_downloaded_from_the_first_run_dialog_is_not_loaded_as_a_voice(
    qtbot, asr_hub, models_dir, monkeypatch
):
    def drive(dialog_self):
        dialog_self.model_combo.setCurrentIndex(dialog_self.model_combo.findData("whisper-small"))
        dialog_self.start()
        qtbot.waitUntil(lambda: dialog_self.installed_path is not None, timeout=WAIT)
        dialog_self.accept()
        return 1

    monkeypatch.setattr(DownloadDialog, "exec", drive)
    assert open_model_download(None) is None
    assert (models_dir / "whisper-small" / "model.safetensors").is_file()
