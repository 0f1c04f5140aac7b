"""Speed presets: "exact" (the official numerics, what the parity harness checks) and "fast".

exact
    Every module in the model folder's precision (fp32 unless `precision=` says otherwise) and the
    yaml's flow step count (10 for both released models). Bit-for-bit the engine the parity harness
    (`python -m studio.engine.parity`) checks against the official outputs. On the CPU every
    preset's fp32 linear layers run on oneDNN (studio/engine/cpu_linear.py: twice MKL's speed
    for the LM's one-row products on AMD processors, float32 rounding apart).

fast
    Approximations chosen by measurement on a 2-thread AMD EPYC (AVX-512, AVX512-BF16, VNNI), see
    the README's "Fast preset" section for the figures:

    - On the CPU, the LM backbone's linear layers (q/k/v/o and the MLP of all 24 Qwen2 layers) run as
      int8 dynamic quantization (`torch.ao.quantization.quantize_dynamic`, per-channel int8 weights,
      activations quantized per call; fbgemm kernels, VNNI on this CPU). The LM is memory-bound
      (1.43 GB of fp32 weights read per token); int8 reads a quarter of that. Measured alternatives
      that lost: weight-only int8 `torch._weight_int8pack_mm` (what torchao's int8 weight-only
      config calls on CPUs) and bf16 weights (no AMX here: bf16 mat-vec was slower than fp32). The
      speech head (`llm_decoder`), the embeddings and sampling stay fp32.
    - On CUDA, the LM and flow run in bf16 (fp16 where the GPU has no bf16), which is what makes GPU
      decode fast; int8 dynamic quantization is a CPU-only kernel.
    - The flow's Euler solver takes fewer steps (`FAST_FLOW_STEPS`, user-selectable from
      `MIN_FLOW_STEPS` to the yaml's count). Flow cost is linear in the step count; the cosine
      schedule keeps the first and last step sizes small, so 5 steps stay close to 10 (the quality
      guard in tests/engine/test_presets.py states the distance that holds).
    - On the CPU, the flow estimator's linear layers run in int8 too, for both families (its
      convolutions, norms and attention stay fp32). CosyVoice 3's DiT: one estimator call at 600
      frames 13.9 s instead of 29.1 s, relative difference 3 % with random weights. CosyVoice 2's
      U-Net, whose time is ~56 % linear layers (profile in the README): on a quiet machine the
      first streamed chunk's flow solve took 1.64-1.79 s instead of 2.69-4.02 s and a 10 s
      non-streaming flow 7.9 s instead of 9.8 s (an earlier "no faster" figure, 10.9 s against
      9.5 s, was taken with the machine's two cores shared by other jobs); bf16 stays slower
      than fp32 here (no AMX).
    - Everything else (front end, flow encoder, vocoder) is the exact path.

The fast preset's output is not the official output: its real-voice quality must be judged by ear
on the real checkpoints.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import torch
from torch import nn

from studio.engine.cpu_linear import OneDNNLinear
from studio.engine.errors import RequestError

PRESETS = ("exact", "fast")
FAST_FLOW_STEPS = 5  # the default of the fast preset (measured: see the module docstring)
MIN_FLOW_STEPS = 3


@dataclass(frozen=True)
class Preset:
    """What a loaded engine does differently from the model folder's own settings."""

    name: str  # "exact" | "fast"
    flow_steps: int  # Euler steps of the flow solve
    lm_quantization: str | None  # None | "int8-dynamic"
    dtype_override: str | None = None  # None | "bf16" | "fp16": LM + flow precision (CUDA fast)
    flow_quantization: str | None = None  # None | "int8-dynamic": the flow estimator's linears

    @property
    def label(self) -> str:
        """Short provenance string, e.g. "fast (5 flow steps, LM int8, flow int8)"."""
        if self.name == "exact":
            return "exact"
        parts = [f"{self.flow_steps} flow steps"]
        if self.lm_quantization:
            parts.append("LM int8")
        if self.flow_quantization:
            parts.append("flow int8")
        if self.dtype_override:
            parts.append(self.dtype_override)
        return f"{self.name} ({', '.join(parts)})"


def resolve_preset(
    name: str,
    yaml_steps: int,
    device: torch.device,
    flow_steps: int | None = None,
    precision: str = "fp32",
) -> Preset:
    """The preset `name` on `device` for a model whose yaml asks for `yaml_steps` Euler steps.

    `flow_steps` overrides the step count (fast only; MIN_FLOW_STEPS..yaml_steps).
    Raises RequestError for an unknown preset or step count.
    """
    if name not in PRESETS:
        raise RequestError(f"Preset must be one of {', '.join(PRESETS)}, not {name!r}.")
    if name == "exact":
        if flow_steps is not None and flow_steps != yaml_steps:
            raise RequestError(
                f"The exact preset solves the flow in the model's own {yaml_steps} steps; "
                "choose the fast preset to use fewer."
            )
        return Preset("exact", yaml_steps, None)
    steps = FAST_FLOW_STEPS if flow_steps is None else int(flow_steps)
    steps = min(steps, yaml_steps) if flow_steps is None else steps
    if not (MIN_FLOW_STEPS <= steps <= yaml_steps):
        raise RequestError(
            f"Flow steps must be between {MIN_FLOW_STEPS} and the model's {yaml_steps}, not {flow_steps}."
        )
    if device.type == "cuda":
        dtype = None
        if precision == "fp32":
            dtype = "bf16" if torch.cuda.is_bf16_supported() else "fp16"
        return Preset("fast", steps, None, dtype)
    int8 = "int8-dynamic" if int8_dynamic_available() else None
    return Preset("fast", steps, int8, None, int8)  # LM and flow estimator linears


def int8_dynamic_available() -> bool:
    """Whether this torch build has a CPU int8 dynamic-quantization engine (fbgemm or x86)."""
    engines = torch.backends.quantized.supported_engines
    return any(e in engines for e in ("fbgemm", "x86"))


def quantize_linear_int8(module: nn.Module, skip: tuple[str, ...] = ()) -> nn.Module:
    """Replace every nn.Linear under `module` (except names starting with `skip`) by its int8
    dynamic-quantized form, in place. CPU only; weights per output channel, activations per call.

    fbgemm's kernels are used when the build has them (measured fastest for 1-row mat-vecs on
    AVX-512 VNNI); the global quantized engine is restored afterwards.
    """
    from torch.ao.quantization import default_dynamic_qconfig, per_channel_dynamic_qconfig, quantize_dynamic

    engines = torch.backends.quantized.supported_engines
    previous = torch.backends.quantized.engine
    engine = "fbgemm" if "fbgemm" in engines else "x86"
    names = {
        name
        for name, sub in module.named_modules()
        if isinstance(sub, nn.Linear) and not any(name.startswith(s) for s in skip)
    }
    for name, sub in module.named_modules():
        if name in names and type(sub) is OneDNNLinear:
            sub.__class__ = nn.Linear  # quantize_dynamic maps exact types
    qconfig = per_channel_dynamic_qconfig if engine in ("fbgemm", "x86") else default_dynamic_qconfig
    try:
        torch.backends.quantized.engine = engine
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.ao.quantization's deprecation notice
            quantize_dynamic(module, {name: qconfig for name in names}, dtype=torch.qint8, inplace=True)
    finally:
        torch.backends.quantized.engine = previous
    return module


def apply_lm_preset(lm: nn.Module, preset: Preset) -> nn.Module:
    """The LM as `preset` runs it (in place).

    int8: only the Qwen2 layers (the speech head decides every token and costs 1/40 of the layers),
    one layer at a time; each layer's fp32 pages are handed back to the kernel once its int8 copy
    exists, so the memory-mapped llm.pt never has to be resident as a whole (peak RSS stays below
    the exact preset's).
    """
    if preset.lm_quantization == "int8-dynamic":
        for layer in lm.backbone.layers:
            old = [m.weight for m in layer.modules() if isinstance(m, nn.Linear)]
            fuse_projections(layer)
            quantize_linear_int8(layer)
            attach_fused_views(layer)
            for weight in old:
                release_pages(weight)
            del old
    return lm


class _OutputSlice(nn.Module):
    """Columns [start, end) of a fused projection's output: what the replaced q/k/v (or gate/up)
    projection returned, for code that calls it by its old name (transformers' own forward)."""

    def __init__(self, fused: nn.Module, start: int, end: int):
        super().__init__()
        self.fused, self.start, self.end = fused, start, end

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fused(x)[..., self.start : self.end]


def fuse_projections(layer: nn.Module) -> None:
    """One Qwen2 decoder layer: q/k/v become one `self_attn.qkv_proj`, gate/up one `mlp.gate_up_proj`
    (weights and biases concatenated along the output dimension), before int8 quantization.

    int8 dynamic quantization scales weights per output channel and activations per call from the
    same input, so the fused int8 product is bit-identical to the three (two) separate ones
    (tests/engine/test_presets.py); a token's step makes 96 quantized calls instead of 168, each
    with its own activation quantization and Python dispatch.
    """
    attn, mlp = layer.self_attn, layer.mlp
    groups = (
        (attn, "qkv_proj", ("q_proj", "k_proj", "v_proj")),
        (mlp, "gate_up_proj", ("gate_proj", "up_proj")),
    )
    for owner, fused_name, names in groups:
        parts = [getattr(owner, name) for name in names]
        has_bias = [p.bias is not None for p in parts]
        if len(set(has_bias)) != 1:
            continue  # a checkpoint with mixed biases keeps its separate projections
        fused = nn.Linear(parts[0].in_features, sum(p.out_features for p in parts), bias=has_bias[0])
        with torch.no_grad():
            fused.weight.copy_(torch.cat([p.weight for p in parts]))
            if has_bias[0]:
                fused.bias.copy_(torch.cat([p.bias for p in parts]))
        fused.to(parts[0].weight.device)
        setattr(owner, fused_name, fused)
        owner.fused_sizes = [p.out_features for p in parts]
        owner.fused_names = names
        for name in names:
            delattr(owner, name)


def attach_fused_views(layer: nn.Module) -> None:
    """After quantization: the old projection names as slices of the (quantized) fused one."""
    for owner, fused_name in ((layer.self_attn, "qkv_proj"), (layer.mlp, "gate_up_proj")):
        fused = getattr(owner, fused_name, None)
        if fused is None:
            continue
        start = 0
        for name, size in zip(owner.fused_names, owner.fused_sizes, strict=True):
            object.__setattr__(owner, name, _OutputSlice(fused, start, start + size))  # not a submodule
            start += size


def apply_flow_preset(flow: nn.Module, preset: Preset) -> nn.Module:
    """The flow as `preset` runs it (in place): int8 linears in the estimator when asked."""
    if preset.flow_quantization == "int8-dynamic":
        quantize_linear_int8(flow.decoder.estimator)
    return flow


def release_pages(tensor: torch.Tensor) -> None:
    """Tell the kernel that the whole pages inside a CPU tensor's own storage are no longer needed.

    For the memory-mapped checkpoint tensors this drops them from the resident set (they are
    re-read from the file if ever touched again). Only for a tensor that is about to be dropped and
    owns its storage (no view of a larger pool); a no-op elsewhere (non-Linux, CUDA).
    """
    import ctypes
    import mmap
    import sys

    if not sys.platform.startswith("linux") or tensor.device.type != "cpu":
        return
    storage = tensor.untyped_storage()
    nbytes = tensor.numel() * tensor.element_size()
    if storage.nbytes() != nbytes or storage.data_ptr() != tensor.data_ptr():
        return
    page = mmap.PAGESIZE
    start = -(-tensor.data_ptr() // page) * page
    end = (tensor.data_ptr() + nbytes) // page * page
    if end > start:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.madvise(ctypes.c_void_p(start), ctypes.c_size_t(end - start), 4)  # MADV_DONTNEED
