"""Build the LM, flow and vocoder modules a `ModelSpec` describes and load their checkpoints."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch import nn

from studio.engine.checkpoint import fold_weight_norm, load_into, match_state_dict, read_state_dict
from studio.engine.errors import ModelFolderError
from studio.engine.flow.cfm import ConditionalCFM
from studio.engine.flow.encoder import PreLookaheadLayer, UpsampleConformerEncoder
from studio.engine.flow.estimator_dit import DiTConfig, DiTEstimator
from studio.engine.flow.estimator_unet import CausalUNetEstimator
from studio.engine.flow.model import FlowV2, FlowV3
from studio.engine.lm import SpeechLM
from studio.engine.model_dir import ModelSpec
from studio.engine.vocoder.hift import HiFTGenerator
from studio.engine.vocoder.hift_causal import CausalHiFTGenerator, CausalNoiseBuffers


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


def _llm_rename(key: str) -> str | None:
    if key.startswith("llm.model.model."):
        return "backbone." + key[len("llm.model.model.") :]
    if key == "llm.model.lm_head.weight":
        return None  # Qwen2's text head (tied to embed_tokens): never used for speech tokens
    return key


def _hift_rename(key: str) -> str:
    return key[len("generator.") :] if key.startswith("generator.") else key


def new_lm_module(spec: ModelSpec) -> SpeechLM:
    backbone = build_backbone(spec)
    with torch.device("meta"):  # parameters cost nothing until the checkpoint is assigned
        return SpeechLM(spec.lm, backbone)


def build_lm(spec: ModelSpec, prefault_pages: bool = True) -> SpeechLM:
    lm = new_lm_module(spec)
    load_into(
        lm, read_state_dict(spec.path("llm.pt")), f"llm.pt in {spec.folder}", _llm_rename, prefault_pages
    )
    return lm.eval()


def new_flow_module(spec: ModelSpec, device: str = "meta") -> nn.Module:
    """The flow module a spec describes, with uninitialised (meta) or freshly initialised weights."""
    f = spec.flow
    if spec.flow_kind == "dit":
        pre, dit = f["pre_lookahead"], f["dit"]
        cfg = DiTConfig(
            dim=int(dit["dim"]),
            depth=int(dit["depth"]),
            heads=int(dit["heads"]),
            dim_head=int(dit["dim_head"]),
            ff_mult=int(dit.get("ff_mult", 4)),
            mel_dim=int(dit.get("mel_dim", 80)),
            mu_dim=int(dit.get("mu_dim") or dit.get("mel_dim", 80)),
            spk_dim=int(dit.get("spk_dim", 80)),
            static_chunk_size=int(dit.get("static_chunk_size", 50)),
        )
        with torch.device(device):
            return FlowV3(
                PreLookaheadLayer(
                    int(pre["in_channels"]), int(pre["channels"]), int(pre.get("pre_lookahead_len", 3))
                ),
                ConditionalCFM(spec.cfm, DiTEstimator(cfg)),
                vocab_size=f["vocab_size"],
                input_size=f["input_size"],
                spk_embed_dim=f["spk_embed_dim"],
                output_size=f["output_size"],
                token_mel_ratio=f["token_mel_ratio"],
                pre_lookahead_len=f["pre_lookahead_len"],
            )
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
    load_into(flow, read_state_dict(spec.path("flow.pt")), f"flow.pt in {spec.folder}")
    return flow.eval()


def new_hift_module(spec: ModelSpec, device: str = "meta") -> nn.Module:
    with torch.device(device):
        return CausalHiFTGenerator(spec.hift) if spec.hift_kind == "causal" else HiFTGenerator(spec.hift)


def noise_buffers(spec: ModelSpec) -> CausalNoiseBuffers:
    """The causal HiFT's construction-time random buffers, rebuilt for this folder's shapes."""
    f = spec.flow
    return CausalNoiseBuffers(
        flow_vocab=f["vocab_size"],
        flow_input=f["input_size"],
        spk_dim=f["spk_embed_dim"],
        mel_dim=f["output_size"],
        f0_in=spec.hift.in_channels,
        f0_cond=spec.hift.f0_cond_channels,
        harmonics=spec.hift.nb_harmonics + 1,
    )


def build_hift(spec: ModelSpec) -> nn.Module:
    hift = new_hift_module(spec)
    sd = fold_weight_norm(read_state_dict(spec.path("hift.pt")))
    load_into(hift, sd, f"hift.pt in {spec.folder}", _hift_rename)
    if spec.hift_kind == "causal":
        hift.attach_buffers(noise_buffers(spec))
    return hift.eval()


@dataclass
class VerifyReport:
    """What `verify_model_folder` checked, one line per item, and the first problem (if any)."""

    folder: Path
    family: str | None = None
    checked: list[str] = field(default_factory=list)
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_model_folder(folder: str | Path, load_onnx: bool = False) -> VerifyReport:
    """Structural check of a model folder without loading its weights into memory.

    Reads the yaml, checks every required file, opens each checkpoint memory-mapped and matches
    every tensor name and shape against the modules the yaml describes (nothing is materialised),
    loads the tokenizer, and optionally opens the ONNX models. Stops at the first problem.
    """
    from studio.engine.frontend.onnx import SpeakerEncoder, SpeechTokenizer
    from studio.engine.frontend.tokenizer import Tokenizer
    from studio.engine.model_dir import read_model_folder

    report = VerifyReport(Path(folder))
    try:
        spec = read_model_folder(folder)
        report.family = spec.family
        report.checked.append(f"{spec.folder.name}: {spec.family} yaml parsed, all required files present")
        checks = [
            ("llm.pt", lambda: new_lm_module(spec), _llm_rename, False),
            ("flow.pt", lambda: new_flow_module(spec), lambda k: k, False),
            ("hift.pt", lambda: new_hift_module(spec), _hift_rename, True),
        ]
        for name, make, rename, weight_norm in checks:
            module = make()
            sd = read_state_dict(spec.path(name))
            if weight_norm:
                sd = fold_weight_norm(sd, shapes_only=True)
            match_state_dict(module.state_dict(), sd, f"{name} in {spec.folder}", rename)
            report.checked.append(f"{name}: {len(sd)} tensors, names and shapes match")
            del sd, module
        Tokenizer(spec.qwen_dir, spec.family)
        report.checked.append("CosyVoice-BlankEN: tokenizer loads")
        if load_onnx:
            SpeechTokenizer(spec.path(spec.speech_tokenizer))
            SpeakerEncoder(spec.path("campplus.onnx"))
            report.checked.append(f"{spec.speech_tokenizer}, campplus.onnx: ONNX models load")
    except ModelFolderError as exc:
        report.problem = str(exc)
    return report
