"""Build the LM, flow and vocoder modules a `ModelSpec` describes and load their checkpoints."""

from __future__ import annotations

import json
from dataclasses import dataclass

import torch
from torch import nn

from studio.engine.checkpoint import fold_weight_norm, load_into, read_state_dict
from studio.engine.errors import ModelFolderError, UnsupportedModelError
from studio.engine.flow.cfm import ConditionalCFM
from studio.engine.flow.encoder import UpsampleConformerEncoder
from studio.engine.flow.estimator_unet import CausalUNetEstimator
from studio.engine.flow.model import FlowV2
from studio.engine.lm import SpeechLM
from studio.engine.model_dir import ModelSpec
from studio.engine.vocoder.hift import HiFTGenerator


@dataclass
class Modules:
    lm: SpeechLM
    flow: nn.Module
    hift: nn.Module


def build_backbone(spec: ModelSpec) -> nn.Module:
    """Qwen2 decoder from CosyVoice-BlankEN/config.json, built without allocating weights.

    Its own model.safetensors is not read: llm.pt carries the same tensors.
    """
    from transformers import Qwen2Config, Qwen2Model

    config_path = spec.qwen_dir / "config.json"
    try:
        raw = json.loads(config_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelFolderError(f"{config_path} cannot be read ({exc}).") from exc
    config = Qwen2Config(
        **{k: v for k, v in raw.items() if k not in ("architectures", "transformers_version")}
    )
    config._attn_implementation = "sdpa"
    if int(config.hidden_size) != spec.lm.input_size:
        raise ModelFolderError(
            f"CosyVoice-BlankEN/config.json says hidden_size {config.hidden_size} but the yaml's "
            f"llm_input_size is {spec.lm.input_size}."
        )
    with torch.device("meta"):
        backbone = Qwen2Model(config)
    # Non-persistent buffers (rotary inv_freq) must be real tensors: rebuild that module on CPU.
    backbone.rotary_emb = type(backbone.rotary_emb)(config=config)
    return backbone


def build_lm(spec: ModelSpec) -> SpeechLM:
    if spec.family == "cosyvoice3":
        raise UnsupportedModelError(
            f"{spec.folder} is a Fun-CosyVoice3 model; this build of the engine runs CosyVoice2 folders only."
        )
    backbone = build_backbone(spec)
    with torch.device("meta"):  # parameters cost nothing until the checkpoint is assigned
        lm = SpeechLM(spec.lm, backbone)
    sd = read_state_dict(spec.path("llm.pt"))

    def rename(key: str) -> str | None:
        if key.startswith("llm.model.model."):
            return "backbone." + key[len("llm.model.model.") :]
        if key == "llm.model.lm_head.weight":
            return None  # Qwen2's text head: never used for speech tokens
        return key

    load_into(lm, sd, f"llm.pt in {spec.folder}", rename)
    return lm.eval()


def new_flow_module(spec: ModelSpec, device: str = "meta") -> nn.Module:
    """The flow module a spec describes, with uninitialised (meta) or freshly initialised weights."""
    if spec.flow_kind != "xvec":
        raise UnsupportedModelError(f"the {spec.family} flow (DiT) is not implemented yet")
    f = spec.flow
    with torch.device(device):
        return FlowV2(
            UpsampleConformerEncoder(spec.encoder),
            ConditionalCFM(spec.cfm, CausalUNetEstimator(spec.unet)),
            vocab_size=f["vocab_size"],
            spk_embed_dim=f["spk_embed_dim"],
            output_size=f["output_size"],
            token_mel_ratio=f["token_mel_ratio"],
            pre_lookahead_len=f["pre_lookahead_len"],
        )


def build_flow(spec: ModelSpec) -> nn.Module:
    flow = new_flow_module(spec)
    sd = read_state_dict(spec.path("flow.pt"))
    load_into(flow, sd, f"flow.pt in {spec.folder}")
    return flow.eval()


def new_hift_module(spec: ModelSpec, device: str = "meta") -> nn.Module:
    if spec.hift_kind != "hift":
        raise UnsupportedModelError(f"the {spec.family} vocoder (causal HiFT) is not implemented yet")
    with torch.device(device):
        return HiFTGenerator(spec.hift)


def build_hift(spec: ModelSpec) -> nn.Module:
    hift = new_hift_module(spec)
    sd = fold_weight_norm(read_state_dict(spec.path("hift.pt")))

    def rename(key: str) -> str:
        return key[len("generator.") :] if key.startswith("generator.") else key

    load_into(hift, sd, f"hift.pt in {spec.folder}", rename)
    return hift.eval()


def build_modules(spec: ModelSpec) -> Modules:
    return Modules(lm=build_lm(spec), flow=build_flow(spec), hift=build_hift(spec))
