"""`voice-studio models ...` subcommands (filled in by the model manager issue)."""

from __future__ import annotations


def register(subparsers) -> None:
    p = subparsers.add_parser("models", help="list, download, verify and remove models")
    p.set_defaults(func=lambda args: p.print_help())
