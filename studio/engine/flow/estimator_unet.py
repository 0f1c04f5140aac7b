"""CosyVoice 2 flow estimator: the causal 1-D U-Net of CausalConditionalDecoder.

Input (B, 320, T) = [x (80) | mu (80) | speaker (80, broadcast) | cond (80)], plus the timestep.
down: resnet + transformer blocks + causal conv; mid: N x (resnet + transformer blocks);
up: skip concat + resnet + transformer blocks + causal conv; final causal block + 1x1 projection.
Transformer attention is full (non-streaming) or chunk-causal (`static_chunk_size` frames).

Parameter names follow flow.pt (`decoder.estimator.*`). CosyVoice 2 releases use one level
(`channels: [256]`), so the U-Net has no down/up-sampling; deeper configs are refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from studio.engine.flow.encoder import chunk_mask


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


class CausalConv1d(nn.Conv1d):
    def __init__(self, cin: int, cout: int, kernel: int):
        super().__init__(cin, cout, kernel)
        self.left = kernel - 1

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return super().forward(F.pad(x, (self.left, 0)))


class _Transpose(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.transpose(1, 2)


class CausalBlock1D(nn.Module):
    """causal conv k3 -> LayerNorm over channels -> Mish (indices match `block.0` / `block.2`)."""

    def __init__(self, dim: int, dim_out: int):
        super().__init__()
        self.block = nn.Sequential(
            CausalConv1d(dim, dim_out, 3), _Transpose(), nn.LayerNorm(dim_out), _Transpose(), nn.Mish()
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.block(x)


class CausalResnetBlock1D(nn.Module):
    def __init__(self, dim: int, dim_out: int, time_emb_dim: int):
        super().__init__()
        self.mlp = nn.Sequential(nn.Mish(), nn.Linear(time_emb_dim, dim_out))
        self.block1 = CausalBlock1D(dim, dim_out)
        self.block2 = CausalBlock1D(dim_out, dim_out)
        self.res_conv = nn.Conv1d(dim, dim_out, 1)

    def forward(self, x: torch.Tensor, time_emb: torch.Tensor) -> torch.Tensor:
        h = self.block1(x)
        h = h + self.mlp(time_emb).unsqueeze(-1)
        h = self.block2(h)
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

    def forward(self, x: torch.Tensor, attn_bias: torch.Tensor | None) -> torch.Tensor:
        b, t, _ = x.shape
        q = self.to_q(x).view(b, t, self.heads, self.dim_head).transpose(1, 2)
        k = self.to_k(x).view(b, t, self.heads, self.dim_head).transpose(1, 2)
        v = self.to_v(x).view(b, t, self.heads, self.dim_head).transpose(1, 2)
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_bias)
        return self.to_out[0](out.transpose(1, 2).reshape(b, t, self.heads * self.dim_head))


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

    def forward(self, x: torch.Tensor, attn_bias: torch.Tensor | None) -> torch.Tensor:
        x = x + self.attn1(self.norm1(x), attn_bias)
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

    def forward(self, x: torch.Tensor, t: torch.Tensor, attn_bias: torch.Tensor | None) -> torch.Tensor:
        x = getattr(self, "0")(x, t)
        h = x.transpose(1, 2)
        for block in getattr(self, "1"):
            h = block(h, attn_bias)
        return h.transpose(1, 2)

    def post_conv(self, x: torch.Tensor) -> torch.Tensor:
        return getattr(self, "2")(x)


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

    def attention_bias(
        self, length: int, streaming: bool, dtype: torch.dtype, device=None
    ) -> torch.Tensor | None:
        """Additive bias for SDPA: None (full attention) or -1e10 outside the chunk-causal band."""
        if not streaming:
            return None
        allowed = chunk_mask(length, self.cfg.static_chunk_size, device)
        return ((1.0 - allowed.to(dtype)) * -1.0e10).unsqueeze(1)

    def forward(
        self,
        x: torch.Tensor,
        mu: torch.Tensor,
        t: torch.Tensor,
        spks: torch.Tensor,
        cond: torch.Tensor,
        streaming: bool = False,
    ) -> torch.Tensor:
        """x, mu, cond (B, 80, T); t (B,); spks (B, 80) -> velocity (B, 80, T)."""
        attn_bias = self.attention_bias(x.shape[-1], streaming, x.dtype, x.device)
        temb = self.time_mlp(t)
        h = torch.cat([x, mu, spks.unsqueeze(-1).expand(-1, -1, x.shape[-1]), cond], dim=1)
        down = self.down_blocks[0]
        h = down(h, temb, attn_bias)
        skip = h
        h = down.post_conv(h)
        for mid in self.mid_blocks:
            h = mid(h, temb, attn_bias)
        up = self.up_blocks[0]
        h = torch.cat([h[:, :, : skip.shape[-1]], skip], dim=1)
        h = up(h, temb, attn_bias)
        h = up.post_conv(h)
        h = self.final_block(h)
        return self.final_proj(h)
