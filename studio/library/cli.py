"""`voice-studio library ...` subcommands (filled in by the library issue)."""

from __future__ import annotations


def register(subparsers) -> None:
    p = subparsers.add_parser("library", help="manage the voice library")
    p.set_defaults(func=lambda args: p.print_help())
