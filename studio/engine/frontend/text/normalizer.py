"""Text normalisation and sentence splitting (the `text_normalizer` argument of `load_model`).

Three modes:
- "wetext": language-aware (the default). The text is cut into sentence-like pieces, each piece gets a
  language (language.py), and each is read by the right tool: WeText for Chinese (and Cantonese) and
  English, our readers (num2words + readers.py) for ja, ko, de, es, fr, it, ru. Protected spans are
  found first and are never split or mangled: tags, pronunciation units and `<|...|>` stay
  byte-identical with the spaces around them; URLs, e-mail addresses, versions, times, dates,
  decimals, currency, percentages, phone numbers, abbreviations and letter-digit codes are read out
  as a whole. A span a third-party normalizer fails on is kept as written and reported in `warnings`.
  Readings that depend on the words around a number (German ordinal endings, Russian case and gender,
  dates and years) are decided in grammar.py; Cantonese 兩/點/蚊, Chinese 零下 and Korean 영하 here.
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
from studio.engine.frontend.text import grammar as gr
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
_NUMDATE = r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d{4}(?![\d]|\.\d)"
_RU_YEAR_SUFFIX = "м|й|го|му|ом|ый|ой|ого"
# suffix of `5-й`, `3-го` ... -> (case, gender, plural) for num2words; "?" = an oblique feminine case
_RU_ORDINAL_SUFFIX = {
    **dict.fromkeys(("й", "ый", "ий"), ("n", "m", False)),
    "ой": ("?", "f", False),
    **dict.fromkeys(("я", "ая", "яя"), ("n", "f", False)),
    **dict.fromkeys(("е", "ое", "ее"), ("n", "n", False)),
    **dict.fromkeys(("го", "ого", "его"), ("g", "m", False)),
    **dict.fromkeys(("му", "ому", "ему"), ("d", "m", False)),
    **dict.fromkeys(("м", "ом", "ем"), ("p", "m", False)),
    **dict.fromkeys(("ым", "им"), ("i", "m", False)),
    **dict.fromkeys(("ю", "ую", "юю"), ("a", "f", False)),
    **dict.fromkeys(("х", "ых", "их"), ("g", "m", True)),
    **dict.fromkeys(("ми", "ыми", "ими"), ("i", "m", True)),
    **dict.fromkeys(("ые", "ие"), ("n", "m", True)),
}
_TIME = r"(?<![\d:.])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])"
_PHONE = (
    r"(?<![\d])\(\d{2,5}\)\s?\d{1,4}-\d{3,4}(?![\d-])|"
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

        def ordinal_dot(m: re.Match) -> str:
            # German writes ordinals as `3.`; its dot is no sentence end (read in _read_piece)
            before, after = _context(m)
            if not gr.de_ordinal_dot(before, after):
                return m.group()
            return f"\x00ordinal\x01{m.group(1)}\x02"

        marked = _ORDINAL_DOT.sub(ordinal_dot, marked)

        def day_month(m: re.Match) -> str:
            # `am 3.5.`: a German day and month; the last dot ends the sentence only before a capital
            before, after = _context(m)
            if not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31 and gr.de_date_context(before)):
                return m.group()
            sentence_end = not after.strip() or not gr.first_word(after)[:1].islower()
            return f"\x00daymonth\x01{m.group(1)}.{m.group(2)}\x02" + ("." if sentence_end else "")

        marked = _DAY_MONTH_DOT.sub(day_month, marked)
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

        previous_ending: list[str] = []

        def marker(m: re.Match) -> str:
            kind, value = m.group(1), m.group(2)
            # addresses found before routing, read in the piece's language
            if kind not in ("ordinal", "daymonth"):
                return protect(guarded(value, rd.read_address, value, lang))
            if lang != "de":  # as written: the number is read with the others
                return value + ("" if m.string[m.end() : m.end() + 1] == "." else ".")
            before, after = _context(m)
            ending = gr.de_ordinal_ending(before, after, previous_ending[-1] if previous_ending else None)
            previous_ending.append(ending)
            if kind == "daymonth":
                day, month = (int(x) for x in value.split("."))
                return protect(
                    guarded(value + ".", lambda: f"{gr.de_ordinal(day, ending)} {rd.MONTHS['de'][month - 1]}")
                )
            return protect(guarded(value + ".", gr.de_ordinal, int(value), ending))

        piece = _MARKER.sub(marker, piece)
        if lang in ("zh", "yue"):
            piece = _cjk_prepass(piece, lang, protect, guarded)
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
            said = protect(guarded(whole, reader, m, lang))
            if whole.endswith("г.") and last and not m.string[m.end() :].strip():
                said += "."  # "в 2024 г." at the end: the abbreviation's dot also ends the sentence
            return said

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


_MARKER = re.compile(r"\x00(\w+)\x01([^\x02]*)\x02")
# `3.` before a word: maybe a German ordinal (grammar.de_ordinal_dot decides)
_ORDINAL_DOT = re.compile(r"(?<![\w.,:\x01])(\d{1,4})\.(?=[ \u00a0]+[^\W\d_])")
# `3.5.`: maybe a German day and month (grammar.de_date_context decides)
_DAY_MONTH_DOT = re.compile(r"(?<![\w.,:\x01])(\d{1,2})\.(\d{1,2})\.(?=[ \u00a0]|$)")


def _unmark(text: str) -> str:
    """Text with the pre-routing markers replaced by what they stand for (for reading context)."""
    return _MARKER.sub(lambda m: m.group(2) + ("." if m.group(1) in ("ordinal", "daymonth") else ""), text)


def _context(m: re.Match, width: int = 160) -> tuple[str, str]:
    """(the text before a match, the text after it), at most `width` characters each, unmarked."""
    return (
        _unmark(m.string[max(0, m.start() - width) : m.start()]),
        _unmark(m.string[m.end() : m.end() + width]),
    )


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
    ]
    if lang in ("de", "ru"):
        parts.append(f"(?P<numdate>{_NUMDATE})")
    if lang == "ru":
        months = "|".join(gr.RU_MONTHS)
        parts += [
            f"(?P<rudate>(?<![\\d.,])\\d{{1,2}}(?:-?(?:го|е|ого))?[ \\u00a0]+(?:{months})"
            f"(?:[ \\u00a0]+\\d{{3,4}}(?:[ \\u00a0]*(?:года|г\\.))?)?(?![\\w]))",
            # a year: three or four digits, or an ordinal suffix (`2 года` is a count: два года)
            f"(?P<ruyear>(?<![\\d.,])(?:\\d{{3,4}}(?:-?(?:{_RU_YEAR_SUFFIX}))?|\\d{{1,2}}-?(?:{_RU_YEAR_SUFFIX}))"
            "[ \\u00a0]+(?:год|года|году|годом|годе|г\\.)"
            "(?![\\w]))",
            f"(?P<ruordinal>(?<![\\w.,])\\d+-(?:{'|'.join(sorted(_RU_ORDINAL_SUFFIX, key=len, reverse=True))})"
            "(?![\\w]))",
        ]
    parts.append(f"(?P<version>{_VERSION})")
    if lang in ("zh", "yue"):
        # WeText reads dates, times, decimals, money and percentages in context
        parts += [f"(?P<code>{_CODE})"]
    elif lang == "en":
        parts += [
            # below zero is "minus" in a temperature (WeText says "negative")
            "(?P<entemp>(?<![\\w.,])[-−]\\d+(?:\\.\\d+)?\\s?(?:°C|℃|°F|℉)(?![\\w]))",
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
            parts.insert(
                parts.index(next(x for x in parts if x.startswith("(?P<unit>"))),
                r"(?P<kotemp>(?<![\d.,])[-−]\d+(?:\.\d+)?\s?(?:°C|℃|도))",
            )
            counters = "|".join(sorted(("개월", "번째", *nm.KO_NATIVE_COUNTERS), key=len, reverse=True))
            parts.append(f"(?P<kocounter>(?<![\\d.,])\\d+\\s?(?:{counters}))")
            parts.append(r"(?P<komonth>(?<![\d.,])\d{1,2}\s?월)")
        parts.append(f"(?P<code>{_CODE})")
    return re.compile("|".join(parts))


def _ru_genitive(m: re.Match, amount: str, forms: tuple[str, ...], feminine: bool = False) -> str | None:
    """A Russian amount with its noun after a preposition that takes the genitive (`до 5 км` -> до пяти
    километров, `около 1 %` -> около одного процента); None where that is not the case (whole numbers
    only; the other oblique cases would need noun forms the tables do not have)."""
    negative, whole, frac = rd.parse_number(amount, "ru")
    if negative or frac or gr.ru_case(_context(m)[0], "", int(whole)) != "g":
        return None
    value = int(whole)
    noun = forms[1] if value % 10 == 1 and value % 100 != 11 else forms[2]
    return f"{gr.ru_cardinal(value, 'g', 'f' if feminine else 'm')} {noun}"


def _read_currency(m: re.Match, lang: str) -> str:
    text = m.group()
    symbol = next(c for c in text if c in _CURRENCY)
    amount = text.replace(symbol, "").strip()
    if lang == "ru" and symbol in rd.CURRENCY and "ru" in rd.CURRENCY[symbol]:
        said = _ru_genitive(m, amount, rd.CURRENCY[symbol]["ru"], ("ru", symbol) in rd.FEMININE_CURRENCY)
        if said:
            return said
    return rd.read_currency(symbol, amount, lang)


def _read_percent(m: re.Match, lang: str) -> str:
    amount = m.group().rstrip("%").strip()
    if lang == "ru":
        said = _ru_genitive(m, amount, rd.PERCENT["ru"])
        if said:
            return said
    return rd.read_percent(amount, lang)


def _read_unit(m: re.Match, lang: str) -> str:
    text = m.group()
    unit = max((u for u in [*rd.UNITS, *rd.UNIT_ALIASES] if text.endswith(u)), key=len)
    amount, key = text[: -len(unit)].strip(), rd.UNIT_ALIASES.get(unit, unit)
    if lang == "ru" and "ru" in rd.UNITS.get(key, {}):
        said = _ru_genitive(m, amount, rd.UNITS[key]["ru"])
        if said:
            return said
    return rd.read_unit(amount, key, lang)


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
    return _date_in_context(m, y, mo, d, lang)


def _read_numdate(m: re.Match, lang: str) -> str:
    d, mo, y = (int(x) for x in m.group().split("."))
    return _date_in_context(m, y, mo, d, lang)


def _date_in_context(m: re.Match, y: int, mo: int, d: int, lang: str) -> str:
    before, after = _context(m)
    if lang == "de":
        return rd.read_date(y, mo, d, lang, ending=gr.de_ordinal_ending(before, after))
    if lang == "ru":
        return rd.read_date(y, mo, d, lang, case=gr.ru_date_case(before))
    return rd.read_date(y, mo, d, lang)


def _read_rudate(m: re.Match, lang: str) -> str:
    day, month, year = re.fullmatch(
        r"(\d+)(?:-?\w+)?\s+(\w+)(?:\s+(\d+)(?:\s*(?:года|г\.))?)?", m.group().replace("\u00a0", " ")
    ).groups()
    before, _after = _context(m)
    return rd.read_date(
        int(year) if year else None,
        gr.RU_MONTHS.index(month) + 1,
        int(day),
        "ru",
        case=gr.ru_date_case(before),
    )


def _read_ruyear(m: re.Match, lang: str) -> str:
    number, word = re.fullmatch(r"(\d+)(?:-?\w+)?\s+(\S+)", m.group().replace("\u00a0", " ")).groups()
    before, _after = _context(m)
    case = gr.ru_year_case(before, word)
    return f"{gr.ru_ordinal(int(number), case)} {gr.RU_YEAR_FORMS[case] if word == 'г.' else word}"


def _read_ruordinal(m: re.Match, lang: str) -> str:
    number, suffix = m.group().split("-", 1)
    case, gender, plural = _RU_ORDINAL_SUFFIX[suffix]
    before, after = _context(m)
    noun = gr.first_word(after)
    if suffix == "е" and gr._ends(noun, "ы", "и"):  # "1990-е годы": plural
        gender, plural = "m", True
    if suffix == "й" and gr._ends(noun, "е", "и", "ой", "ей"):  # "на 3-й улице": feminine, oblique
        case, gender = "?", "f"
    if suffix == "м" and gr.ru_case(before, "ом") == "i":  # "с 5-м": instrumental
        case = "i"
    if case == "?":  # the oblique feminine -ой is the same word in every oblique case
        case = "g"
    return gr.ru_ordinal(int(number), case, gender, plural)


def _read_ordinal(m: re.Match, lang: str) -> str:
    text = m.group()
    value = int(re.match(r"\d+", text).group())
    feminine = text.endswith(("re", "ª"))
    return nm.ordinal(value, lang, feminine=feminine)


def _read_kocounter(m: re.Match, lang: str) -> str:
    mm = re.fullmatch(r"(\d+)\s?(\D+)", m.group())
    return rd.korean_with_counter(mm.group(1), mm.group(2), after=_context(m)[1])


def _read_entemp(m: re.Match, lang: str) -> str:
    amount, unit = re.fullmatch(r"[-−](\d+(?:\.\d+)?)\s?(\S+)", m.group()).groups()
    scale = "Fahrenheit" if "F" in unit or unit == "℉" else "Celsius"
    degrees = "degree" if amount == "1" else "degrees"
    return f"minus {rd.read_number(amount, 'en')} {degrees} {scale}"


def _read_kotemp(m: re.Match, lang: str) -> str:
    amount = re.match(r"[-−](\d+(?:\.\d+)?)", m.group()).group(1)
    return f"영하 {rd.read_number(amount, 'ko')} 도"  # below zero: 영하, as 零下 in Chinese


def _read_komonth(m: re.Match, lang: str) -> str:
    return rd.korean_month(int(re.match(r"\d+", m.group()).group()))


def _read_grouped(m: re.Match, lang: str) -> str:
    return rd.read_number(m.group(), lang)


def _read_plain(m: re.Match, lang: str) -> str:
    text = m.group()
    negative, whole, frac = rd.parse_number(text, lang)
    if lang == "ru" and not frac and not negative:
        before, after = _context(m)
        return gr.ru_number_in_context(int(whole), before, after)
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
    "numdate": _read_numdate,
    "rudate": _read_rudate,
    "ruyear": _read_ruyear,
    "ruordinal": _read_ruordinal,
    "kotemp": _read_kotemp,
    "entemp": _read_entemp,
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

# A temperature below zero in Chinese is 零下 (below zero), not 负 (negative): -3°C -> 零下三摄氏度.
_CJK_NEG_TEMP = re.compile(
    r"(?<![\dA-Za-z.])[-−](\d+(?:\.\d+)?)\s?(°C|℃|°F|℉|摄氏度|攝氏度|华氏度|華氏度|度|°)(?![A-Za-z])"
)
_CJK_TEMP_UNIT = {
    "zh": {"°C": "摄氏度", "℃": "摄氏度", "°F": "华氏度", "℉": "华氏度", "°": "度"},
    "yue": {
        "°C": "度",
        "℃": "度",
        "°F": "華氏度",
        "℉": "華氏度",
        "°": "度",
        "摄氏度": "攝氏度",
        "华氏度": "華氏度",
    },
}
_CJK_MONTH_DAY = re.compile(r"(?<![\d.])(\d{1,2})月(\d{1,2})(日|号|號)")
_YUE_TIME = re.compile(r"(?<![\d:.])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])")
_YUE_DOLLARS = re.compile(r"(?<![A-Za-z0-9])(?:HK)?\$\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?![\d])")
_YUE_LIANG = re.compile(
    # not in a date (5月2日), an ordinal (第2) or a school grade (2年級)
    "(?<![\\d.,第月])2(?![\\d.,])(?=\\s?(?:"
    + "|".join(sorted(map(re.escape, rd.YUE_LIANG_BEFORE), key=len, reverse=True))
    + ")(?![級级班]))"
)


def _cjk_prepass(piece: str, lang: str, protect, guarded) -> str:
    """Readings WeText does not give: 零下 for temperatures below zero (zh, yue); for Cantonese also
    兩 for 2 before a measure word, times (十點半) and Hong Kong dollars (五蚊)."""

    def neg_temp(m: re.Match) -> str:
        amount, unit = m.group(1), m.group(2)
        whole, _, frac = amount.partition(".")
        number = nm.decimal(whole, frac, lang) if frac else nm.cardinal(int(whole), lang)
        return protect("零下" + number + _CJK_TEMP_UNIT[lang].get(unit, unit))

    piece = _CJK_NEG_TEMP.sub(neg_temp, piece)

    def month_day(m: re.Match) -> str:
        month, day = int(m.group(1)), int(m.group(2))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group()
        return protect(f"{nm.cardinal(month, lang)}月{nm.cardinal(day, lang)}{m.group(3)}")

    piece = _CJK_MONTH_DAY.sub(month_day, piece)  # WeText says 五月两日 for 5月2日
    if lang != "yue":
        return piece
    piece = _YUE_TIME.sub(
        lambda m: protect(guarded(m.group(), rd.read_yue_time, int(m.group(1)), int(m.group(2)))), piece
    )

    def dollars(m: re.Match) -> str:
        cents = int((m.group(2) or "0").ljust(2, "0"))
        return protect(guarded(m.group(), rd.read_yue_dollars, int(m.group(1).replace(",", "")), cents))

    piece = _YUE_DOLLARS.sub(dollars, piece)
    return _YUE_LIANG.sub(lambda m: protect("兩"), piece)


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
