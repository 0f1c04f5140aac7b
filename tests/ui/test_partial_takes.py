"""A partial take (cancelled or failed while it was spoken) lists its sentences honestly: those of
the segment that was cut off are marked and cannot be re-rolled alone, and a version made from a
partial take stays marked partial (its cut-off sentences are still missing)."""

from __future__ import annotations

import numpy as np
import pytest

from studio.library import Library, LibraryError, SegmentInput
from studio.ui.sentences import store_sentence_version, take_sentences
from tests.ui.conftest import make_partial_take, save_voice

RATE = 24000


def _tone(seconds: float) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


@pytest.fixture
def partial_take(tmp_path):
    with Library.open(tmp_path / "lib", durable=False) as lib:
        take = lib.add_take(
            text="First one. Second one. Third one. Fourth one.",
            sample_rate=RATE,
            segments=[
                SegmentInput("First one.", 5, audio=_tone(1.0)),
                SegmentInput("Second one. Third one. Fourth one.", 5, audio=_tone(0.6)),  # cut off
            ],
            seed=5,
            timings={"partial": "cancelled"},
        )
        yield lib, take


def test_the_cut_off_segments_sentences_are_marked_incomplete(partial_take):
    lib, take = partial_take
    rows = take_sentences(take)
    assert [r.text for r in rows] == ["First one.", "Second one.", "Third one.", "Fourth one."]
    assert [r.complete for r in rows] == [True, False, False, False]
    finished = lib.add_take(text="A. B.", sample_rate=RATE, audio=_tone(0.5), segments=[])
    assert all(r.complete for r in take_sentences(finished))


def test_a_cut_off_sentence_cannot_be_rerolled_alone(partial_take):
    lib, take = partial_take
    with pytest.raises(LibraryError, match="cut off when the take stopped"):
        store_sentence_version(lib, take.id, 3, _tone(0.4), RATE, 9, {})
    assert len(lib.list_takes()) == 1  # nothing stored


def test_a_version_of_a_partial_take_stays_partial(partial_take):
    lib, take = partial_take
    version = lib.get_take(store_sentence_version(lib, take.id, 0, _tone(0.4), RATE, 9, {}))
    assert version.timings["partial"] == "cancelled" and version.timings["version_of"] == take.id
    assert [r.complete for r in take_sentences(version)] == [True, False, False, False]


def test_the_takes_panel_marks_cut_off_sentences_and_offers_no_sentence_reroll(window, qtbot):
    save_voice(qtbot, window)
    take_id, _run = make_partial_take(qtbot, window)
    window.takes.select_take(take_id)
    panel = window.takes
    items = [panel.sentences.item(i) for i in range(panel.sentences.count())]
    cut = [item for item in items if "(cut off)" in item.text()]
    assert cut, [item.text() for item in items]
    assert items[-1] in cut  # the last segment's sentences are the cut-off ones
    panel.sentences.setCurrentItem(cut[-1])
    assert not panel.reroll_sentence_button.isEnabled()
    assert "Re-roll the whole take" in cut[-1].toolTip()
    before = len(window.ctx.library.list_takes())
    window.reroll_sentence(take_id, panel.sentences.row(cut[-1]))
    assert "cut off when the take stopped" in window.message_bar.text()
    assert len(window.ctx.library.list_takes()) == before
