"""Numbers read out in each language the models speak (num2words plus a few reading rules).

Language codes are ISO 639-1 (`yue` is ISO 639-3): zh, yue, en, ja, ko, de, es, fr, it, ru.
Every function returns words in the language or raises `NumberReadingError` (never a library error);
the caller then keeps the span as written and reports a warning.

Sources of the rules:
- cardinals, ordinals, years: num2words (its per-language modules);
- decimal separators (`,` in de/es/fr/it/ru, `.` elsewhere) and how the fraction is read (digit by
  digit in de/en/ja/ko/zh, as a number in es/fr/it, as a fraction in ru): the usual reading in each
  language's school grammar (Duden for German, RAE for Spanish, Académie française usage);
- Korean native numerals (하나, 둘 ... 아흔아홉) before native counters (개, 명, 마리, 살, 시 ...): the
  National Institute of Korean Language's standard grammar; other numbers are Sino-Korean.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from num2words import num2words

from studio.engine.errors import TextInputError


class NumberReadingError(TextInputError):
    """A number that the reading library could not turn into words."""


LANGUAGES = ("zh", "en", "ja", "ko", "yue", "de", "es", "fr", "it", "ru")
LATIN_LANGUAGES = ("en", "de", "es", "fr", "it")
CJK_LANGUAGES = ("zh", "yue", "ja")
# Decimal comma languages: "3,5" is three and a half, "1.234" (de/es/it) one thousand two hundred ...
DECIMAL_COMMA = ("de", "es", "fr", "it", "ru")

POINT = {"en": "point", "de": "Komma", "es": "coma", "fr": "virgule", "it": "virgola", "ja": "点", "ko": "점"}
MINUS = {
    "en": "minus",
    "de": "minus",
    "es": "menos",
    "fr": "moins",
    "it": "meno",
    "ru": "минус",
    "ja": "マイナス",
    "ko": "마이너스",
}
DIGITS = {
    "zh": "零一二三四五六七八九",
    "yue": "零一二三四五六七八九",
    "ja": "〇一二三四五六七八九",
    "ko": ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"],
}


def _n2w(value, lang: str, **kw) -> str:
    try:
        return str(num2words(value, lang=lang, **kw))
    except Exception as exc:
        raise NumberReadingError(f"num2words could not read {value} in {lang}: {exc}") from exc


def cardinal(value: int, lang: str) -> str:
    """An integer in words (`1234` -> en `one thousand two hundred thirty-four`)."""
    if lang == "zh":
        return _zh_cardinal(value)
    if lang == "yue":  # Cantonese is written in traditional characters
        return _zh_cardinal(value).replace("万", "萬").replace("亿", "億")
    if lang == "en":
        words = _n2w(value, "en").replace(",", "")
        return re.sub(r"\band\s+", "", words).strip()
    words = _n2w(value, lang)
    if lang == "de":  # "hundert", "tausend": the usual reading of 100 and 1000 (einhundert is also correct)
        words = re.sub(r"^(minus )?ein(hundert|tausend)", r"\1\2", words)
    if lang == "ru":
        words = re.sub(r"(^|минус )одна тысяча", r"\1тысяча", words)
    return words


def _zh_cardinal(value: int) -> str:
    # num2words has no Chinese; groups of four digits with 零 where a place is skipped (1005 -> 一千零五).
    if value < 0:
        return "负" + _zh_cardinal(-value)
    if value == 0:
        return "零"
    return _zh_groups(value)


def _zh_groups(value: int) -> str:
    units = ["", "十", "百", "千"]
    big = ["", "万", "亿", "万亿"]
    digits = "零一二三四五六七八九"
    groups = []
    v = value
    while v:
        groups.append(v % 10000)
        v //= 10000
    out = ""
    zero_pending = False
    for gi in range(len(groups) - 1, -1, -1):
        g = groups[gi]
        if g == 0:
            zero_pending = bool(out)
            continue
        if out and (zero_pending or g < 1000):
            out += "零"
        zero_pending = False
        s = ""
        gap = False
        for pi in range(3, -1, -1):
            d = (g // 10**pi) % 10
            if d == 0:
                gap = bool(s)
                continue
            if gap:
                s += "零"
                gap = False
            s += digits[d] + units[pi]
        out += s + big[gi]
    if out.startswith("一十"):
        out = out[1:]
    return out


def digits(text: str, lang: str) -> str:
    """Digit by digit (codes, phone numbers): `705` -> zh `七零五`, en `seven zero five`."""
    if lang in DIGITS:
        table = DIGITS[lang]
        return "".join(table[int(c)] for c in text if c.isdigit())
    return " ".join(cardinal(int(c), lang) for c in text if c.isdigit())


def decimal(int_part: str, frac: str, lang: str, negative: bool = False) -> str:
    """`int_part` and the digits after the separator -> words (`3`, `14`, de -> `drei Komma eins vier`)."""
    whole = cardinal(int(int_part or "0"), lang)
    if lang == "ru":
        try:
            words = _n2w(Decimal(f"{int_part or '0'}.{frac}"), "ru")
        except InvalidOperation as exc:
            raise NumberReadingError(f"{int_part}.{frac} is not a number") from exc
        words = re.sub(r"^одна тысяча", "тысяча", words)
    elif lang in ("zh", "yue") or lang == "ja":
        words = whole + ("點" if lang == "yue" else "点") + digits(frac, lang)
    elif lang == "ko":
        words = f"{whole} 점 {digits(frac, lang).replace(' ', '')}"
    elif lang in ("es", "fr", "it") and not frac.startswith("0") and len(frac) <= 2:
        words = f"{whole} {POINT[lang]} {cardinal(int(frac), lang)}"
    elif lang in ("es", "fr", "it"):
        zero = cardinal(0, lang)
        lead = len(frac) - len(frac.lstrip("0"))
        rest = frac.lstrip("0")
        parts = [zero] * lead + ([cardinal(int(rest), lang)] if rest and len(rest) <= 2 else [])
        if rest and len(rest) > 2:
            parts += [cardinal(int(c), lang) for c in rest]
        words = f"{whole} {POINT[lang]} " + " ".join(parts)
    else:
        words = f"{whole} {POINT.get(lang, 'point')} " + " ".join(cardinal(int(c), lang) for c in frac)
    if negative:
        if lang in ("zh", "yue"):
            words = "负" + words
        elif lang == "ja":
            words = MINUS["ja"] + words
        else:
            words = f"{MINUS.get(lang, 'minus')} {words}"
    return words


def year(value: int, lang: str) -> str:
    """A year (`1999` -> de `neunzehnhundertneunundneunzig`, en `nineteen ninety-nine`)."""
    if lang in ("de", "en") and 1100 <= value <= 1999:
        return _n2w(value, lang, to="year").replace(",", "")
    return cardinal(value, lang)


def ordinal(value: int, lang: str, feminine: bool = False) -> str:
    words = _n2w(value, lang, to="ordinal")
    if feminine and lang == "fr" and value == 1:
        return "première"
    if feminine and lang in ("es", "it") and words.endswith("o"):
        return words[:-1] + "a"
    return words


# -- Korean: native numerals before native counters ---------------------------------------------

_KO_NATIVE_UNITS = ["", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"]
_KO_NATIVE_PRENOMINAL = {"하나": "한", "둘": "두", "셋": "세", "넷": "네"}
_KO_NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
# Counters read with native numerals (1-99). 시 is the hour; 분/초 (minutes/seconds), 원, 년, 월, 일,
# 층, 번째 ... take Sino-Korean numerals.
KO_NATIVE_COUNTERS = (
    "개",
    "명",
    "마리",
    "살",
    "시간",
    "시",
    "번",
    "잔",
    "병",
    "권",
    "장",
    "대",
    "켤레",
    "벌",
    "그루",
    "송이",
    "채",
    "곳",
    "군데",
    "가지",
    "달",
    "사람",
    "줄",
    "통",
    "알",
    "척",
    "접시",
    "그릇",
)


def korean_native(value: int, prenominal: bool = True) -> str:
    """1-99 in native Korean numerals; `prenominal` gives the form before a counter (세 개, 스무 살)."""
    if not 1 <= value <= 99:
        raise NumberReadingError(f"native Korean numerals cover 1-99, not {value}")
    tens, units = divmod(value, 10)
    unit = _KO_NATIVE_UNITS[units]
    ten = _KO_NATIVE_TENS[tens]
    if prenominal:
        unit = _KO_NATIVE_PRENOMINAL.get(unit, unit)
        if units == 0 and tens == 2:
            ten = "스무"
    return ten + unit
