"""`voice-studio normalize` prints what will be spoken; `synth` speaks ko/de/ja/ru and uses --lexicon."""

from __future__ import annotations

import io
import sys

import pytest
import soundfile as sf

from studio.cli import main
from tests.conftest import CV2_MODEL, CV3_MODEL, PROMPT_EN


def normalize(capsys, *args, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        )
    code = main(["normalize", "--model", str(CV2_MODEL), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_prints_one_segment_per_line(capsys):
    code, out, err = normalize(capsys, "사과 3개를 샀어요. 详情请访问www.example.com查看。")
    assert (code, out) == (0, "사과 세 개를 샀어요.详情请访问www点example点com查看。\n"), err
    text = " ".join(f"This is sentence number {i} of a long text." for i in range(1, 14))
    code, out, err = normalize(capsys, text)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2, err
    assert lines[0].endswith("number seven of a long text.") and lines[1].startswith(
        " This is sentence number eight"
    )


def test_reads_standard_input_and_takes_a_language(capsys, monkeypatch):
    code, out, err = normalize(
        capsys, "--language", "de", "-", stdin="Es sind 3 Katzen.\n", monkeypatch=monkeypatch
    )
    assert (code, out) == (0, "Es sind drei Katzen.\n"), err


def test_uses_a_lexicon(capsys, tmp_path):
    lex = tmp_path / "lex.csv"
    lex.write_text("term,replacement\nnginx,engine x\n", encoding="utf-8")
    code, out, err = normalize(capsys, "--lexicon", str(lex), "I run Nginx.")
    assert (code, out) == (0, "I run engine x.\n"), err


@pytest.mark.parametrize(
    "args,message",
    [
        (["!!! ..."], "normalizes to nothing speakable"),
        (["   "], "The text to speak is empty"),
        (["--lexicon", "/nonexistent/lex.csv", "Hi."], "does not exist"),
    ],
)
def test_bad_input_is_one_clear_line(capsys, args, message):
    code, out, err = normalize(capsys, *args)
    assert code == 1 and out == "" and message in err and "Traceback" not in err


def test_unknown_language_is_refused_by_argparse(capsys):
    with pytest.raises(SystemExit) as exc:
        normalize(capsys, "--language", "xx", "Hi.")
    assert exc.value.code == 2
    assert "invalid choice: 'xx'" in capsys.readouterr().err


def test_missing_model_folder_is_a_clear_error(capsys, tmp_path):
    code = main(["normalize", "--model", str(tmp_path / "nope"), "Hi."])
    err = capsys.readouterr().err
    assert code == 1 and "voice-studio: error:" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "language,text",
    [
        ("ko", "사과 3개를 샀어요."),
        ("de", "Bei 10 hoch 7 Metern ändert sich die Fläche natürlich."),
        ("ja", "りんごを3つ買いました。"),
        ("ru", "У меня 3 кошки."),
    ],
)
def test_synth_speaks_each_language(capsys, tmp_path, language, text):
    out = tmp_path / f"{language}.wav"
    code = main(
        [
            "synth",
            "--model",
            str(CV3_MODEL),
            "--ref",
            str(PROMPT_EN),
            "--mode",
            "cross_lingual",
            "--text",
            text,
            "--seed",
            "1",
            "--out",
            str(out),
        ]
        + (["--language", language] if language == "ja" else [])
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Traceback" not in captured.err and "warning" not in captured.err
    assert sf.info(str(out)).frames > 0


def test_synth_with_a_lexicon_file(capsys, tmp_path):
    lex = tmp_path / "lex.csv"
    lex.write_text("read,[R][EH1][D]\n", encoding="utf-8")
    out = tmp_path / "take.wav"
    args = ["synth", "--model", str(CV3_MODEL), "--ref", str(PROMPT_EN), "--mode", "cross_lingual"]
    code = main([*args, "--text", "I read it.", "--lexicon", str(lex), "--seed", "1", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("read,[ZZ9]\n", encoding="utf-8")
    code = main([*args, "--text", "I read it.", "--lexicon", str(bad), "--out", str(tmp_path / "no.wav")])
    err = capsys.readouterr().err
    assert code == 1 and "[ZZ9] is not a known tag" in err and not (tmp_path / "no.wav").exists()


def test_the_parser_knows_the_engine_languages_without_importing_torch():
    import subprocess

    from studio.engine import LANGUAGES
    from studio.normalize_cli import LANGUAGES as CLI_LANGUAGES
    from tests.conftest import REPO

    assert CLI_LANGUAGES == LANGUAGES
    code = "import sys, studio.cli; studio.cli.build_parser(); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr
