"""How a person reads numbers, codes and addresses aloud, per language.

Each `read_*` function takes the written span and an ISO 639 language code and returns what is said,
or raises `NumberReadingError`; the normalizer catches it, keeps the span as written and warns.
The word tables (currencies, units, separators) are ordinary dictionary words of each language.
"""

from __future__ import annotations

import re

from studio.engine.frontend.text import numbers as nm
from studio.engine.frontend.text.numbers import NumberReadingError

# -- words per language ---------------------------------------------------------------------------

DOT = {
    "zh": "点",
    "yue": "点",
    "ja": "ドット",
    "ko": "닷",
    "en": "dot",
    "de": "Punkt",
    "es": "punto",
    "fr": "point",
    "it": "punto",
    "ru": "точка",
}
VERSION_POINT = dict(DOT, ja="点", ko="점", en="point")
VERSION_WORD = {
    "en": "version",
    "de": "Version",
    "es": "versión",
    "fr": "version",
    "it": "versione",
    "ru": "версия",
    "ja": "バージョン",
    "ko": "버전",
}
AT = {
    "zh": "艾特",
    "yue": "艾特",
    "ja": "アットマーク",
    "ko": "골뱅이",
    "en": "at",
    "de": "at",
    "es": "arroba",
    "fr": "arobase",
    "it": "chiocciola",
    "ru": "собака",
}
SLASH = {
    "zh": "斜杠",
    "yue": "斜杠",
    "ja": "スラッシュ",
    "ko": "슬래시",
    "en": "slash",
    "de": "Schrägstrich",
    "es": "barra",
    "fr": "slash",
    "it": "slash",
    "ru": "слэш",
}
DASH = {
    "zh": "杠",
    "yue": "杠",
    "ja": "ハイフン",
    "ko": "하이픈",
    "en": "dash",
    "de": "Bindestrich",
    "es": "guion",
    "fr": "tiret",
    "it": "trattino",
    "ru": "дефис",
}
UNDERSCORE = {
    "zh": "下划线",
    "yue": "下划线",
    "ja": "アンダースコア",
    "ko": "언더스코어",
    "en": "underscore",
    "de": "Unterstrich",
    "es": "guion bajo",
    "fr": "tiret bas",
    "it": "trattino basso",
    "ru": "нижнее подчёркивание",
}
PERCENT = {
    "ja": "パーセント",
    "ko": "퍼센트",
    "en": "percent",
    "de": "Prozent",
    "es": "por ciento",
    "fr": "pour cent",
    "it": "per cento",
    "ru": ("процент", "процента", "процентов"),
}
# currency symbol -> language -> (singular, plural) [ru: (one, few, many)]; then the sub-unit
CURRENCY = {
    "€": {
        "en": ("euro", "euros"),
        "de": ("Euro", "Euro"),
        "es": ("euro", "euros"),
        "fr": ("euro", "euros"),
        "it": ("euro", "euro"),
        "ru": ("евро", "евро", "евро"),
        "ja": ("ユーロ", "ユーロ"),
        "ko": ("유로", "유로"),
    },
    "$": {
        "en": ("dollar", "dollars"),
        "de": ("Dollar", "Dollar"),
        "es": ("dólar", "dólares"),
        "fr": ("dollar", "dollars"),
        "it": ("dollaro", "dollari"),
        "ru": ("доллар", "доллара", "долларов"),
        "ja": ("ドル", "ドル"),
        "ko": ("달러", "달러"),
    },
    "£": {
        "en": ("pound", "pounds"),
        "de": ("Pfund", "Pfund"),
        "es": ("libra", "libras"),
        "fr": ("livre", "livres"),
        "it": ("sterlina", "sterline"),
        "ru": ("фунт", "фунта", "фунтов"),
        "ja": ("ポンド", "ポンド"),
        "ko": ("파운드", "파운드"),
    },
    "¥": {
        "en": ("yen", "yen"),
        "de": ("Yen", "Yen"),
        "es": ("yen", "yenes"),
        "fr": ("yen", "yens"),
        "it": ("yen", "yen"),
        "ru": ("иена", "иены", "иен"),
        "ja": ("円", "円"),
        "ko": ("엔", "엔"),
    },
    "₩": {"ko": ("원", "원"), "en": ("won", "won"), "ja": ("ウォン", "ウォン")},
    "₽": {"ru": ("рубль", "рубля", "рублей"), "en": ("ruble", "rubles"), "de": ("Rubel", "Rubel")},
}
SUBUNIT = {
    "en": {"£": ("penny", "pence"), "": ("cent", "cents")},
    "de": {"": ("Cent", "Cent")},
    "es": {"": ("céntimo", "céntimos")},
    "fr": {"": ("centime", "centimes")},
    "it": {"": ("centesimo", "centesimi")},
    "ru": {"£": ("пенс", "пенса", "пенсов"), "": ("цент", "цента", "центов")},
    "ja": {"": ("セント", "セント")},
    "ko": {"": ("센트", "센트")},
}
FEMININE_CURRENCY = {("es", "£"), ("it", "£"), ("fr", "£"), ("ru", "¥")}
# unit -> language -> (singular, plural) [ru: (one, few, many)]
UNITS = {
    "km/h": {
        "de": ("Kilometer pro Stunde",) * 2,
        "es": ("kilómetro por hora", "kilómetros por hora"),
        "fr": ("kilomètre par heure", "kilomètres par heure"),
        "it": ("chilometro orario", "chilometri orari"),
        "ru": ("километр в час", "километра в час", "километров в час"),
        "ja": ("キロメートル毎時",) * 2,
        "ko": ("킬로미터",) * 2,
    },
    "km": {
        "de": ("Kilometer",) * 2,
        "es": ("kilómetro", "kilómetros"),
        "fr": ("kilomètre", "kilomètres"),
        "it": ("chilometro", "chilometri"),
        "ru": ("километр", "километра", "километров"),
        "ja": ("キロメートル",) * 2,
        "ko": ("킬로미터",) * 2,
    },
    "cm": {
        "de": ("Zentimeter",) * 2,
        "es": ("centímetro", "centímetros"),
        "fr": ("centimètre", "centimètres"),
        "it": ("centimetro", "centimetri"),
        "ru": ("сантиметр", "сантиметра", "сантиметров"),
        "ja": ("センチメートル",) * 2,
        "ko": ("센티미터",) * 2,
    },
    "mm": {
        "de": ("Millimeter",) * 2,
        "es": ("milímetro", "milímetros"),
        "fr": ("millimètre", "millimètres"),
        "it": ("millimetro", "millimetri"),
        "ru": ("миллиметр", "миллиметра", "миллиметров"),
        "ja": ("ミリメートル",) * 2,
        "ko": ("밀리미터",) * 2,
    },
    "kg": {
        "de": ("Kilogramm",) * 2,
        "es": ("kilogramo", "kilogramos"),
        "fr": ("kilogramme", "kilogrammes"),
        "it": ("chilogrammo", "chilogrammi"),
        "ru": ("килограмм", "килограмма", "килограммов"),
        "ja": ("キログラム",) * 2,
        "ko": ("킬로그램",) * 2,
    },
    "m": {
        "de": ("Meter",) * 2,
        "es": ("metro", "metros"),
        "fr": ("mètre", "mètres"),
        "it": ("metro", "metri"),
        "ru": ("метр", "метра", "метров"),
        "ja": ("メートル",) * 2,
        "ko": ("미터",) * 2,
    },
    "g": {
        "de": ("Gramm",) * 2,
        "es": ("gramo", "gramos"),
        "fr": ("gramme", "grammes"),
        "it": ("grammo", "grammi"),
        "ru": ("грамм", "грамма", "граммов"),
        "ja": ("グラム",) * 2,
        "ko": ("그램",) * 2,
    },
    "°C": {
        "de": ("Grad Celsius",) * 2,
        "es": ("grado centígrado", "grados centígrados"),
        "fr": ("degré Celsius", "degrés Celsius"),
        "it": ("grado Celsius", "gradi Celsius"),
        "ru": ("градус Цельсия", "градуса Цельсия", "градусов Цельсия"),
        "ja": ("度",) * 2,
        "ko": ("도",) * 2,
    },
}
# Units as written in Cyrillic (and ℃) -> the key in UNITS
UNIT_ALIASES = {"℃": "°C", "км/ч": "km/h", "км": "km", "см": "cm", "мм": "mm", "кг": "kg", "м": "m", "г": "g"}
MONTHS = {
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
}
# Abbreviations a reader expands; the dot of an abbreviation is never a sentence end.
ABBREVIATIONS = {
    "en": {
        "Dr.": "Doctor",
        "Mr.": "Mister",
        "Mrs.": "Missus",
        "Ms.": "Miz",
        "Prof.": "Professor",
        "Jr.": "Junior",
        "Sr.": "Senior",
        "e.g.": "for example",
        "i.e.": "that is",
        "etc.": "et cetera",
        "vs.": "versus",
        "approx.": "approximately",
        "No.": "number",
    },
    "de": {
        "Dr.": "Doktor",
        "Prof.": "Professor",
        "z.B.": "zum Beispiel",
        "z. B.": "zum Beispiel",
        "d.h.": "das heißt",
        "d. h.": "das heißt",
        "usw.": "und so weiter",
        "bzw.": "beziehungsweise",
        "ca.": "circa",
        "Nr.": "Nummer",
        "Str.": "Straße",
        "u.a.": "unter anderem",
        "evtl.": "eventuell",
    },
    "es": {
        "Sr.": "señor",
        "Sra.": "señora",
        "Srta.": "señorita",
        "Dr.": "doctor",
        "Dra.": "doctora",
        "etc.": "etcétera",
        "p. ej.": "por ejemplo",
        "Ud.": "usted",
        "Uds.": "ustedes",
        "núm.": "número",
        "aprox.": "aproximadamente",
    },
    "fr": {
        "M.": "Monsieur",
        "MM.": "Messieurs",
        "Mme": "Madame",
        "Mlle": "Mademoiselle",
        "Dr": "Docteur",
        "Dr.": "Docteur",
        "etc.": "et cetera",
        "p. ex.": "par exemple",
        "av.": "avenue",
        "env.": "environ",
    },
    "it": {
        "Sig.": "signor",
        "Sig.ra": "signora",
        "Dott.": "dottor",
        "Dr.": "dottor",
        "Prof.": "professor",
        "ecc.": "eccetera",
        "ad es.": "ad esempio",
        "p.es.": "per esempio",
    },
    "ru": {
        "т.е.": "то есть",
        "т. е.": "то есть",
        "т.д.": "так далее",
        "т. д.": "так далее",
        "т.п.": "тому подобное",
        "т. п.": "тому подобное",
        "др.": "другие",
        "см.": "смотри",
    },
}


def ru_plural(value: int, forms: tuple[str, ...]) -> str:
    """Russian noun after a number: 1 рубль, 2-4 рубля, 5-20 рублей (21 рубль ...)."""
    if len(forms) == 2:
        return forms[0] if value == 1 else forms[1]
    n = abs(value) % 100
    if 11 <= n <= 19:
        return forms[2]
    n %= 10
    return forms[0] if n == 1 else forms[1] if 2 <= n <= 4 else forms[2]


def noun(value: int, forms: tuple[str, ...], lang: str, fraction: bool = False) -> str:
    if lang == "ru":
        return forms[1] if fraction else ru_plural(value, forms)
    if fraction:
        return forms[1]
    if lang == "fr":
        return forms[0] if value in (0, 1) else forms[1]
    return forms[0] if value == 1 else forms[1]


def masculine(words: str, lang: str) -> str:
    """Cardinal before a masculine noun: es `veintiuno` -> `veintiún`, `uno` -> `un`; de `eins` -> `ein`."""
    if lang == "es" and words.endswith("veintiuno"):
        return words[:-3] + "ún"
    if lang == "es" and words.endswith("uno"):
        return words[:-1]
    if lang == "it" and words == "uno":
        return "un"
    if lang == "de" and words == "eins":
        return "ein"
    return words


def feminine(words: str, lang: str) -> str:
    """Cardinal before a feminine noun: es/it `uno` -> `una`, fr `un` -> `une`, ru `один` -> `одна`."""
    if lang in ("es", "it") and words.endswith("uno"):
        return words[:-1] + "a"
    if lang == "fr" and words.endswith("un"):
        return words + "e"
    if lang == "ru":
        return re.sub(r"один$", "одна", re.sub(r"два$", "две", words))
    if lang == "de" and words == "eins":
        return "eine"
    return words


# -- parsing numbers as written -------------------------------------------------------------------


def parse_number(text: str, lang: str) -> tuple[bool, str, str]:
    """`-1.234,5` (de) -> (True, "1234", "5"). Grouping and decimal marks follow the language."""
    negative = text[:1] in "-−"
    t = text.lstrip("-−+").replace("\u00a0", " ").replace("\u202f", " ")
    grouping = (
        r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?" if lang in nm.DECIMAL_COMMA else r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?"
    )
    if re.fullmatch(grouping, t):
        mark = "," if lang in nm.DECIMAL_COMMA else "."
        whole, _, frac = t.partition(mark)
        return negative, re.sub(r"[.,\s]", "", whole), frac
    m = re.fullmatch(r"(\d+)(?:[.,](\d+))?", t)
    if not m:
        raise NumberReadingError(f"{text!r} is not a number")
    return negative, m.group(1), m.group(2) or ""


def read_number(text: str, lang: str) -> str:
    negative, whole, frac = parse_number(text, lang)
    if not whole.isdigit() or (frac and not frac.isdigit()):
        raise NumberReadingError(f"{text!r} is not a number")
    if frac:
        return nm.decimal(whole, frac, lang, negative)
    value = int(whole) * (-1 if negative else 1)
    return nm.cardinal(value, lang)


def read_currency(symbol: str, amount: str, lang: str) -> str:
    names = CURRENCY.get(symbol, {}).get(lang)
    if names is None:
        raise NumberReadingError(f"no name for {symbol} in {lang}")
    negative, whole, frac = parse_number(amount, lang)
    value = int(whole)
    fem = (lang, symbol) in FEMININE_CURRENCY
    main = nm.cardinal(value, lang)
    main = feminine(main, lang) if fem else masculine(main, lang)
    if negative:
        main = f"{nm.MINUS.get(lang, 'minus')} {main}"
    cur = noun(value, names, lang)
    cjk = lang == "ja"
    said = f"{main}{cur}" if cjk else f"{main} {cur}"
    if frac and int(frac.ljust(2, "0")[:2]):
        cents = int(frac.ljust(2, "0")[:2])
        sub = SUBUNIT.get(lang, {})
        sub_names = sub.get(symbol, sub.get(""))
        words = nm.cardinal(cents, lang)
        if lang == "ja":
            return f"{said}{words}{sub_names[0]}"
        if lang == "en":
            return f"{said} and {words} {noun(cents, sub_names, lang)}"
        if lang == "es":
            return f"{said} con {masculine(words, lang)} {noun(cents, sub_names, lang)}"
        if lang == "it":
            return f"{said} e {words} {noun(cents, sub_names, lang)}"
        if lang == "ru":
            return f"{said} {words} {noun(cents, sub_names, lang)}"
        return f"{said} {words}"  # de: "zwölf Euro fünfzig"; fr: "douze euros cinquante"
    return said


def read_percent(amount: str, lang: str) -> str:
    _negative, whole, frac = parse_number(amount, lang)
    words = read_number(amount, lang)
    name = PERCENT[lang]
    if lang == "ru":
        name = noun(int(whole), name, lang, fraction=bool(frac))
    return f"{words}{name}" if lang == "ja" else f"{words} {name}"


def read_unit(amount: str, unit: str, lang: str) -> str:
    forms = UNITS.get(unit, {}).get(lang)
    if forms is None:
        raise NumberReadingError(f"no name for {unit} in {lang}")
    _negative, whole, frac = parse_number(amount, lang)
    words = read_number(amount, lang)
    if not frac and lang in ("es", "it", "de") and int(whole) % 10 == 1:
        words = masculine(words, lang)
    name = noun(int(whole), forms, lang, fraction=bool(frac))
    return f"{words}{name}" if lang == "ja" else f"{words} {name}"


def read_time(hours: int, minutes: int, lang: str) -> str:
    if not (0 <= hours <= 24 and 0 <= minutes <= 59):
        raise NumberReadingError(f"{hours}:{minutes:02d} is not a time")
    c = nm.cardinal
    if lang == "ja":
        return f"{c(hours, 'ja')}時" + (f"{c(minutes, 'ja')}分" if minutes else "")
    if lang == "ko":
        h = nm.korean_native(hours) if 1 <= hours <= 12 else c(hours, "ko")
        return f"{h} 시" + (f" {c(minutes, 'ko')} 분" if minutes else "")
    if lang in ("zh", "yue"):
        return f"{c(hours, 'zh')}点" + (f"{c(minutes, 'zh')}分" if minutes else "")
    if lang == "de":
        return f"{c(hours, 'de')} Uhr" + (f" {c(minutes, 'de')}" if minutes else "")
    if lang == "fr":
        h = "une heure" if hours == 1 else f"{c(hours, 'fr')} heures"
        return h + (f" {c(minutes, 'fr')}" if minutes else "")
    if lang == "es":
        h = "una" if hours == 1 else c(hours, "es")
        if minutes == 0:
            return h
        if minutes == 30:
            return f"{h} y media"
        if minutes == 15:
            return f"{h} y cuarto"
        return f"{h} y {c(minutes, 'es')}"
    if lang == "it":
        h = "l'una" if hours == 1 else c(hours, "it")
        return h + (f" e {c(minutes, 'it')}" if minutes else "")
    if lang == "ru":
        if minutes == 0:
            return f"{c(hours, 'ru')} {ru_plural(hours, ('час', 'часа', 'часов'))}"
        m = c(minutes, "ru") if minutes >= 10 else f"ноль {c(minutes, 'ru')}"
        return f"{c(hours, 'ru')} {m}"
    # en
    if minutes == 0:
        return f"{c(hours, 'en')} o'clock"
    m = c(minutes, "en") if minutes >= 10 else f"oh {c(minutes, 'en')}"
    return f"{c(hours, 'en')} {m}"


def read_date(year: int | None, month: int, day: int, lang: str, ending: str = "er", case: str = "g") -> str:
    """A date in words. `ending` is the German ordinal's ending (grammar.de_ordinal_ending: `am 3.5.`
    -> `am dritten Mai`), `case` the Russian one (grammar.ru_date_case); `year` None: day and month."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise NumberReadingError(f"{year}-{month:02d}-{day:02d} is not a date")
    if lang == "ru":
        from studio.engine.frontend.text import grammar as gr

        said = f"{gr.ru_ordinal(day, case, 'n')} {gr.RU_MONTHS[month - 1]}"
        # the year of a date is in the genitive: "... две тысячи двадцать четвёртого года"
        if year is not None:
            said += f" {gr.ru_ordinal(year, 'g')} года"
        return said
    if year is None:
        raise NumberReadingError(f"no date reading without a year for {lang}")
    if lang == "ja":
        return f"{nm.cardinal(year, 'ja')}年{nm.cardinal(month, 'ja')}月{nm.cardinal(day, 'ja')}日"
    if lang == "ko":
        return f"{nm.cardinal(year, 'ko')} 년 {korean_month(month)} {nm.cardinal(day, 'ko')} 일"
    if lang in ("zh", "yue"):
        return f"{nm.digits(str(year), 'zh')}年{nm.cardinal(month, 'zh')}月{nm.cardinal(day, 'zh')}日"
    if lang == "de":
        from studio.engine.frontend.text import grammar as gr

        return f"{gr.de_ordinal(day, ending)} {MONTHS['de'][month - 1]} {nm.year(year, 'de')}"
    if lang == "es":
        return f"{nm.cardinal(day, 'es')} de {MONTHS['es'][month - 1]} de {nm.cardinal(year, 'es')}"
    if lang == "fr":
        d = "premier" if day == 1 else nm.cardinal(day, "fr")
        return f"{d} {MONTHS['fr'][month - 1]} {nm.cardinal(year, 'fr')}"
    if lang == "it":
        d = "primo" if day == 1 else nm.cardinal(day, "it")
        return f"{d} {MONTHS['it'][month - 1]} {nm.cardinal(year, 'it')}"
    raise NumberReadingError(f"no date reading for {lang}")


def korean_month(month: int) -> str:
    """6월 and 10월 drop the final consonant: 유월, 시월."""
    return {6: "유월", 10: "시월"}.get(month, f"{nm.cardinal(month, 'ko')}월")


def read_code(text: str, lang: str) -> str:
    """Letters as written, digits as a number (short groups) or digit by digit: `705A` -> zh `七零五A`."""
    parts = re.findall(r"[A-Za-z]+|\d+", text)
    cjk = lang in ("zh", "yue", "ja", "ko")
    out = []
    for p in parts:
        if p.isdigit():
            short = len(p) <= (2 if cjk else 4) and not (len(p) > 1 and p.startswith("0"))
            out.append(nm.cardinal(int(p), lang) if short else nm.digits(p, lang))
        else:
            out.append(p)
    return ("" if lang in ("zh", "yue", "ja") else " ").join(out)


def read_version(text: str, lang: str) -> str:
    prefix = ""
    body = text
    if text[:1] in "vV":
        prefix, body = text[0], text[1:]
        if lang in VERSION_WORD:
            prefix = VERSION_WORD[lang]
    point = VERSION_POINT[lang]
    nums = [nm.cardinal(int(p), lang) for p in body.split(".")]
    if lang in ("zh", "yue", "ja"):
        return prefix + point.join(nums)
    return (f"{prefix} " if prefix else "") + f" {point} ".join(nums)


def read_address(text: str, lang: str) -> str:
    """URL or e-mail: `www.example.com` -> en `www dot example dot com`, zh `www点example点com`."""
    t = re.sub(r"^[a-z]+://", "", text, flags=re.I).rstrip("/")
    cjk = lang in ("zh", "yue", "ja")
    out: list[str] = []
    for tok in re.findall(r"[^\W\d_]+|\d+|.", t):
        if tok == ".":
            out.append(DOT[lang])
        elif tok == "@":
            out.append(AT[lang])
        elif tok == "/":
            out.append(SLASH[lang])
        elif tok == "-":
            out.append(DASH[lang])
        elif tok == "_":
            out.append(UNDERSCORE[lang])
        elif tok.isdigit():
            out.append(nm.digits(tok, lang) if len(tok) > 2 else nm.cardinal(int(tok), lang))
        elif (tok.strip() and (tok.isalpha())) or tok.strip():
            out.append(tok)
    return ("" if cjk else " ").join(out)


# Digits as said in a Japanese telephone number: 0 is ゼロ, 2 and 5 are lengthened (ニー, ゴー) so that
# every digit has two morae, and each hyphen is read の (the usual way of saying a number on the phone).
JA_PHONE_DIGITS = ("ゼロ", "イチ", "ニー", "サン", "ヨン", "ゴー", "ロク", "ナナ", "ハチ", "キュー")


def read_phone(text: str, lang: str) -> str:
    groups = re.findall(r"\d+", text)
    plus = text.lstrip().startswith("+")
    if lang == "ja":
        said = "の、".join("".join(JA_PHONE_DIGITS[int(c)] for c in g) for g in groups)
        return ("プラス" if plus else "") + said
    said = [nm.digits(g, lang) for g in groups]
    sep = "，" if lang in ("zh", "yue") else "、" if lang == "ja" else ", "
    out = sep.join(said)
    if plus:
        out = {
            "zh": "加",
            "yue": "加",
            "ja": "プラス",
            "ko": "플러스 ",
            "de": "plus ",
            "es": "más ",
            "fr": "plus ",
            "it": "più ",
            "ru": "плюс ",
            "en": "plus ",
        }[lang] + out
    return out


# Things that carry a number: `3번 출구` is exit number three (삼 번 출구), not three times (세 번).
KO_NUMBERED = (
    "출구", "버스", "게이트", "승강장", "플랫폼", "홈", "트랙", "레인", "선", "국도", "도로", "고속도로",
    "창구", "타자", "문제", "좌석", "자리", "채널", "방", "테이블", "사물함", "마을버스", "코스", "카드",
    "선수", "손님", "환자", "후보", "항목", "조항", "페이지", "버튼", "키", "라인", "구역", "칸",
)  # fmt: skip

# What may follow such a noun in the same word (case particles, the copula): 출구로, 버스를, 문제예요
KO_PARTICLES = frozenset((
    "", "이", "가", "을", "를", "은", "는", "에", "에서", "으로", "로", "의", "도", "만", "까지", "부터", "와",
    "과", "이나", "나", "이에요", "예요", "입니다", "이다", "야", "이야", "에는", "에도",
))  # fmt: skip


def korean_with_counter(amount: str, counter: str, after: str = "") -> str:
    """`3`, `개` -> `세 개`; numbers outside 1-99 or Sino counters read Sino-Korean.

    번 counts times with native numerals (`3번 봤어요` -> 세 번) but labels a numbered thing with
    Sino-Korean ones: before 지 (번지, a lot number), 호, or a word for a numbered thing (KO_NUMBERED:
    `3번 출구` -> 삼 번 출구). That is the usual rule (a count takes native numerals, a label Sino-Korean
    ones); a 번 whose next word names a numbered thing not in KO_NUMBERED is read as a count.
    번째 (the nth) is native, with 1 -> 첫.
    """
    value = int(amount)
    if counter.startswith("개월"):
        return f"{nm.cardinal(value, 'ko')} {counter}"
    if counter == "번째" and value == 1:
        return "첫 번째"
    if counter == "번":
        nxt = re.match(r"\s*([\uac00-\ud7af]+)", after)
        word = nxt.group(1) if nxt else ""
        attached = after[:1] in ("지", "호")
        numbered = after[:1].isspace() and any(
            word.startswith(w) and word[len(w) :] in KO_PARTICLES for w in KO_NUMBERED
        )
        if attached or numbered:
            return f"{nm.cardinal(value, 'ko')} {counter}"
    if 1 <= value <= 99:
        return f"{nm.korean_native(value)} {counter}"
    return f"{nm.cardinal(value, 'ko')} {counter}"


# -- Cantonese ------------------------------------------------------------------------------------

# Measure words (and 百/千/萬) before which 2 is said 兩 (loeng5), not 二 (ji6); 二 stays in ordinals
# (第二), dates (二月, 二號), floors (二樓) and compound numbers (十二, 二十).
YUE_LIANG_BEFORE = (
    "個", "个", "隻", "只", "本", "張", "张", "件", "條", "条", "位", "次", "杯", "間", "间", "架", "部", "對",
    "对", "粒", "蚊", "樣", "样", "種", "种", "點", "点", "分鐘", "分钟", "日", "年", "星期", "禮拜", "礼拜",
    "枝", "支", "把", "碗", "份", "頁", "页", "層", "层", "場", "场", "餐", "句", "輛", "辆", "封", "包", "罐",
    "樽", "雙", "双", "套", "盒", "啖", "下", "轉", "晚", "朝", "歲", "岁", "小時", "小时", "秒", "公里",
    "公斤", "米", "斤", "磅", "毫", "仙", "人", "百", "千", "萬", "万", "億", "亿", "隻", "堂", "班", "格",
)  # fmt: skip


def yue_cardinal(value: int) -> str:
    """A number as a Cantonese reader says it: 2 alone is 兩 before a measure word (the caller decides)."""
    return nm.cardinal(value, "yue")


def read_yue_time(hours: int, minutes: int) -> str:
    """`10:30` -> 十點半, `2:05` -> 兩點零五分 (Cantonese: 兩點 for two o'clock, 半 for the half hour)."""
    if not (0 <= hours <= 24 and 0 <= minutes <= 59):
        raise NumberReadingError(f"{hours}:{minutes:02d} is not a time")
    said = ("兩" if hours == 2 else yue_cardinal(hours)) + "點"
    if minutes == 30:
        return said + "半"
    if minutes:
        said += ("零" if minutes < 10 else "") + yue_cardinal(minutes) + "分"
    return said


def read_yue_dollars(whole: int, cents: int) -> str:
    """Hong Kong dollars as said in Cantonese: `$5` -> 五蚊, `$12.50` -> 十二蚊五毫, `$2` -> 兩蚊.
    蚊 is the dollar, 毫 ten cents, 仙 one cent (the colloquial names of the units)."""

    def count(n: int) -> str:
        return "兩" if n == 2 else yue_cardinal(n)

    dimes, pennies = divmod(cents, 10)
    said = f"{count(whole)}蚊" if whole or not cents else ""
    if dimes:
        said += f"{count(dimes)}毫"
    if pennies:
        said += f"{count(pennies)}仙"
    return said
