"""Fun-CosyVoice 3 takes in every mode through the real window (its own shared v3 bridge).

These once waited in save_voice for a voice that never came when they ran after
test_project_view.py: make_window let a window on the session's shared_bridge_v3 own it, so closing
that window shut the session's v3 engine worker down, and the next window's "prepare voice" job went to
a worker that no longer ran. make_window now never lets a window own a session bridge;
test_a_closed_window_leaves_the_shared_v3_bridge_working checks it.
"""

from __future__ import annotations

import pytest

from tests.conftest import PROMPT_ZH
from tests.ui.conftest import make_take, save_voice
from tests.ui.test_window import MODES, _first_preset


@pytest.mark.parametrize("mode", MODES)
def test_fun_cosyvoice3_takes_in_every_mode(make_window, shared_bridge_v3, alsa, qtbot, mode):
    window = make_window(bridge=shared_bridge_v3, ui__autoplay=False)
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


def test_a_closed_window_leaves_the_shared_v3_bridge_working(make_window, shared_bridge_v3, alsa, qtbot):
    """A window made on a session bridge does not own it: closing it leaves the engine worker running."""
    window = make_window(bridge=shared_bridge_v3, ui__autoplay=False)
    assert window.owns_bridge is False
    window.close()
    job = shared_bridge_v3.call(lambda engine: engine.family)
    with qtbot.waitSignal(job.done, timeout=30_000) as done:
        pass
    assert done.args == ["cosyvoice3"]
