"""The two ONNX front-end models shipped in every CosyVoice folder, run as the official code runs them.

- speech tokenizer (`speech_tokenizer_v2.onnx` / `_v3`): whisper log-mel (1, 128, T) + its length
  -> 25 Hz speech token ids.
- campplus (`campplus.onnx`): mean-normalised fbank (1, T, 80) -> 192-d speaker embedding.

Inputs and outputs are bound by position (the official frontend reads `get_inputs()[i].name`
and takes output 0), so files with other tensor names work the same.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

from studio.engine.errors import ModelFolderError


def providers_for(device: torch.device | str | None) -> list:
    """ONNX Runtime execution providers for `device`: CUDA's first when the model runs on a CUDA
    device and this onnxruntime has the CUDA provider (onnxruntime-gpu), the CPU's otherwise."""
    device = torch.device(device) if device is not None else torch.device("cpu")
    if device.type == "cuda" and "CUDAExecutionProvider" in ort.get_available_providers():
        return [("CUDAExecutionProvider", {"device_id": device.index or 0}), "CPUExecutionProvider"]
    return ["CPUExecutionProvider"]


def _session(path: Path, device: torch.device | str | None = None) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    providers = providers_for(device)
    if len(providers) > 1:
        try:
            return ort.InferenceSession(str(path), sess_options=options, providers=providers)
        except Exception:  # CUDA libraries missing or mismatched: the CPU provider below still works
            pass
    try:
        return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise ModelFolderError(
            f"{path.name} in {path.parent} is not a valid ONNX model ({str(exc).splitlines()[0][:200]}); "
            "the file may be truncated, download it again."
        ) from exc


class SpeechTokenizer:
    def __init__(self, path: Path, device: torch.device | str | None = None):
        self.path = path
        self.session = _session(path, device)
        inputs = self.session.get_inputs()
        if len(inputs) < 2:
            raise ModelFolderError(
                f"{path.name} should take 2 inputs (features, length), it takes {len(inputs)}."
            )
        self._feats_name, self._len_name = inputs[0].name, inputs[1].name

    def __call__(self, whisper_mel: torch.Tensor) -> torch.Tensor:
        """(1, 128, T) float32 -> (T4,) int32 speech tokens."""
        feats = whisper_mel.detach().cpu().numpy().astype(np.float32, copy=False)
        out = self.session.run(
            None, {self._feats_name: feats, self._len_name: np.array([feats.shape[2]], dtype=np.int32)}
        )[0]
        return torch.from_numpy(np.asarray(out).reshape(-1).astype(np.int32))


class SpeakerEncoder:
    def __init__(self, path: Path, device: torch.device | str | None = None):
        self.path = path
        self.session = _session(path, device)
        self._input_name = self.session.get_inputs()[0].name

    def __call__(self, fbank: torch.Tensor) -> torch.Tensor:
        """(T, 80) mean-normalised fbank -> (1, 192) float32 embedding."""
        feats = fbank.unsqueeze(0).detach().cpu().numpy().astype(np.float32, copy=False)
        out = self.session.run(None, {self._input_name: feats})[0]
        return torch.from_numpy(np.asarray(out, dtype=np.float32).reshape(1, -1))
