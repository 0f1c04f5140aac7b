"""The content fingerprint of a block: what decides whether its audio can be reused.

A block is rendered again only when one of its inputs changes: the text after normalization
(Unicode NFC, whitespace collapsed), the voice (the SHA-256 of its prepared `.voice.safetensors`),
the model folder hash (`studio.library.model_folder_hash`), the mode, the instruction, the speed and
the seed; for a subtitle cue also the cue's length and the speed-up limit, which decide a re-fit.
"""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata

FINGERPRINT_VERSION = 1


def normalize_text(text: str) -> str:
    """NFC with runs of whitespace collapsed to one space and the ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


@functools.lru_cache(maxsize=1 << 16)  # reloading a 1,000-block project recomputes only what changed
def block_fingerprint(
    *,
    text: str,
    voice_sha256: str,
    model_hash: str,
    mode: str,
    instruction: str,
    speed: float,
    seed: int,
    cue_ms: int | None = None,
    max_speed: float | None = None,
) -> str:
    """A hex SHA-256 over the block's render inputs (stable across runs and machines)."""
    payload = {
        "v": FINGERPRINT_VERSION,
        "text": normalize_text(text),
        "voice": voice_sha256,
        "model": model_hash,
        "mode": mode,
        "instruction": normalize_text(instruction) if mode == "instruct" else "",
        "speed": round(float(speed), 4),
        "seed": int(seed),
    }
    if cue_ms is not None:
        payload["cue_ms"] = int(cue_ms)
        payload["max_speed"] = round(float(max_speed or 1.0), 4)
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(data).hexdigest()
