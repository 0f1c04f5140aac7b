"""Which language a stretch of text is in: by script, and within Latin script by py3langid.

Scripts decide first (Hangul -> ko, Kana -> ja, Han -> zh / yue / ja, Cyrillic -> ru); a Latin stretch
takes the language the user set when that is a Latin-script language (en, de, es, fr, it), otherwise
py3langid (a 4.5 MB naive Bayes model over byte n-grams, Lui & Baldwin 2012, restricted to the five
Latin-script languages the models speak) decides; stretches of fewer than three words are too short
to identify and take their neighbours' language.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from studio.engine.frontend.text.numbers import LANGUAGES, LATIN_LANGUAGES

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z\u00c0-\u024f]+)?")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


def check_language(language: str | None) -> str | None:
    """`None`/"" (detect) or one of LANGUAGES; anything else is a ValueError naming the choices."""
    if language in (None, "", "auto"):
        return None
    code = str(language).strip().lower()
    if code not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; use one of {', '.join(LANGUAGES)}.")
    return code


def script_language(text: str, language: str | None) -> tuple[str | None, bool]:
    """(language, certain) of a stretch from its scripts; (None, False) when it has no letters,
    ("latin", ...) when it is Latin script and needs the identifier or the user's choice."""
    han = len(_HAN.findall(text))
    kana = len(_KANA.findall(text))
    hangul = len(_HANGUL.findall(text))
    cyr = len(_CYRILLIC_WORD.findall(text))
    latin = len(_LATIN_WORD.findall(text))
    counts = {
        "ja": han + kana if kana else 0,
        "ko": hangul,
        "han": han if not kana else 0,
        "ru": cyr,
        "latin": latin,
    }
    best = max(counts, key=lambda k: counts[k])
    if counts[best] == 0:
        return None, False
    if best == "han":
        return ("ja" if language == "ja" else "yue" if language == "yue" else "zh"), True
    if best == "latin":
        return "latin", latin >= 3
    return best, True


_LOCK = threading.Lock()
_IDENTIFIER = []


def _identifier():
    """py3langid's model (about 3 s of CPU to unpack: `preload` does it on a background thread)."""
    with _LOCK:
        if not _IDENTIFIER:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            ident.set_languages(list(LATIN_LANGUAGES))
            _IDENTIFIER.append(ident)
        return _IDENTIFIER[0]


def preload() -> None:
    """Start unpacking the identifier's model in the background (model loading calls this)."""
    if not _IDENTIFIER:
        threading.Thread(target=_identifier, name="py3langid-load", daemon=True).start()


@lru_cache(maxsize=4096)
def identify_latin(text: str) -> str:
    """The most likely of en/de/es/fr/it for a Latin-script sentence (digits and symbols ignored)."""
    words = " ".join(_LATIN_WORD.findall(unicodedata.normalize("NFC", text)))
    if not words:
        return "en"
    try:
        lang, _ = _identifier().classify(words)
    except Exception:
        return "en"
    return lang if lang in LATIN_LANGUAGES else "en"


def route(pieces: list[str], language: str | None) -> list[str]:
    """The language of each sentence-like piece. Short or letterless pieces borrow from neighbours."""
    out: list[str | None] = []
    for piece in pieces:
        lang, certain = script_language(piece, language)
        if lang == "latin":
            if language in LATIN_LANGUAGES:
                lang = language
            elif certain:
                lang = identify_latin(piece)
            else:
                lang, certain = "latin?", False
        out.append(lang if certain else (lang if lang and lang != "latin?" and lang is not None else None))
    # borrow: a letterless or short piece continues the previous piece (an abbreviation's dot ends a
    # piece: "Dr." | " Smith."), or at the start takes the next certain language
    resolved: list[str] = []
    fallback = language if language else "en"
    for i, lang in enumerate(out):
        if lang is not None:
            resolved.append(lang)
            continue
        nxt = next((out[j] for j in range(i + 1, len(out)) if out[j] is not None), None)
        prev = resolved[-1] if resolved else None
        guess = prev or nxt or fallback
        if _LATIN_WORD.search(pieces[i]) and prev not in LATIN_LANGUAGES and nxt in LATIN_LANGUAGES:
            guess = nxt  # "Dr." after a Chinese sentence, before a German one
        if _LATIN_WORD.search(pieces[i]) and guess not in LATIN_LANGUAGES:
            # a short Latin stretch among CJK text: English words (or the user's Latin language)
            guess = guess if guess in ("zh", "yue", "ja", "ko", "ru") else "en"
        resolved.append(guess)
    return resolved
