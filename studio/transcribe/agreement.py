"""How far to trust a transcript: normalise two recognizers' texts and score their agreement.

The rule follows the data cleaning used to prepare CosyVoice training data (several recognizers,
normalised texts compared, close agreement trusted, disagreement sent for review):

  normalise   the TTS frontend's text normalisation (WeText: numbers, dates and units read out;
              English digits spelled with inflect), then punctuation and symbols stripped, lower case,
              spaces collapsed;
  score       1 - error rate, clipped to [0, 1]: character error rate for Chinese, Japanese, Korean
              and Cantonese (no spaces between words), word error rate otherwise (jiwer);
  decide      score >= 0.9: take the more confident recognition; below: keep both, needs review.

`word_differences(expected, heard)` lists what differs, for the "your transcript does not match" warning.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from studio.transcribe.base import Recognition

AGREE_AT = 0.9  # agreement at or above this: trust the more confident text
MISMATCH_ABOVE = 0.3  # a typed transcript whose error rate vs. the recognizer is above this: warn

CHARACTER_LANGUAGES = frozenset({"zh", "ja", "ko", "yue", "wuu", "cmn"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def is_character_language(language: str | None, *texts: str) -> bool:
    """CER languages: by code when known, else by script (any CJK character in the texts)."""
    if language:
        return language.split("-")[0].lower() in CHARACTER_LANGUAGES
    return any(_CJK.search(t or "") for t in texts)


@lru_cache(maxsize=1)
def _normalizer():
    from studio.engine.frontend.text import TextNormalizer

    try:
        return TextNormalizer("wetext", tokenize=lambda s: [])
    except Exception:  # WeText missing or its grammars failed to load: the built-in rules still read numbers
        return TextNormalizer("rules", tokenize=lambda s: [])


def normalize(text: str) -> str:
    """The comparable form of a transcript: TTS-frontend normalisation, no punctuation, lower case."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return ""
    with contextlib.suppress(Exception):  # a grammar failure must not stop a comparison: keep the text
        text = _normalizer().normalize(text, split=False)
    text = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    return " ".join(text.lower().split())


def _units(text: str, by_character: bool) -> str:
    if by_character:
        # characters, ignoring spaces (recognizers differ in where they put them in CJK text)
        return " ".join(c for c in text if not c.isspace())
    return text


def error_rate(reference: str, hypothesis: str, language: str | None = None) -> float:
    """CER or WER of `hypothesis` against `reference` after `normalize`; 0.0 when both are empty."""
    import jiwer

    ref, hyp = normalize(reference), normalize(hypothesis)
    by_char = is_character_language(language, ref, hyp)
    ref, hyp = _units(ref, by_char), _units(hyp, by_char)
    if not ref:
        return 0.0 if not hyp else 1.0
    if not hyp:
        return 1.0
    return float(jiwer.wer(ref, hyp))


def agreement_score(a: str, b: str, language: str | None = None) -> float:
    """Symmetric agreement in [0, 1]: 1 - the larger of the two directions' error rates."""
    return max(0.0, 1.0 - max(error_rate(a, b, language), error_rate(b, a, language)))


@dataclass(frozen=True)
class Verdict:
    """The outcome for one clip: the transcript to use, its agreement and whether a person must look."""

    transcript: str
    agreement: float | None  # None with fewer than two recognitions
    needs_review: bool
    chosen: str  # recognizer name whose text was taken ("" when none)
    metric: str  # "cer" | "wer" | ""
    recognitions: tuple[Recognition, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "transcript": self.transcript,
            "agreement": None if self.agreement is None else round(self.agreement, 4),
            "needs_review": self.needs_review,
            "chosen": self.chosen,
            "metric": self.metric,
            "recognitions": [r.to_dict() for r in self.recognitions],
        }


def decide(recognitions: list[Recognition] | tuple[Recognition, ...], language: str | None = None) -> Verdict:
    """Combine recognitions of one clip (see the module rule).

    With one recognition its text is taken (agreement None, review only if it is empty); with none the
    transcript is "" and the clip needs review. With more than two, the lowest pairwise agreement counts.
    """
    recs = tuple(recognitions)
    if not recs:
        return Verdict("", None, True, "", "", recs)
    best = max(recs, key=lambda r: r.confidence)
    if len(recs) == 1:
        return Verdict(best.text, None, not best.text.strip(), best.recognizer, "", recs)
    lang = language or next((r.language for r in recs if r.language), None)
    texts = [r.text for r in recs]
    metric = "cer" if is_character_language(lang, *texts) else "wer"
    score = min(
        agreement_score(recs[i].text, recs[j].text, lang)
        for i in range(len(recs))
        for j in range(i + 1, len(recs))
    )
    if not any(t.strip() for t in texts):
        return Verdict("", 1.0, True, "", metric, recs)
    needs_review = score < AGREE_AT
    return Verdict(best.text, score, needs_review, best.recognizer, metric, recs)


@dataclass(frozen=True)
class Difference:
    kind: str  # "substitute" | "delete" (typed, not heard) | "insert" (heard, not typed)
    typed: str
    heard: str


def word_differences(typed: str, heard: str, language: str | None = None) -> list[Difference]:
    """Where the typed transcript and the recognised one differ (normalised words, or characters in CJK)."""
    import jiwer

    ref, hyp = normalize(typed), normalize(heard)
    by_char = is_character_language(language, ref, hyp)
    ref, hyp = _units(ref, by_char), _units(hyp, by_char)
    if not ref or not hyp:
        if ref == hyp:
            return []
        return [Difference("delete" if ref else "insert", ref.replace(" ", "" if by_char else " "), hyp)]
    out = jiwer.process_words(ref, hyp)
    rw, hw = out.references[0], out.hypotheses[0]
    joiner = "" if by_char else " "
    diffs = []
    for chunk in out.alignments[0]:
        if chunk.type == "equal":
            continue
        typed_part = joiner.join(rw[chunk.ref_start_idx : chunk.ref_end_idx])
        heard_part = joiner.join(hw[chunk.hyp_start_idx : chunk.hyp_end_idx])
        kind = {"substitute": "substitute", "delete": "delete", "insert": "insert"}[chunk.type]
        diffs.append(Difference(kind, typed_part, heard_part))
    return diffs


def describe_differences(diffs: list[Difference], limit: int = 6) -> str:
    """'"cat" heard as "hat"; "the" not heard; "very" heard but not typed' (at most `limit` items)."""
    parts = []
    for d in diffs[:limit]:
        if d.kind == "substitute":
            parts.append(f'"{d.typed}" heard as "{d.heard}"')
        elif d.kind == "delete":
            parts.append(f'"{d.typed}" not heard')
        else:
            parts.append(f'"{d.heard}" heard but not typed')
    if len(diffs) > limit:
        parts.append(f"{len(diffs) - limit} more")
    return "; ".join(parts)
