"""PocketSphinx: a basic offline English recognizer whose model ships inside the `pocketsphinx` wheel.

It needs no download and runs anywhere, so it is always available, but it is a 2010s-era HMM
recognizer: fine for clean read English, poor on anything else, and English only. It is offered as
"basic offline English" and used by default only when no downloaded recognizer is installed.

Confidence: the mean word posterior probability PocketSphinx computes for its best path (fillers and
silences excluded).
"""

from __future__ import annotations

import threading

import numpy as np

from studio.transcribe.base import SAMPLE_RATE, Piece, Recognition, Recognizer, as_mono_16k
from studio.transcribe.errors import Cancelled, RecognizerUnavailable

FRAME_RATE = 100  # PocketSphinx frames per second
PAD_S = 0.5  # silence added on both sides: its cepstral mean and noise estimates need some to start from
DITHER = 1e-3  # -60 dBFS noise floor: digital silence (or a clean synthetic voice) confuses those estimates
BLOCK = SAMPLE_RATE // 2  # feed half a second at a time so cancel is honoured


def available() -> bool:
    try:
        import pocketsphinx  # noqa: F401
    except ImportError:
        return False
    return True


class PocketSphinxRecognizer(Recognizer):
    name = "pocketsphinx"
    label = "PocketSphinx (basic offline English)"
    languages = frozenset({"en"})

    def __init__(self) -> None:
        try:
            from pocketsphinx import Decoder
        except ImportError:
            raise RecognizerUnavailable(
                "PocketSphinx is not installed: pip install pocketsphinx (its English model is inside it)."
            ) from None
        self._decoder = Decoder(samprate=SAMPLE_RATE, loglevel="FATAL")

    def transcribe(
        self, audio: np.ndarray, *, language: str | None = None, cancel: threading.Event | None = None
    ) -> Recognition:
        data = as_mono_16k(audio)
        pad = np.zeros(round(PAD_S * SAMPLE_RATE), np.float32)
        data = np.concatenate([pad, data, pad])
        data = data + DITHER * np.random.default_rng(0).standard_normal(data.size).astype(np.float32)
        pcm = (np.clip(data, -1.0, 1.0) * 32767.0).astype("<i2")
        d = self._decoder
        d.start_utt()
        try:
            for i in range(0, pcm.size, BLOCK):
                if cancel is not None and cancel.is_set():
                    raise Cancelled("recognition cancelled")
                d.process_raw(pcm[i : i + BLOCK].tobytes(), no_search=False, full_utt=False)
        finally:
            d.end_utt()
        pieces = []
        hyp = d.hyp()
        if hyp is not None:
            for seg in d.seg():
                word = seg.word
                if word.startswith(("<", "[")) or word in ("<sil>",):
                    continue
                word = word.split("(")[0]  # alternate pronunciations: the(2) -> the
                pieces.append(
                    Piece(
                        word,
                        float(
                            min(1.0, max(0.0, seg.prob))
                        ),  # the wrapper gives the posterior as a probability
                        max(0.0, seg.start_frame / FRAME_RATE - PAD_S),
                        max(0.0, seg.end_frame / FRAME_RATE - PAD_S),
                    )
                )
        text = " ".join(p.text for p in pieces)
        confidence = float(np.mean([p.confidence for p in pieces])) if pieces else 0.0
        return Recognition(self.name, text, "en", confidence, tuple(pieces))
