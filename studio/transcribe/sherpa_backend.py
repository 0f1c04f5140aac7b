"""SenseVoice-Small and Paraformer (Mandarin) through sherpa-onnx, from the sherpa-onnx model folders
(`model.int8.onnx` or `model.onnx`, and `tokens.txt`) the model manager downloads.

SenseVoice-Small knows zh, yue, en, ja, ko (its own languages) and reports which one it heard (it
detects the language itself; a language hint is not passed on);
Paraformer is Mandarin only. sherpa-onnx gives no token probabilities for these models, so their
confidence is reported as 0.5 (unknown): when they disagree with another recognizer the clip goes to
review; when they agree, the text of the recognizer that does give a confidence is taken.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import numpy as np

from studio.transcribe.base import SAMPLE_RATE, Piece, Recognition, Recognizer, as_mono_16k
from studio.transcribe.errors import Cancelled, RecognizerUnavailable

UNKNOWN_CONFIDENCE = 0.5
_TAG = re.compile(r"<\|[^|<>]*\|>")  # SenseVoice's language / emotion / event tags
SENSEVOICE_LANGUAGES = frozenset({"zh", "yue", "en", "ja", "ko"})


def model_file(folder: Path) -> Path | None:
    for name in ("model.int8.onnx", "model.onnx"):
        if (folder / name).is_file():
            return folder / name
    return None


class SherpaRecognizer(Recognizer):
    """kind: "sensevoice" or "paraformer"."""

    def __init__(self, folder: str | Path, kind: str, *, name: str | None = None, threads: int = 1) -> None:
        folder = Path(folder)
        model = model_file(folder)
        if model is None or not (folder / "tokens.txt").is_file():
            raise RecognizerUnavailable(
                f"{folder} is not a complete sherpa-onnx {kind} folder (it needs model.int8.onnx and "
                "tokens.txt); download it again with: voice-studio models download <name>."
            )
        try:
            import sherpa_onnx
        except ImportError:
            raise RecognizerUnavailable(
                f"The {kind} recognizer needs the sherpa-onnx package: pip install 'voice-studio[asr]'."
            ) from None
        self.kind = kind
        self.name = name or kind
        self.label = {"sensevoice": "SenseVoice-Small", "paraformer": "Paraformer (Mandarin)"}.get(kind, kind)
        self.languages = SENSEVOICE_LANGUAGES if kind == "sensevoice" else frozenset({"zh"})
        try:
            if kind == "sensevoice":
                self._rec = sherpa_onnx.OfflineRecognizer.from_sense_voice(
                    model=str(model), tokens=str(folder / "tokens.txt"), num_threads=threads, use_itn=True
                )
            else:
                self._rec = sherpa_onnx.OfflineRecognizer.from_paraformer(
                    paraformer=str(model), tokens=str(folder / "tokens.txt"), num_threads=threads
                )
        except Exception as exc:
            raise RecognizerUnavailable(
                f"The {kind} model in {folder} cannot be loaded ({str(exc).splitlines()[0][:160]})."
            ) from None

    def transcribe(
        self, audio: np.ndarray, *, language: str | None = None, cancel: threading.Event | None = None
    ) -> Recognition:
        if cancel is not None and cancel.is_set():
            raise Cancelled("recognition cancelled")
        stream = self._rec.create_stream()
        stream.accept_waveform(SAMPLE_RATE, as_mono_16k(audio))
        self._rec.decode_stream(stream)
        result = stream.result
        text = " ".join(_TAG.sub(" ", result.text or "").split())
        lang = (getattr(result, "lang", "") or "").strip().strip("<|>")
        heard = lang if lang in self.languages else ("zh" if self.kind == "paraformer" else "")
        tokens = [t for t in (getattr(result, "tokens", None) or []) if not _TAG.fullmatch(t.strip())]
        pieces = tuple(Piece(t, UNKNOWN_CONFIDENCE) for t in tokens)
        return Recognition(self.name, text, heard, UNKNOWN_CONFIDENCE, pieces)
