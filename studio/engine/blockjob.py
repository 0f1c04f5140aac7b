"""One block of a project render as plain data, so it can cross a process boundary (Ray, queues).

The local project renderer and the Ray cluster backend both turn a `BlockJob` into a `BlockAudio`
with `synthesize_block`, so the same job (same seed) gives the same samples wherever it runs.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from studio.engine.events import AudioChunk, Cancelled, Finished
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
    """The audio of one BlockJob: float32 mono samples (n,) at `sample_rate` Hz, and the seed used."""

    index: int
    samples: np.ndarray
    sample_rate: int
    seed: int


def synthesize_block(engine, job: BlockJob, cancel: threading.Event | None = None) -> BlockAudio | None:
    """Render `job` on a loaded `Engine` (non-streaming). Returns None when cancelled.

    Raises the engine's own errors (`RequestError`, `TextInputError`, ...) for a bad job.
    """
    voice = Voice.load(job.voice_path)
    chunks: list[np.ndarray] = []
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
        if isinstance(event, AudioChunk):
            chunks.append(np.asarray(event.samples, dtype=np.float32))
            sample_rate = event.sample_rate
        elif isinstance(event, Cancelled):
            return None
        elif isinstance(event, Finished):
            sample_rate = event.sample_rate
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    return BlockAudio(job.index, samples, sample_rate, job.seed)
