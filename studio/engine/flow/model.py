"""Token-to-mel flow models, one per family, with the official `inference` contract.

`inference(tokens, prompt_tokens, prompt_mel, embedding, streaming, finalize)` returns the mel
(1, 80, frames) of `tokens` only (the prompt's frames are cut off). With finalize=False the last
`pre_lookahead_len` tokens are look-ahead context only, so 2 * (len - 3) frames come back.

Streaming without re-solving (`stream_chunk`): the official code re-solves every frame so far
for each chunk. In chunk-causal mode a frame depends only on frames up to the end of its
attention chunk, so the frames of *completed* chunks never change once solved: they are solved
once and kept (`FlowStreamState`). A chunk that a streaming hop ended inside is not complete;
its frames are solved on a throw-away copy of the state and solved again, with the frames that
complete it, by the next call. The official hop (25 tokens) ends on a chunk boundary only when
the yaml's `chunk_size` divides it; this rule makes every chunk size give the official output.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from studio.engine.flow.cfm import ConditionalCFM
from studio.engine.flow.encoder import UpsampleConformerEncoder
from studio.engine.flow.estimator_unet import StreamCache


class FlowStreamState:
    """Per-request streaming state of the flow: one estimator cache per Euler step."""

    def __init__(self, n_steps: int):
        self.frames = 0  # mel frames solved so far, prompt included
        self.prompt_frames = 0
        self.steps = [StreamCache() for _ in range(n_steps)]

    def nbytes(self) -> int:
        return sum(c.nbytes() for c in self.steps)

    def snapshot(self) -> FlowStreamState:
        """A copy that can be extended independently (cached tensors are never written in place)."""
        copy = FlowStreamState(len(self.steps))
        copy.frames, copy.prompt_frames = self.frames, self.prompt_frames
        copy.steps = [c.copy() for c in self.steps]
        return copy


def _stream_chunk(
    flow,
    tokens: torch.Tensor,
    prompt_tokens: torch.Tensor,
    prompt_mel: torch.Tensor,
    embedding: torch.Tensor,
    state: FlowStreamState,
    stop_frame: int | None = None,
    emit_from: int | None = None,
    interrupt=None,
) -> torch.Tensor:
    """A non-final streaming chunk without re-solving the frames of completed attention chunks.

    tokens (1, N): every generated token so far (the last `pre_lookahead_len` are look-ahead only);
    prompt_tokens (1, P); prompt_mel (1, M, 80); embedding (1, 192).
    `emit_from` (absolute mel frame, prompt included; default `state.frames`) is where the returned
    mel starts: what the official `inference(streaming=True, finalize=False)` returns from that
    frame on (never prompt frames). `stop_frame` solves only up to that frame (a multiple of
    `commit_frames`; the voice prefix uses it). Frames up to the last completed chunk are kept in
    `state`; the frames of an incomplete chunk are solved on a copy and left out of `state`.
    `interrupt`: see ConditionalCFM.solve (SolveInterrupted leaves `state` unusable).
    Returns (1, 80, frames).
    """
    spks = flow.speaker(embedding)
    all_tokens = torch.cat([prompt_tokens.view(1, -1), tokens.view(1, -1)], dim=1).to(
        flow.input_embedding.weight.device
    )
    mu = flow.encode(all_tokens, streaming=True, finalize=False)  # (1, frames, 80)
    total = mu.shape[1] if stop_frame is None else min(stop_frame, mu.shape[1])
    start = state.frames
    emit_from = start if emit_from is None else emit_from
    if emit_from < start:
        raise ValueError(f"frames {emit_from}..{start} were already solved and are not kept")
    commit = flow.commit_frames
    complete = total // commit * commit if commit > 0 else 0
    commit_end = max(start, complete)
    parts = []
    if commit_end > start:
        parts.append(flow._solve_frames(mu, spks, prompt_mel, start, commit_end, state.steps, interrupt))
        state.frames = commit_end
    if total > commit_end:
        scratch = [c.copy() for c in state.steps]
        parts.append(flow._solve_frames(mu, spks, prompt_mel, commit_end, total, scratch, interrupt))
    if not parts:
        return mu.new_zeros(1, flow.output_size, 0)
    mel = parts[0] if len(parts) == 1 else torch.cat(parts, dim=2)
    return mel[:, :, max(emit_from, prompt_mel.shape[1]) - start :]


def _solve_frames(flow, mu, spks, prompt_mel, start: int, end: int, caches, interrupt=None) -> torch.Tensor:
    """Solve mel frames [start, end) given `caches` holding frames [0, start), chunk-causally."""
    mu_new = mu[:, start:end]
    prompt_frames = prompt_mel.shape[1]
    cond = torch.zeros_like(mu_new)
    if start < prompt_frames:
        n = min(prompt_frames - start, cond.shape[1])
        cond[:, :n] = prompt_mel[:, start : start + n]
    return flow.decoder.solve(
        mu_new.transpose(1, 2).contiguous(), spks, cond.transpose(1, 2), True, caches, start, interrupt
    )


class FlowV2(nn.Module):
    """CosyVoice 2 (CausalMaskedDiffWithXvec): conformer encoder + U-Net CFM."""

    def __init__(
        self,
        encoder: UpsampleConformerEncoder,
        decoder: ConditionalCFM,
        vocab_size: int,
        spk_embed_dim: int = 192,
        output_size: int = 80,
        token_mel_ratio: int = 2,
        pre_lookahead_len: int = 3,
    ):
        super().__init__()
        d = encoder.cfg.input_size
        self.input_embedding = nn.Embedding(vocab_size, d)
        self.spk_embed_affine_layer = nn.Linear(spk_embed_dim, output_size)
        self.encoder = encoder
        self.encoder_proj = nn.Linear(encoder.cfg.output_size, output_size)
        self.decoder = decoder
        self.output_size = output_size
        self.token_mel_ratio = token_mel_ratio
        self.pre_lookahead_len = pre_lookahead_len

    def speaker(self, embedding: torch.Tensor) -> torch.Tensor:
        weight = self.spk_embed_affine_layer.weight
        return self.spk_embed_affine_layer(F.normalize(embedding, dim=1).to(weight.dtype))

    def encode(self, tokens: torch.Tensor, streaming: bool, finalize: bool) -> torch.Tensor:
        """All tokens (prompt + new) -> mu (1, frames, 80)."""
        emb = self.input_embedding(torch.clamp(tokens.long(), min=0))
        if finalize:
            h = self.encoder(emb, None, streaming)
        else:
            cut = emb.size(1) - self.pre_lookahead_len
            h = self.encoder(emb[:, :cut], emb[:, cut:], streaming)
        return self.encoder_proj(h)

    stream_chunk = torch.inference_mode()(_stream_chunk)
    _solve_frames = _solve_frames

    @property
    def commit_frames(self) -> int:
        """Mel frames whose chunk-causal attention never looks past them (0: full attention).

        The encoder attends in `static_chunk_size`-token chunks (x upsample stride in frames), in
        both its stages; the estimator in `static_chunk_size`-frame chunks: frames before a
        boundary of all of them are final once solved.
        """
        enc = self.encoder.cfg
        sizes = (enc.static_chunk_size * enc.upsample_stride, self.decoder.estimator.cfg.static_chunk_size)
        return 0 if min(sizes) <= 0 else math.lcm(*sizes)

    @torch.inference_mode()
    def inference(
        self,
        tokens: torch.Tensor,
        prompt_tokens: torch.Tensor,
        prompt_mel: torch.Tensor,
        embedding: torch.Tensor,
        streaming: bool,
        finalize: bool,
        interrupt=None,
    ) -> torch.Tensor:
        """tokens (1, N) int; prompt_tokens (1, P); prompt_mel (1, M, 80); embedding (1, 192).

        `interrupt`: see ConditionalCFM.solve.
        """
        spks = self.speaker(embedding)
        all_tokens = torch.cat([prompt_tokens.view(1, -1), tokens.view(1, -1)], dim=1).to(
            self.input_embedding.weight.device
        )
        mu = self.encode(all_tokens, streaming, finalize)
        prompt_frames = prompt_mel.shape[1]
        total = mu.shape[1]
        cond = torch.zeros([1, total, self.output_size], device=mu.device, dtype=mu.dtype)
        cond[:, :prompt_frames] = prompt_mel
        mel = self.decoder.solve(
            mu.transpose(1, 2).contiguous(), spks, cond.transpose(1, 2), streaming, interrupt=interrupt
        )
        return mel[:, :, prompt_frames:]


class FlowV3(nn.Module):
    """Fun-CosyVoice 3 (CausalMaskedDiffWithDiT): pre-lookahead conv + DiT CFM, no conformer."""

    def __init__(
        self,
        pre_lookahead_layer: nn.Module,
        decoder: ConditionalCFM,
        vocab_size: int,
        input_size: int,
        spk_embed_dim: int = 192,
        output_size: int = 80,
        token_mel_ratio: int = 2,
        pre_lookahead_len: int = 3,
    ):
        super().__init__()
        self.input_embedding = nn.Embedding(vocab_size, input_size)
        self.spk_embed_affine_layer = nn.Linear(spk_embed_dim, output_size)
        self.pre_lookahead_layer = pre_lookahead_layer
        self.decoder = decoder
        self.output_size = output_size
        self.token_mel_ratio = token_mel_ratio
        self.pre_lookahead_len = pre_lookahead_len

    speaker = FlowV2.speaker
    stream_chunk = FlowV2.stream_chunk
    _solve_frames = _solve_frames
    inference = FlowV2.inference

    @property
    def commit_frames(self) -> int:
        """Mel frames of one estimator attention chunk (0: full attention); see FlowV2."""
        return max(0, self.decoder.estimator.cfg.static_chunk_size)

    def pre_lookahead(self, tokens: torch.Tensor, context: torch.Tensor | None) -> torch.Tensor:
        emb = self.input_embedding(torch.clamp(tokens.long(), min=0))
        ctx = None if context is None else self.input_embedding(torch.clamp(context.long(), min=0))
        return self.pre_lookahead_layer(emb, ctx)

    def encode(self, tokens: torch.Tensor, streaming: bool, finalize: bool) -> torch.Tensor:
        """All tokens (prompt + new) -> mu (1, frames, 80): token features repeated per mel frame."""
        if finalize:
            h = self.pre_lookahead(tokens, None)
        else:
            cut = tokens.size(1) - self.pre_lookahead_len
            h = self.pre_lookahead(tokens[:, :cut], tokens[:, cut:])
        return h.repeat_interleave(self.token_mel_ratio, dim=1)
