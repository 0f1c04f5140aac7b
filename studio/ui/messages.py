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
_STOP_AFTER_ELLIPSIS = re.compile(r"…\s*\.(?!\.)")  # "Restored Hello there…." -> "… there…"


def sentence(text: str) -> str:
    """`text` with doubled full stops around a closing bracket or at the end removed.

    >>> sentence("x.wav is not audio that can be read (Format not recognised.).")
    'x.wav is not audio that can be read (Format not recognised).'
    """
    text = " ".join(str(text).split())
    text = _STOP_IN_BRACKET.sub(").", text)
    text = _STOP_AFTER_ELLIPSIS.sub("…", text)
    return _DOUBLE_STOP.sub(".", text)


def _breaks_anywhere(char: str) -> bool:
    """Scripts written without spaces between words (Chinese, Japanese kana, CJK punctuation):
    a line may break before or after any of their characters (Unicode UAX #14, class ID)."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # CJK radicals, punctuation, kana, unified ideographs
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms (，！？)
        or 0x20000 <= code <= 0x3FFFF  # ideographs beyond the BMP
    )


def shorten(text: str, limit: int = 40) -> str:
    """`text` on one line in at most `limit` characters: cut at a word boundary and ended with "…".

    Text without spaces between words (Chinese, Japanese) is cut between two characters; a single
    word longer than the room is cut inside it. Punctuation left before the ellipsis goes. Short
    texts come back unchanged (whitespace runs made single).

    >>> shorten("Hello there. How are you today? Fine, thanks.", 30)
    'Hello there. How are you…'
    >>> shorten("今天天气很好，我们一起去公园散步吧。", 10)
    '今天天气很好，我们…'
    """
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head, following = text[: limit - 1], text[limit - 1]
    if not (following.isspace() or _breaks_anywhere(head[-1]) or _breaks_anywhere(following)):
        # the cut falls inside a word: go back to the last place a line could break
        for j in range(len(head) - 1, 0, -1):
            if head[j].isspace() or _breaks_anywhere(head[j - 1]) or _breaks_anywhere(head[j]):
                head = head[:j]
                break
    head = head.rstrip(" ,;:.-–—、，；：。")
    return (head or text[: limit - 1]) + "…"


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
