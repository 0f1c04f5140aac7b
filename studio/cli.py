"""The `voice-studio` command line: one entry point for the window and the headless tools."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="voice-studio", description="Voice Studio")
    sub = parser.add_subparsers(dest="command")
    from studio.library.cli import register as register_library
    from studio.synth_cli import register as register_synth

    register_synth(sub)
    register_library(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
