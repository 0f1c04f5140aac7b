"""Fun-CosyVoice 3 takes in every mode through the real window (its own shared v3 bridge).

These once waited forever in save_voice when they ran after the transcription tests: a recognition
left running on a process-wide recognizer thread delivered its result by a Qt signal into a window
being deleted. The recognizer worker now belongs to each window (closed with it) and results are
polled on the UI thread; tests/ui/test_transcribe_button.py has the regression test, and this module
passes after test_ingest_dialog.py and test_transcribe_button.py in one session.
"""

from __future__ import annotations

import pytest

from tests.conftest import PROMPT_ZH
from tests.ui.conftest import make_take, save_voice
from tests.ui.test_window import MODES, _first_preset


@pytest.mark.parametrize("mode", MODES)
def test_fun_cosyvoice3_takes_in_every_mode(make_window, shared_bridge_v3, alsa, qtbot, mode):
    window = make_window(bridge=shared_bridge_v3, ui__autoplay=False)
    window.owns_bridge = False
    assert "Fun-CosyVoice 3" in window.model_status.text()
    save_voice(qtbot, window)
    script = window.script
    if mode == "instruct":
        script.apply_preset(script.find_preset("happy") or _first_preset(script))
        assert "<|endofprompt|>" not in script.instruction.text()  # the engine adds the v3 prompt form
    if mode == "vc":
        assert script.load_source(PROMPT_ZH)
    take_id, run = make_take(qtbot, window, "Hello from the default family.", mode=mode, stream=mode != "vc")
    assert run.assembler.order_ok and run.assembler.samples > 0
    take = window.ctx.library.get_take(take_id)
    assert take.model_family == "cosyvoice3" and take.mode == mode
