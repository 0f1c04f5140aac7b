"""CosyVoice 2 flow encoder: token embeddings -> 2x upsampled conformer features (UpsampleConformerEncoder).

linear embed -> pre-lookahead conv -> N conformer blocks (rel-pos attention, 25-token chunks when
streaming) -> nearest 2x upsample + causal conv -> linear embed -> 4 conformer blocks (50-frame
chunks) -> LayerNorm. Parameter names follow flow.pt (`encoder.*`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass(frozen=True)
class EncoderConfig:
    input_size: int = 512
    output_size: int = 512
    attention_heads: int = 4
    linear_units: int = 2048
    num_blocks: int = 6
    num_up_blocks: int = 4
    static_chunk_size: int = 25
    pre_lookahead_len: int = 3
    upsample_stride: int = 2


class LinearEmbed(nn.Module):
    """Linear -> LayerNorm (-> dropout), then x * sqrt(d) (the rel-pos encoder's input scaling)."""

    def __init__(self, idim: int, odim: int):
        super().__init__()
        self.out = nn.Sequential(nn.Linear(idim, odim), nn.LayerNorm(odim, eps=1e-5))
        self.xscale = math.sqrt(odim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(x) * self.xscale


class PreLookaheadLayer(nn.Module):
    """Residual conv that lets each token see `lookahead` future tokens (zeros or given context)."""

    def __init__(self, in_channels: int, channels: int, lookahead: int):
        super().__init__()
        self.lookahead = lookahead
        self.conv1 = nn.Conv1d(in_channels, channels, kernel_size=lookahead + 1)
        self.conv2 = nn.Conv1d(channels, in_channels, kernel_size=3)

    def forward(self, inputs: torch.Tensor, context: torch.Tensor | None = None) -> torch.Tensor:
        """inputs (B, T, C); context (B, lookahead, C) future tokens or None for zero padding."""
        x = inputs.transpose(1, 2)
        if context is None or context.size(1) == 0:
            x = F.pad(x, (0, self.lookahead))
        else:
            x = F.pad(torch.cat([x, context.transpose(1, 2)], dim=2), (0, self.lookahead - context.size(1)))
        x = F.leaky_relu(self.conv1(x))
        x = self.conv2(F.pad(x, (2, 0)))
        return x.transpose(1, 2) + inputs


def rel_positional_encoding(length: int, d_model: int) -> torch.Tensor:
    """ESPnet relative encodings for positions length-1 .. -(length-1): (1, 2*length-1, d_model)."""
    position = torch.arange(0, length, dtype=torch.float32).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32) * -(math.log(10000.0) / d_model))
    pos = torch.zeros(length, d_model)
    neg = torch.zeros(length, d_model)
    pos[:, 0::2] = torch.sin(position * div_term)
    pos[:, 1::2] = torch.cos(position * div_term)
    neg[:, 0::2] = torch.sin(-1 * position * div_term)
    neg[:, 1::2] = torch.cos(-1 * position * div_term)
    return torch.cat([torch.flip(pos, [0]), neg[1:]], dim=0).unsqueeze(0)


class RelPositionAttention(nn.Module):
    """Transformer-XL style attention with learned biases u (content) and v (position)."""

    def __init__(self, n_head: int, n_feat: int):
        super().__init__()
        self.h, self.d_k = n_head, n_feat // n_head
        self.linear_q = nn.Linear(n_feat, n_feat)
        self.linear_k = nn.Linear(n_feat, n_feat)
        self.linear_v = nn.Linear(n_feat, n_feat)
        self.linear_out = nn.Linear(n_feat, n_feat)
        self.linear_pos = nn.Linear(n_feat, n_feat, bias=False)
        self.pos_bias_u = nn.Parameter(torch.zeros(self.h, self.d_k))
        self.pos_bias_v = nn.Parameter(torch.zeros(self.h, self.d_k))

    @staticmethod
    def rel_shift(x: torch.Tensor) -> torch.Tensor:
        b, h, t1, t2 = x.shape
        padded = torch.cat([x.new_zeros(b, h, t1, 1), x], dim=-1).view(b, h, t2 + 1, t1)
        return padded[:, :, 1:].view_as(x)[:, :, :, : t2 // 2 + 1]

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None, pos_emb: torch.Tensor) -> torch.Tensor:
        b, t, _ = x.shape
        q = self.linear_q(x).view(b, t, self.h, self.d_k)
        k = self.linear_k(x).view(b, t, self.h, self.d_k).transpose(1, 2)
        v = self.linear_v(x).view(b, t, self.h, self.d_k).transpose(1, 2)
        p = self.linear_pos(pos_emb).view(1, -1, self.h, self.d_k).transpose(1, 2)
        q_u = (q + self.pos_bias_u).transpose(1, 2)
        q_v = (q + self.pos_bias_v).transpose(1, 2)
        ac = torch.matmul(q_u, k.transpose(-2, -1))
        bd = self.rel_shift(torch.matmul(q_v, p.transpose(-2, -1)))
        scores = (ac + bd) / math.sqrt(self.d_k)
        if mask is not None:
            blocked = ~mask.unsqueeze(1)  # (b, 1, t, t)
            attn = torch.softmax(scores.masked_fill(blocked, -float("inf")), dim=-1).masked_fill(blocked, 0.0)
        else:
            attn = torch.softmax(scores, dim=-1)
        out = torch.matmul(attn, v).transpose(1, 2).reshape(b, t, self.h * self.d_k)
        return self.linear_out(out)


class FeedForward(nn.Module):
    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.w_1 = nn.Linear(dim, hidden)
        self.w_2 = nn.Linear(hidden, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w_2(F.silu(self.w_1(x)))


class ConformerBlock(nn.Module):
    """Pre-norm block without macaron FF or conv module (CosyVoice 2's configuration)."""

    def __init__(self, dim: int, heads: int, hidden: int):
        super().__init__()
        self.self_attn = RelPositionAttention(heads, dim)
        self.feed_forward = FeedForward(dim, hidden)
        self.norm_ff = nn.LayerNorm(dim, eps=1e-12)
        self.norm_mha = nn.LayerNorm(dim, eps=1e-12)

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None, pos_emb: torch.Tensor) -> torch.Tensor:
        x = x + self.self_attn(self.norm_mha(x), mask, pos_emb)
        return x + self.feed_forward(self.norm_ff(x))


class Upsample1D(nn.Module):
    """Nearest-neighbour x stride, then a causal conv (kernel 2*stride+1, left padding)."""

    def __init__(self, channels: int, out_channels: int, stride: int):
        super().__init__()
        self.stride = stride
        self.conv = nn.Conv1d(channels, out_channels, stride * 2 + 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.interpolate(x, scale_factor=float(self.stride), mode="nearest")
        return self.conv(F.pad(x, (self.stride * 2, 0)))


def chunk_mask(length: int, chunk: int, device=None) -> torch.Tensor:
    """(1, T, T) bool: position i may attend to every position of its own chunk and earlier chunks."""
    idx = torch.arange(length, device=device)
    limit = (torch.div(idx, chunk, rounding_mode="trunc") + 1) * chunk
    return (idx.unsqueeze(0) < limit.unsqueeze(1)).unsqueeze(0)


class UpsampleConformerEncoder(nn.Module):
    def __init__(self, cfg: EncoderConfig):
        super().__init__()
        self.cfg = cfg
        d = cfg.output_size
        self.embed = LinearEmbed(cfg.input_size, d)
        self.pre_lookahead_layer = PreLookaheadLayer(d, d, cfg.pre_lookahead_len)
        self.encoders = nn.ModuleList(
            [ConformerBlock(d, cfg.attention_heads, cfg.linear_units) for _ in range(cfg.num_blocks)]
        )
        self.up_layer = Upsample1D(d, d, cfg.upsample_stride)
        self.up_embed = LinearEmbed(cfg.input_size, d)
        self.up_encoders = nn.ModuleList(
            [ConformerBlock(d, cfg.attention_heads, cfg.linear_units) for _ in range(cfg.num_up_blocks)]
        )
        self.after_norm = nn.LayerNorm(d, eps=1e-5)
        self._pe: torch.Tensor | None = None  # built on first use (never on the meta device)

    def _pos(self, length: int) -> torch.Tensor:
        if self._pe is None or self._pe.size(1) < 2 * length - 1:
            self._pe = rel_positional_encoding(max(length, 5000), self.cfg.output_size)
        center = self._pe.size(1) // 2
        return self._pe[:, center - length + 1 : center + length]

    def forward(
        self, xs: torch.Tensor, context: torch.Tensor | None = None, streaming: bool = False
    ) -> torch.Tensor:
        """xs (1, T, C) token embeddings; context (1, lookahead, C) or None. Returns (1, 2T, C)."""
        xs = self.embed(xs)
        if context is not None and context.size(1):
            context = self.embed(context)
        t = xs.size(1)
        mask = chunk_mask(t, self.cfg.static_chunk_size, xs.device) if streaming else None
        pos = self._pos(t).to(xs.dtype)
        xs = self.pre_lookahead_layer(xs, context)
        for layer in self.encoders:
            xs = layer(xs, mask, pos)

        xs = self.up_layer(xs.transpose(1, 2)).transpose(1, 2)
        xs = self.up_embed(xs)
        t = xs.size(1)
        mask = (
            chunk_mask(t, self.cfg.static_chunk_size * self.cfg.upsample_stride, xs.device)
            if streaming
            else None
        )
        pos = self._pos(t).to(xs.dtype)
        for layer in self.up_encoders:
            xs = layer(xs, mask, pos)
        return self.after_norm(xs)
