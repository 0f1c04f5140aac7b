"""The speech-token language model: a Qwen2 backbone (transformers) + speech embedding + speech head.

One decode loop (`generate`) with a KV cache and a pluggable sampler. The text head of Qwen2
(151k rows) is never computed: only `llm_decoder` over the speech vocabulary is.

Layout of the LM input at step 0 (both families):
    [sos] [prompt text + text to speak] [task_id] [prompt speech tokens]
CosyVoice 2 takes sos/task_id from `llm_embedding` (2 rows); CosyVoice 3 from rows of
`speech_embedding` (sos 6561, eos 6562, task_id 6563, fill 6564; 200 stop ids).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

Sampler = Callable[[torch.Tensor, list[int]], int]


class KVCache:
    """Preallocated keys/values for every layer: (1, kv_heads, max_positions, head_dim)."""

    def __init__(self, layers: int, kv_heads: int, head_dim: int, max_positions: int, dtype, device):
        shape = (1, kv_heads, max_positions, head_dim)
        self.k = [torch.zeros(shape, dtype=dtype, device=device) for _ in range(layers)]
        self.v = [torch.zeros(shape, dtype=dtype, device=device) for _ in range(layers)]
        self.length = 0

    def append(self, layer: int, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        end = self.length + k.shape[2]
        self.k[layer][:, :, self.length : end] = k
        self.v[layer][:, :, self.length : end] = v
        return self.k[layer][:, :, :end], self.v[layer][:, :, :end]


@dataclass(frozen=True)
class LMConfig:
    family: str  # "cosyvoice2" | "cosyvoice3"
    input_size: int
    output_size: int
    speech_token_size: int = 6561
    min_token_text_ratio: float = 2.0
    max_token_text_ratio: float = 20.0
    top_p: float = 0.8
    top_k: int = 25
    win_size: int = 10
    tau_r: float = 0.1

    @property
    def v3(self) -> bool:
        return self.family == "cosyvoice3"

    @property
    def vocab_out(self) -> int:
        return self.speech_token_size + (200 if self.v3 else 3)

    @property
    def sos(self) -> int:
        return self.speech_token_size if self.v3 else 0

    @property
    def task_id(self) -> int:
        return self.speech_token_size + 2 if self.v3 else 1

    @property
    def eos(self) -> int:
        return self.speech_token_size + 1 if self.v3 else self.speech_token_size

    @property
    def stop_ids(self) -> frozenset[int]:
        return frozenset(range(self.speech_token_size, self.vocab_out))

    @property
    def min_len_masked_id(self) -> int:
        # Before min_len the official loop masks index `speech_token_size`. In CosyVoice 3 that id
        # is sos, not eos, so v3 can still stop early on another stop id (kept for parity).
        return self.speech_token_size

    @property
    def silent_tokens(self) -> frozenset[int]:
        # FSQ silence/breath codes; long runs are dropped before flow (CosyVoice 3 only).
        return frozenset({1, 2, 28, 29, 55, 248, 494, 2241, 2242, 2322, 2323}) if self.v3 else frozenset()


class SpeechLM(nn.Module):
    """Parameter names follow llm.pt (the Qwen2 decoder lives under `llm.model.model`)."""

    def __init__(self, cfg: LMConfig, backbone: nn.Module):
        super().__init__()
        self.cfg = cfg
        self.backbone = backbone
        if not cfg.v3:
            self.llm_embedding = nn.Embedding(2, cfg.input_size)
        self.speech_embedding = nn.Embedding(cfg.vocab_out, cfg.input_size)
        self.llm_decoder = nn.Linear(cfg.output_size, cfg.vocab_out, bias=not cfg.v3)

    # -- building the input ----------------------------------------------------------------

    def _special(self, which: int) -> torch.Tensor:
        if self.cfg.v3:
            return self.speech_embedding.weight[which].reshape(1, 1, -1)
        return self.llm_embedding.weight[which].reshape(1, 1, -1)

    def prefix(self, text_ids: torch.Tensor, prompt_speech_tokens: torch.Tensor) -> torch.Tensor:
        """(1, L, D) embeddings the decode loop feeds at step 0. text_ids = prompt text + text."""
        text_emb = self.backbone.embed_tokens(text_ids.long().view(1, -1))
        parts = [self._special(self.cfg.sos), text_emb, self._special(self.cfg.task_id)]
        if prompt_speech_tokens.numel():
            parts.append(self.speech_embedding(prompt_speech_tokens.long().view(1, -1)))
        return torch.cat(parts, dim=1)

    def token_embedding(self, token: int) -> torch.Tensor:
        return self.speech_embedding.weight[token].reshape(1, 1, -1)

    # -- running the backbone --------------------------------------------------------------

    def new_cache(self, max_positions: int) -> KVCache:
        cfg = self.backbone.config
        head_dim = getattr(cfg, "head_dim", None) or cfg.hidden_size // cfg.num_attention_heads
        p = next(self.parameters())
        return KVCache(
            cfg.num_hidden_layers, cfg.num_key_value_heads, head_dim, max_positions, p.dtype, p.device
        )

    def forward_step(self, embeds: torch.Tensor, cache: KVCache) -> torch.Tensor:
        """Run new positions through the backbone, appending to the KV cache; last hidden state (1, D).

        Uses the transformers Qwen2 modules (norms, projections, rotary, MLP) with our own
        preallocated cache: no per-step cache concatenation, no mask building.
        """
        from transformers.models.qwen2.modeling_qwen2 import apply_rotary_pos_emb

        bb = self.backbone
        length = embeds.shape[1]
        start = cache.length
        positions = torch.arange(start, start + length, device=embeds.device).unsqueeze(0)
        cos, sin = bb.rotary_emb(embeds, positions)
        x = embeds
        for i, layer in enumerate(bb.layers):
            attn = layer.self_attn
            h = layer.input_layernorm(x)
            qkv_proj = attn._modules.get("qkv_proj")  # the fast preset's fused q/k/v
            if qkv_proj is not None:
                q, k, v = qkv_proj(h).split(attn.fused_sizes, dim=-1)
            else:
                q, k, v = attn.q_proj(h), attn.k_proj(h), attn.v_proj(h)
            q = q.reshape(1, length, -1, attn.head_dim).transpose(1, 2)
            k = k.reshape(1, length, -1, attn.head_dim).transpose(1, 2)
            v = v.reshape(1, length, -1, attn.head_dim).transpose(1, 2)
            q, k = apply_rotary_pos_emb(q, k, cos, sin)
            keys, values = cache.append(i, k, v)
            o = F.scaled_dot_product_attention(
                q, keys, values, is_causal=length > 1 and start == 0, scale=attn.scaling, enable_gqa=True
            )
            if length > 1 and start != 0:
                raise NotImplementedError("multi-token steps after the prefix are not used")
            x = x + attn.o_proj(o.transpose(1, 2).reshape(1, length, -1))
            mlp = layer.mlp
            gate_up_proj = mlp._modules.get("gate_up_proj")
            if gate_up_proj is not None:  # Qwen2MLP: down(act(gate(x)) * up(x)), gate and up fused
                gate, up = gate_up_proj(layer.post_attention_layernorm(x)).split(mlp.fused_sizes, dim=-1)
                x = x + mlp.down_proj(mlp.act_fn(gate) * up)
            else:
                x = x + mlp(layer.post_attention_layernorm(x))
        cache.length += length
        return bb.norm(x[:, -1])

    def hidden_states(self, embeds: torch.Tensor) -> torch.Tensor:
        """Final-norm hidden states of a whole sequence in one causal pass (transformers' own forward)."""
        return self.backbone(inputs_embeds=embeds, use_cache=False).last_hidden_state

    def logprobs(self, hidden: torch.Tensor) -> torch.Tensor:
        # Sampling always sees float32 log-probabilities, whatever precision the LM runs in.
        return self.llm_decoder(hidden).float().log_softmax(dim=-1)

    # -- decoding --------------------------------------------------------------------------

    def graph_decoder(self):
        """The CUDA-graph decoder of this LM (made on first use; see studio.engine.cuda_graphs)."""
        from studio.engine.cuda_graphs import GraphDecoder

        decoder = self.__dict__.get("_graph_decoder")
        if decoder is None:
            decoder = GraphDecoder(self)
            self.__dict__["_graph_decoder"] = decoder
        return decoder

    @torch.inference_mode()
    def generate(
        self,
        prefix: torch.Tensor,
        min_len: int,
        max_len: int,
        sampler: Sampler,
        cancel: threading.Event | None = None,
    ) -> Iterator[int]:
        """Yield speech tokens until a stop id or max_len, exactly as the official loop.

        `sampler(logprobs, history)` gets the (vocab_out,) float32 CPU log-probabilities (the
        masked id set to -inf while fewer than min_len tokens exist) and the tokens so far; it
        returns an id. On CUDA the steps after the prefix replay a CUDA graph (`graph_decoder`).
        """
        from studio.engine.cuda_graphs import graphs_enabled

        decoder = self.graph_decoder() if graphs_enabled(prefix.device) else None
        cache = self.new_cache(prefix.shape[1] + max_len + 1) if decoder is None else None
        history: list[int] = []
        embeds = prefix
        stop_ids = self.cfg.stop_ids
        for step in range(max_len):
            if cancel is not None and cancel.is_set():
                return
            if decoder is None:
                hidden = self.forward_step(embeds, cache)
                logp = self.logprobs(hidden).squeeze(0)
            else:
                logp = decoder.start(prefix, max_len) if step == 0 else decoder.step(history[-1])
            if logp.device.type != "cpu":
                logp = logp.cpu()  # the samplers are the official CPU ones (the one read-back per token)
            if step < min_len:
                logp[self.cfg.min_len_masked_id] = -float("inf")
            token = int(sampler(logp, history))
            if token in stop_ids:
                return
            yield token
            history.append(token)
            if decoder is None:
                embeds = self.token_embedding(token)


class StaticDecodeStep:
    """A one-token decode step whose tensor shapes never change (what a CUDA graph can capture).

    The KV cache has a fixed length `positions`; the step writes its key/value at `position` (a
    device tensor) with `index_copy_`, attends over the whole cache with the positions not yet
    written masked out, embeds `token` (a device tensor) itself and advances `position`, so
    nothing in it depends on a host-side value. Same numbers as `SpeechLM.forward_step` up to
    float rounding of the masked softmax.
    """

    def __init__(self, lm: SpeechLM, positions: int):
        self.lm = lm
        self.cache = lm.new_cache(positions)
        device = self.cache.k[0].device
        self.positions = positions
        self.position = torch.zeros(1, dtype=torch.long, device=device)
        self.token = torch.zeros(1, dtype=torch.long, device=device)
        self.index = torch.arange(positions, device=device).view(1, 1, 1, -1)

    def reset_after_warmup(self) -> None:
        self.position.zero_()
        self.cache.length = 0

    def prefill(self, prefix: torch.Tensor) -> torch.Tensor:
        """Run the (1, L, D) prefix from position 0; (vocab_out,) log-probs of the next token."""
        if prefix.shape[1] >= self.positions:
            raise ValueError(f"a {prefix.shape[1]}-position prefix does not fit a {self.positions} cache")
        self.cache.length = 0
        hidden = self.lm.forward_step(prefix, self.cache)
        self.position.fill_(self.cache.length)
        return self.lm.logprobs(hidden).squeeze(0)

    def step(self) -> torch.Tensor:
        """Embed `token` at `position`, run all layers, advance; (vocab_out,) log-probs."""
        from transformers.models.qwen2.modeling_qwen2 import apply_rotary_pos_emb

        lm = self.lm
        bb = lm.backbone
        x = lm.speech_embedding(self.token).view(1, 1, -1)
        cos, sin = bb.rotary_emb(x, self.position.view(1, 1))
        visible = self.index <= self.position
        for i, layer in enumerate(bb.layers):
            attn = layer.self_attn
            h = layer.input_layernorm(x)
            q = attn.q_proj(h).view(1, 1, -1, attn.head_dim).transpose(1, 2)
            k = attn.k_proj(h).view(1, 1, -1, attn.head_dim).transpose(1, 2)
            v = attn.v_proj(h).view(1, 1, -1, attn.head_dim).transpose(1, 2)
            q, k = apply_rotary_pos_emb(q, k, cos, sin)
            self.cache.k[i].index_copy_(2, self.position, k)
            self.cache.v[i].index_copy_(2, self.position, v)
            o = F.scaled_dot_product_attention(
                q, self.cache.k[i], self.cache.v[i], attn_mask=visible, scale=attn.scaling, enable_gqa=True
            )
            x = x + attn.o_proj(o.transpose(1, 2).reshape(1, 1, -1))
            x = x + layer.mlp(layer.post_attention_layernorm(x))
        self.position.add_(1)
        return lm.logprobs(bb.norm(x[:, -1])).squeeze(0)


def length_limits(cfg: LMConfig, num_text_tokens: int) -> tuple[int, int]:
    """(min_len, max_len) from the number of tokens of the text to speak (prompt text excluded)."""
    return int(num_text_tokens * cfg.min_token_text_ratio), int(num_text_tokens * cfg.max_token_text_ratio)


# --- samplers -------------------------------------------------------------------------------


class RasSampler:
    """Repetition-aware sampling (VALL-E 2), numerically as `cosyvoice.utils.common.ras_sampling`.

    Nucleus sampling over the top-k/top-p set; if the pick already occurs at least
    win_size * tau_r times in the last win_size tokens, redraw from the full distribution
    without it.
    """

    def __init__(self, generator: torch.Generator, top_p=0.8, top_k=25, win_size=10, tau_r=0.1):
        self.generator = generator
        self.top_p, self.top_k, self.win_size, self.tau_r = top_p, top_k, win_size, tau_r

    def nucleus(self, scores: torch.Tensor) -> int:
        sorted_value, sorted_idx = scores.softmax(dim=0).sort(descending=True, stable=True)
        head = sorted_value[: self.top_k].numpy()
        # The official loop accumulates in float32 one value at a time and compares with top_p
        # rounded to float32; reproduce that order exactly so the kept set is identical.
        top_p = np.float32(self.top_p)
        cum = np.float32(0.0)
        keep = 0
        for v in head:
            if cum < top_p and keep < self.top_k:
                cum = np.float32(cum + v)
                keep += 1
            else:
                break
        probs = sorted_value[:keep].clone()
        pick = torch.multinomial(probs, 1, replacement=True, generator=self.generator)
        return int(sorted_idx[:keep][pick].item())

    def __call__(self, logprobs: torch.Tensor, history: list[int]) -> int:
        top_id = self.nucleus(logprobs)
        recent = history[-self.win_size :]
        repeats = sum(1 for t in recent if t == top_id)
        if repeats >= self.win_size * self.tau_r:
            scores = logprobs.clone()
            scores[top_id] = -float("inf")
            top_id = int(
                torch.multinomial(scores.softmax(dim=0), 1, replacement=True, generator=self.generator).item()
            )
        return top_id


def greedy_speech_sampler(speech_token_size: int = 6561) -> Sampler:
    """Argmax over speech ids only: never stops early, draws no random numbers."""

    def sample(logprobs: torch.Tensor, history: list[int]) -> int:
        return int(logprobs[:speech_token_size].argmax())

    return sample


def greedy_sampler(logprobs: torch.Tensor, history: list[int]) -> int:
    """Plain argmax (may pick a stop id)."""
    return int(logprobs.argmax())
