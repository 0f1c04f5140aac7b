"""A CosyVoice model folder exactly as released: which family it is, which files it has, what its yaml says.

Families (by the yaml file present):
    cosyvoice2.yaml -> "cosyvoice2" (CosyVoice2-0.5B)
    cosyvoice3.yaml -> "cosyvoice3" (Fun-CosyVoice3-0.5B)
    cosyvoice.yaml  -> "cosyvoice1" (recognised, refused: not supported)

The yaml is read as data (see `hyperyaml`); the class paths it names are mapped to our modules'
configs here, and any class we do not implement is refused by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.engine.errors import ModelFolderError, UnsupportedModelError
from studio.engine.flow.cfm import CFMConfig
from studio.engine.flow.encoder import EncoderConfig
from studio.engine.flow.estimator_unet import UNetConfig
from studio.engine.frontend.audio import MelConfig
from studio.engine.hyperyaml import HyperYamlError, Node, load_hyperyaml, node_kwargs
from studio.engine.lm import LMConfig
from studio.engine.vocoder.hift import HiFTConfig

FAMILY_YAML = {
    "cosyvoice2": "cosyvoice2.yaml",
    "cosyvoice3": "cosyvoice3.yaml",
    "cosyvoice1": "cosyvoice.yaml",
}
SUPPORTED_FAMILIES = ("cosyvoice2", "cosyvoice3")

_EXPECTED_CLASSES = {
    "cosyvoice2": {
        "llm": "cosyvoice.llm.llm.Qwen2LM",
        "flow": "cosyvoice.flow.flow.CausalMaskedDiffWithXvec",
        "hift": "cosyvoice.hifigan.generator.HiFTGenerator",
    },
    "cosyvoice3": {
        "llm": "cosyvoice.llm.llm.CosyVoice3LM",
        "flow": "cosyvoice.flow.flow.CausalMaskedDiffWithDiT",
        "hift": "cosyvoice.hifigan.generator.CausalHiFTGenerator",
    },
}
TOKENIZER_FILES = ("config.json", "vocab.json", "merges.txt", "tokenizer_config.json")


def detect_family(folder: Path) -> str:
    found = [fam for fam, name in FAMILY_YAML.items() if (folder / name).is_file()]
    if not found:
        raise ModelFolderError(
            f"{folder} is not a CosyVoice model folder: it has none of {', '.join(FAMILY_YAML.values())}."
        )
    if len(found) > 1:
        raise ModelFolderError(
            f"{folder} has several model yamls ({', '.join(FAMILY_YAML[f] for f in found)}); keep one."
        )
    return found[0]


def required_files(family: str) -> list[str]:
    tokenizer = "speech_tokenizer_v3.onnx" if family == "cosyvoice3" else "speech_tokenizer_v2.onnx"
    return [
        FAMILY_YAML[family],
        "llm.pt",
        "flow.pt",
        "hift.pt",
        "campplus.onnx",
        tokenizer,
        *[f"CosyVoice-BlankEN/{name}" for name in TOKENIZER_FILES],
    ]


@dataclass(frozen=True)
class ModelSpec:
    """Everything the engine needs to build a model, read from the folder without loading weights."""

    folder: Path
    family: str
    sample_rate: int
    token_frame_rate: int
    token_mel_ratio: int
    chunk_size: int
    lm: LMConfig
    flow_kind: str  # "xvec" (v2) | "dit" (v3)
    flow: dict[str, Any]
    encoder: EncoderConfig | None
    unet: UNetConfig | None
    cfm: CFMConfig
    hift: HiFTConfig
    hift_kind: str  # "hift" (v2) | "causal" (v3)
    mel: MelConfig
    speech_tokenizer: str

    def path(self, name: str) -> Path:
        return self.folder / name

    @property
    def qwen_dir(self) -> Path:
        return self.folder / "CosyVoice-BlankEN"


def read_model_folder(folder: str | Path) -> ModelSpec:
    folder = Path(folder).expanduser()
    if not folder.exists():
        raise ModelFolderError(f"The model folder {folder} does not exist.")
    if not folder.is_dir():
        raise ModelFolderError(f"{folder} is a file; give the model folder that contains it.")
    family = detect_family(folder)
    if family not in SUPPORTED_FAMILIES:
        raise UnsupportedModelError(
            f"{folder} holds a CosyVoice 1 model ({FAMILY_YAML[family]}); Voice Studio supports "
            "CosyVoice2-0.5B and Fun-CosyVoice3-0.5B folders."
        )
    missing = [name for name in required_files(family) if not (folder / name).is_file()]
    if missing:
        raise ModelFolderError(f"The model folder {folder} is missing {', '.join(missing)}.")
    empty = [name for name in required_files(family) if (folder / name).stat().st_size == 0]
    if empty:
        raise ModelFolderError(f"In {folder}, {', '.join(empty)} is empty; download it again.")
    yaml_name = FAMILY_YAML[family]
    try:
        doc = load_hyperyaml((folder / yaml_name).read_text(encoding="utf-8"))
    except (HyperYamlError, UnicodeDecodeError) as exc:
        raise ModelFolderError(f"{yaml_name} in {folder} cannot be read: {exc}") from exc
    try:
        return _spec_from_yaml(folder, family, doc)
    except UnsupportedModelError:
        raise
    except (KeyError, TypeError, ValueError, HyperYamlError) as exc:
        raise ModelFolderError(
            f"{yaml_name} in {folder} is missing or has a malformed entry ({exc!r})."
        ) from exc


def _require_class(node: Any, key: str, expected: str, yaml_name: str) -> dict[str, Any]:
    if not isinstance(node, Node) or node.kind != "new":
        raise ModelFolderError(f"{yaml_name}: `{key}` should be a `!new:` object.")
    if node.target != expected:
        raise UnsupportedModelError(
            f"{yaml_name}: `{key}` is {node.target}; this engine implements {expected}."
        )
    return node_kwargs(node)


def _spec_from_yaml(folder: Path, family: str, doc: dict[str, Any]) -> ModelSpec:
    yaml_name = FAMILY_YAML[family]
    classes = _EXPECTED_CLASSES[family]
    llm = _require_class(doc["llm"], "llm", classes["llm"], yaml_name)
    flow = _require_class(doc["flow"], "flow", classes["flow"], yaml_name)
    hift = _require_class(doc["hift"], "hift", classes["hift"], yaml_name)

    sampling = llm.get("sampling")
    sampling_kwargs = node_kwargs(sampling) if isinstance(sampling, Node) else {}
    if isinstance(sampling, Node) and sampling.class_name != "ras_sampling":
        raise UnsupportedModelError(
            f"{yaml_name}: sampling {sampling.target} is not supported (ras_sampling is)."
        )
    lm_cfg = LMConfig(
        family=family,
        input_size=int(llm["llm_input_size"]),
        output_size=int(llm["llm_output_size"]),
        speech_token_size=int(llm["speech_token_size"]),
        top_p=float(sampling_kwargs.get("top_p", 0.8)),
        top_k=int(sampling_kwargs.get("top_k", 25)),
        win_size=int(sampling_kwargs.get("win_size", 10)),
        tau_r=float(sampling_kwargs.get("tau_r", 0.1)),
    )

    decoder = _require_class(
        flow["decoder"], "flow.decoder", "cosyvoice.flow.flow_matching.CausalConditionalCFM", yaml_name
    )
    cfm_params = node_kwargs(decoder["cfm_params"])
    if cfm_params.get("solver", "euler") != "euler":
        raise UnsupportedModelError(
            f"{yaml_name}: CFM solver {cfm_params['solver']} is not supported (euler is)."
        )
    cfm = CFMConfig(
        n_timesteps=10,  # hard-coded in the official flow.inference
        inference_cfg_rate=float(cfm_params.get("inference_cfg_rate", 0.7)),
        t_scheduler=str(cfm_params.get("t_scheduler", "cosine")),
    )
    estimator_node = decoder["estimator"]
    encoder_cfg = unet_cfg = None
    if family == "cosyvoice2":
        flow_kind = "xvec"
        enc = _require_class(
            flow["encoder"],
            "flow.encoder",
            "cosyvoice.transformer.upsample_encoder.UpsampleConformerEncoder",
            yaml_name,
        )
        for key, want in (
            ("input_layer", "linear"),
            ("pos_enc_layer_type", "rel_pos_espnet"),
            ("selfattention_layer_type", "rel_selfattn"),
        ):
            if enc.get(key, want) != want:
                raise UnsupportedModelError(
                    f"{yaml_name}: flow encoder {key}={enc[key]!r} is not supported ({want!r} is)."
                )
        if enc.get("use_cnn_module", True) or enc.get("macaron_style", True):
            raise UnsupportedModelError(
                f"{yaml_name}: flow encoder with conv module / macaron FF is not supported."
            )
        encoder_cfg = EncoderConfig(
            input_size=int(enc["input_size"]),
            output_size=int(enc["output_size"]),
            attention_heads=int(enc["attention_heads"]),
            linear_units=int(enc["linear_units"]),
            num_blocks=int(enc["num_blocks"]),
            static_chunk_size=int(enc.get("static_chunk_size", doc.get("chunk_size", 25))),
            pre_lookahead_len=int(flow.get("pre_lookahead_len", 3)),
        )
        est = _require_class(
            estimator_node,
            "flow.decoder.estimator",
            "cosyvoice.flow.decoder.CausalConditionalDecoder",
            yaml_name,
        )
        channels = list(est["channels"])
        if len(channels) != 1:
            raise UnsupportedModelError(
                f"{yaml_name}: a U-Net estimator with channels {channels} is not supported (one level is)."
            )
        if est.get("act_fn", "gelu") != "gelu":
            raise UnsupportedModelError(
                f"{yaml_name}: estimator act_fn {est['act_fn']!r} is not supported (gelu is)."
            )
        unet_cfg = UNetConfig(
            in_channels=int(est["in_channels"]),
            out_channels=int(est["out_channels"]),
            channels=int(channels[0]),
            attention_head_dim=int(est["attention_head_dim"]),
            n_blocks=int(est["n_blocks"]),
            num_mid_blocks=int(est["num_mid_blocks"]),
            num_heads=int(est["num_heads"]),
            static_chunk_size=int(est["static_chunk_size"]),
        )
        flow_extra: dict[str, Any] = {}
    else:
        flow_kind = "dit"
        pre = _require_class(
            flow["pre_lookahead_layer"],
            "flow.pre_lookahead_layer",
            "cosyvoice.transformer.upsample_encoder.PreLookaheadLayer",
            yaml_name,
        )
        est = _require_class(
            estimator_node, "flow.decoder.estimator", "cosyvoice.flow.DiT.dit.DiT", yaml_name
        )
        flow_extra = {"pre_lookahead": pre, "dit": est}

    f0 = hift["f0_predictor"]
    f0_kwargs = node_kwargs(f0)
    istft = hift.get("istft_params", {"n_fft": 16, "hop_len": 4})
    hift_cfg = HiFTConfig(
        in_channels=int(hift.get("in_channels", 80)),
        base_channels=int(hift["base_channels"]),
        nb_harmonics=int(hift.get("nb_harmonics", 8)),
        sampling_rate=int(hift["sampling_rate"]),
        nsf_alpha=float(hift.get("nsf_alpha", 0.1)),
        nsf_sigma=float(hift.get("nsf_sigma", 0.003)),
        nsf_voiced_threshold=float(hift.get("nsf_voiced_threshold", 10)),
        upsample_rates=tuple(int(x) for x in hift["upsample_rates"]),
        upsample_kernel_sizes=tuple(int(x) for x in hift["upsample_kernel_sizes"]),
        n_fft=int(istft["n_fft"]),
        hop_len=int(istft["hop_len"]),
        resblock_kernel_sizes=tuple(int(x) for x in hift["resblock_kernel_sizes"]),
        resblock_dilation_sizes=tuple(tuple(int(y) for y in x) for x in hift["resblock_dilation_sizes"]),
        source_resblock_kernel_sizes=tuple(int(x) for x in hift["source_resblock_kernel_sizes"]),
        source_resblock_dilation_sizes=tuple(
            tuple(int(y) for y in x) for x in hift["source_resblock_dilation_sizes"]
        ),
        lrelu_slope=float(hift.get("lrelu_slope", 0.1)),
        audio_limit=float(hift.get("audio_limit", 0.99)),
        f0_cond_channels=int(f0_kwargs.get("cond_channels", 512)),
        extra={"conv_pre_look_right": int(hift.get("conv_pre_look_right", 4))},
    )
    if hift_cfg.sampling_rate == 22050:
        raise UnsupportedModelError(f"{yaml_name}: 22.05 kHz HiFT (CosyVoice 1) is not supported.")

    feat = doc.get("feat_extractor")
    feat_kwargs = node_kwargs(feat) if isinstance(feat, Node) else {}
    mel = MelConfig(
        n_fft=int(feat_kwargs.get("n_fft", 1920)),
        num_mels=int(feat_kwargs.get("num_mels", 80)),
        sampling_rate=int(feat_kwargs.get("sampling_rate", doc.get("sample_rate", 24000))),
        hop_size=int(feat_kwargs.get("hop_size", 480)),
        win_size=int(feat_kwargs.get("win_size", 1920)),
        fmin=float(feat_kwargs.get("fmin", 0) or 0),
        fmax=None if feat_kwargs.get("fmax") is None else float(feat_kwargs["fmax"]),
    )
    return ModelSpec(
        folder=folder,
        family=family,
        sample_rate=int(doc.get("sample_rate", 24000)),
        token_frame_rate=int(doc.get("token_frame_rate", 25)),
        token_mel_ratio=int(doc.get("token_mel_ratio", 2)),
        chunk_size=int(doc.get("chunk_size", 25)),
        lm=lm_cfg,
        flow_kind=flow_kind,
        flow={
            "input_size": int(flow["input_size"]),
            "output_size": int(flow["output_size"]),
            "spk_embed_dim": int(flow["spk_embed_dim"]),
            "vocab_size": int(flow["vocab_size"]),
            "token_mel_ratio": int(flow.get("token_mel_ratio", 2)),
            "pre_lookahead_len": int(flow.get("pre_lookahead_len", 3)),
            **flow_extra,
        },
        encoder=encoder_cfg,
        unet=unet_cfg,
        cfm=cfm,
        hift=hift_cfg,
        hift_kind="causal" if family == "cosyvoice3" else "hift",
        mel=mel,
        speech_tokenizer="speech_tokenizer_v3.onnx" if family == "cosyvoice3" else "speech_tokenizer_v2.onnx",
    )
