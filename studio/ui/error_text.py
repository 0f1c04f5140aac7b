"""Engine and library error sentences in the window's language.

The engine and the library stay free of Qt, so their errors are English sentences (the CLI prints
them as they are). Where such a sentence reaches the window (the message area, the live view), it
goes through `localize`: a catalogue of the engine's and library's messages, each an English
pattern with its values as groups and a translatable template ("EngineErrors" context in the
.ts catalogue) that puts the values back. A sentence the catalogue does not know stays English,
and a template is used only when the window has a translation for it, so the English UI shows
the messages exactly as the CLI does. tests/ui/test_error_text.py checks that each pattern
matches the message its source actually raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def _what(what: str) -> str:
    """The engine's names for audio it was given ("reference audio", "source audio" …)."""
    return {
        "audio": QCoreApplication.translate("EngineErrors", "audio"),
        "reference audio": QCoreApplication.translate("EngineErrors", "reference audio"),
        "source audio": QCoreApplication.translate("EngineErrors", "source audio"),
        "prompt audio": QCoreApplication.translate("EngineErrors", "prompt audio"),
    }.get(what, what)


# (English pattern, template): each template's {0}, {1} … are the pattern's groups in order.
# The literal QCoreApplication.translate calls let lupdate collect the templates.
_CATALOGUE: list[tuple[str, Callable[[], str], Callable[[str], str] | None]] = [
    # engine: text (studio/engine/engine.py)
    (
        r"The text to speak is empty\.",
        lambda: QCoreApplication.translate("EngineErrors", "The text to speak is empty."),
        None,
    ),
    (
        r"The text normalizes to nothing speakable \(only punctuation or symbols\?\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "The text normalizes to nothing speakable (only punctuation or symbols?)."
        ),
        None,
    ),
    (
        r"The segments have nothing speakable \(only punctuation or symbols\?\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "The segments have nothing speakable (only punctuation or symbols?)."
        ),
        None,
    ),
    (
        r"The text is ([\d,]+) characters; split it into parts of at most ([\d,]+)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "The text is {0} characters; split it into parts of at most {1}."
        ),
        None,
    ),
    (
        r"(\[[^\[\]\s]{1,20}\]) is a pronunciation unit; pronunciation control needs a Fun-CosyVoice3 model\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "{0} is a pronunciation unit; pronunciation control needs a Fun-CosyVoice3 model."
        ),
        None,
    ),
    (
        r"(\[[^\[\]\s]{1,20}\]) is not a known tag or pronunciation unit\. Tags: .*?like \[j\]\[ǐ\] \[h\]\[ǎo\]\.",
        lambda: QCoreApplication.translate(
            "EngineErrors",
            "{0} is not a known tag or pronunciation unit. Tags: [breath], [laughter], [noise], "
            "[cough], [sigh], ...; CMU phones look like [AA1] [K] [T]; pinyin units like [j][ǐ] [h][ǎo].",
        ),
        None,
    ),
    # engine: the request
    (
        r"Zero-shot cloning needs the transcript of the reference clip; add it, or use cross-lingual mode\.",
        lambda: QCoreApplication.translate(
            "EngineErrors",
            "Zero-shot cloning needs the transcript of the reference clip; add it, or use cross-lingual mode.",
        ),
        None,
    ),
    (
        r"Speed (\S+) is out of range; use 0\.25 to 4\.",
        lambda: QCoreApplication.translate("EngineErrors", "Speed {0} is out of range; use 0.25 to 4."),
        None,
    ),
    (
        r"Speed changes need non-streaming synthesis \(turn streaming off\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "Speed changes need non-streaming synthesis (turn streaming off)."
        ),
        None,
    ),
    (
        r"This voice was prepared for (\w+), but the loaded model is (\w+); "
        r"prepare the voice again with this model\.",
        lambda: QCoreApplication.translate(
            "EngineErrors",
            "This voice was prepared for {0}, but the loaded model is {1}; prepare the voice again "
            "with this model.",
        ),
        None,
    ),
    (
        r"Instruct mode needs an instruction \(for example: (.+?)\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "Instruct mode needs an instruction (for example: {0})."
        ),
        None,
    ),
    (
        r"The instruction is (\d+) tokens long; keep it under (\d+) \(a sentence or two\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "The instruction is {0} tokens long; keep it under {1} (a sentence or two)."
        ),
        None,
    ),
    # engine worker (studio/engine/worker.py)
    (
        r"The GPU ran out of memory\. Try a shorter text, fp16 precision, or the CPU\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "The GPU ran out of memory. Try a shorter text, fp16 precision, or the CPU."
        ),
        None,
    ),
    (
        r"Synthesis failed: (.+)$",
        lambda: QCoreApplication.translate("EngineErrors", "Synthesis failed: {0}"),
        None,
    ),
    # engine: audio given to it (studio/engine/frontend/audio.py)
    (
        r"The (audio|reference audio|source audio|prompt audio) file (.+?) cannot be read as audio "
        r"\((.*?)\); it may be corrupt or in a format soundfile does not support\.",
        lambda: QCoreApplication.translate(
            "EngineErrors",
            "The {0} file {1} cannot be read as audio ({2}); it may be corrupt or in a format "
            "soundfile does not support.",
        ),
        _what,
    ),
    (
        r"The (audio|reference audio|source audio|prompt audio) file (.+?) is damaged \((.*?)\)\.",
        lambda: QCoreApplication.translate("EngineErrors", "The {0} file {1} is damaged ({2})."),
        _what,
    ),
    (
        r"The (audio|reference audio|source audio|prompt audio) file (.+?) contains no audio\.",
        lambda: QCoreApplication.translate("EngineErrors", "The {0} file {1} contains no audio."),
        _what,
    ),
    (
        r"The (audio|reference audio|source audio|prompt audio) is ([\d.]+) s long; it must be at least "
        r"([\d.]+) s \(3 to 10 s of clear speech works best\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors",
            "The {0} is {1} s long; it must be at least {2} s (3 to 10 s of clear speech works best).",
        ),
        _what,
    ),
    (
        r"The (audio|reference audio|source audio|prompt audio) is ([\d.]+) s long; it must be at most "
        r"([\d.]+) s\. Trim it to the best 3 to 10 seconds\.",
        lambda: QCoreApplication.translate(
            "EngineErrors",
            "The {0} is {1} s long; it must be at most {2} s. Trim it to the best 3 to 10 seconds.",
        ),
        _what,
    ),
    (
        r"The (audio|reference audio|source audio|prompt audio) is silent \(peak below -60 dBFS\); "
        r"record or import speech\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "The {0} is silent (peak below -60 dBFS); record or import speech."
        ),
        _what,
    ),
    # clip files (studio/audio/clipfile.py); the name follows a colon of the window's sentence
    (
        r"(?:^|(?<=: ))(.+?) is not an audio file Voice Studio can read: it is damaged, or not in a sound "
        r"format Voice Studio knows \(([^()]*)\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors",
            "{0} is not an audio file Voice Studio can read: it is damaged, or not in a sound format "
            "Voice Studio knows ({1}).",
        ),
        None,
    ),
    (
        r"(?:^|(?<=: ))(.+?) is not an audio file Voice Studio can read \((.*)\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "{0} is not an audio file Voice Studio can read ({1})."
        ),
        None,
    ),
    (
        r"(?:^|(?<=: ))(.+?) is ([\d.]+) minutes long; files of up to (\d+) minutes can be opened\. "
        r"Cut a shorter piece first \(a voice then uses 3 to 30 s of it, chosen by trimming\)\.",
        lambda: QCoreApplication.translate(
            "EngineErrors",
            "{0} is {1} minutes long; files of up to {2} minutes can be opened. Cut a shorter piece "
            "first (a voice then uses 3 to 30 s of it, chosen by trimming).",
        ),
        None,
    ),
    (
        r"(?:^|(?<=: ))(.+?) contains no audio\.",
        lambda: QCoreApplication.translate("EngineErrors", "{0} contains no audio."),
        None,
    ),
    (
        r"(?:^|(?<=: ))(.+?) contains invalid \(NaN or infinite\) samples\.",
        lambda: QCoreApplication.translate("EngineErrors", "{0} contains invalid (NaN or infinite) samples."),
        None,
    ),
    (
        r"The file (.+?) does not exist\.",
        lambda: QCoreApplication.translate("EngineErrors", "The file {0} does not exist."),
        None,
    ),
    # library (studio/library; its unreadable files use clipfile's sentences above)
    (
        r"The audio file (.+?) is missing; run a library check\.",
        lambda: QCoreApplication.translate(
            "EngineErrors", "The audio file {0} is missing; run a library check."
        ),
        None,
    ),
    (
        r"The audio file (.+?) cannot be read \((.*)\)\.",
        lambda: QCoreApplication.translate("EngineErrors", "The audio file {0} cannot be read ({1})."),
        None,
    ),
    (
        r"There is no voice with id (\d+) in this library\.",
        lambda: QCoreApplication.translate("EngineErrors", "There is no voice with id {0} in this library."),
        None,
    ),
    (
        r"There is no take with id (\d+) in this library\.",
        lambda: QCoreApplication.translate("EngineErrors", "There is no take with id {0} in this library."),
        None,
    ),
    (
        r"There is no clip with id (\d+) in this library\.",
        lambda: QCoreApplication.translate("EngineErrors", "There is no clip with id {0} in this library."),
        None,
    ),
    (
        r"Could not write (.+?) \(([^()]*)\)\.",
        lambda: QCoreApplication.translate("EngineErrors", "Could not write {0} ({1})."),
        None,
    ),
    (
        r"Could not create the folder (.+?) \(([^()]*)\)\.",
        lambda: QCoreApplication.translate("EngineErrors", "Could not create the folder {0} ({1})."),
        None,
    ),
]


def _where(where: str) -> str:
    """The project renderer's names for a block ("block 3", "cue 12", "a block")."""
    if m := re.fullmatch(r"block (\d+)", where):
        return QCoreApplication.translate("EngineErrors", "block {0}").format(m.group(1))
    if m := re.fullmatch(r"cue (\d+)", where):
        return QCoreApplication.translate("EngineErrors", "cue {0}").format(m.group(1))
    return QCoreApplication.translate("EngineErrors", "a block") if where == "a block" else where


_CATALOGUE += [
    # projects: a render that stopped on a block (studio/project/render.py); the engine's reason
    # after the colon is translated by its own entry above
    (
        r"^(block \d+|cue \d+|a block) could not be rendered: ",
        lambda: QCoreApplication.translate("EngineErrors", "{0} could not be rendered: "),
        _where,
    ),
    # model folders (studio/engine/model_dir.py)
    (
        r"(.+?) is not a CosyVoice model folder: it has none of (.+?)\.$",
        lambda: QCoreApplication.translate(
            "EngineErrors", "{0} is not a CosyVoice model folder: it has none of {1}."
        ),
        None,
    ),
    (
        r"The model folder (.+?) does not exist\.",
        lambda: QCoreApplication.translate("EngineErrors", "The model folder {0} does not exist."),
        None,
    ),
    (
        r"The model folder (.+?) is missing (.+?)\.$",
        lambda: QCoreApplication.translate("EngineErrors", "The model folder {0} is missing {1}."),
        None,
    ),
    (
        r"In (.+?), (.+?) is empty; download it again\.",
        lambda: QCoreApplication.translate("EngineErrors", "In {0}, {1} is empty; download it again."),
        None,
    ),
]

_COMPILED = [(re.compile(pattern), template, first) for pattern, template, first in _CATALOGUE]


def localize(text: str) -> str:
    """`text` with every engine or library sentence in it put in the window's language.

    Sentences the catalogue does not know, and all of them while no translation is installed for
    the window's language, are left as they are.
    """
    if not text:
        return text
    for pattern, template, first in _COMPILED:
        if pattern.search(text) is None:
            continue
        translated = template()

        def replace(m: re.Match, translated: str = translated, first=first) -> str:
            values = list(m.groups())
            if first is not None and values:
                values[0] = first(values[0])
            try:
                return translated.format(*values)
            except (IndexError, KeyError, ValueError):  # a translation with other placeholders
                return m.group(0)

        text = pattern.sub(replace, text)
    return text


def known_patterns() -> list[str]:
    """The catalogue's English patterns (for tests)."""
    return [pattern for pattern, _t, _f in _CATALOGUE]
