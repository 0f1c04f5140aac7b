"""First run in the window: no model yet, the empty state offers a download or a folder; both end in
a loaded model and the studio; a bad folder is refused with the file it lacks."""

from __future__ import annotations

from studio.ui.engine_bridge import EngineBridge
from tests.conftest import CV2_MODEL, copy_model
from tests.ui.conftest import wait_until
from tests.ui_models.test_first_run import _drive_dialog


def _fresh_window(make_window):
    bridge = EngineBridge()
    return make_window(bridge=bridge), bridge


def test_no_model_shows_the_empty_state_with_both_ways_to_get_one(make_window, models_dir):
    window, _ = _fresh_window(make_window)
    assert window.centre.currentIndex() == 1
    assert window.empty.download_button.isVisible() and window.empty.open_button.isVisible()
    assert "Fun-CosyVoice 3 0.5B" in window.empty.text.text()  # the recommended model, with its size
    assert not window.script.synth_button.isEnabled()
    assert window.model_status.text() == "No model"


def test_download_the_recommended_model_then_the_studio_opens(make_window, hf_hub, models_dir, qtbot):
    window, bridge = _fresh_window(make_window)
    _drive_dialog(qtbot)  # clicks Download in the dialog, then "Use this model"
    window.empty.download_button.click()
    wait_until(qtbot, lambda: bridge.loaded is not None, 180)
    assert bridge.loaded.family == "cosyvoice3"
    assert bridge.loaded.folder == str(models_dir / "Fun-CosyVoice3-0.5B-2512")
    assert window.centre.currentIndex() == 0
    assert window.ctx.settings.model_folder == str(models_dir / "Fun-CosyVoice3-0.5B-2512")


def test_open_a_model_folder_checks_it_first(make_window, models_dir, tmp_path, qtbot):
    window, bridge = _fresh_window(make_window)
    bad = copy_model(CV2_MODEL, tmp_path / "bad")
    (bad / "llm.pt").unlink()
    window.ask_model_folder = lambda: str(bad)
    window.empty.open_button.click()
    assert "missing llm.pt" in window.empty.error.text()
    assert bridge.loaded is None and not bridge.loading
    window.ask_model_folder = lambda: ""  # the picker was cancelled: nothing happens
    window.empty.open_button.click()
    assert not bridge.loading
    good = copy_model(CV2_MODEL, tmp_path / "mine")
    window.ask_model_folder = lambda: str(good)
    window.empty.open_button.click()
    wait_until(qtbot, lambda: bridge.loaded is not None, 120)
    assert window.centre.currentIndex() == 0
    from studio.models import list_installed

    assert any(m.path == good for m in list_installed(models_dir))  # remembered for next time
