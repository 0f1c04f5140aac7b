"""CosyVoice 3 flow estimator: a diffusion transformer (F5-TTS style DiT) with adaptive layer norm.

input: [x | cond | mu | speaker] -> linear -> + causal conv position embedding (2 x k31, groups 16)
blocks: AdaLN-Zero (shift/scale/gate from the timestep) -> self-attention with rotary positions
        -> gated residual -> modulated LayerNorm -> tanh-GELU MLP -> gated residual
out:    AdaLN (scale, shift) -> linear to 80 mel bins

Attention is full (non-streaming) or chunk-causal (`static_chunk_size` frames). Rotary
embedding follows x-transformers: interleaved pairs, applied to the first `dim_head` channels of
the whole (heads x dim_head) projection, i.e. to the first head only, as the released model was
trained. In streaming mode the same `StreamCache` as the U-Net keeps the causal convs' left
context and each block's modulated attention input, so a new chunk solves only its own frames.

Parameter names follow flow.pt (`decoder.estimator.*`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from studio.engine.flow.estimator_unet import StreamCache, chunk_bias


@dataclass(frozen=True)
class DiTConfig:
    dim: int = 1024
    depth: int = 22
    heads: int = 16
    dim_head: int = 64
    ff_mult: int = 2
    mel_dim: int = 80
    mu_dim: int = 80
    spk_dim: int = 80
    static_chunk_size: int = 50


class SinusPositionEmbedding(nn.Module):
    def __init__(self, dim: int):
        super().__init__()
        self.dim = dim

    def forward(self, x: torch.Tensor, scale: float = 1000.0) -> torch.Tensor:
        half = self.dim // 2
        emb = math.log(10000) / (half - 1)
        emb = torch.exp(torch.arange(half, device=x.device).float() * -emb)
        emb = scale * x.unsqueeze(1) * emb.unsqueeze(0)
        return torch.cat((emb.sin(), emb.cos()), dim=-1)


class TimestepEmbedding(nn.Module):
    def __init__(self, dim: int, freq_embed_dim: int = 256):
        super().__init__()
        self.time_embed = SinusPositionEmbedding(freq_embed_dim)
        self.time_mlp = nn.Sequential(nn.Linear(freq_embed_dim, dim), nn.SiLU(), nn.Linear(dim, dim))

    def forward(self, t: torch.Tensor) -> torch.Tensor:
        return self.time_mlp(self.time_embed(t).to(t.dtype))


class _CausalConvMish(nn.Module):
    """Conv1d (left padding k-1) + Mish, keys `conv*.0.*` like the official Sequential."""

    def __init__(self, dim: int, kernel: int, groups: int):
        super().__init__()
        self.add_module("0", nn.Conv1d(dim, dim, kernel, groups=groups))
        self.left = kernel - 1
        self.cache_key = ""

    def forward(self, x: torch.Tensor, cache: StreamCache | None) -> torch.Tensor:
        conv = getattr(self, "0")
        if cache is None:
            x = F.pad(x, (self.left, 0))
        else:
            x = cache.conv_input(self.cache_key, x, self.left)
        return F.mish(conv(x))


class CausalConvPositionEmbedding(nn.Module):
    def __init__(self, dim: int, kernel_size: int = 31, groups: int = 16):
        super().__init__()
        self.conv1 = _CausalConvMish(dim, kernel_size, groups)
        self.conv2 = _CausalConvMish(dim, kernel_size, groups)

    def forward(self, x: torch.Tensor, cache: StreamCache | None) -> torch.Tensor:
        h = x.transpose(1, 2)
        h = self.conv2(self.conv1(h, cache), cache)
        return h.transpose(1, 2)


class InputEmbedding(nn.Module):
    def __init__(self, mel_dim: int, mu_dim: int, out_dim: int, spk_dim: int):
        super().__init__()
        self.proj = nn.Linear(mel_dim * 2 + mu_dim + spk_dim, out_dim)
        self.conv_pos_embed = CausalConvPositionEmbedding(out_dim)

    def forward(self, x, cond, mu, spks, cache: StreamCache | None) -> torch.Tensor:
        spks = spks.unsqueeze(1).expand(-1, x.shape[1], -1)
        h = self.proj(torch.cat([x, cond, mu, spks], dim=-1))
        return self.conv_pos_embed(h, cache) + h


class RotaryEmbedding(nn.Module):
    """x-transformers RotaryEmbedding: `inv_freq` is a saved buffer (it is in flow.pt)."""

    def __init__(self, dim: int, base: float = 10000.0):
        super().__init__()
        self.register_buffer("inv_freq", 1.0 / (base ** (torch.arange(0, dim, 2).float() / dim)))

    def freqs(self, start: int, length: int) -> torch.Tensor:
        t = torch.arange(start, start + length, device=self.inv_freq.device).type_as(self.inv_freq)
        f = torch.einsum("i , j -> i j", t, self.inv_freq)
        return torch.stack((f, f), dim=-1).reshape(1, length, -1)  # interleaved (d r) layout


def _rotate_half(x: torch.Tensor) -> torch.Tensor:
    x = x.reshape(*x.shape[:-1], -1, 2)
    x1, x2 = x.unbind(dim=-1)
    return torch.stack((-x2, x1), dim=-1).reshape(*x.shape[:-2], -1)


def apply_rotary(t: torch.Tensor, freqs: torch.Tensor) -> torch.Tensor:
    """Rotate the first freqs.shape[-1] channels of t (B, N, D) in place; the rest pass unchanged.

    (t is a fresh projection output, so writing into it avoids copying the untouched channels.)
    """
    rot = freqs.shape[-1]
    head = t[..., :rot]
    t[..., :rot] = head * freqs.cos() + _rotate_half(head) * freqs.sin()
    return t


class AdaLayerNormZero(nn.Module):
    def __init__(self, dim: int):
        super().__init__()
        self.linear = nn.Linear(dim, dim * 6)
        self.norm = nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)

    def modulation(self, emb: torch.Tensor) -> torch.Tensor:
        return self.linear(F.silu(emb))

    def forward(self, x: torch.Tensor, emb: torch.Tensor, modulation: torch.Tensor | None = None):
        emb = self.modulation(emb) if modulation is None else modulation
        shift_msa, scale_msa, gate_msa, shift_mlp, scale_mlp, gate_mlp = torch.chunk(emb, 6, dim=1)
        x = self.norm(x) * (1 + scale_msa[:, None]) + shift_msa[:, None]
        return x, gate_msa, shift_mlp, scale_mlp, gate_mlp


class AdaLayerNormZeroFinal(nn.Module):
    def __init__(self, dim: int):
        super().__init__()
        self.linear = nn.Linear(dim, dim * 2)
        self.norm = nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)

    def forward(self, x: torch.Tensor, emb: torch.Tensor) -> torch.Tensor:
        scale, shift = torch.chunk(self.linear(F.silu(emb)), 2, dim=1)
        return self.norm(x) * (1 + scale)[:, None, :] + shift[:, None, :]


class Attention(nn.Module):
    def __init__(self, dim: int, heads: int, dim_head: int):
        super().__init__()
        self.heads, self.dim_head = heads, dim_head
        inner = heads * dim_head
        self.to_q = nn.Linear(dim, inner)
        self.to_k = nn.Linear(dim, inner)
        self.to_v = nn.Linear(dim, inner)
        self.to_out = nn.ModuleList([nn.Linear(inner, dim), nn.Dropout(0.0)])

    def forward(self, x, context, q_freqs, k_freqs, attn_bias) -> torch.Tensor:
        b, tq, _ = x.shape
        tk = context.shape[1]
        q = apply_rotary(self.to_q(x), q_freqs)
        k = apply_rotary(self.to_k(context), k_freqs)
        v = self.to_v(context)
        q = q.view(b, tq, self.heads, self.dim_head).transpose(1, 2)
        k = k.view(b, tk, self.heads, self.dim_head).transpose(1, 2)
        v = v.view(b, tk, self.heads, self.dim_head).transpose(1, 2)
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_bias)
        return self.to_out[0](out.transpose(1, 2).reshape(b, tq, self.heads * self.dim_head))


class FeedForward(nn.Module):
    def __init__(self, dim: int, mult: int):
        super().__init__()
        inner = int(dim * mult)
        self.ff = nn.Sequential(
            nn.Sequential(nn.Linear(dim, inner), nn.GELU(approximate="tanh")),
            nn.Dropout(0.0),
            nn.Linear(inner, dim),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.ff(x)


class DiTBlock(nn.Module):
    def __init__(self, dim: int, heads: int, dim_head: int, ff_mult: int):
        super().__init__()
        self.attn_norm = AdaLayerNormZero(dim)
        self.attn = Attention(dim, heads, dim_head)
        self.ff_norm = nn.LayerNorm(dim, elementwise_affine=False, eps=1e-6)
        self.ff = FeedForward(dim, ff_mult)
        self.cache_key = ""

    def forward(
        self, x, t, q_freqs, k_freqs, attn_bias, cache: StreamCache | None, modulation=None
    ) -> torch.Tensor:
        norm, gate_msa, shift_mlp, scale_mlp, gate_mlp = self.attn_norm(x, t, modulation)
        context = norm if cache is None else cache.attn_input(self.cache_key, norm)
        x = x + gate_msa.unsqueeze(1) * self.attn(norm, context, q_freqs, k_freqs, attn_bias)
        ff_in = self.ff_norm(x) * (1 + scale_mlp[:, None]) + shift_mlp[:, None]
        return x + gate_mlp.unsqueeze(1) * self.ff(ff_in)


class DiTEstimator(nn.Module):
    def __init__(self, cfg: DiTConfig):
        super().__init__()
        self.cfg = cfg
        self.time_embed = TimestepEmbedding(cfg.dim)
        self.input_embed = InputEmbedding(cfg.mel_dim, cfg.mu_dim, cfg.dim, cfg.spk_dim)
        self.rotary_embed = RotaryEmbedding(cfg.dim_head)
        self.transformer_blocks = nn.ModuleList(
            [DiTBlock(cfg.dim, cfg.heads, cfg.dim_head, cfg.ff_mult) for _ in range(cfg.depth)]
        )
        self.norm_out = AdaLayerNormZeroFinal(cfg.dim)
        self.proj_out = nn.Linear(cfg.dim, cfg.mel_dim)
        for name, module in self.named_modules():
            if isinstance(module, _CausalConvMish | DiTBlock):
                module.cache_key = name
        # The ODE visits the same 10 timesteps for every request, so the timestep embedding and
        # every block's AdaLN modulation (a 1024 x 6144 matrix-vector product per block) are
        # computed once per timestep and reused: same inputs, same ops, same values.
        self._time_cache: dict[tuple, tuple[torch.Tensor, list[torch.Tensor]]] = {}

    def _time_terms(self, t: torch.Tensor) -> tuple[torch.Tensor, list[torch.Tensor]]:
        key = (tuple(t.tolist()), t.dtype, t.device)
        hit = self._time_cache.get(key)
        if hit is None:
            temb = self.time_embed(t)
            hit = (temb, [block.attn_norm.modulation(temb) for block in self.transformer_blocks])
            if len(self._time_cache) > 64:
                self._time_cache.clear()
            self._time_cache[key] = hit
        return hit

    def forward(
        self,
        x: torch.Tensor,
        mu: torch.Tensor,
        t: torch.Tensor,
        spks: torch.Tensor,
        cond: torch.Tensor,
        streaming: bool = False,
        cache: StreamCache | None = None,
    ) -> torch.Tensor:
        """x, mu, cond (B, 80, T); t (B,); spks (B, 80) -> velocity (B, 80, T)."""
        frames = x.shape[-1]
        start = cache.frames if cache is not None else 0
        temb, modulations = self._time_terms(t)
        h = self.input_embed(x.transpose(1, 2), cond.transpose(1, 2), mu.transpose(1, 2), spks, cache)
        q_freqs = self.rotary_embed.freqs(start, frames)
        k_freqs = self.rotary_embed.freqs(0, start + frames) if start else q_freqs
        attn_bias = None
        if streaming:
            attn_bias = chunk_bias(
                start, frames, start + frames, self.cfg.static_chunk_size, h.dtype, h.device
            )
        for block, modulation in zip(self.transformer_blocks, modulations):
            h = block(h, temb, q_freqs, k_freqs, attn_bias, cache, modulation)
        h = self.norm_out(h, temb)
        if cache is not None:
            cache.frames += frames
        return self.proj_out(h).transpose(1, 2)
