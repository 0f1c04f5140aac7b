"""A prepared voice: the prompt features a model needs, computed once from a reference clip.

Saved as one safetensors file (tensors + a JSON header in the file's metadata), so the library
can store it and the engine can load it without recomputing anything.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, safe_open, save_file

from studio.engine.errors import AudioInputError
from studio.fileperm import default_file_mode

FORMAT = "voice-studio-voice/1"


@dataclass
class Voice:
    """Prompt features for one model family.

    speech_tokens / prompt_mel are the full (untruncated) prompt; `zero_shot_prompt()` applies
    the official rule that the mel has exactly 2 frames per token.
    """

    family: str
    speech_tokens: torch.Tensor  # (N,) int32, 25 Hz
    prompt_mel: torch.Tensor  # (M, 80) float32, 50 Hz
    embedding: torch.Tensor  # (192,) float32 campplus speaker embedding
    transcript: str | None = None
    transcript_ids: list[int] | None = None  # pre-tokenised transcript (official spk2info voices)
    truncated: bool = False  # features were stored already truncated (spk2info)
    sample_rate: int = 0
    seconds: float = 0.0
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def zero_shot_prompt(self, token_mel_ratio: int = 2) -> tuple[torch.Tensor, torch.Tensor]:
        """(tokens, mel) cut so that len(mel) == token_mel_ratio * len(tokens)."""
        if self.truncated:
            return self.speech_tokens, self.prompt_mel
        n = min(int(self.prompt_mel.shape[0] / token_mel_ratio), self.speech_tokens.shape[0])
        return self.speech_tokens[:n], self.prompt_mel[: token_mel_ratio * n]

    def save(self, path: str | Path) -> Path:
        """Write atomically (temp file + rename) so a crash never leaves a half file."""
        path = Path(path)
        tensors = {
            "speech_tokens": self.speech_tokens.to(torch.int32).contiguous(),
            "prompt_mel": self.prompt_mel.float().contiguous(),
            "embedding": self.embedding.float().reshape(-1).contiguous(),
        }
        if self.transcript_ids is not None:
            tensors["transcript_ids"] = torch.tensor(self.transcript_ids, dtype=torch.int64)
        header = {
            "format": FORMAT,
            "family": self.family,
            "transcript": self.transcript,
            "truncated": self.truncated,
            "sample_rate": self.sample_rate,
            "seconds": self.seconds,
            "source": self.source,
            "meta": self.meta,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        # A sibling name, renamed into place once complete; it gets the mode of any new file under
        # the user's umask (0600 would make it unreadable to anyone the user shares voices with).
        tmp = str(path.with_name(f".voice-{secrets.token_hex(6)}.tmp"))
        try:
            save_file(tensors, tmp, metadata={"voice": json.dumps(header, ensure_ascii=False)})
            os.chmod(tmp, default_file_mode())  # save_file makes it 0600
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return path

    @classmethod
    def load(cls, path: str | Path) -> Voice:
        path = Path(path)
        if not path.is_file():
            raise AudioInputError(f"The prepared voice file {path} does not exist.")
        try:
            with safe_open(str(path), framework="pt") as fh:
                meta = fh.metadata() or {}
            tensors = load_file(str(path))
            header = json.loads(meta["voice"])
        except Exception as exc:
            raise AudioInputError(f"{path.name} is not a prepared voice file ({exc}).") from exc
        if header.get("format") != FORMAT:
            raise AudioInputError(f"{path.name} has format {header.get('format')!r}; expected {FORMAT}.")
        ids = tensors.get("transcript_ids")
        return cls(
            family=header["family"],
            speech_tokens=tensors["speech_tokens"],
            prompt_mel=tensors["prompt_mel"],
            embedding=tensors["embedding"],
            transcript=header.get("transcript"),
            transcript_ids=ids.tolist() if ids is not None else None,
            truncated=bool(header.get("truncated", False)),
            sample_rate=int(header.get("sample_rate", 0)),
            seconds=float(header.get("seconds", 0.0)),
            source=header.get("source", ""),
            meta=header.get("meta", {}),
        )
