"""The `voice-studio` command line: one entry point for the window and the headless tools.

voice-studio                      open the studio window
voice-studio --self-test MODEL    open the window, make one streaming take, export it, exit
voice-studio synth ...            one take from the command line
voice-studio normalize ...        the segments a text will be spoken as
voice-studio library ...          the voice library (list, show, export, import, check)
voice-studio models ...           model manager (list, download, verify, remove)
voice-studio serve ...            the local speech API (OpenAI /v1/audio/speech)
voice-studio ingest FILE...       long recordings -> transcribed clips in the library
voice-studio transcribe FILE...   what is said in a clip
voice-studio ingested ...         review ingested clips, make voices, export a dataset
voice-studio project ...          projects: scripts, dialogues, subtitles rendered block by block
"""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="voice-studio",
        description="Voice Studio: clone a voice and speak any text in it (CosyVoice 2 / Fun-CosyVoice 3).",
    )
    parser.add_argument(
        "--self-test", metavar="MODEL_DIR", help="make one streaming take in the real window and exit"
    )
    parser.add_argument("--model", metavar="MODEL_DIR", help="open the window with this model folder")
    parser.add_argument("--library", metavar="DIR", help="the voice library folder (default: per user)")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command")
    from studio.library.cli import register as register_library
    from studio.models.cli import register as register_models
    from studio.normalize_cli import register as register_normalize
    from studio.project.cli import register as register_project
    from studio.server.cli import register as register_serve
    from studio.synth_cli import register as register_synth
    from studio.transcribe.cli import register as register_transcribe

    register_synth(sub)
    register_library(sub)
    register_models(sub)
    register_serve(sub)
    register_normalize(sub)
    register_transcribe(sub)
    register_project(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from studio import __version__

        print(f"voice-studio {__version__}")
        return 0
    if args.self_test:
        from studio.ui.selftest import run_self_test

        return int(run_self_test(args.self_test, library=args.library))
    if args.command is None:
        from studio.ui.app import main as run_window

        return int(run_window(model=args.model, library=args.library, startup_probe=args.startup_probe) or 0)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
