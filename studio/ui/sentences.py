"""The sentences of a take, and re-rolling one of them alone (plain Python, no Qt).

The engine speaks a script segment by segment, and its frontend packs short sentences into one
segment (as CosyVoice's own frontend does: "Hi. Yes." is one LM pass). A person sees and
re-rolls sentences, so the takes panel lists the real sentences: each stored segment's text is
cut with the frontend's own sentence cut (`split_sentences`), and a sentence inside a merged
segment is re-rolled by speaking that sentence alone and splicing it into the segment's audio
at the sentence's boundaries.

Why the boundaries are estimated from the audio: the LM that turns a segment into speech tokens
is a decoder-only language model with the text as a prefix; it exposes no alignment from text to
speech tokens, and its events (SpeechTokens, MelFrames, AudioChunk) carry take-wide offsets, not
text positions. So nothing the engine emits says where "Hi." ends inside "Hi. Yes.". Generating
the whole segment again with only one sentence changed is not possible either: every token after
the changed one is sampled anew, so the sentences after it change too, and the ones before it
would need that same unknown boundary to be forced as a token prefix. What a sentence end does
leave is a pause: `sentence_bounds` puts each boundary at the quietest stretch of audio near where
the text's proportions expect it (the method of audio editors that split speech at pauses).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

import studio
from studio.engine.frontend.text import split_sentences
from studio.library import SegmentInput

ENDOFPROMPT = "<|endofprompt|>"
HOP_S = 0.01  # energy frames: 10 ms hop
WINDOW_S = 0.04  # 40 ms window (about a syllable's gap; shorter dips inside words are smoothed)
QUIET_DB = 3.0  # frames within this of the quietest one count as the same pause


@dataclass(frozen=True)
class SentenceRow:
    """One sentence of a take as the takes panel lists it.

    `index` is its place in the take (0-based; what `reroll_sentence` takes), `segment` the stored
    segment that holds it, `part` / `parts` its place among that segment's sentences, `text` what
    is shown, `speak` what a re-roll speaks (the segment's CosyVoice 3 system prompt kept), `seed`
    the seed its segment was made with. `complete` is False for the sentences of a partial take's
    last segment: the take was cancelled (or failed) while that segment was spoken, so its audio
    holds an unknown part of them, and they cannot be re-rolled alone (re-roll the whole take).
    """

    index: int
    segment: int
    part: int
    parts: int
    text: str
    speak: str
    seed: int | None
    complete: bool = True


def segment_sentences(text: str) -> list[tuple[str, str]]:
    """(shown, spoken) for each sentence of one segment's text. A system prompt ending in
    <|endofprompt|> (CosyVoice 3 cross-lingual) is not a sentence; each spoken sentence keeps it."""
    prefix, body = "", text
    if ENDOFPROMPT in text:
        cut = text.rindex(ENDOFPROMPT) + len(ENDOFPROMPT)
        prefix, body = text[:cut], text[cut:]
    sentences = split_sentences(body) or [body.strip()]
    return [(s, prefix + s) for s in sentences]


def is_partial(take: Any) -> bool:
    """Whether `take` was cut short (cancelled or failed), or is a version of such a take."""
    return bool((take.timings or {}).get("partial"))


def take_sentences(take: Any) -> list[SentenceRow]:
    """The sentences of `take` (a library Take) in order; a converted-speech take has one row per
    segment (it has no text of its own). In a partial take the last segment's sentences are marked
    incomplete (`SentenceRow.complete`)."""
    rows: list[SentenceRow] = []
    last = take.segments[-1].index if take.segments else None
    cut_off = is_partial(take)
    for seg in take.segments:
        pairs = [(seg.text, seg.text)] if take.mode == "vc" else segment_sentences(seg.text)
        complete = not (cut_off and seg.index == last)
        for part, (shown, spoken) in enumerate(pairs):
            rows.append(
                SentenceRow(len(rows), seg.index, part, len(pairs), shown, spoken, seg.seed, complete)
            )
    return rows


def incomplete_sentence_message(take_id: int, index: int) -> str:
    return (
        f"Sentence {index + 1} of take {take_id} was cut off when the take stopped, so it cannot be "
        "re-rolled alone; re-roll the whole take."
    )


def _weight(sentence: str) -> float:
    """Rough speaking length of a sentence: a Han/kana/hangul character is a syllable, about three
    Latin letters' time; other letters and digits count one."""
    weight = 0.0
    for c in sentence:
        if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af":
            weight += 3.0
        elif c.isalnum():
            weight += 1.0
    return max(weight, 1.0)


def sentence_bounds(audio: np.ndarray, sample_rate: int, sentences: Sequence[str]) -> list[int]:
    """Where each sentence of one segment starts in its audio, as sample offsets.

    `audio`: the segment, (frames,) or (frames, channels) float; `sentences`: its sentences in order.
    Returns len(sentences) + 1 increasing offsets, the first 0 and the last len(audio), so sentence
    i is audio[b[i]:b[i+1]]. Each inner boundary is expected where the sentence's share of the
    text's speaking length (`_weight`) puts it, and moved to the middle of the quietest stretch
    (40 ms RMS every 10 ms, within QUIET_DB of the minimum) between the halfway points to the
    neighbouring expected boundaries: the pause the sentence end makes.
    """
    frames = len(audio)
    n = len(sentences)
    if n <= 1 or frames == 0:
        return [0, frames] if n <= 1 else [0] * n + [frames]
    mono = np.asarray(audio, dtype=np.float64)
    if mono.ndim == 2:
        mono = mono.mean(axis=1)
    weights = np.array([_weight(s) for s in sentences])
    expected = frames * np.cumsum(weights) / weights.sum()  # expected ends; the last is `frames`
    expected = np.concatenate([[0.0], expected])
    hop = max(1, round(sample_rate * HOP_S))
    win = max(hop, round(sample_rate * WINDOW_S))
    power = np.concatenate([[0.0], np.cumsum(mono * mono)])
    starts = np.arange(0, max(1, frames - win + 1), hop)
    ends = np.minimum(starts + win, frames)
    level = 10 * np.log10((power[ends] - power[starts]) / np.maximum(ends - starts, 1) + 1e-12)
    centres = (starts + ends) // 2
    bounds = [0]
    for k in range(1, n):
        lo = max((expected[k - 1] + expected[k]) / 2, bounds[-1] + 1)
        hi = (expected[k] + expected[k + 1]) / 2
        inside = np.flatnonzero((centres > lo) & (centres < hi))
        if inside.size == 0:
            bounds.append(int(min(max(expected[k], bounds[-1] + 1), frames - (n - k))))
            continue
        quiet = level[inside] <= level[inside].min() + QUIET_DB
        # the quiet run nearest the expected position, and its middle
        candidates = inside[quiet]
        best = candidates[np.argmin(np.abs(centres[candidates] - expected[k]))]
        members = set(candidates.tolist())
        run_lo = run_hi = int(best)
        while run_lo - 1 in members:
            run_lo -= 1
        while run_hi + 1 in members:
            run_hi += 1
        middle = int((centres[run_lo] + centres[run_hi]) // 2)
        bounds.append(int(min(max(middle, bounds[-1] + 1), frames - (n - k))))
    bounds.append(frames)
    return bounds


def store_sentence_version(
    library: Any,
    take_id: int,
    index: int,
    audio: np.ndarray,
    sample_rate: int,
    seed: int,
    timings: dict[str, Any],
    *,
    model_hash: str = "",
) -> int:
    """Store a sentence re-roll as a new version of take `take_id` and return its id.

    `index` is the sentence's place in `take_sentences(take)`; `audio` is that sentence spoken again
    with `seed`. The new take has the old take's audio with that sentence's stretch replaced (a
    sentence inside a merged segment is cut out at `sentence_bounds`, and that segment is stored as
    its sentences from then on), the parts joined with the library's equal-power cross-fades, the
    re-roll's `seed` and `timings`, and "version_of" / "rerolled_sentence" in its timings. The old
    take is left as it was, so the previous version is always there to go back to.
    A version of a partial take stays marked partial (its cut-off sentences are still missing).
    Raises LibraryError if the take is gone, has no sentence `index` or only part of it (a partial
    take's cut-off sentences), or was made at another sample rate.
    """
    from studio.library import LibraryError

    old = library.get_take(take_id)
    if int(sample_rate) != old.sample_rate:
        raise LibraryError(
            f"Take {take_id} is at {old.sample_rate} Hz but the loaded model makes {sample_rate} Hz; "
            "load the model the take was made with to re-roll one of its sentences."
        )
    rows = take_sentences(old)
    if not 0 <= index < len(rows):
        raise LibraryError(f"Take {take_id} has no sentence {index + 1}.")
    target = rows[index]
    if not target.complete:
        raise LibraryError(incomplete_sentence_message(take_id, index))
    new_audio = np.asarray(audio, dtype=np.float32)
    segments = []
    for seg in old.segments:
        part, _rate = library.segment_audio(take_id, seg.index)
        if seg.index != target.segment:
            segments.append(SegmentInput(seg.text, seg.seed, audio=part))
            continue
        mine = [r for r in rows if r.segment == seg.index]
        if len(mine) == 1:
            segments.append(SegmentInput(seg.text, seed, audio=new_audio))
            continue
        bounds = sentence_bounds(part, old.sample_rate, [r.text for r in mine])
        for r in mine:
            if r.index == target.index:
                segments.append(SegmentInput(r.speak, seed, audio=new_audio))
            else:
                piece = part[bounds[r.part] : bounds[r.part + 1]]
                if len(piece):
                    segments.append(SegmentInput(r.speak, seg.seed, audio=piece))
    timings = dict(timings, version_of=take_id, rerolled_sentence=index)
    if is_partial(old):
        timings["partial"] = old.timings["partial"]
    for key in ("source_clip_id", "source_name"):
        if key in (old.timings or {}):
            timings.setdefault(key, old.timings[key])
    return library.add_take(
        text=old.text,
        sample_rate=old.sample_rate,
        voice_id=old.voice_id,
        mode=old.mode,
        instruction=old.instruction,
        seed=seed,
        speed=old.speed,
        model_family=old.model_family,
        model_hash=model_hash or old.model_hash,
        engine_version=studio.__version__,
        timings=timings,
        segments=segments,
    ).id
