"""Text normalisation and sentence splitting (the `text_normalizer` argument of `load_model`).

Three modes:
- "wetext": language-aware (the default). The text is cut into sentence-like pieces, each piece gets a
  language (language.py), and each is read by the right tool: WeText for Chinese (and Cantonese) and
  English, our readers (num2words + readers.py) for ja, ko, de, es, fr, it, ru. Protected spans are
  found first and are never split or mangled: tags, pronunciation units and `<|...|>` stay
  byte-identical with the spaces around them; URLs, e-mail addresses, versions, times, dates,
  decimals, currency, percentages, phone numbers, abbreviations and letter-digit codes are read out
  as a whole. A span a third-party normalizer fails on is kept as written and reported in `warnings`.
- "rules": only the official built-in rules (rules.py), exactly as the official code runs them when
  neither ttsfrd nor wetext is installed; the golden parity sets pin this behaviour.
- "none": nothing (the official `text_frontend=False`): the text is one segment as given.

A text containing both `<|` and `|>` (an explicit special-token prompt) is never normalised,
as in the official code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from studio.engine.events import TextWarning
from studio.engine.frontend.text import numbers as nm
from studio.engine.frontend.text import readers as rd
from studio.engine.frontend.text.language import check_language, preload, route
from studio.engine.frontend.text.lexicon import Lexicon
from studio.engine.frontend.text.numbers import NumberReadingError
from studio.engine.frontend.text.rules import (
    EN_SENTENCE_END,
    ZH_SENTENCE_END,
    contains_chinese,
    is_only_punctuation,
    normalize_official,
    remove_bracket,
    replace_corner_mark,
)

NORMALIZERS = ("wetext", "rules", "none")

# One private-use character stands for each protected span while the text is cut and rewritten.
_PUA = 0xF0000
_PUA_MAX = 0xFFFFD - _PUA
_PLACEHOLDER = re.compile("[\U000f0000-\U000ffffd]")

_SPECIAL = r"<\|[^|<>]*\|>"
_TAG = r"\[[^\[\]\s]{1,20}\]|</?[a-z_]+>"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_URL = (
    r"(?:https?://|www\.)[^\s<>\"'\u3000-\u303f\uff00-\uffef\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+"
    r"|(?<![\w@.])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|edu|gov|io|ai|cn|de|fr|es|it|ru|jp|kr|uk"
    r"|eu|info|dev|app)(?![\w.])(?:/[^\s\u3000-\u303f\uff00-\uffef\u3400-\u9fff]*)?"
)
_GLOBAL = re.compile(f"(?P<special>{_SPECIAL})|(?P<tag>{_TAG})|(?P<email>{_EMAIL})|(?P<url>{_URL})")

# Pieces for routing: after sentence punctuation, or after . ; followed by a space.
_PIECE_END = re.compile(r"(?<=[。！？!?\n])|(?<=[.;])(?=\s)")

_LETTER_DOTS = r"(?<![\w.])(?:[A-Za-z]\.){2,}"
# a letters+digits token that is a number with a unit, not a code
_UNIT_SUFFIX = re.compile(
    r"\d+(?:km/h|km|cm|mm|m|kg|g|mg|l|ml|h|min|s|ms|gb|mb|kb|tb|hz|khz|mhz|ghz|w|kw|kwh|v|mah|k|mph|ft|in|lb|lbs"
    r"|oz|pm|am|st|nd|rd|th|x|p|d|er|re|e|ème)",
    re.I,
)
# ASCII-only edges: in Chinese, Japanese and Korean a code or version touches the next word (705A号).
_CODE = r"(?<![A-Za-z0-9.])(?:[A-Za-z]+-?\d+[A-Za-z0-9]*|\d+[A-Za-z]+[A-Za-z0-9]*)(?![A-Za-z0-9])"
_VERSION = r"(?<![A-Za-z0-9.])(?:[vV]\d+(?:\.\d+)+|\d+\.\d+\.\d+(?:\.\d+)*)(?![A-Za-z0-9])"
_DATE = r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])"
_TIME = r"(?<![\d:.])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])"
_PHONE = (
    r"\+\d{1,3}(?:[ -]\d{1,4}){2,5}(?![\d])|(?<![\d.,-])\(?\d{2,4}\)?(?:[ -]\d{2,4}){1,3}-\d{3,4}(?![\d-])"
)
_PHONE_EN = r"(?<![\d.,-])(?:\(\d{3}\)\s?|\d{3}-)?\d{3}-\d{4}(?![\d-])"
_CURRENCY = "$€£¥₩₽"


def _num(lang: str) -> str:
    if lang in ("fr", "ru"):
        return r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
    if lang in nm.DECIMAL_COMMA:
        return r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
    return r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass
class _Spans:
    said: list[str] = field(default_factory=list)
    verbatim: list[bool] = field(default_factory=list)

    def add(self, text: str, verbatim: bool = False) -> str:
        if len(self.said) > _PUA_MAX:
            raise NumberReadingError("too many protected spans in one text")
        self.said.append(text)
        self.verbatim.append(verbatim)
        return chr(_PUA + len(self.said) - 1)

    def restore(self, text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self.said[ord(m.group()) - _PUA], text)

    def speakable(self, text: str) -> bool:
        """Whether `text` has something to say (letters/digits, or a span that is read out)."""
        for m in _PLACEHOLDER.finditer(text):
            if not self.verbatim[ord(m.group()) - _PUA]:
                return True
        return any(c.isalnum() for c in _PLACEHOLDER.sub("", text))


class TextNormalizer:
    """`normalize(text, split=True)` -> list of segments; `split=False` -> one string.

    `language` (ISO 639: zh, en, ja, ko, yue, de, es, fr, it, ru; None = detect) decides Latin-script
    text and Han text (zh / yue / ja); `lexicon` replaces words before anything else; problems that
    were worked around are appended to `warnings` (a list of `TextWarning`) when one is given.
    """

    def __init__(self, mode: str, tokenize: Callable[[str], list[int]]):
        if mode not in NORMALIZERS:
            raise ValueError(f"text_normalizer must be one of {', '.join(NORMALIZERS)}, not {mode!r}")
        self.mode = mode
        self.tokenize = tokenize
        self._zh = self._en = None
        if mode == "wetext":
            from wetext import Normalizer

            self._zh = Normalizer(lang="zh", operator="tn", remove_erhua=False)
            self._en = Normalizer(lang="en", operator="tn")
            self._wetext_cache: dict[tuple[str, str], str] = {}

    def warm_up(self) -> None:
        """Load what the first normalisation would load lazily (inflect, the WeText grammars)."""
        if self.mode != "none":
            self.normalize("We have 2 cats.", split=False)
            self.normalize("我们有2只猫。", split=False)
        if self.mode == "wetext":
            self.normalize("Wir haben 2 Katzen.", split=False, language="de")
            preload()  # the Latin-script language identifier, on a background thread

    def normalize(
        self,
        text: str,
        split: bool = True,
        language: str | None = None,
        lexicon: Lexicon | None = None,
        warnings: list[TextWarning] | None = None,
    ) -> list[str] | str:
        language = check_language(language)
        if lexicon is not None and self.mode != "none":
            text = lexicon.apply(text)
        frontend = self.mode != "none"
        if "<|" in text and "|>" in text:
            frontend = False
        if not frontend or text == "":
            return [text] if split else text
        if self.mode == "rules":
            return normalize_official(text, self.tokenize, split)
        sink = warnings if warnings is not None else []
        return self._language_aware(text, split, language, sink)

    # -- the language-aware pipeline ---------------------------------------------------------

    def _language_aware(self, text: str, split: bool, language: str | None, warnings) -> list[str] | str:
        spans = _Spans()
        text = text.strip()

        def global_span(m: re.Match) -> str:
            kind = m.lastgroup
            if kind in ("special", "tag"):
                return spans.add(m.group(), verbatim=True)
            value = m.group()
            tail = ""
            while value and value[-1] in ".,;:!?)]}'\"":
                tail = value[-1] + tail
                value = value[:-1]
            return f"\x00{kind}\x01{value}\x02" + tail  # read later, in the language of its piece

        marked = _GLOBAL.sub(global_span, text)
        pieces = [p for p in _PIECE_END.split(marked) if p]
        plain = [re.sub(r"\x00\w+\x01[^\x02]*\x02", " ", p) for p in pieces]
        languages = route(plain, language)
        cjk_text = any(lang in ("zh", "yue", "ja") for lang in languages)
        out = []
        for i, (piece, lang) in enumerate(zip(pieces, languages, strict=True)):
            said = self._read_piece(piece, lang, spans, warnings, last=i == len(pieces) - 1)
            if lang in ("zh", "yue", "ja"):
                said = _cjk_rules(said)
            out.append(said)
        result = "".join(out)
        if cjk_text:
            result = re.sub(r"[，,、]+$", "。", result)
        if not split:
            return spans.restore(result)
        if not result.strip():
            return []
        pieces = _split(result, self.tokenize, spans, "zh" if cjk_text else "en")
        return [s for s in (spans.restore(p) for p in pieces) if not is_only_punctuation(s)]

    def _read_piece(self, piece: str, lang: str, spans: _Spans, warnings, last: bool = False) -> str:
        def guarded(what: str, fn, *args) -> str:
            try:
                return fn(*args)
            except NumberReadingError as exc:
                warnings.append(
                    TextWarning(f"{what!r} could not be read in {lang} ({exc}); spoken as written.", what)
                )
            except Exception as exc:
                warnings.append(
                    TextWarning(
                        f"{what!r} could not be read in {lang} ({type(exc).__name__}); spoken as written.",
                        what,
                    )
                )
            return what

        def protect(said: str) -> str:
            return spans.add(said)

        # addresses found before routing, now read in the piece's language
        piece = re.sub(
            r"\x00(\w+)\x01([^\x02]*)\x02",
            lambda m: protect(guarded(m.group(2), rd.read_address, m.group(2), lang)),
            piece,
        )
        rx = _piece_regex(lang)

        def span(m: re.Match) -> str:
            kind = m.lastgroup
            whole = m.group()
            if kind == "abbr":
                said = rd.ABBREVIATIONS.get(lang, {}).get(whole)
                if said is None or lang in ("zh", "yue", "ja"):
                    return spans.add(whole, verbatim=True)
                if whole.endswith(".") and last and not m.string[m.end() :].strip():
                    return protect(said) + "."  # "etc." at the end also ends the sentence
                return protect(said)
            if kind == "letterdots":
                return spans.add(whole, verbatim=True)
            if kind == "code" and _UNIT_SUFFIX.fullmatch(whole):
                return whole
            reader = _READERS[kind]
            return protect(guarded(whole, reader, m, lang))

        piece = rx.sub(span, piece)
        if lang in ("zh", "yue", "en"):
            return self._wetext(piece, "en" if lang == "en" else "zh", warnings, lang)
        # what is left: plain numbers in the piece's language
        return _NUMBER[lang].sub(lambda m: protect(guarded(m.group(), _read_plain, m, lang)), piece)

    def _wetext(self, text: str, which: str, warnings, lang: str) -> str:
        """WeText over the parts between protected spans, clause by clause (it is superlinear in length)."""
        normalizer = self._en if which == "en" else self._zh
        parts = _PLACEHOLDER.split(text)
        marks = _PLACEHOLDER.findall(text)
        out = []
        for i, part in enumerate(parts):
            out.append(
                "".join(self._wetext_clause(c, normalizer, which, warnings) for c in _CLAUSE.split(part))
            )
            if i < len(marks):
                out.append(marks[i])
        said = "".join(out)
        if which == "en":  # anything WeText left as digits
            said = re.sub(r"\d+", lambda m: nm.cardinal(int(m.group()), "en"), said)
        return said

    def _wetext_clause(self, clause: str, normalizer, which: str, warnings) -> str:
        if not clause.strip() or not _WETEXT_NEEDED[which].search(clause):
            return clause
        key = (which, clause)
        cached = self._wetext_cache.get(key)
        if cached is not None:
            return cached
        core = clause.strip()
        lead = clause[: len(clause) - len(clause.lstrip())]
        trail = clause[len(clause.rstrip()) :]
        try:
            said = normalizer.normalize(core)
            if not isinstance(said, str):
                raise TypeError("WeText returned no text")
        except Exception as exc:
            warnings.append(
                TextWarning(
                    f"{core!r} could not be normalized by WeText ({type(exc).__name__}: {exc}); spoken as written.",
                    core,
                )
            )
            said = core
        result = lead + said + trail
        if len(self._wetext_cache) > 20000:
            self._wetext_cache.clear()
        self._wetext_cache[key] = result
        return result


_CLAUSE = re.compile(r"(?<=[，。！？；：、!?;\n])|(?<=[.,:])(?=\s)")
_WETEXT_NEEDED = {
    "zh": re.compile(r"[0-9０-９%‰$¥€£°℃~～/:+×÷=<>@#&*²³]"),
    "en": re.compile(
        r"[0-9%‰$¥€£°~/:+×÷=<>@#&*]|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
    ),
}


@cache
def _piece_regex(lang: str) -> re.Pattern:
    num = _num(lang)
    abbrs = sorted(rd.ABBREVIATIONS.get(lang, {}) | rd.ABBREVIATIONS["en"], key=len, reverse=True)
    if lang in ("zh", "yue", "ja"):
        abbrs = sorted(rd.ABBREVIATIONS["en"], key=len, reverse=True)
    abbr = "|".join(re.escape(a) for a in abbrs)
    cur = re.escape(_CURRENCY)
    parts = [
        f"(?P<abbr>(?<![\\w.])(?:{abbr})(?![\\w]))",
        f"(?P<letterdots>{_LETTER_DOTS})",
        f"(?P<version>{_VERSION})",
    ]
    if lang in ("zh", "yue"):
        # WeText reads dates, times, decimals, money and percentages in context
        parts += [f"(?P<code>{_CODE})"]
    elif lang == "en":
        parts += [
            f"(?P<phone>{_PHONE_EN}|\\+\\d{{1,3}}(?:[ -]\\d{{1,4}}){{2,5}}(?![\\d]))",
            f"(?P<currency>[{cur}]\\s?(?:{num}))",
            "(?P<grouped>(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d]))",
            f"(?P<code>{_CODE})",
        ]
    else:
        unit = "|".join(re.escape(u) for u in sorted([*rd.UNITS, *rd.UNIT_ALIASES], key=len, reverse=True))
        parts += [
            f"(?P<date>{_DATE})",
            f"(?P<time>{_TIME}(?:\\s?Uhr(?![\\w]))?)" if lang == "de" else f"(?P<time>{_TIME})",
            f"(?P<phone>{_PHONE})",
            f"(?P<currency>[{cur}]\\s?-?(?:{num})(?![\\d])|(?<![\\d.,])-?(?:{num})\\s?[{cur}])",
            f"(?P<percent>(?<![\\d.,])-?(?:{num})\\s?%)",
            f"(?P<unit>(?<![\\d.,])-?(?:{num})\\s?(?:{unit})(?![A-Za-z\\u00c0-\\u024f\\u0400-\\u04ff]))",
        ]
        if lang == "fr":
            parts.append(r"(?P<frtime>(?<![\w])([01]?\d|2[0-4])h([0-5]\d)?(?![\w]))")
            parts.append(r"(?P<ordinal>(?<![\w])\d+(?:er|re|e|ème)(?![\w]))")
        if lang in ("es", "it"):
            parts.append(r"(?P<ordinal>(?<![\w])\d+[ºª])")
        if lang == "ko":
            counters = "|".join(sorted(("개월", *nm.KO_NATIVE_COUNTERS), key=len, reverse=True))
            parts.append(f"(?P<kocounter>(?<![\\d.,])\\d+\\s?(?:{counters}))")
            parts.append(r"(?P<komonth>(?<![\d.,])\d{1,2}\s?월)")
        parts.append(f"(?P<code>{_CODE})")
    return re.compile("|".join(parts))


def _read_currency(m: re.Match, lang: str) -> str:
    text = m.group()
    symbol = next(c for c in text if c in _CURRENCY)
    amount = text.replace(symbol, "").strip()
    return rd.read_currency(symbol, amount, lang)


def _read_percent(m: re.Match, lang: str) -> str:
    return rd.read_percent(m.group().rstrip("%").strip(), lang)


def _read_unit(m: re.Match, lang: str) -> str:
    text = m.group()
    unit = max((u for u in [*rd.UNITS, *rd.UNIT_ALIASES] if text.endswith(u)), key=len)
    return rd.read_unit(text[: -len(unit)].strip(), rd.UNIT_ALIASES.get(unit, unit), lang)


def _read_time(m: re.Match, lang: str) -> str:
    h, mi = re.findall(r"\d+", m.group())[:2]
    return rd.read_time(int(h), int(mi), lang)


def _read_frtime(m: re.Match, lang: str) -> str:
    found = re.findall(r"\d+", m.group())
    return rd.read_time(int(found[0]), int(found[1]) if len(found) > 1 else 0, lang)


def _read_version(m: re.Match, lang: str) -> str:
    text = m.group()
    if lang in nm.DECIMAL_COMMA and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return rd.read_number(text, lang)  # 1.000.000 is a grouped number, not a version
    return rd.read_version(text, lang)


def _read_date(m: re.Match, lang: str) -> str:
    y, mo, d = (int(x) for x in m.group().split("-"))
    return rd.read_date(y, mo, d, lang)


def _read_ordinal(m: re.Match, lang: str) -> str:
    text = m.group()
    value = int(re.match(r"\d+", text).group())
    feminine = text.endswith(("re", "ª"))
    return nm.ordinal(value, lang, feminine=feminine)


def _read_kocounter(m: re.Match, lang: str) -> str:
    mm = re.fullmatch(r"(\d+)\s?(\D+)", m.group())
    return rd.korean_with_counter(mm.group(1), mm.group(2))


def _read_komonth(m: re.Match, lang: str) -> str:
    return rd.korean_month(int(re.match(r"\d+", m.group()).group()))


def _read_grouped(m: re.Match, lang: str) -> str:
    return rd.read_number(m.group(), lang)


def _read_plain(m: re.Match, lang: str) -> str:
    text = m.group()
    negative, whole, frac = rd.parse_number(text, lang)
    if not frac and not negative and lang in ("de", "en") and len(whole) == 4 and 1100 <= int(whole) <= 1999:
        return nm.year(int(whole), lang)
    return rd.read_number(text, lang)


_READERS = {
    "version": _read_version,
    "frtime": _read_frtime,
    "code": lambda m, lang: rd.read_code(m.group(), lang),
    "phone": lambda m, lang: rd.read_phone(m.group(), lang),
    "currency": _read_currency,
    "percent": _read_percent,
    "unit": _read_unit,
    "time": _read_time,
    "date": _read_date,
    "ordinal": _read_ordinal,
    "kocounter": _read_kocounter,
    "komonth": _read_komonth,
    "grouped": _read_grouped,
}

_NUMBER = {
    lang: re.compile(
        f"(?:(?<=^)|(?<=[\\s(\\[\"'«„“]))[-−](?:{_num(lang)})(?![\\d])|(?<![\\d])(?:{_num(lang)})(?![\\d])"
    )
    for lang in nm.LANGUAGES
}

_CJK_CHAR = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _cjk_rules(text: str) -> str:
    """The official Chinese post-rules on a CJK piece, except that a space is only dropped next to a
    CJK character (the official rule drops spaces between non-ASCII letters too: `Grüß Euch`)."""
    text = text.replace("\n", "")
    out = []
    for i, c in enumerate(text):
        if c == " ":
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if prev == " ":
                continue  # runs of spaces become one
            near_span = _PLACEHOLDER.match(prev) or _PLACEHOLDER.match(nxt)
            if not near_span and ((prev and _CJK_CHAR.match(prev)) or (nxt and _CJK_CHAR.match(nxt))):
                continue
        out.append(c)
    text = "".join(out)
    text = replace_corner_mark(text)
    text = text.replace(".", "。")
    text = text.replace(" - ", "，")
    return remove_bracket(text)


def _split(
    text: str,
    tokenize: Callable[[str], list[int]],
    spans: _Spans,
    lang: str,
    token_max_n=80,
    token_min_n=60,
    merge_len=20,
) -> list[str]:
    """The official splitting (sentence ends, then packing to ~token_max_n), except that a trailing run
    with nothing to say (a tag) joins the last sentence instead of getting a full stop of its own."""

    def length(s: str) -> int:
        s = spans.restore(s)
        return len(s) if lang == "zh" else len(tokenize(s))

    sentences, tail = _cut_sentences(text, lang)
    if tail:
        if spans.speakable(tail) or not sentences:
            sentences.append(tail + ("。" if lang == "zh" else "."))
        else:
            sentences[-1] += tail
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


def _cut_sentences(text: str, lang: str) -> tuple[list[str], str]:
    """The official sentence cut: after each sentence end (a closing quote stays with its sentence);
    returns the sentences and the unterminated tail."""
    ends = ZH_SENTENCE_END if lang == "zh" else EN_SENTENCE_END
    sentences: list[str] = []
    start = 0
    for i, c in enumerate(text):
        if c in ends:
            if len(text[start:i]) > 0:
                sentences.append(text[start:i] + c)
            if i + 1 < len(text) and text[i + 1] in ['"', "”"] and sentences:
                sentences.append(sentences.pop(-1) + text[i + 1])
                start = i + 2
            else:
                start = i + 1
    return sentences, text[start:]


def split_sentences(text: str, lang: str | None = None) -> list[str]:
    """The sentences of `text` as the frontend cuts them before packing short ones into segments.

    A segment `synthesize` speaks (its `Segment.text`) may hold several of these. Sentence ends are
    the official CosyVoice ones (rules.ZH_SENTENCE_END for text with Chinese characters, else
    rules.EN_SENTENCE_END: . ? ! ; :); a closing quote stays with its sentence, and a piece with
    nothing to say (a tag, a lone symbol) joins the sentence before it. `lang`: "zh" or "en"
    (None: "zh" if the text holds Chinese characters). Sentences are stripped of surrounding
    space; empty text gives [].
    """
    if lang is None:
        lang = "zh" if contains_chinese(text) else "en"
    cut, tail = _cut_sentences(text, lang)
    if tail.strip():
        cut.append(tail)
    sentences: list[str] = []
    pending = ""  # nothing to say before the first sentence: it joins that sentence
    for piece in cut:
        if any(c.isalnum() for c in _strip_markup(piece)):
            sentences.append(pending + piece)
            pending = ""
        elif sentences:
            sentences[-1] += piece
        else:
            pending += piece
    if pending:
        sentences.append(pending)
    return [s.strip() for s in sentences if s.strip()]


def _strip_markup(text: str) -> str:
    return re.sub(f"{_SPECIAL}|{_TAG}", "", text)
