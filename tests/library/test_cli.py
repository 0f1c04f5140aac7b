"""`voice-studio library list|show|export|import|check`, through studio.cli.main and a subprocess."""

from __future__ import annotations

import json

import pytest
import soundfile as sf

from studio.cli import main
from studio.library import Library, SegmentInput
from tests.library.helpers import SR, noise, run_python, tone


@pytest.fixture
def filled(tmp_path, consent):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        alice = lib.add_voice("Alice", language="en", consent=consent, tags=["warm"])
        bob = lib.add_voice("Bob", language="zh")
        lib.add_clip(alice.id, tone(), SR, transcript="reference words")
        lib.add_take(
            text="Good morning. Lovely day.",
            sample_rate=SR,
            voice_id=alice.id,
            seed=7,
            model_family="cosyvoice2",
            segments=[
                SegmentInput("Good morning.", 1, noise(0.3)),
                SegmentInput("Lovely day.", 2, noise(0.3, seed=2)),
            ],
            favourite=True,
        )
        lib.add_take(text="Bob speaks now.", audio=tone(), sample_rate=SR, voice_id=bob.id)
    return root


def run(capsys, *args):
    code = main(["library", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_voices_with_their_consent_status(filled, capsys):
    code, out, _ = run(capsys, "list", "--library", str(filled))
    assert code == 0
    alice_line = next(line for line in out.splitlines() if "Alice" in line)
    bob_line = next(line for line in out.splitlines() if "Bob" in line)
    assert "consent recorded" in alice_line and "warm" in alice_line
    assert "NO CONSENT RECORDED" in bob_line


def test_list_takes_with_filters(filled, capsys):
    code, out, _ = run(capsys, "list", "--takes", "--library", str(filled))
    assert code == 0 and "Good morning" in out and "Bob speaks" in out
    _, out, _ = run(capsys, "list", "--takes", "--voice", "alice", "--library", str(filled))
    assert "Good morning" in out and "Bob speaks" not in out
    _, out, _ = run(capsys, "list", "--search", "speaks", "--library", str(filled))
    assert "Bob speaks" in out and "Good morning" not in out
    _, out, _ = run(capsys, "list", "--takes", "--favourite", "--json", "--library", str(filled))
    assert [t["text"] for t in json.loads(out)] == ["Good morning. Lovely day."]


def test_show_a_voice_and_a_take(filled, capsys):
    code, out, _ = run(capsys, "show", "voice", "Alice", "--library", str(filled))
    assert code == 0 and "consent recorded" in out and "reference words" in out
    code, out, _ = run(capsys, "show", "voice", "Bob", "--library", str(filled))
    assert "NO CONSENT RECORDED" in out
    code, out, _ = run(capsys, "show", "take", "1", "--library", str(filled))
    assert code == 0 and "seed" in out and "cosyvoice2" in out and "Lovely day." in out
    code, out, _ = run(capsys, "show", "take", "1", "--json", "--library", str(filled))
    assert json.loads(out)["take"]["seed"] == 7
    code, out, _ = run(capsys, "show", "clip", "1", "--library", str(filled))
    assert code == 0 and "reference words" in out


def test_errors_are_one_line_on_stderr_with_a_non_zero_exit(filled, capsys, tmp_path):
    code, out, err = run(capsys, "show", "take", "999", "--library", str(filled))
    assert code == 1 and out == ""
    assert err.startswith("voice-studio: error: ") and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "list", "--library", str(tmp_path / "nowhere"))
    assert code == 1 and "no Voice Studio library" in err
    assert not (tmp_path / "nowhere").exists()
    code, _, err = run(capsys, "show", "voice", "Nobody", "--library", str(filled))
    assert code == 1 and "Nobody" in err


def test_export_takes_as_files_with_sidecars(filled, capsys, tmp_path):
    out_dir = tmp_path / "out"
    code, _, _ = run(
        capsys, "export", "--take", "1", "--take", "2", "--format", "flac", "--sidecar",
        "--pattern", "{take_id}_{voice}", "--out", str(out_dir), "--library", str(filled),
    )  # fmt: skip
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "1_Alice.flac",
        "1_Alice.json",
        "2_Bob.flac",
        "2_Bob.json",
    ]
    assert sf.SoundFile(str(out_dir / "2_Bob.flac")).artist == "Bob"
    assert "NO CONSENT RECORDED" in sf.SoundFile(str(out_dir / "2_Bob.flac")).comment


def test_export_selects_takes_by_voice_and_exports_clips(filled, capsys, tmp_path):
    code, _, _ = run(
        capsys, "export", "--voice", "Bob", "--clip", "1", "--format", "wav16", "--out", str(tmp_path / "o"),
        "--library", str(filled),
    )  # fmt: skip
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "o").iterdir())
    assert (
        len(names) == 2
        and names[0].endswith("_Bob_2_Bob_speaks_now.wav")
        and names[1].startswith("clip_1_Alice")
    )
    code, _, _ = run(
        capsys, "export", "--voice", "Bob", "--out", str(tmp_path / "p"), "--library", str(filled)
    )
    assert code == 0 and len(list((tmp_path / "p").iterdir())) == 1


def test_export_with_nothing_selected_is_an_error(filled, capsys, tmp_path):
    code, _, err = run(capsys, "export", "--out", str(tmp_path / "o"), "--library", str(filled))
    assert code == 1 and "Nothing to export" in err


def test_voicepack_export_and_import_through_the_cli(filled, capsys, tmp_path):
    pack = tmp_path / "alice.voicepack"
    code, out, _ = run(
        capsys, "export", "--voicepack", "--voice", "Alice", "--out", str(pack), "--library", str(filled)
    )
    assert code == 0 and pack.exists()
    other = tmp_path / "other"
    code, out, _ = run(capsys, "import", str(pack), "--library", str(other))
    assert code == 0 and "Imported voice 'Alice' with 1 clips." in out
    code, out, _ = run(capsys, "import", str(pack), "--library", str(other))
    assert "'Alice (2)'" in out
    bad = tmp_path / "bad.voicepack"
    bad.write_text("nope")
    code, _, err = run(capsys, "import", str(bad), "--library", str(other))
    assert code == 1 and "not a zip archive" in err


def test_check_exits_1_when_a_file_is_missing(filled, capsys):
    code, out, _ = run(capsys, "check", "--library", str(filled))
    assert code == 0 and "intact" in out
    with Library.open(filled) as lib:
        lib.list_takes()[0].path.unlink()
    code, out, _ = run(capsys, "check", "--library", str(filled))
    assert code == 1 and "missing take" in out


def test_library_option_before_the_subcommand_and_the_env_default(filled, capsys, monkeypatch):
    code, out, _ = run(capsys, "--library", str(filled), "list")
    assert code == 0 and "Alice" in out
    monkeypatch.setenv("VOICE_STUDIO_LIBRARY", str(filled))
    code, out, _ = run(capsys, "list")
    assert code == 0 and "Alice" in out


def test_the_cli_runs_as_a_module_in_a_subprocess(filled):
    result = run_python(["-m", "studio.cli", "library", "list", "--takes", "--library", str(filled)])
    assert result.returncode == 0, result.stderr
    assert "Good morning" in result.stdout
    result = run_python(["-m", "studio.cli", "library", "show", "take", "42", "--library", str(filled)])
    assert result.returncode == 1
    assert result.stderr.strip() == "voice-studio: error: There is no take with id 42 in this library."


def test_add_voice_saves_a_voice_from_a_clip(tmp_path, capsys):
    from tests.conftest import PROMPT_EN, PROMPT_EN_TEXT

    root = tmp_path / "lib"
    code, out, err = run(
        capsys,
        "--library",
        str(root),
        "add-voice",
        "Narrator",
        str(PROMPT_EN),
        "--transcript",
        PROMPT_EN_TEXT,
    )
    assert code == 0, err
    assert "Saved voice" in out and "Narrator" in out
    with Library.open(root) as lib:
        voice = lib.find_voice("narrator")
        clips = lib.list_clips(voice.id)
        assert [c.transcript for c in clips] == [PROMPT_EN_TEXT]
        assert clips[0].quality["overall"] in ("pass", "warn")
    # the same name again, a file that is not audio, a clip too short: one line each, nothing added
    code, _out, err = run(capsys, "--library", str(root), "add-voice", "narrator", str(PROMPT_EN))
    assert code == 1 and "already exists" in err
    code, _out, err = run(capsys, "--library", str(root), "add-voice", "Bad", str(tmp_path / "missing.wav"))
    assert code == 1 and "does not exist" in err
    short = tmp_path / "short.wav"
    sf.write(short, tone(0.2), SR)
    code, _out, err = run(capsys, "--library", str(root), "add-voice", "Short", str(short))
    assert code == 1 and "0.5-30 s" in err
    with Library.open(root) as lib:
        assert [v.name for v in lib.list_voices()] == ["Narrator"]
