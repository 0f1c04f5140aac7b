"""One block of a project render as plain data, so it can cross a process boundary (Ray, queues).

The local project renderer and the Ray cluster backend both turn a `BlockJob` into a `BlockAudio`
with `synthesize_block`, so the same job (same seed) gives the same samples wherever it runs.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from studio.engine.events import AudioChunk, Cancelled, Finished, Segment
from studio.engine.frontend.tokenizer import ENDOFPROMPT
from studio.engine.voice import Voice


@dataclass(frozen=True)
class BlockJob:
    """What one block of a project render asks the engine for.

    index: the block's position in the render order (results are put back in this order).
    text: the text to speak, as the engine receives it.
    voice_path: a prepared voice file (`*.voice.safetensors`, what `Voice.save` writes).
    mode: "zero_shot", "cross_lingual" or "instruct"; instruction: for instruct mode, else None.
    speed: 0.25-4.0 (1.0 = as generated); seed: the sampling seed (same seed, same audio).
    """

    index: int
    text: str
    voice_path: str
    mode: str = "zero_shot"
    instruction: str | None = None
    speed: float = 1.0
    seed: int = 0


@dataclass
class BlockAudio:
    """The audio of one BlockJob: float32 mono samples (n,) at `sample_rate` Hz, and the seed used.

    sentences: one `(start, end, text)` per sentence the engine spoke, [start, end) in samples of
    `samples` (from the engine's `Segment` events; a sentence ends where the next one starts), so
    subtitles can time every sentence inside a block wherever the block was rendered.
    """

    index: int
    samples: np.ndarray
    sample_rate: int
    seed: int
    sentences: list[tuple[int, int, str]] = field(default_factory=list)


def synthesize_block(engine, job: BlockJob, cancel: threading.Event | None = None) -> BlockAudio | None:
    """Render `job` on a loaded `Engine` (non-streaming). Returns None when cancelled.

    Raises the engine's own errors (`RequestError`, `TextInputError`, ...) for a bad job.
    """
    voice = Voice.load(job.voice_path)
    chunks: list[np.ndarray] = []
    starts: list[tuple[int, str]] = []
    sample_rate = engine.sample_rate
    for event in engine.synthesize(
        job.text,
        voice,
        mode=job.mode,
        instruction=job.instruction,
        speed=job.speed,
        seed=job.seed,
        cancel=cancel,
    ):
        if isinstance(event, Segment):
            starts.append((int(event.start_sample), _display_sentence(event.text)))
        elif isinstance(event, AudioChunk):
            chunks.append(np.asarray(event.samples, dtype=np.float32))
            sample_rate = event.sample_rate
        elif isinstance(event, Cancelled):
            return None
        elif isinstance(event, Finished):
            sample_rate = event.sample_rate
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    return BlockAudio(job.index, samples, sample_rate, job.seed, sentence_spans(starts, len(samples)))


def sentence_spans(starts: list[tuple[int, str]], total: int) -> list[tuple[int, int, str]]:
    """`(start, end, text)` per sentence from `(start_sample, text)` pairs: each sentence ends where
    the next starts, the last at `total` samples; starts past the end are clipped to it."""
    spans = []
    for i, (start, text) in enumerate(starts):
        start = min(int(start), total)
        end = min(starts[i + 1][0], total) if i + 1 < len(starts) else total
        spans.append((start, max(start, int(end)), text))
    return spans


def _display_sentence(text: str) -> str:
    """The sentence as the user wrote it: an instruct-mode prefix (up to `<|endofprompt|>`) removed."""
    return (text.split(ENDOFPROMPT, 1)[1] if ENDOFPROMPT in text else text).strip()
