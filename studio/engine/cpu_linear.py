"""fp32 linear layers on the CPU through oneDNN rather than the BLAS library torch was built with.

Why: torch's x86 wheels run `F.linear` on the CPU through Intel MKL's sgemm/sgemv, and on AMD
processors MKL takes a slow path for the LM's one-row products. Measured on a 2-core AMD EPYC
(Zen 4, AVX-512), torch 2.14.1, 2 threads, the 24 Qwen2 layers' weights of one decode step
(1.43 GB fp32; `python bench/bench_cpu_linear.py`):

=========================================  =============
kernel                                     read rate
=========================================  =============
`F.linear` (MKL sgemv, 1 or 2 threads)      12-13 GB/s
oneDNN (`torch.ops.mkldnn._linear_pointwise`)  25 GB/s
plain `tensor.sum()` over the same bytes    31 GB/s
=========================================  =============

The LM reads every weight once per token, so its fp32 decode step is memory-bound and the
kernel's read rate is its speed (120 -> 67 ms per token on that machine). For the flow
estimator's large products (1288 x 256 x 1024) oneDNN is 4 % faster. oneDNN ships inside
torch (it is the library `torch.backends.mkldnn` names), so nothing new is installed.

Numerics: the same float32 products summed in another order, about 1e-6 relative (the parity
harness's LM and flow tolerances are 1e-4 and 1e-5 absolute on values of order 1; it passes).

Only `nn.Linear` modules whose weights are float32 on the CPU take this path; anything else
(CUDA, bf16, int8 modules, or autograd wanting a gradient) keeps `F.linear`.
`VOICE_STUDIO_CPU_LINEAR=blas` in the environment turns it off (to compare, or if a torch build's
oneDNN misbehaves).
"""

from __future__ import annotations

import functools
import os

import torch
import torch.nn.functional as F
from torch import nn

ENV = "VOICE_STUDIO_CPU_LINEAR"


@functools.cache
def onednn_linear_available() -> bool:
    """Whether this torch build has oneDNN's CPU linear op and it computes a linear layer.

    A probe call is compared with `F.linear`; any error or mismatch means "not available".
    """
    if os.environ.get(ENV, "").strip().lower() == "blas":
        return False
    op = getattr(getattr(torch.ops, "mkldnn", None), "_linear_pointwise", None)
    if op is None or not torch.backends.mkldnn.is_available():
        return False
    try:
        gen = torch.Generator().manual_seed(0)
        x = torch.randn(3, 2, 16, generator=gen)
        w = torch.randn(8, 16, generator=gen)
        b = torch.randn(8, generator=gen)
        with torch.inference_mode():
            got = op(x, w, b, "none", [], "")
            want = F.linear(x, w, b)
        return got.shape == want.shape and bool(torch.allclose(got, want, rtol=1e-5, atol=1e-5))
    except Exception:  # any failure of a private op means: use F.linear
        return False


class OneDNNLinear(nn.Linear):
    """`nn.Linear` whose CPU float32 forward runs oneDNN's kernel (same parameters, same names)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        w = self.weight
        if (
            x.device.type == "cpu"
            and w.device.type == "cpu"
            and x.dtype == torch.float32
            and w.dtype == torch.float32
            and not (torch.is_grad_enabled() and (w.requires_grad or x.requires_grad))
        ):
            return torch.ops.mkldnn._linear_pointwise(x, w, self.bias, "none", [], "")
        return F.linear(x, w, self.bias)


def use_onednn_linears(module: nn.Module) -> int:
    """Make every plain `nn.Linear` under `module` a `OneDNNLinear`, in place (no copies).

    Does nothing (returns 0) where `onednn_linear_available()` is false. Subclasses of
    `nn.Linear` and other modules (quantized ones) are left alone. Returns how many were changed.
    """
    if not onednn_linear_available():
        return 0
    changed = 0
    for sub in module.modules():
        if type(sub) is nn.Linear:
            sub.__class__ = OneDNNLinear
            changed += 1
    return changed
