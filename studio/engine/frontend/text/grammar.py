"""Readings that depend on the grammar around a number: German ordinal endings, Russian case and gender.

Each function looks only at the words written next to the number (the article or preposition before
it, the noun after it) and decides the form when those words make it decidable; where they do not,
the documented default is used. The words themselves come from num2words (`to="ordinal"`, and for
Russian its `case`, `gender`, `animate` options); this module only decides which form to ask for.

Sources of the rules:
- German: adjective declension after the definite article (weak: -e in the nominative singular and the
  accusative feminine/neuter, -en elsewhere), after ein-words (mixed) and without an article (strong),
  as in the Duden grammar; `am` = an dem, `im` = in dem, `vom`, `zum`, `beim` (dative), `zur` = zu der,
  `ins`/`ans`/`aufs` (accusative neuter).
- Russian: the case each preposition governs (Русская грамматика, 1980); after 1 (21, 31 ... but not 11)
  the noun stands in the singular of the same case, after 2-4 in the genitive singular, so its ending
  shows the gender (nominative -а/-я feminine, -о/-е neuter, a consonant or -й masculine; genitive after
  2-4 -ы/-и feminine, -а/-я masculine or neuter). Dates are neuter ordinals (число), in the genitive
  when they say when something happens (`12 апреля` -> двенадцатого апреля), in the nominative after
  `сегодня`/`завтра`/`вчера` or a colon or dash; years are masculine ordinals agreeing with `год`.
"""

from __future__ import annotations

import re

from studio.engine.frontend.text import numbers as nm
from studio.engine.frontend.text.readers import MONTHS

_WORD = re.compile(r"[^\W\d_]+", re.U)


def last_word(text: str) -> tuple[str, str]:
    """(the last word before a position, what separates it from the position); ("", "") when none."""
    m = re.search(r"([^\W\d_]+)([^\w]*)$", text)
    return (m.group(1), m.group(2)) if m else ("", "")


def words_before(text: str, n: int) -> list[str]:
    return _WORD.findall(text[-200:])[-n:]


def first_word(text: str) -> str:
    m = re.match(r"[\s\u00a0]*([^\W\d_]+)", text)
    return m.group(1) if m else ""


# -- German ordinals ------------------------------------------------------------------------------

# the month names the readers spell out, plus the Austrian Jänner
DE_MONTHS = (*MONTHS["de"], "Jänner")
# Article (or preposition fused with an article) -> ending of the weak/mixed adjective after it.
_DE_EN = {"am", "im", "vom", "zum", "beim", "zur", "hinterm", "überm", "unterm", "vorm", "dem", "den", "des"}
_DE_E = {"die", "das", "ins", "ans", "aufs", "ums", "fürs", "durchs", "übers", "unters", "vors"}
_DE_DER_WORDS = ("dies", "jed", "jen", "welch")  # declined like der/die/das
_DE_DER_FORMS = {"e": "die", "es": "das", "em": "dem", "en": "den", "er": "der"}
_DE_EIN_WORDS = ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur")
_DE_PREPOSITIONS = {
    "in", "an", "auf", "aus", "bei", "mit", "nach", "von", "zu", "seit", "unter", "über", "vor", "hinter",
    "neben", "zwischen", "gegenüber", "während", "wegen", "trotz", "statt", "innerhalb", "außerhalb",
    "ab", "bis", "samt", "nebst", "entgegen", "gemäß", "laut",
}  # fmt: skip
# After these, with no article, the ordinal takes the ending the reader gives the date: "bis fünften Mai"
_DE_BARE_EN = {"bis", "ab", "seit"}
_DE_LINKS = {"bis", "und", "oder", "sowie"}  # "vom 3. bis 5. Mai": the second takes the first's ending
# Neuter noun endings (Duden): -chen, -lein, -ment, -um, -tum. After an uninflected ein-word (`sein 2.`)
# the ending shows the noun's gender, which is not written: other nouns get the masculine -er, a default
# that is wrong for neuter nouns without these endings (`sein 2. Buch`, listed in the corpus as left out).
_DE_NEUTER = re.compile(r"(?:chen|lein|ment|tum|um)$")


def _de_article_ending(word: str, before: str) -> str | None:
    """The ending an article-like word gives the ordinal after it; None when `word` is no article."""
    w = word.lower()
    for stem in _DE_DER_WORDS:  # dieser, jedem, welches ... decline like der, dem, das
        rest = w[len(stem) :] if w.startswith(stem) else None
        if rest in _DE_DER_FORMS:
            w = _DE_DER_FORMS[rest]
            break
    if w in _DE_EN:
        return "en"
    if w in _DE_E:
        return "e"
    if w == "der":
        # der is nominative masculine (-e) or dative/genitive feminine (-en): dative after a preposition,
        # genitive after a noun ("der Sieger der 3. Runde"), nominative otherwise ("Heute ist der 3. Mai")
        prev, gap = last_word(before)
        if prev and not gap.strip():
            noun_before = prev[:1].isupper() and len(words_before(before, 2)) == 2  # not the first word
            if prev.lower() in _DE_PREPOSITIONS or noun_before:
                return "en"
        return "e"
    for stem in _DE_EIN_WORDS:
        if w.startswith(stem):
            rest = w[len(stem) :]
            if rest == "e":
                return "e"
            if rest in ("en", "em", "es", "er"):
                return "en"
            if rest == "":
                return "er?"  # masculine -er or neuter -es: decided by the noun
    return None


def de_ordinal_dot(before: str, after: str) -> bool:
    """Whether `N.` between `before` and `after` is an ordinal (German writes `3.` for `dritte`):
    after an article or a fused preposition, before a month name, or before a lower-case word."""
    word, gap = last_word(before)
    if word and not gap.strip() and _de_article_ending(word, before[: len(before) - len(word) - len(gap)]):
        return True
    nxt = first_word(after)
    if not nxt:
        return False
    return nxt in DE_MONTHS or nxt[0].islower()


def de_date_context(before: str) -> bool:
    """Whether `D.M.` after `before` is a date: after an article or `am`, `vom`, `bis`, `ab`, `seit`."""
    word, gap = last_word(before)
    if not word or gap.strip():
        return False
    w = word.lower()
    return w in _DE_BARE_EN or w in _DE_LINKS or _de_article_ending(word, "") not in (None, "er?")


def de_ordinal_ending(before: str, after: str, previous: str | None = None) -> str:
    """The ending (e, en, er, es) of a German ordinal between `before` and `after`.

    `previous` is the ending of an ordinal earlier in the same sentence, taken over after `bis`/`und`.
    """
    word, gap = last_word(before)
    if word and not gap.strip():
        ending = _de_article_ending(word, before[: len(before) - len(word) - len(gap)])
        if ending == "er?":
            return "es" if _DE_NEUTER.search(first_word(after)) else "er"
        if ending:
            return ending
        if word.lower() in _DE_LINKS and previous:
            return previous
        if word.lower() in _DE_BARE_EN:
            return "en"
    return "er"  # no article: strong nominative ("dritter Mai" in a date line)


def de_ordinal(value: int, ending: str) -> str:
    """`3`, "en" -> `dritten` (num2words' ordinal stem `dritte` + the ending)."""
    stem = nm.ordinal(value, "de")  # dritte, erste, hundertste
    if not stem.endswith("e"):
        raise nm.NumberReadingError(f"unexpected German ordinal {stem!r}")
    return stem + ending[1:] if ending != "e" else stem


# -- Russian case and gender ----------------------------------------------------------------------

RU_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
_RU_CASE = {
    **dict.fromkeys(
        (
            "до", "от", "из", "изо", "без", "для", "у", "около", "после", "кроме", "вокруг", "против",
            "среди", "возле", "более", "менее", "свыше", "больше", "меньше", "порядка", "вместо", "мимо",
            "накануне", "из-за", "ради",
        ),
        "g",
    ),
    **dict.fromkeys(("к", "ко", "благодаря", "согласно", "навстречу", "вопреки"), "d"),
    **dict.fromkeys(("над", "надо", "под", "подо", "перед", "передо", "между"), "i"),
    **dict.fromkeys(("о", "об", "обо", "при"), "p"),
    **dict.fromkeys(("через", "про", "сквозь"), "a"),
}  # fmt: skip
_RU_NOMINATIVE_DATE = {
    "сегодня",
    "завтра",
    "вчера",
    "послезавтра",
    "позавчера",
    "был",
    "была",
    "было",
    "будет",
}


def _ends(word: str, *endings: str) -> bool:
    return word.lower().endswith(endings)


def ru_case(before: str, noun: str, value: int | None = None) -> str:
    """The case (num2words' n, g, d, a, i, p) of a number after the words `before`, before `noun`."""
    prep, gap = last_word(before)
    prep = prep.lower()
    if not prep or gap.strip():
        return "n"
    one = value is not None and value % 10 == 1 and value % 100 != 11
    if prep in _RU_CASE:
        return _RU_CASE[prep]
    if prep in ("с", "со"):  # "with" (instrumental) or "from" (genitive)
        return "i" if _ends(noun, "ами", "ями", "ом", "ем", "ём", "ой", "ей", "ью") else "g"
    if prep in ("в", "во", "на"):  # place (prepositional) or direction/time (accusative)
        if _ends(noun, "ах", "ях") or (one and _ends(noun, "е", "и") and not _ends(noun, "ие", "ые")):
            return "p"
        return "a"
    if prep == "за":
        return "i" if _ends(noun, "ами", "ями", "ом", "ем", "ой", "ей") else "a"
    if prep == "по":
        return "d" if one else "a"
    return "n"


def ru_gender(value: int, case: str, words_after: list[str]) -> str:
    """m, f or n for the number from the form of the noun after it (module docstring); m when unknown."""
    if not words_after:
        return "m"
    noun = words_after[0].lower()
    last = value % 10
    if value % 100 in (11, 12, 13, 14) or last not in (1, 2):
        return "m"  # the form does not change with gender
    if last == 2:
        if case not in ("n", "a"):
            return "m"  # двух, двум, двумя for every gender
        if _ends(noun, "ые", "ие"):  # "две большие книги"
            return "f"
        if _ends(noun, "ых", "их"):
            return "m"
        return "f" if _ends(noun, "ы", "и") else "m"
    # 1, 21, 31 ...: the noun is singular in the same case
    if case == "n":
        if _ends(noun, "ая", "яя"):
            return "f"
        if _ends(noun, "ое", "ее"):
            return "n"
        if _ends(noun, "мя"):
            return "n"
        if _ends(noun, "а", "я"):
            return "f"
        if _ends(noun, "о", "е", "ё"):
            return "n"
        return "m"
    if case == "a":
        return "f" if _ends(noun, "у", "ю") else "n" if _ends(noun, "о", "е") else "m"
    if case == "g":
        return "f" if _ends(noun, "ой", "ей", "ы", "и") else "m"
    if case == "d":
        return "f" if _ends(noun, "ой", "ей", "е", "и") and not _ends(noun, "ому", "ему") else "m"
    if case == "i":
        return "f" if _ends(noun, "ой", "ей", "ью") else "m"
    if case == "p":
        return "f" if _ends(noun, "ой", "ей", "и") else "m"
    return "m"


def ru_cardinal(value: int, case: str = "n", gender: str = "m") -> str:
    """A Russian cardinal in a case and gender (inanimate accusative), `тысяча` without `одна`."""
    words = nm._n2w(value, "ru", case=case, gender=gender, animate=False)
    return re.sub(r"^одн(?:а|ой|у|ою) (тысяч)", r"\1", words)


def ru_ordinal(value: int, case: str = "n", gender: str = "m", plural: bool = False) -> str:
    """A Russian ordinal (`1999`, "p" -> `тысяча девятьсот девяносто девятом`)."""
    words = nm._n2w(value, "ru", to="ordinal", case=case, gender=gender, plural=plural, animate=False)
    return re.sub(r"^одна (тысяч)", r"\1", words)


def ru_number_in_context(value: int, before: str, after: str) -> str:
    """A plain Russian number read in the case its preposition gives and the gender of its noun."""
    following = _WORD.findall(after[:80])[:1]
    noun = following[0] if following else ""
    case = ru_case(before, noun, value)
    if case == "n" and value % 10 == 1 and value % 100 != 11 and _ends(noun, "у", "ю"):
        case = "a"  # a feminine object: "ждали 1 минуту" -> одну минуту
    gender = ru_gender(value, case, following)
    if case == "n" and gender == "m":
        return nm.cardinal(value, "ru")
    return ru_cardinal(value, case, gender)


def ru_date_case(before: str) -> str:
    word, gap = last_word(before)
    w = word.lower()
    if re.search(r"[:—–-]\s*$", before) or (w in _RU_NOMINATIVE_DATE and not gap.strip()):
        return "n"
    if w in ("по", "на", "через", "про") and not gap.strip():
        return "a"
    if w in ("к", "ко") and not gap.strip():
        return "d"
    return "g"  # the date of an event (and after до, с, от, после ...)


_RU_YEAR_CASE = {"год": "n", "года": "g", "году": "p", "годом": "i", "годе": "p"}


def ru_year_case(before: str, year_word: str) -> str:
    """The case of `N год/года/году ...` (`в 1999 году`: prepositional, `к 2030 году`: dative)."""
    word, gap = last_word(before)
    w = word.lower() if not gap.strip() else ""
    if year_word in ("г", "г."):
        if w in _RU_CASE:
            return _RU_CASE[w]
        if w in ("в", "во", "о", "об", "при"):
            return "p"
        if w in ("с", "со"):
            return "g"
        return "n"
    case = _RU_YEAR_CASE[year_word]
    if case == "p" and w in ("к", "ко", "по"):
        return "d"
    return case


RU_YEAR_FORMS = {"n": "год", "g": "года", "d": "году", "a": "год", "i": "годом", "p": "году"}
