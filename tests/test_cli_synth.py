"""`voice-studio synth` writes a WAV in each mode, reads text from stdin, and fails clearly."""

from __future__ import annotations

import subprocess
import sys

import pytest
import soundfile as sf

from tests.conftest import CV2_MODEL, PROMPT_EN, PROMPT_EN_TEXT, PROMPT_ZH, REPO

BASE = [sys.executable, "-m", "studio.cli", "synth", "--model", str(CV2_MODEL), "--normalizer", "rules"]


def run(args, **kw):
    return subprocess.run(BASE + args, cwd=REPO, capture_output=True, text=True, timeout=300, **kw)


@pytest.mark.parametrize(
    "extra",
    [
        ["--mode", "zero_shot", "--ref-text", PROMPT_EN_TEXT, "--text", "We have 3 cats."],
        ["--mode", "cross_lingual", "--text", "收到礼物。", "--stream"],
        ["--mode", "instruct", "--instruction", "用四川话说这句话", "--text", "收到礼物。"],
        ["--mode", "vc", "--source", str(PROMPT_ZH)],
    ],
    ids=["zero_shot", "cross_lingual_stream", "instruct", "vc"],
)
def test_each_mode_writes_a_wav(tmp_path, extra):
    out = tmp_path / "take.wav"
    proc = run(["--ref", str(PROMPT_EN), "--seed", "1", "--out", str(out), *extra])
    assert proc.returncode == 0, proc.stderr
    info = sf.info(str(out))
    assert info.samplerate == 24000 and info.frames > 0 and info.subtype == "PCM_16"
    assert f"wrote {out}" in proc.stdout and "seed 1" in proc.stdout


def test_text_from_stdin_and_flac_output(tmp_path):
    out = tmp_path / "take.flac"
    proc = run(
        ["--ref", str(PROMPT_EN), "--ref-text", PROMPT_EN_TEXT, "--text", "-", "--out", str(out)],
        input="Hello from standard input.\n",
    )
    assert proc.returncode == 0, proc.stderr
    assert sf.info(str(out)).format == "FLAC"


def test_saved_voice_can_be_reused(tmp_path):
    voice = tmp_path / "me.voice.safetensors"
    a, b = tmp_path / "a.wav", tmp_path / "b.wav"
    assert (
        run(
            [
                "--ref",
                str(PROMPT_EN),
                "--ref-text",
                PROMPT_EN_TEXT,
                "--text",
                "Hi.",
                "--seed",
                "4",
                "--save-voice",
                str(voice),
                "--out",
                str(a),
            ]
        ).returncode
        == 0
    )
    assert run(["--ref", str(voice), "--text", "Hi.", "--seed", "4", "--out", str(b)]).returncode == 0
    assert (sf.read(str(a))[0] == sf.read(str(b))[0]).all()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--ref", "/nope.wav", "--text", "Hi."], "does not exist"),
        (["--ref", str(PROMPT_EN), "--text", "Hi.", "--mode", "instruct"], "needs an instruction"),
        (["--ref", str(PROMPT_EN), "--mode", "vc"], "needs --source"),
        (["--ref", str(PROMPT_EN)], "--text is required"),
    ],
)
def test_errors_are_one_line_and_nothing_is_written(tmp_path, args, message):
    out = tmp_path / "x.wav"
    proc = run([*args, "--out", str(out)])
    assert proc.returncode != 0
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists() and not list(tmp_path.iterdir())


def test_bad_model_folder(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "studio.cli",
            "synth",
            "--model",
            str(tmp_path),
            "--ref",
            str(PROMPT_EN),
            "--text",
            "Hi.",
            "--out",
            str(tmp_path / "x.wav"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert proc.returncode == 1 and "not a CosyVoice model folder" in proc.stderr
