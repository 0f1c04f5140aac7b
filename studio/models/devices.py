"""Where a model runs: CUDA devices with their free memory, the precisions each allows, whether a model fits.

    devices = list_cuda_devices()              # [] on a CPU-only machine
    choice = recommend(DEFAULT_MODEL)          # DeviceChoice(device="cuda:0", precision="fp32", ...)
    fit_warning(DEFAULT_MODEL, devices[0], "fp16")   # None, or one sentence saying why it will not fit

Memory estimates are approximate: the checkpoint weights (llm.pt, flow.pt, hift.pt are stored in fp32) at the
chosen precision — the HiFT vocoder stays in fp32 — plus a fixed allowance for activations, the LM's key/value
cache and CUDA workspaces. The ONNX front-end models (speech tokenizer, speaker encoder) run on the CPU.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from studio.models.registry import GB, KnownModel, human_size

PRECISIONS = ("fp32", "fp16", "bf16")
RUNTIME_OVERHEAD = int(1.0 * GB)  # activations, KV cache, cuDNN/cuBLAS workspaces, allocator slack
COMFORT_MARGIN = int(0.5 * GB)  # what we like to leave free on the card for the desktop and other programs
_WEIGHT_FILES = ("llm.pt", "flow.pt", "hift.pt")
_BYTES_PER_PARAM = {"fp32": 4, "fp16": 2, "bf16": 2}

CPU_FALLBACK_TEXT = (
    "Voice Studio will run on the CPU. That works, but speech is generated several times more slowly than "
    "on an NVIDIA graphics card, so streaming playback may pause while it catches up."
)


@dataclass(frozen=True)
class CudaDevice:
    index: int
    name: str
    total: int  # bytes
    free: int  # bytes, when queried
    capability: tuple[int, int]

    @property
    def device(self) -> str:
        return f"cuda:{self.index}"

    @property
    def bf16(self) -> bool:
        return self.capability >= (8, 0)  # Ampere and newer

    @property
    def label(self) -> str:
        return f"{self.device}: {self.name} ({human_size(self.free)} free of {human_size(self.total)})"


@dataclass(frozen=True)
class DeviceChoice:
    device: str  # "cuda:N" or "cpu"
    precision: str
    warning: str | None = None  # set when the model may not fit where it was asked to run
    explanation: str | None = None  # set for the CPU: why, and what it means


def _torch():
    import torch

    return torch


def cpu_fallback_reason() -> str | None:
    """Why CUDA cannot be used (one sentence), or None when at least one CUDA device works."""
    torch = _torch()
    if os.environ.get("CUDA_VISIBLE_DEVICES", None) == "":
        return "CUDA_VISIBLE_DEVICES is empty, so no NVIDIA GPU is visible to Voice Studio."
    if getattr(torch.version, "cuda", None) is None and not torch.cuda.is_available():
        return "This PyTorch has no CUDA support; install the CUDA build of PyTorch to use an NVIDIA graphics card."
    try:
        if not torch.cuda.is_available() or torch.cuda.device_count() == 0:
            return "No NVIDIA GPU was found, or its driver is not loaded or too old for this PyTorch."
    except RuntimeError as exc:
        return f"The NVIDIA driver did not answer ({str(exc).splitlines()[0]})."
    return None


def list_cuda_devices() -> list[CudaDevice]:
    """Every CUDA device with its name, total and currently free memory; [] when CUDA cannot be used."""
    torch = _torch()
    if cpu_fallback_reason() is not None:
        return []
    out = []
    for i in range(torch.cuda.device_count()):
        try:
            props = torch.cuda.get_device_properties(i)
            total = int(props.total_memory)
            try:
                free, total = (int(v) for v in torch.cuda.mem_get_info(i))
            except RuntimeError:  # the device is busy/broken for this process: report it as full
                free = 0
            out.append(CudaDevice(i, str(props.name), total, free, (int(props.major), int(props.minor))))
        except (RuntimeError, AssertionError):
            continue
    return out


def precision_choices(device: str | CudaDevice | None) -> list[str]:
    """fp32 everywhere; fp16 on CUDA; bf16 on CUDA cards that support it (compute capability 8.0+)."""
    if device is None or (isinstance(device, str) and not device.startswith("cuda")):
        return ["fp32"]
    if isinstance(device, str):
        index = int(device.split(":", 1)[1]) if ":" in device else 0
        found = [d for d in list_cuda_devices() if d.index == index]
        if not found:
            return ["fp32"]
        device = found[0]
    return ["fp32", "fp16", "bf16"] if device.bf16 else ["fp32", "fp16"]


def weight_bytes(model: KnownModel | str | os.PathLike[str]) -> dict[str, int]:
    """fp32 sizes of the weight files: the real files for a folder, the registry's estimates for a known model."""
    if isinstance(model, KnownModel):
        sizes = {f.path: f.approx_size for f in model.files}
        return {name: sizes.get(name, 0) for name in _WEIGHT_FILES}
    folder = Path(model)
    return {
        name: (folder / name).stat().st_size if (folder / name).is_file() else 0 for name in _WEIGHT_FILES
    }


def estimate_memory(model: KnownModel | str | os.PathLike[str], precision: str = "fp32") -> int:
    """Approximate GPU memory (bytes) to run `model` at `precision`."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}")
    w = weight_bytes(model)
    scale = _BYTES_PER_PARAM[precision] / 4
    return int((w["llm.pt"] + w["flow.pt"]) * scale + w["hift.pt"] + RUNTIME_OVERHEAD)


def _model_name(model: KnownModel | str | os.PathLike[str]) -> str:
    return model.name if isinstance(model, KnownModel) else Path(model).name


def fit_warning(model: KnownModel | str | os.PathLike[str], device: CudaDevice, precision: str) -> str | None:
    """One sentence when `model` will probably not fit in `device`'s free memory at `precision`, else None."""
    if precision == "bf16" and not device.bf16:
        return f"{device.name} does not support bf16; choose fp16 or fp32."
    need = estimate_memory(model, precision)
    if need <= device.free:
        return None
    smaller = [p for p in precision_choices(device) if estimate_memory(model, p) <= device.free]
    hint = f"choose {' or '.join(smaller)}, " if smaller and precision not in smaller else ""
    return (
        f"{_model_name(model)} needs about {human_size(need)} of GPU memory in {precision} but {device.name} has "
        f"only {human_size(device.free)} free; {hint}close programs that use the GPU, or run on the CPU (slower)."
    )


def recommend(
    model: KnownModel | str | os.PathLike[str], devices: list[CudaDevice] | None = None
) -> DeviceChoice:
    """The device with the most free memory, fp32 if it fits with room to spare, else half precision, else CPU."""
    devices = list_cuda_devices() if devices is None else devices
    if not devices:
        reason = cpu_fallback_reason() or "No usable NVIDIA GPU was found."
        return DeviceChoice("cpu", "fp32", None, f"{reason} {CPU_FALLBACK_TEXT}")
    best = max(devices, key=lambda d: d.free)
    if estimate_memory(model, "fp32") + COMFORT_MARGIN <= best.free:
        return DeviceChoice(best.device, "fp32")
    half = "bf16" if best.bf16 else "fp16"
    if estimate_memory(model, half) <= best.free:
        return DeviceChoice(best.device, half)
    warning = fit_warning(model, best, half)
    return DeviceChoice("cpu", "fp32", warning, f"{warning} {CPU_FALLBACK_TEXT}")


def torch_dtype(precision: str):
    """The torch dtype for a precision name (for the engine's loader)."""
    torch = _torch()
    return {"fp32": torch.float32, "fp16": torch.float16, "bf16": torch.bfloat16}[precision]
