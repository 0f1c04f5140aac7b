"""The live view follows the selected take (studio/ui/take_trace.py): this session's takes come back
exactly as they were made (mel frames and speech tokens), others as the mel of their audio."""

from __future__ import annotations

import numpy as np

from studio.ui.take_trace import TakeTrace, TraceCache, analyse_take_audio
from tests.ui.conftest import make_partial_take, make_take, save_voice, wait_until


def test_choosing_an_earlier_take_shows_its_mel_and_tokens_again(window, qtbot):
    save_voice(qtbot, window)
    first, first_run = make_take(qtbot, window, "Hello there.", seed=3)
    first_mel = window.live.mel_buffer.view().copy()
    first_tokens = window.live.token_buffer.view().copy()
    second, second_run = make_take(qtbot, window, "A rather longer second line to speak.", seed=4)
    assert window.live.token_buffer.count == second_run.assembler.tokens
    window.takes.select_take(first)
    live = window.live
    assert live.token_buffer.count == first_run.assembler.tokens
    np.testing.assert_array_equal(live.token_buffer.view(), first_tokens)
    np.testing.assert_array_equal(live.mel_buffer.view(), first_mel)
    assert f"Take #{first}" in live.status.text() and "speech tokens" in live.status.text()
    assert window.live_take_id == first  # the playhead follows the take shown
    window.takes.select_take(second)
    assert live.token_buffer.count == second_run.assembler.tokens


def test_a_take_from_another_session_shows_the_mel_of_its_audio(window, qtbot):
    save_voice(qtbot, window)
    take_id, run = make_take(qtbot, window, "Hello there. How are you today?", seed=5)
    make_take(qtbot, window, "Something else.", seed=6)
    window.trace_follower.cache.drop(take_id)  # as after a restart: nothing kept in memory
    window.takes.select_take(take_id)
    live = window.live
    wait_until(qtbot, lambda: window.trace_follower.shown_id == take_id, 60)
    samples = window.ctx.library.get_take(take_id).frames
    assert abs(live.mel_buffer.frames - samples / 480) <= 2  # 50 frames per second at 24 kHz
    assert live.token_buffer.count == 0
    assert "mel spectrogram of its audio" in live.status.text()
    # its sentences are marked where they start, as while it was made
    assert len(live.mel_buffer.boundaries) == len(run.assembler.segments)


def test_a_failure_keeps_the_live_view_until_the_next_take(window, qtbot):
    save_voice(qtbot, window)
    take_id, _ = make_take(qtbot, window, "Hello there.", seed=3)
    make_take(qtbot, window, "Good day.", seed=4)
    window.live.show_failure("The text normalizes to nothing speakable.")
    window.takes.select_take(take_id)
    assert "nothing speakable" in window.live.status.text()


def test_the_mel_of_take_audio_has_the_flow_frame_rate_at_any_sample_rate():
    t = np.arange(24000) / 24000
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    trace = analyse_take_audio(tone, 24000, [0, 12000])
    assert trace.mel.shape == (80, 50) and trace.tokens is None
    assert trace.mel_starts == [(0, 0), (1, 25)]
    # the 440 Hz tone is the loudest band, as in any mel spectrogram
    assert trace.mel.mean(axis=1).argmax() < 20
    low = analyse_take_audio(tone[::3].copy(), 8000, [0, 4000])  # resampled to 24 kHz first
    assert low.mel.shape == (80, 50) and low.mel_starts == [(0, 0), (1, 25)]
    assert analyse_take_audio(np.zeros(100, np.float32), 24000, [0]).mel.shape == (80, 0)


def test_the_trace_cache_keeps_the_newest_within_its_bytes():
    def trace(frames):
        return TakeTrace(mel=np.zeros((80, frames), np.float32), tokens=np.zeros(frames // 2, np.int32))

    cache = TraceCache(max_bytes=trace(100).nbytes * 2)
    cache.put(1, trace(100))
    cache.put(2, trace(100))
    assert cache.get(1) is not None  # now the most recently used
    cache.put(3, trace(100))
    assert 1 in cache and 3 in cache and 2 not in cache
    assert cache.bytes == trace(100).nbytes * 2
    cache.put(4, trace(1000))  # bigger than the whole cache: not kept, nothing dropped
    assert 4 not in cache and 1 in cache


def test_a_partial_take_comes_back_as_long_as_its_audio(window, qtbot):
    save_voice(qtbot, window)
    partial, _run = make_partial_take(qtbot, window)
    make_take(qtbot, window, "Something else.", seed=6)
    window.takes.select_take(partial)
    samples = window.ctx.library.get_take(partial).frames
    live = window.live
    assert live.mel_buffer.frames == -(-samples // 480)  # not the frames that never became sound
    assert live.token_buffer.count == -(-live.mel_buffer.frames // 2)


def test_deleting_the_take_shown_clears_the_live_view(window, qtbot):
    save_voice(qtbot, window)
    first, _ = make_take(qtbot, window, "Hello there.", seed=3)
    make_take(qtbot, window, "Good day.", seed=4)
    window.takes.select_take(first)
    assert window.trace_follower.shown_id == first
    assert window.takes.delete_selected()
    wait_until(qtbot, lambda: first not in window.takes.take_ids(), 10)
    follower = window.trace_follower
    assert follower.shown_id != first  # another take it shows, or nothing
    if follower.shown_id is None:
        assert window.live.mel_buffer.frames == 0 and window.live.token_buffer.count == 0
