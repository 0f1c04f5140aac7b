"""CosyVoice 2 flow estimator: the causal 1-D U-Net of CausalConditionalDecoder.

Input (B, 320, T) = [x (80) | mu (80) | speaker (80, broadcast) | cond (80)], plus the timestep.
down: resnet + transformer blocks + causal conv; mid: N x (resnet + transformer blocks);
up: skip concat + resnet + transformer blocks + causal conv; final causal block + 1x1 projection.
Transformer attention is full (non-streaming) or chunk-causal (`static_chunk_size` frames).

Streaming without re-solving the prefix: in chunk-causal mode a frame depends only on frames at
or before the end of its chunk, so new frames can be computed from a `StreamCache` of what the
earlier frames left behind at the same Euler step: the last inputs of every causal conv (its
left context) and the normalised inputs of every attention block (from which the prefix's keys
and values are recomputed; 4x smaller than storing keys and values).

Parameter names follow flow.pt (`decoder.estimator.*`). CosyVoice 2 releases use one level
(`channels: [256]`), so the U-Net has no down/up-sampling; deeper configs are refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn


@dataclass(frozen=True)
class UNetConfig:
    in_channels: int = 320
    out_channels: int = 80
    channels: int = 256
    attention_head_dim: int = 64
    n_blocks: int = 4
    num_mid_blocks: int = 12
    num_heads: int = 8
    static_chunk_size: int = 50


@dataclass
class StreamCache:
    """What the frames so far left behind for later frames, at one Euler step."""

    frames: int = 0
    conv_tails: dict[str, torch.Tensor] = field(default_factory=dict)
    attn_inputs: dict[str, torch.Tensor] = field(default_factory=dict)

    def conv_input(self, key: str, x: torch.Tensor, left: int) -> torch.Tensor:
        prev = self.conv_tails.get(key)
        if prev is None:
            prev = x.new_zeros(x.shape[0], x.shape[1], left)
        full = torch.cat([prev, x], dim=-1)
        self.conv_tails[key] = full[..., full.shape[-1] - left :].clone()
        return full

    def attn_input(self, key: str, normed: torch.Tensor) -> torch.Tensor:
        prev = self.attn_inputs.get(key)
        full = normed if prev is None else torch.cat([prev, normed], dim=1)
        self.attn_inputs[key] = full
        return full

    def copy(self) -> StreamCache:
        """An independent copy (cached tensors are replaced, never written in place)."""
        return StreamCache(self.frames, dict(self.conv_tails), dict(self.attn_inputs))

    def nbytes(self) -> int:
        tensors = list(self.conv_tails.values()) + list(self.attn_inputs.values())
        return sum(t.numel() * t.element_size() for t in tensors)


def chunk_bias(q_start: int, q_len: int, k_len: int, chunk: int, dtype, device=None) -> torch.Tensor:
    """SDPA bias (1, 1, q_len, k_len): 0 where key j may be seen by query q_start+i, else -1e10.

    A frame sees every frame of its own chunk and of earlier chunks (the official mask uses an
    additive -1e10, not -inf).
    """
    q = torch.arange(q_start, q_start + q_len, device=device)
    limit = (torch.div(q, chunk, rounding_mode="trunc") + 1) * chunk
    allowed = torch.arange(k_len, device=device).unsqueeze(0) < limit.unsqueeze(1)
    return ((1.0 - allowed.to(dtype)) * -1.0e10).view(1, 1, q_len, k_len)


class CausalConv1d(nn.Conv1d):
    def __init__(self, cin: int, cout: int, kernel: int):
        super().__init__(cin, cout, kernel)
        self.left = kernel - 1
        self.cache_key = ""

    def forward(self, x: torch.Tensor, cache: StreamCache | None = None) -> torch.Tensor:
        if cache is None:
            return super().forward(F.pad(x, (self.left, 0)))
        return super().forward(cache.conv_input(self.cache_key, x, self.left))


class CausalBlock1D(nn.Module):
    """causal conv k3 -> LayerNorm over channels -> Mish (indices match `block.0` / `block.2`)."""

    def __init__(self, dim: int, dim_out: int):
        super().__init__()
        self.block = nn.ModuleList([CausalConv1d(dim, dim_out, 3), nn.Identity(), nn.LayerNorm(dim_out)])

    def forward(self, x: torch.Tensor, cache: StreamCache | None = None) -> torch.Tensor:
        h = self.block[0](x, cache)
        h = self.block[2](h.transpose(1, 2)).transpose(1, 2)
        return F.mish(h)


class CausalResnetBlock1D(nn.Module):
    def __init__(self, dim: int, dim_out: int, time_emb_dim: int):
        super().__init__()
        self.mlp = nn.Sequential(nn.Mish(), nn.Linear(time_emb_dim, dim_out))
        self.block1 = CausalBlock1D(dim, dim_out)
        self.block2 = CausalBlock1D(dim_out, dim_out)
        self.res_conv = nn.Conv1d(dim, dim_out, 1)

    def forward(
        self, x: torch.Tensor, time_emb: torch.Tensor, cache: StreamCache | None = None
    ) -> torch.Tensor:
        h = self.block1(x, cache)
        h = h + self.mlp(time_emb).unsqueeze(-1)
        h = self.block2(h, cache)
        return h + self.res_conv(x)


class Attention(nn.Module):
    """diffusers `Attention` as used by Matcha: no qkv bias, output projection with bias."""

    def __init__(self, dim: int, heads: int, dim_head: int):
        super().__init__()
        inner = heads * dim_head
        self.heads, self.dim_head = heads, dim_head
        self.to_q = nn.Linear(dim, inner, bias=False)
        self.to_k = nn.Linear(dim, inner, bias=False)
        self.to_v = nn.Linear(dim, inner, bias=False)
        self.to_out = nn.ModuleList([nn.Linear(inner, dim)])

    def forward(self, x: torch.Tensor, context: torch.Tensor, attn_bias: torch.Tensor | None) -> torch.Tensor:
        """Queries from x (B, Tq, D); keys and values from context (B, Tk, D)."""
        b, tq, _ = x.shape
        tk = context.shape[1]
        q = self.to_q(x).view(b, tq, self.heads, self.dim_head).transpose(1, 2)
        k = self.to_k(context).view(b, tk, self.heads, self.dim_head).transpose(1, 2)
        v = self.to_v(context).view(b, tk, self.heads, self.dim_head).transpose(1, 2)
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_bias)
        return self.to_out[0](out.transpose(1, 2).reshape(b, tq, self.heads * self.dim_head))


class GELUProj(nn.Module):
    def __init__(self, dim: int, inner: int):
        super().__init__()
        self.proj = nn.Linear(dim, inner)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.gelu(self.proj(x))


class FeedForward(nn.Module):
    def __init__(self, dim: int, mult: int = 4):
        super().__init__()
        self.net = nn.ModuleList([GELUProj(dim, dim * mult), nn.Dropout(0.0), nn.Linear(dim * mult, dim)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net[2](self.net[0](x))


class BasicTransformerBlock(nn.Module):
    def __init__(self, dim: int, heads: int, dim_head: int):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn1 = Attention(dim, heads, dim_head)
        self.norm3 = nn.LayerNorm(dim)
        self.ff = FeedForward(dim)
        self.cache_key = ""

    def forward(
        self, x: torch.Tensor, attn_bias: torch.Tensor | None, cache: StreamCache | None = None
    ) -> torch.Tensor:
        normed = self.norm1(x)
        context = normed if cache is None else cache.attn_input(self.cache_key, normed)
        x = x + self.attn1(normed, context, attn_bias)
        return x + self.ff(self.norm3(x))


class TimestepEmbedding(nn.Module):
    def __init__(self, in_channels: int, dim: int):
        super().__init__()
        self.in_channels = in_channels
        self.linear_1 = nn.Linear(in_channels, dim)
        self.linear_2 = nn.Linear(dim, dim)

    def sinusoidal(self, t: torch.Tensor, scale: float = 1000.0) -> torch.Tensor:
        half = self.in_channels // 2
        emb = math.log(10000) / (half - 1)
        emb = torch.exp(torch.arange(half, device=t.device).float() * -emb)
        emb = scale * t.unsqueeze(1) * emb.unsqueeze(0)
        return torch.cat((emb.sin(), emb.cos()), dim=-1)

    def forward(self, t: torch.Tensor) -> torch.Tensor:
        return self.linear_2(F.silu(self.linear_1(self.sinusoidal(t).to(t.dtype))))


class _Stage(nn.Module):
    """One U-Net level: [resnet, transformer blocks, (optional) causal conv] at indices 0, 1, 2."""

    def __init__(self, resnet: nn.Module, blocks: nn.ModuleList, conv: nn.Module | None):
        super().__init__()
        self.add_module("0", resnet)
        self.add_module("1", blocks)
        if conv is not None:
            self.add_module("2", conv)

    def forward(self, x, t, attn_bias, cache: StreamCache | None = None) -> torch.Tensor:
        x = getattr(self, "0")(x, t, cache)
        h = x.transpose(1, 2).contiguous()
        for block in getattr(self, "1"):
            h = block(h, attn_bias, cache)
        return h.transpose(1, 2)

    def post_conv(self, x: torch.Tensor, cache: StreamCache | None = None) -> torch.Tensor:
        return getattr(self, "2")(x, cache)


class CausalUNetEstimator(nn.Module):
    def __init__(self, cfg: UNetConfig):
        super().__init__()
        self.cfg = cfg
        ch = cfg.channels
        time_dim = ch * 4
        self.time_mlp = TimestepEmbedding(cfg.in_channels, time_dim)

        def blocks() -> nn.ModuleList:
            return nn.ModuleList(
                [
                    BasicTransformerBlock(ch, cfg.num_heads, cfg.attention_head_dim)
                    for _ in range(cfg.n_blocks)
                ]
            )

        self.down_blocks = nn.ModuleList(
            [_Stage(CausalResnetBlock1D(cfg.in_channels, ch, time_dim), blocks(), CausalConv1d(ch, ch, 3))]
        )
        self.mid_blocks = nn.ModuleList(
            [_Stage(CausalResnetBlock1D(ch, ch, time_dim), blocks(), None) for _ in range(cfg.num_mid_blocks)]
        )
        self.up_blocks = nn.ModuleList(
            [_Stage(CausalResnetBlock1D(2 * ch, ch, time_dim), blocks(), CausalConv1d(ch, ch, 3))]
        )
        self.final_block = CausalBlock1D(ch, ch)
        self.final_proj = nn.Conv1d(ch, cfg.out_channels, 1)
        for name, module in self.named_modules():
            if isinstance(module, CausalConv1d | BasicTransformerBlock):
                module.cache_key = name

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
        """x, mu, cond (B, 80, T); t (B,); spks (B, 80) -> velocity (B, 80, T).

        With `cache` (streaming only), x/mu/cond are the new frames after `cache.frames` earlier ones.
        """
        frames = x.shape[-1]
        start = cache.frames if cache is not None else 0
        attn_bias = None
        if streaming:
            attn_bias = chunk_bias(
                start, frames, start + frames, self.cfg.static_chunk_size, x.dtype, x.device
            )
        temb = self.time_mlp(t)
        h = torch.cat([x, mu, spks.unsqueeze(-1).expand(-1, -1, frames), cond], dim=1)
        down = self.down_blocks[0]
        h = down(h, temb, attn_bias, cache)
        skip = h
        h = down.post_conv(h, cache)
        for mid in self.mid_blocks:
            h = mid(h, temb, attn_bias, cache)
        up = self.up_blocks[0]
        h = torch.cat([h[:, :, : skip.shape[-1]], skip], dim=1)
        h = up(h, temb, attn_bias, cache)
        h = up.post_conv(h, cache)
        h = self.final_block(h, cache)
        if cache is not None:
            cache.frames += frames
        return self.final_proj(h)
