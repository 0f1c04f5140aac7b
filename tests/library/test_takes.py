"""Takes: provenance, sentence segments with their own seeds, re-rolling one sentence."""

from __future__ import annotations

import numpy as np
import pytest

from studio.library import LibraryError, NotFoundError, SegmentInput, join_with_crossfade
from studio.library.crossfade import DEFAULT_FADE_MS
from tests.library.helpers import SR, noise, tone


def _segments() -> list[SegmentInput]:
    return [
        SegmentInput("First sentence.", seed=11, audio=noise(0.6, seed=1)),
        SegmentInput("Second sentence.", seed=12, audio=noise(0.4, seed=2)),
        SegmentInput("Third sentence.", seed=13, audio=noise(0.5, seed=3)),
    ]


def _add(lib, voice_id=None, **kw):
    defaults = dict(
        text="First sentence. Second sentence. Third sentence.",
        sample_rate=SR,
        voice_id=voice_id,
        mode="zero_shot",
        instruction="",
        seed=42,
        speed=1.1,
        model_family="cosyvoice2",
        model_hash="vsmh1:abc",
        engine_version="engine 0.3",
        timings={"first_chunk_s": 0.41, "rtf": 0.35},
        segments=_segments(),
    )
    defaults.update(kw)
    return lib.add_take(**defaults)


def test_a_take_keeps_its_full_provenance(lib):
    voice = lib.add_voice("Ann")
    take = _add(lib, voice.id, favourite=True, instruction="speak softly", mode="instruct")
    again = lib.get_take(take.id)
    assert again == take
    assert (again.text, again.mode, again.instruction) == (take.text, "instruct", "speak softly")
    assert (again.seed, again.speed, again.model_family, again.model_hash) == (
        42,
        1.1,
        "cosyvoice2",
        "vsmh1:abc",
    )
    assert again.engine_version == "engine 0.3"
    assert again.timings == {"first_chunk_s": 0.41, "rtf": 0.35}
    assert again.favourite and again.voice_name == "Ann"
    assert [(s.index, s.text, s.seed) for s in again.segments] == [
        (0, "First sentence.", 11),
        (1, "Second sentence.", 12),
        (2, "Third sentence.", 13),
    ]


def test_without_take_audio_the_segments_are_joined_with_a_20ms_crossfade(lib):
    take = _add(lib)
    expected = join_with_crossfade([s.audio for s in _segments()], SR, DEFAULT_FADE_MS)
    audio, rate = lib.take_audio(take.id)
    assert rate == SR and take.frames == len(expected) == int(1.5 * SR) - 2 * 480
    assert np.max(np.abs(audio - expected)) < 1e-6


def test_each_segment_has_its_own_audio_file(lib):
    take = _add(lib)
    for seg, given in zip(take.segments, _segments()):
        assert seg.path is not None and seg.path.exists()
        audio, _ = lib.segment_audio(take.id, seg.index)
        assert np.max(np.abs(audio - given.audio)) < 1e-6


def test_rerolling_one_sentence_replaces_its_audio_and_seed_and_rebuilds_the_take(lib):
    take = _add(lib)
    old_take_file = take.path
    old_seg_file = take.segments[1].path
    new_audio = tone(0.8, freq=330, amp=0.2)
    rerolled = lib.reroll_segment(take.id, 1, new_audio, seed=999)
    assert [s.seed for s in rerolled.segments] == [11, 999, 13]
    assert rerolled.segments[0].path == take.segments[0].path  # untouched sentences keep their files
    assert rerolled.segments[2].path == take.segments[2].path
    parts = [_segments()[0].audio, new_audio, _segments()[2].audio]
    expected = join_with_crossfade(parts, SR)
    audio, _ = lib.take_audio(rerolled)
    assert rerolled.frames == len(expected)
    assert np.max(np.abs(audio - expected)) < 1e-6
    assert not old_take_file.exists() and not old_seg_file.exists()  # superseded after commit
    assert rerolled.updated_at > take.updated_at
    assert lib.check().clean


def test_segments_given_as_ranges_of_the_take_audio_can_be_rerolled(lib):
    audio = np.concatenate([noise(0.5, seed=1), noise(0.5, seed=2)])
    take = lib.add_take(
        text="A. B.",
        sample_rate=SR,
        audio=audio,
        segments=[
            SegmentInput("A.", seed=1, start_frame=0, end_frame=12000),
            SegmentInput("B.", seed=2, start_frame=12000, end_frame=24000),
        ],
    )
    assert take.segments[0].path is None and take.segments[0].end_frame == 12000
    seg_a, _ = lib.segment_audio(take.id, 0)
    assert np.max(np.abs(seg_a - audio[:12000])) < 1e-6
    rerolled = lib.reroll_segment(take.id, 1, tone(0.25), seed=7)
    # The untouched range segment now has its own file: ranges mean nothing after a rebuild.
    assert rerolled.segments[0].path is not None and rerolled.segments[0].start_frame is None
    assert rerolled.frames == 12000 + 6000 - 480


def test_rerolling_a_missing_segment_or_a_take_without_segments_fails_clearly(lib):
    take = _add(lib)
    with pytest.raises(NotFoundError, match="no segment 7"):
        lib.reroll_segment(take.id, 7, tone(), seed=1)
    plain = lib.add_take(text="x", audio=tone(), sample_rate=SR)
    with pytest.raises(LibraryError, match="without sentence segments"):
        lib.reroll_segment(plain.id, 0, tone(), seed=1)


def test_segment_audio_must_match_the_take_layout(lib):
    take = _add(lib)
    with pytest.raises(LibraryError, match="channels"):
        lib.reroll_segment(take.id, 0, np.zeros((100, 2), np.float32), seed=1)


def test_a_take_needs_audio_or_segments_with_audio(lib):
    with pytest.raises(LibraryError, match="needs its audio"):
        lib.add_take(text="x", sample_rate=SR, segments=[SegmentInput("x", 1)])
    with pytest.raises(LibraryError, match="outside the take"):
        lib.add_take(
            text="x",
            sample_rate=SR,
            audio=tone(0.1),
            segments=[SegmentInput("x", 1, start_frame=0, end_frame=10**6)],
        )


def test_rebuild_with_another_fade_length(lib):
    take = _add(lib)
    rebuilt = lib.rebuild_take(take.id, fade_ms=0)
    assert rebuilt.frames == int(1.5 * SR)


def test_favourite_flag_and_deleting_a_take(lib):
    take = _add(lib)
    assert lib.set_favourite(take.id).favourite
    assert not lib.set_favourite(take.id, False).favourite
    files = [take.path, *(s.path for s in take.segments)]
    lib.delete_take(take.id)
    assert not any(f.exists() for f in files)
    with pytest.raises(NotFoundError):
        lib.get_take(take.id)


def test_seeds_must_fit_in_64_bits(lib):
    with pytest.raises(LibraryError, match="64 bits"):
        lib.add_take(text="x", audio=tone(), sample_rate=SR, seed=2**70)
    big = lib.add_take(text="x", audio=tone(), sample_rate=SR, seed=2**63 - 1)
    assert lib.get_take(big.id).seed == 2**63 - 1


def test_a_take_of_an_unknown_voice_is_refused(lib):
    with pytest.raises(NotFoundError):
        lib.add_take(text="x", audio=tone(), sample_rate=SR, voice_id=12345)


def test_a_take_records_where_it_was_made(tmp_path):
    import numpy as np

    from studio.library import Library, LibraryError

    with Library.open(tmp_path / "lib", durable=False) as lib:
        studio_take = lib.add_take(text="a", sample_rate=24000, audio=np.zeros(240, np.float32))
        api_take = lib.add_take(text="b", sample_rate=24000, audio=np.zeros(240, np.float32), source="api")
        assert lib.get_take(studio_take.id).source == "studio"
        assert lib.get_take(api_take.id).source == "api"
        assert [t.source for t in lib.list_takes()] == ["api", "studio"]
        with pytest.raises(LibraryError, match="source"):
            lib.add_take(text="c", sample_rate=24000, audio=np.zeros(240, np.float32), source="../x")
