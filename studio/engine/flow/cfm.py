"""Conditional flow matching decoder: a fixed-step Euler ODE solve with classifier-free guidance.

x starts from a fixed noise buffer (`torch.manual_seed(0); randn(1, 80, 15000)`, built once, as
the official CausalConditionalCFM does at construction), t follows a cosine schedule over 10
steps, and each step evaluates the estimator on a batch of two rows: conditional (mu, speaker,
prompt cond) and unconditional (zeros), mixed as (1 + w) * cond - w * uncond with w = 0.7.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import torch
from torch import nn

NOISE_FRAMES = 15000  # 300 s of mel at 50 frames/s: the official buffer's length


@dataclass(frozen=True)
class CFMConfig:
    n_timesteps: int = 10
    inference_cfg_rate: float = 0.7
    t_scheduler: str = "cosine"


class SolveInterrupted(Exception):
    """A flow solve stopped between two Euler steps because its caller asked it to (a cancelled take)."""


@lru_cache(maxsize=1)
def fixed_noise() -> torch.Tensor:
    """The official starting noise: the first draw after seeding the CPU generator with 0."""
    gen = torch.Generator().manual_seed(0)
    return torch.randn([1, 80, NOISE_FRAMES], generator=gen)


def time_span(cfg: CFMConfig, dtype=torch.float32, device=None) -> torch.Tensor:
    t = torch.linspace(0, 1, cfg.n_timesteps + 1, device=device, dtype=dtype)
    if cfg.t_scheduler == "cosine":
        t = 1 - torch.cos(t * 0.5 * torch.pi)
    return t


class ConditionalCFM(nn.Module):
    """Holds the estimator (parameter prefix `decoder.estimator`)."""

    def __init__(self, cfg: CFMConfig, estimator: nn.Module):
        super().__init__()
        self.cfg = cfg
        self.estimator = estimator

    def solve(
        self,
        mu: torch.Tensor,
        spks: torch.Tensor,
        cond: torch.Tensor,
        streaming: bool = False,
        caches: list | None = None,
        start: int = 0,
        interrupt: Callable[[], bool] | None = None,
    ) -> torch.Tensor:
        """mu, cond (1, 80, T); spks (1, 80) -> mel (1, 80, T).

        With `caches` (one per Euler step, streaming only) mu/cond are the frames after `start`
        earlier frames whose state the caches hold; only the new frames are solved.
        `interrupt()` is asked before every Euler step; when it returns True the solve raises
        SolveInterrupted (the caches are then partly advanced: drop them). A full-size solve
        takes seconds, so a cancelled take stops within one step instead of after the whole solve.
        """
        frames = mu.size(2)
        if start + frames > NOISE_FRAMES:
            raise ValueError(f"{start + frames} mel frames exceed the {NOISE_FRAMES}-frame noise buffer")
        x = fixed_noise()[:, :, start : start + frames].to(device=mu.device, dtype=mu.dtype)
        t_span = time_span(self.cfg, dtype=mu.dtype, device=mu.device)
        w = self.cfg.inference_cfg_rate
        # Batch rows: 0 = conditional, 1 = unconditional (zero mu, speaker and cond).
        mu_in = torch.cat([mu, torch.zeros_like(mu)], dim=0)
        spks_in = torch.cat([spks, torch.zeros_like(spks)], dim=0)
        cond_in = torch.cat([cond, torch.zeros_like(cond)], dim=0)
        t = t_span[0].unsqueeze(0)
        dt = t_span[1] - t_span[0]
        for step in range(1, len(t_span)):
            if interrupt is not None and interrupt():
                raise SolveInterrupted
            x_in = torch.cat([x, x], dim=0)
            t_in = t.expand(2).contiguous()
            cache = caches[step - 1] if caches is not None else None
            v = self.estimator(x_in, mu_in, t_in, spks_in, cond_in, streaming, cache)
            v_cond, v_uncond = v[:1], v[1:]
            x = x + dt * ((1.0 + w) * v_cond - w * v_uncond)
            t = t + dt
            if step < len(t_span) - 1:
                dt = t_span[step + 1] - t
        return x.float()
