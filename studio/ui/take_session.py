"""One take in the making: what was asked (TakeRequest) and what the engine sent (TakeAssembler).

Plain Python (no Qt): the window feeds it the engine events its Job signals carry, and when the
take finishes it gives the `Library.add_take` arguments, with every sentence as a segment that
can be re-rolled on its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import numpy as np

import studio
from studio.library import SegmentInput

MODE_KEYS = ("zero_shot", "cross_lingual", "instruct", "vc")
# The engine's sentence for a script with nothing to say (TextFrontend._check_text); the window
# says it before a take starts, and error_text.py translates it.
UNSPEAKABLE = "The text normalizes to nothing speakable (only punctuation or symbols?)."
_MARKUP = re.compile(r"<\|[^|]*\|>|\[[^\[\]\s]{1,20}\]|</?[a-z_]+>")


def has_speakable(text: str) -> bool:
    """False when `text` is only punctuation, spaces and tags ("？！", "…", "[breath]"): the engine's
    normalizer never speaks those (TextFrontend._check_text refuses them). Symbols such as % or $
    count as speakable here, since the normalizer may read them out; the engine has the last word."""
    bare = _MARKUP.sub("", text)
    return any(not unicodedata.category(c).startswith(("P", "Z", "C")) for c in bare)


@dataclass
class TakeRequest:
    text: str
    voice_id: int
    voice_name: str
    mode: str
    instruction: str = ""
    seed: int | None = None
    speed: float = 1.0
    stream: bool = True
    source: tuple[np.ndarray, int] | None = None  # vc: the speech to convert
    source_clip_id: int | None = None
    source_label: str = ""
    reroll: tuple[int, int] | None = None  # (take id, sentence index): re-roll one sentence
    rerolled_from: int | None = None  # a whole-take re-roll: the take it makes again
    extra: dict[str, Any] = field(default_factory=dict)

    def engine_kwargs(self, voice: Any) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "text": self.text if self.mode != "vc" else None,
            "voice": voice,
            "mode": self.mode,
            "stream": self.stream,
            "speed": self.speed,
            "seed": self.seed,
        }
        if self.mode == "instruct":
            kwargs["instruction"] = self.instruction
        if self.mode == "vc":
            kwargs["source"] = self.source
        # text frontend options (studio/ui/text_preview.py): language, dictionary, edited segments
        for key in ("language", "lexicon", "segments"):
            if self.extra.get(key) is not None and self.mode != "vc":
                kwargs[key] = self.extra[key]
        return kwargs

    @property
    def label(self) -> str:
        if self.mode == "vc":
            return self.source_label
        text = " ".join(self.text.split())
        return text if len(text) <= 60 else text[:57] + "..."


class TakeAssembler:
    """Collects a take's events in order; `order_ok` is False if anything arrived out of order."""

    def __init__(self, request: TakeRequest):
        self.request = request
        self.segments: list[Any] = []  # engine Segment events
        self._chunks: list[np.ndarray] = []
        self.samples = 0
        self.tokens = 0
        self.frames = 0
        self.sample_rate = 0
        self.order_ok = True

    def on_segment(self, seg: Any) -> None:
        if seg.index != len(self.segments) or seg.start_sample != self.samples:
            self.order_ok = False
        self.segments.append(seg)

    def on_tokens(self, events: list[Any]) -> None:
        for ev in events:
            if ev.start != self.tokens:
                self.order_ok = False
            self.tokens = ev.start + len(ev.tokens)

    def on_mel(self, events: list[Any]) -> None:
        for ev in events:
            if ev.start_frame != self.frames:
                self.order_ok = False
            self.frames = ev.start_frame + ev.mel.shape[1]

    def on_audio(self, events: list[Any]) -> None:
        for ev in events:
            if ev.start_sample != self.samples:
                self.order_ok = False
            self._chunks.append(np.asarray(ev.samples, dtype=np.float32))
            self.samples = ev.start_sample + ev.samples.size
            self.sample_rate = ev.sample_rate

    def audio(self) -> np.ndarray:
        if not self._chunks:
            return np.zeros(0, dtype=np.float32)
        if len(self._chunks) > 1:
            self._chunks = [np.concatenate(self._chunks)]
        return self._chunks[0]

    def segment_inputs(self, seed: int | None) -> list[SegmentInput]:
        """Each sentence as a [start, end) range of the take audio (its own audio if empty)."""
        total = self.samples
        inputs = []
        starts = [s.start_sample for s in self.segments] + [total]
        for i, seg in enumerate(self.segments):
            start, end = starts[i], starts[i + 1]
            if end > start:
                inputs.append(SegmentInput(seg.text, seed, start_frame=start, end_frame=end))
            else:  # a sentence the model gave no audio: keep it re-rollable
                inputs.append(SegmentInput(seg.text, seed, audio=np.zeros(1, dtype=np.float32)))
        return inputs

    def timings(self, finished: Any, device: str = "") -> dict[str, Any]:
        timings = {
            "first_audio_latency": round(finished.first_audio_latency, 4),
            "total_seconds": round(finished.total_seconds, 4),
            "lm_seconds": round(finished.lm_seconds, 4),
            "flow_seconds": round(finished.flow_seconds, 4),
            "vocoder_seconds": round(finished.vocoder_seconds, 4),
            "audio_seconds": round(finished.audio_seconds, 4),
            "rtf": round(finished.rtf, 4) if finished.num_samples else None,
            "token_count": finished.token_count,
            "stream": self.request.stream,
            "device": device,
            "preset": getattr(finished, "preset", "exact"),
            "flow_steps": getattr(finished, "flow_steps", None),
        }
        if self.request.rerolled_from is not None:
            timings["rerolled_from"] = self.request.rerolled_from
        if self.request.extra.get("text_frontend"):
            timings["text_frontend"] = self.request.extra["text_frontend"]
        if self.request.mode == "vc":
            timings["source_clip_id"] = self.request.source_clip_id
            timings["source_name"] = self.request.source_label
        return timings

    def take_kwargs(self, finished: Any, *, family: str, model_hash: str, device: str = "") -> dict[str, Any]:
        req = self.request
        return {
            "text": req.text if req.mode != "vc" else req.source_label,
            "sample_rate": int(finished.sample_rate),
            "audio": self.audio(),
            "voice_id": req.voice_id,
            "mode": req.mode,
            "instruction": req.instruction if req.mode == "instruct" else "",
            "seed": int(finished.seed),
            "speed": float(req.speed),
            "model_family": family,
            "model_hash": model_hash,
            "engine_version": studio.__version__,
            "timings": self.timings(finished, device),
            "segments": self.segment_inputs(int(finished.seed)),
        }


def count_sentences(text: str, mode: str):
    """fn(engine) for `EngineBridge.call`: how many sentences the engine will speak for `text` (the
    sentences of its segments, as the takes panel lists them), 0 if it cannot tell (the take itself
    then reports the problem)."""

    def run(engine: Any) -> int:
        from studio.ui.sentences import segment_sentences

        try:
            return sum(len(segment_sentences(s)) for s in engine._check_text(text, mode))
        except Exception:
            return 0

    return run
