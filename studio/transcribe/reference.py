"""Transcripts of reference clips: fill one in, or check the one the user typed.

    verdict = transcribe_reference("me.wav", recognizers)        # agreement.Verdict
    mismatch = check_transcript("what I typed", verdict)         # None, or what differs

A typed transcript whose error rate against the recognized text is above 0.3 (`MISMATCH_ABOVE`) is a
mismatch: zero-shot cloning is conditioned on the exact words of the reference, and a wrong transcript
is the most common reason a clone babbles or repeats itself.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from studio.transcribe.agreement import (
    MISMATCH_ABOVE,
    Difference,
    Verdict,
    describe_differences,
    error_rate,
    word_differences,
)
from studio.transcribe.audio import read_16k, to_16k
from studio.transcribe.base import Recognizer
from studio.transcribe.errors import RecordingError
from studio.transcribe.ingest import transcribe_clip

MAX_REFERENCE_S = 30.5
# Plausible average speaking rates over a whole reference clip, in syllables per second. Conversational
# speech runs at about 4-6 syllables/s (Pellegrino, Coupé & Marsico 2011, "A cross-language perspective
# on speech information rate", Language 87(3): 5.2-7.8 syllables/s across seven languages, pauses
# excluded). Over a clip with pauses the average is lower, so the bounds are wide: a transcript outside
# them is almost surely for another clip, missing most words, or with extra text.
RATE_MIN_SYLLABLES_S = 0.8
RATE_MAX_SYLLABLES_S = 9.0


@dataclass(frozen=True)
class RateProblem:
    """A transcript whose length does not fit its clip: `syllables` (estimated) over `seconds`."""

    syllables: float
    seconds: float

    @property
    def rate(self) -> float:
        return self.syllables / self.seconds

    @property
    def too_long(self) -> bool:
        """True: more text than the clip can hold; False: far too little text for the clip."""
        return self.rate > RATE_MAX_SYLLABLES_S


def estimate_syllables(text: str) -> float:
    """Rough syllable count: a Han, kana or hangul character is one syllable; a word in another script
    has one per vowel group (at least one); digits count one each."""
    import re

    count = 0.0
    for token in re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\d_]+|\d", text):
        syllabic = len(token) == 1 and ("\u3040" <= token <= "\u9fff" or "\uac00" <= token <= "\ud7af")
        if syllabic or token.isdigit():
            count += 1
        else:
            count += max(1, len(re.findall(r"[aeiouyàâäéèêëíìîïóòôöúùûüáåæøœ]+", token.lower())))
    return count


def check_rate(transcript: str, seconds: float) -> RateProblem | None:
    """None when `transcript` could be what is said in `seconds` of speech, else the problem.

    A clip under 1 s or an empty transcript is not judged."""
    syllables = estimate_syllables(transcript)
    if seconds < 1.0 or syllables == 0:
        return None
    problem = RateProblem(syllables, seconds)
    if problem.rate > RATE_MAX_SYLLABLES_S or problem.rate < RATE_MIN_SYLLABLES_S:
        return problem
    return None


@dataclass(frozen=True)
class Mismatch:
    error_rate: float
    heard: str
    differences: tuple[Difference, ...]

    def describe(self) -> str:
        return describe_differences(list(self.differences))


def transcribe_reference(
    audio: str | Path | np.ndarray,
    recognizers: list[Recognizer],
    *,
    sample_rate: int | None = None,
    language: str | None = None,
    cancel: threading.Event | None = None,
) -> Verdict:
    """What is said in a reference clip (a file, or float audio with its `sample_rate`)."""
    if isinstance(audio, str | Path):
        data, info = read_16k(audio, cancel=cancel)
        seconds = info.seconds
    else:
        if sample_rate is None:
            raise RecordingError(
                "The reference audio was given as an array, so its sample rate must be given."
            )
        data = to_16k(audio, sample_rate)
        seconds = data.size / 16_000
    if seconds > MAX_REFERENCE_S:
        raise RecordingError(
            f"The reference clip is {seconds:.0f} s long and the recognizer takes at most 30 s: trim the "
            "clip to the part the voice will use (3 to 30 s), then transcribe it."
        )
    return transcribe_clip(data, recognizers, language=language, cancel=cancel)


CJK_LANGUAGES = frozenset({"zh", "yue", "ja", "ko"})


def _written_in_cjk(text: str) -> bool:
    return any(
        "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" or "\uf900" <= c <= "\ufaff" for c in text
    )


def recognizer_can_judge(typed: str, recognizer: str) -> bool:
    """Whether the recognizer `recognizer` (a registry name) knows the language `typed` is written
    in, as far as its script tells: an English-only one (PocketSphinx) cannot judge a Chinese,
    Japanese or Korean transcript, nor a Mandarin-only one (Paraformer) a Latin-script one. On
    speech in a language it does not know, a recognizer writes words of its own language that
    sound alike, and comparing against them calls a right transcript wrong."""
    from studio.transcribe.recognizers import spec

    found = spec(recognizer) if recognizer else None
    if found is None or not found.languages:  # unknown, or many languages (Whisper)
        return True
    languages = set(found.languages)
    if _written_in_cjk(typed):
        return bool(languages & CJK_LANGUAGES)
    # a Latin-script transcript and a recognizer of CJK languages only
    return not (any(c.isalpha() for c in typed) and languages <= CJK_LANGUAGES)


def check_transcript(typed: str, verdict: Verdict, language: str | None = None) -> Mismatch | None:
    """A Mismatch when the typed transcript's error rate against the recognized one is above 0.3;
    None too when the recognizer does not know the transcript's language (`recognizer_can_judge`)."""
    heard = verdict.transcript
    if not typed.strip() or not heard.strip():
        return None
    if not recognizer_can_judge(typed, verdict.chosen):
        return None
    rate = error_rate(typed, heard, language)
    if rate <= MISMATCH_ABOVE:
        return None
    return Mismatch(rate, heard, tuple(word_differences(typed, heard, language)))
