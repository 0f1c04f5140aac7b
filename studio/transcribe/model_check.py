"""Structural checks of downloaded recognizer folders, for the model manager's verify (no weights loaded).

whisper:    config.json is a Whisper config; every tensor name and shape in model.safetensors matches the
            model transformers builds from that config (built on the meta device: no memory); the
            tokenizer loads.
sensevoice / paraformer (sherpa-onnx): model.int8.onnx (or model.onnx) is an ONNX file and tokens.txt is a
            "<token> <id>" table; with onnx=True the model is also opened by onnxruntime.
"""

from __future__ import annotations

import json
from pathlib import Path

RECOGNIZER_FAMILIES = ("whisper", "sensevoice", "paraformer")


def detect_recognizer_family(folder: Path, hint: str | None = None) -> str | None:
    if hint in RECOGNIZER_FAMILIES:
        return hint
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") == "whisper":
            return "whisper"
    except (OSError, ValueError, AttributeError):
        pass
    return None


def check_recognizer_folder(folder: Path, family: str, onnx: bool = False) -> tuple[list[str], str | None]:
    """(what was checked, the first problem or None)."""
    if family == "whisper":
        return _check_whisper(folder)
    return _check_sherpa(folder, onnx)


def _check_whisper(folder: Path) -> tuple[list[str], str | None]:
    checked: list[str] = []
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return checked, f"config.json in {folder} cannot be read ({exc}); download the model again."
    if config.get("model_type") != "whisper":
        return checked, f"config.json in {folder} is not a Whisper configuration."
    checked.append("config.json: a Whisper configuration")
    weights = folder / "model.safetensors"
    if not weights.is_file():
        return checked, f"model.safetensors is missing from {folder}; download the model again."
    try:
        import torch
        from safetensors import safe_open
        from transformers import WhisperConfig, WhisperForConditionalGeneration

        with safe_open(str(weights), framework="pt") as f:
            stored = {k: tuple(f.get_slice(k).get_shape()) for k in f.keys()}  # noqa: SIM118
        with torch.device("meta"):
            model = WhisperForConditionalGeneration(WhisperConfig.from_dict(config))
        expected = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    except Exception as exc:
        return checked, f"model.safetensors in {folder} cannot be read ({str(exc)[:160]}); download it again."
    tied = {"proj_out.weight"}  # tied to the decoder's token embedding; releases may omit it
    for name, shape in expected.items():
        key = (
            name
            if name in stored
            else next((k for k in (f"model.{name}", name.removeprefix("model.")) if k in stored), None)
        )
        if key is None:
            if name in tied:
                continue
            return checked, f"model.safetensors in {folder} has no tensor {name}; download the model again."
        if stored[key] != shape:
            return checked, (
                f"model.safetensors in {folder}: {name} has shape {list(stored[key])}, the config needs "
                f"{list(shape)}; the files do not belong together."
            )
    checked.append(f"model.safetensors: {len(expected)} tensors match the config")
    try:
        from transformers import WhisperTokenizerFast

        WhisperTokenizerFast.from_pretrained(str(folder), local_files_only=True)
    except Exception as exc:
        return checked, f"The tokenizer in {folder} does not load ({str(exc)[:160]})."
    checked.append("tokenizer loads")
    return checked, None


def _check_sherpa(folder: Path, onnx: bool) -> tuple[list[str], str | None]:
    from studio.transcribe.sherpa_backend import model_file

    checked: list[str] = []
    model = model_file(folder)
    if model is None:
        return checked, f"{folder} has no model.int8.onnx; download the model again."
    with open(model, "rb") as f:
        head = f.read(2)
    if len(head) < 2 or head[0] != 0x08:  # an ONNX ModelProto starts with field 1 (ir_version), varint
        return checked, f"{model.name} in {folder} is not an ONNX file; download the model again."
    checked.append(f"{model.name}: an ONNX file")
    try:
        lines = (folder / "tokens.txt").read_text(encoding="utf-8").splitlines()
        ids = [int(line.rsplit(" ", 1)[1]) for line in lines if line.strip()]
    except (OSError, ValueError, IndexError):
        return checked, f"tokens.txt in {folder} is missing or not a '<token> <id>' table."
    if not ids:
        return checked, f"tokens.txt in {folder} is empty."
    checked.append(f"tokens.txt: {len(ids)} tokens")
    if onnx:
        try:
            import onnxruntime as ort

            ort.InferenceSession(str(model), providers=["CPUExecutionProvider"])
        except Exception as exc:
            return checked, f"{model.name} in {folder} does not load in onnxruntime ({str(exc)[:160]})."
        checked.append(f"{model.name}: loads in onnxruntime")
    return checked, None
