"""`voice-studio normalize`: print the segments exactly as `synth` would speak them, one per line."""

from __future__ import annotations

import argparse
import sys

# The engine's LANGUAGES (studio/engine/frontend/text/numbers.py), written out so that building the
# command-line parser does not import the engine (and torch); a test keeps the two equal.
LANGUAGES = ("zh", "en", "ja", "ko", "yue", "de", "es", "fr", "it", "ru")

LANGUAGE_HELP = (
    "ISO 639 code of the text: " + ", ".join(LANGUAGES) + " (default: detected; decides Latin-script text "
    "and whether Han characters are Chinese, Cantonese or Japanese)"
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "normalize",
        help="show the segments a text will be spoken as",
        description="Print TEXT after text normalization and sentence splitting, one segment per line, "
        "exactly as `voice-studio synth` would speak it with the same model. Warnings (parts kept as "
        "written) go to standard error.",
    )
    p.add_argument(
        "--model", required=True, help="CosyVoice model folder (its tokenizer decides the splitting)"
    )
    p.add_argument("--language", choices=LANGUAGES, metavar="CODE", help=LANGUAGE_HELP)
    p.add_argument("--lexicon", metavar="FILE.csv", help="pronunciation dictionary (CSV: term,replacement)")
    p.add_argument("--normalizer", default="wetext", choices=["wetext", "rules", "none"])
    p.add_argument("--mode", default="zero_shot", choices=["zero_shot", "cross_lingual", "instruct"])
    p.add_argument("text", help="the text; '-' reads it from standard input")
    p.set_defaults(func=run)


def _fail(message: str, code: int = 1) -> int:
    print(f"voice-studio: error: {message}", file=sys.stderr)
    return code


def read_text(value: str) -> str:
    if value == "-":
        data = sys.stdin.buffer.read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("standard input is not UTF-8 text") from None
    return value


def load_lexicon(path: str | None):
    from studio.engine.frontend.text import Lexicon

    return Lexicon.load_csv(path) if path else None


def run(args: argparse.Namespace) -> int:
    from studio.engine import EngineError
    from studio.engine.engine import TextFrontend
    from studio.engine.frontend.tokenizer import Tokenizer
    from studio.engine.model_dir import read_model_folder

    try:
        text = read_text(args.text)
    except ValueError as exc:
        return _fail(str(exc))
    try:
        lexicon = load_lexicon(args.lexicon)
        # Only the tokenizer and the normalizer: no weights are read.
        spec = read_model_folder(args.model)
        frontend = TextFrontend(spec.family, Tokenizer(spec.qwen_dir, spec.family), args.normalizer)
        segments, warnings = frontend.spoken_segments(text, args.mode, args.language, lexicon)
    except EngineError as exc:
        return _fail(str(exc))
    for warning in warnings:
        print(f"voice-studio: warning: {warning.message}", file=sys.stderr)
    out = sys.stdout
    for segment in segments:
        out.write(segment.replace("\n", " ") + "\n")
    out.flush()
    return 0
