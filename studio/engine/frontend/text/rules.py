"""The official CosyVoice frontend rules (`rules` mode), kept exactly as they are.

What the official code does when neither ttsfrd nor wetext is installed; the golden parity sets
were made this way, so nothing here may change behaviour. The language-aware `wetext` mode lives in
`normalizer.py` and reuses some of these helpers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import regex

_CHINESE = re.compile(r"[\u4e00-\u9fff]+")

ZH_SENTENCE_END = ["。", "？", "！", "；", "：", "、", ".", "?", "!", ";"]
EN_SENTENCE_END = [".", "?", "!", ";", ":"]


def contains_chinese(text: str) -> bool:
    return bool(_CHINESE.search(text))


def replace_corner_mark(text: str) -> str:
    return text.replace("²", "平方").replace("³", "立方")


def remove_bracket(text: str) -> str:
    text = text.replace("（", "").replace("）", "")
    text = text.replace("【", "").replace("】", "")
    text = text.replace("`", "")
    return text.replace("——", " ")


def replace_blank(text: str) -> str:
    """Drop spaces except between two non-space ASCII characters (English words inside Chinese)."""
    out = []
    for i, c in enumerate(text):
        if c == " ":
            nxt = text[i + 1] if i + 1 < len(text) else " "
            prev = text[i - 1]  # i == 0 reads the last character, as the official code does
            if (nxt.isascii() and nxt != " ") and (prev.isascii() and prev != " "):
                out.append(c)
        else:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=1)
def _inflect_engine():
    import inflect

    return inflect.engine()


_STRESS_UNIT = re.compile(r"(\[[A-Z]{1,3}[0-9]\])")


def spell_out_number(text: str) -> str:
    """Every run of ASCII digits -> English words (so `12.5` becomes `twelve.five`, as upstream).

    Stress digits inside CMU pronunciation units ([AA1]) are not numbers and stay as written.
    """
    if "[" in text and _STRESS_UNIT.search(text):
        parts = _STRESS_UNIT.split(text)
        return "".join(p if i % 2 else _spell_digits(p) for i, p in enumerate(parts))
    return _spell_digits(text)


def _spell_digits(text: str) -> str:
    engine = _inflect_engine()
    out: list[str] = []
    start: int | None = None
    for i, c in enumerate(text):
        if not c.isdigit():
            if start is not None:
                out.append(engine.number_to_words(text[start:i]))
                start = None
            out.append(c)
        elif start is None:
            start = i
    if start is not None:
        out.append(engine.number_to_words(text[start:]))
    return "".join(out)


def is_only_punctuation(text: str) -> bool:
    return bool(regex.fullmatch(r"^[\p{P}\p{S}]*$", text))


def split_paragraph(
    text: str,
    tokenize: Callable[[str], list[int]],
    lang: str = "zh",
    token_max_n: int = 80,
    token_min_n: int = 60,
    merge_len: int = 20,
    comma_split: bool = False,
) -> list[str]:
    """Cut at sentence punctuation, then pack sentences into pieces of at most ~token_max_n.

    Length is characters for Chinese and tokenizer tokens for other languages.
    """

    def length(s: str) -> int:
        return len(s) if lang == "zh" else len(tokenize(s))

    ends = list(ZH_SENTENCE_END if lang == "zh" else EN_SENTENCE_END)
    if comma_split:
        ends.extend(["，", ","])
    if text[-1] not in ends:
        text += "。" if lang == "zh" else "."

    start = 0
    sentences: list[str] = []
    for i, c in enumerate(text):
        if c in ends:
            if len(text[start:i]) > 0:
                sentences.append(text[start:i] + c)
            if i + 1 < len(text) and text[i + 1] in ['"', "”"]:
                sentences.append(sentences.pop(-1) + text[i + 1])
                start = i + 2
            else:
                start = i + 1

    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if length(current + sentence) > token_max_n and length(current) > token_min_n:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        if length(current) < merge_len and pieces:
            pieces[-1] += current
        else:
            pieces.append(current)
    return pieces


def normalize_official(
    text: str, tokenize: Callable[[str], list[int]], split: bool = True
) -> list[str] | str:
    """The official frontend without ttsfrd/wetext: `text` (already known to need the frontend) ->
    segments (`split=True`) or one string. The golden parity sets pin this behaviour."""
    text = text.strip()
    if contains_chinese(text):
        text = text.replace("\n", "")
        text = replace_blank(text)
        text = replace_corner_mark(text)
        text = text.replace(".", "。")
        text = text.replace(" - ", "，")
        text = remove_bracket(text)
        text = re.sub(r"[，,、]+$", "。", text)
        lang = "zh"
    else:
        text = spell_out_number(text)
        lang = "en"
    if not split:
        return text
    if text == "":
        return []
    pieces = split_paragraph(text, tokenize, lang, token_max_n=80, token_min_n=60, merge_len=20)
    return [p for p in pieces if not is_only_punctuation(p)]
