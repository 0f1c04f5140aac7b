"""Findings of fresh-user tours of the single-take window: the undo message's take text cut at a word,
a clear (translated) message for a file that is not audio, the quality report's overall line clear of
its table, the transcript mismatch dialog in Chinese, and the live length of a take at another speed."""

from __future__ import annotations

import os
import re

import pytest

from tests.ui.conftest import make_take, save_voice

CJK = re.compile(r"[\u4e00-\u9fff]")
LIBSNDFILE_WORDS = ("pipe", "Format not recognised", "Error opening", "regular file")


# -- 1. the undo message cuts the take's text at a word ------------------------------------------


def test_shorten_cuts_at_a_word_or_a_character_and_ends_with_an_ellipsis():
    from studio.ui.messages import shorten

    text = "Good morning everyone, welcome to the studio tour today."
    short = shorten(text, 40)
    assert short == "Good morning everyone, welcome to the…"
    assert len(short) <= 40
    assert shorten("Hello there.", 40) == "Hello there."  # short texts unchanged
    chinese = "今天天气很好，我们一起去公园散步吧，然后回家吃晚饭，再看一会儿书。"
    assert shorten(chinese, 12) == chinese[:11] + "…"
    japanese = "こんにちは今日はとても良い天気ですね散歩に行きましょう"
    assert shorten(japanese, 10) == japanese[:9] + "…"
    assert shorten("x" * 60, 40) == "x" * 39 + "…"  # one long word: cut inside it


def test_the_undo_message_for_a_deleted_take_cuts_its_text_at_a_word(window, qtbot):
    save_voice(qtbot, window)
    text = "Good morning everyone, welcome to the studio tour today."
    take_id, _ = make_take(qtbot, window, text, stream=False)
    window.takes.select_take(take_id)
    assert window.takes.delete_selected()
    undo = window.undo_action.text()
    assert undo == "Undo delete of Good morning everyone, welcome to the…", undo
    window.undo_delete()
    shown = window.message_bar.text()
    assert "Restored Good morning everyone, welcome to the…" in shown and "…." not in shown, shown


# -- 2. a file that is not audio: a clear message, translated --------------------------------------


@pytest.fixture
def noise_mp3(tmp_path):
    path = tmp_path / "noise.mp3"
    path.write_bytes(os.urandom(6000))  # libsndfile: "... not a regular file (possibly a pipe?)"
    return path


def test_random_bytes_named_mp3_get_a_clear_message(window, noise_mp3, tmp_path):
    bar = window.message_bar
    assert not window.reference.load_file(noise_mp3)
    assert "noise.mp3 is not an audio file Voice Studio can read" in bar.text(), bar.text()
    assert not any(word in bar.text() for word in LIBSNDFILE_WORDS), bar.text()
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF0000WAVEjunk" * 10)  # "Format not recognised"
    assert not window.script.load_source(junk)
    assert "junk.wav is not an audio file Voice Studio can read" in bar.text(), bar.text()
    assert not any(word in bar.text() for word in LIBSNDFILE_WORDS), bar.text()


def test_a_file_that_is_not_audio_is_named_in_chinese(window, chinese, noise_mp3):
    bar = window.message_bar
    assert not window.reference.load_file(noise_mp3)
    shown = bar.text()
    assert "noise.mp3" in shown and CJK.search(shown), shown
    assert "is not an audio file" not in shown and "damaged" not in shown, shown
    assert not any(word in shown for word in LIBSNDFILE_WORDS), shown


def test_every_soundfile_open_error_gets_the_clear_sentence(noise_mp3, tmp_path):
    from studio.audio.clipfile import ClipFileError, read_clip_file
    from studio.transcribe.audio import recording_info
    from studio.transcribe.errors import RecordingError
    from studio.ui.error_text import known_patterns

    text = tmp_path / "notes.flac"
    text.write_text("these are my notes, not audio\n" * 20)
    messages = []
    for path in (noise_mp3, text):
        with pytest.raises(ClipFileError) as err:
            read_clip_file(path)
        messages.append(str(err.value))
        with pytest.raises(RecordingError) as err:
            recording_info(path)  # the ingest dialog's reader
        messages.append(str(err.value))
    patterns = [re.compile(p) for p in known_patterns()]
    for message in messages:
        assert "is not an audio file Voice Studio can read" in message, message
        assert not any(word in message for word in LIBSNDFILE_WORDS), message
        assert any(p.search(message) for p in patterns), message
