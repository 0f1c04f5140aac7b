"""Opening a library compares the catalog with the files and reports; it never deletes anything."""

from __future__ import annotations

from studio.library import Library
from tests.library.helpers import SR, tone


def test_a_fresh_library_is_reported_intact(lib):
    assert lib.open_report is not None and lib.open_report.clean
    assert lib.open_report.lines() == []
    assert "intact" in lib.open_report.summary()


def test_a_missing_audio_file_is_reported_on_open_and_the_library_still_works(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        voice = lib.add_voice("Ann")
        clip = lib.add_clip(voice.id, tone(), SR)
        take = lib.add_take(text="hello", audio=tone(), sample_rate=SR, voice_id=voice.id)
    take.path.unlink()
    with Library.open(tmp_path / "lib") as lib:
        report = lib.open_report
        assert not report.ok
        assert [(m.kind, m.record_id, m.path) for m in report.missing] == [("take", str(take.id), take.path)]
        assert any("missing take" in line for line in report.lines())
        assert "1 missing files" in report.summary()
        # Everything else is still usable, and the record of the take is kept for the user.
        assert lib.get_take(take.id).text == "hello"
        assert lib.clip_audio(clip.id)[0].size > 0
        lib.add_take(text="new", audio=tone(), sample_rate=SR)


def test_files_the_catalog_does_not_know_are_reported_and_kept(lib):
    stray = lib.root / "audio" / "takes" / "ab" / "stray.flac"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"user data?")
    report = lib.check()
    assert report.ok and not report.clean
    assert report.unreferenced == (stray,)
    assert stray.exists()


def test_leftover_temp_files_from_an_interrupted_write_are_reported_not_counted_as_audio(lib):
    temp = lib.root / "audio" / "clips" / "00" / ".vs-tmp-abc123-x.flac"
    temp.parent.mkdir(parents=True)
    temp.write_bytes(b"half")
    report = lib.check()
    assert report.temp_files == (temp,)
    assert report.unreferenced == ()
    assert temp.exists()


def test_missing_segment_and_prompt_files_are_named(lib, tmp_path):
    from studio.library import SegmentInput

    voice = lib.add_voice("Ann")
    source = tmp_path / "v.safetensors"
    source.write_bytes(b"x")
    prompt = lib.set_prepared_prompt(voice.id, "cosyvoice3", source)
    take = lib.add_take(
        text="a b", sample_rate=SR, segments=[SegmentInput("a", 1, tone()), SegmentInput("b", 2, tone())]
    )
    take.segments[1].path.unlink()
    prompt.path.unlink()
    kinds = {(m.kind, m.record_id) for m in lib.check().missing}
    assert kinds == {("segment", f"{take.id}#1"), ("prompt", f"voice {voice.id} cosyvoice3")}


def test_a_recording_journal_killed_while_being_created_is_reported_as_a_leftover(lib):
    stale = lib.journal_root / ".vs-tmp-20250101T000000-abcd"
    stale.mkdir(parents=True)
    report = lib.check()
    assert report.temp_files == (stale,) and report.pending_recordings == ()
