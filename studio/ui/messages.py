"""Sentences for the user built from engine and library errors.

Those errors are whole sentences, often with a detail in brackets from a lower library
("… cannot be read (Format not recognised.)."); `sentence` tidies the punctuation where such a
sentence is embedded in ours, so the user never reads ".)." or "..".
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

_DOUBLE_STOP = re.compile(r"(?<![.…])\.\s*\.(?!\.)")  # ". ." or ".." but not an ellipsis "..."
_STOP_IN_BRACKET = re.compile(r"\.\s*\)\s*\.")  # "(… recognised.)." -> "(… recognised)."


def sentence(text: str) -> str:
    """`text` with doubled full stops around a closing bracket or at the end removed.

    >>> sentence("x.wav is not audio that can be read (Format not recognised.).")
    'x.wav is not audio that can be read (Format not recognised).'
    """
    text = " ".join(str(text).split())
    text = _STOP_IN_BRACKET.sub(").", text)
    return _DOUBLE_STOP.sub(".", text)


def resolve_when_supplied(ctx: Any, voice_list: Any, script: Any) -> None:
    """A message about something missing for a take ("request:voice", "request:text" …) goes
    once that something is there (or the mode changes, so it may no longer be needed)."""
    voice_list.voiceSelected.connect(lambda vid: vid is not None and ctx.resolve("request:voice"))
    script.editor.textChanged.connect(lambda: ctx.resolve("request:text"))
    script.instruction.textChanged.connect(lambda: ctx.resolve("request:instruction"))
    script.modeChanged.connect(lambda _mode: ctx.resolve("request:"))
    script.sourceChanged.connect(lambda: ctx.resolve("request:source"))


def warn_playback_failed(ctx: Any, error: str, asked: bool = False) -> None:
    """A playback (device) problem, said once per session: it would return with every take. When
    the user `asked` to play (Play, Space), it is said every time: the press needs an answer."""
    if error.startswith("No audio output device"):
        text = QCoreApplication.translate(
            "MainWindow",
            "No audio output device was found; connect speakers or headphones to listen "
            "(takes are still made and saved).",
        )
    else:
        text = QCoreApplication.translate("MainWindow", "Playback stopped: {0}").format(error)
    if not ctx.warn_once("playback:" + error, text) and asked:
        ctx.warn(text, key="playback:" + error)
