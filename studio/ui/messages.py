"""Sentences for the user built from engine and library errors.

Those errors are whole sentences, often with a detail in brackets from a lower library
("… cannot be read (Format not recognised.)."); `sentence` tidies the punctuation where such a
sentence is embedded in ours, so the user never reads ".)." or "..".
"""

from __future__ import annotations

import re

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
