"""Whisper through transformers (`WhisperForConditionalGeneration`), from a model folder in the Hugging
Face layout (config.json, generation_config.json, model.safetensors, preprocessor/tokenizer files), as
downloaded by the model manager or found in the Hugging Face cache. Nothing is fetched: the folder is
opened with `local_files_only=True`.

Language: given (an ISO code Whisper knows) or detected by the model. Confidence: exp of the mean
log-probability of the generated text tokens (special tokens excluded), the usual "avg_logprob" of
Whisper's own transcribe(), mapped to [0, 1].
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from studio.transcribe.base import SAMPLE_RATE, Piece, Recognition, Recognizer, as_mono_16k
from studio.transcribe.errors import Cancelled, RecognizerUnavailable

MAX_NEW_TOKENS = 220  # 30 s of speech is well under this; guards against a looping decoder
REQUIRED_FILES = ("config.json", "model.safetensors")


class _CancelCriteria:
    """A transformers StoppingCriteria that raises Cancelled when the event is set."""

    def __init__(self, cancel: threading.Event) -> None:
        self.cancel = cancel

    def __call__(self, input_ids, scores, **kwargs):
        if self.cancel.is_set():
            raise Cancelled("recognition cancelled")
        import torch

        return torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)


class WhisperRecognizer(Recognizer):
    name = "whisper"
    label = "Whisper"
    languages = frozenset()  # ~100 languages

    def __init__(self, folder: str | Path, *, name: str | None = None, device: str | None = None) -> None:
        folder = Path(folder)
        missing = [f for f in REQUIRED_FILES if not (folder / f).is_file()]
        if missing:
            raise RecognizerUnavailable(
                f"{folder} is not a complete Whisper model folder (missing {', '.join(missing)}); "
                "download it again with: voice-studio models download <name>."
            )
        try:
            import torch
            from transformers import WhisperForConditionalGeneration, WhisperProcessor
            from transformers.utils import logging as hf_logging
        except ImportError:
            raise RecognizerUnavailable(
                "Whisper needs transformers and torch: pip install transformers."
            ) from None
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        if name:
            self.name = name
        self.label = f"Whisper ({folder.name})"
        self.folder = folder
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        dtype = torch.float16 if self.device.startswith("cuda") else torch.float32
        try:
            self.processor = WhisperProcessor.from_pretrained(str(folder), local_files_only=True)
            self.model = (
                WhisperForConditionalGeneration.from_pretrained(
                    str(folder), local_files_only=True, dtype=dtype
                )
                .to(self.device)
                .eval()
            )
        except Exception as exc:
            raise RecognizerUnavailable(
                f"The Whisper model in {folder} cannot be loaded ({str(exc).splitlines()[0][:160]}); "
                "verify or download it again: voice-studio models verify <name>."
            ) from None
        self.dtype = dtype
        gen = self.model.generation_config
        self._lang_ids = {tok.strip("<|>"): i for tok, i in (getattr(gen, "lang_to_id", None) or {}).items()}
        self.languages = frozenset(self._lang_ids)

    def transcribe(
        self, audio: np.ndarray, *, language: str | None = None, cancel: threading.Event | None = None
    ) -> Recognition:
        import torch
        from transformers import StoppingCriteriaList

        data = as_mono_16k(audio)
        features = self.processor(data, sampling_rate=SAMPLE_RATE, return_tensors="pt").input_features
        features = features.to(self.device, self.dtype)
        lang = language if language in self._lang_ids else None
        limit = min(MAX_NEW_TOKENS, int(self.model.config.max_target_positions) - 8)
        stopping = StoppingCriteriaList([_CancelCriteria(cancel)]) if cancel is not None else None
        with torch.inference_mode():
            out = self.model.generate(
                features,
                language=lang,
                task="transcribe",
                max_new_tokens=max(1, limit),
                return_dict_in_generate=True,
                output_scores=True,
                stopping_criteria=stopping,
            )
            scores = self.model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True)
        seq = out.sequences[0].tolist()
        tok = self.processor.tokenizer
        special = set(tok.all_special_ids)
        # transition scores cover the generated tail of the sequence
        gen_ids = seq[len(seq) - scores.shape[1] :]
        pieces = []
        for tid, lp in zip(gen_ids, scores[0].tolist()):
            if tid in special or tid >= len(tok):
                continue
            pieces.append(Piece(tok.decode([tid]), float(np.exp(lp))))
        heard = next((t for t, i in self._lang_ids.items() if i in seq[:4]), "")
        text = tok.decode(seq, skip_special_tokens=True).strip()
        logps = [np.log(max(p.confidence, 1e-12)) for p in pieces]
        confidence = float(np.exp(np.mean(logps))) if logps else 0.0
        return Recognition(self.name, text, lang or heard, confidence, tuple(pieces))

    def to(self, device: str) -> None:
        """Move the loaded model to `device` (float16 on CUDA, float32 elsewhere); nothing is re-read."""
        import torch

        device = str(device)
        if device == self.device or self.model is None:
            return
        dtype = torch.float16 if device.startswith("cuda") else torch.float32
        self.model = self.model.to(device=device, dtype=dtype)
        self.device, self.dtype = device, dtype

    def close(self) -> None:
        self.model = None
