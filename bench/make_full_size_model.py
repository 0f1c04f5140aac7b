"""Make a full-size CosyVoice model folder filled with random weights, in the official release layout.

    python bench/make_full_size_model.py --family cosyvoice2 --out bench/out/cosyvoice2-full

Shapes come from shared/golden/full-size/ (the official yaml and the Qwen2-0.5B config); the
weights are random (real checkpoints cannot be downloaded here), so the folder is for timing and
memory only. The ONNX front-end models are the small stand-ins of the golden set.

`--blank-weights` also writes `CosyVoice-BlankEN/model.safetensors` (random, fp32, ~2 GB), as the
release folders have it: this engine never reads it (llm.pt holds every LM weight), but the official
code builds its Qwen2 with `from_pretrained` on that folder before loading llm.pt over it, so a
side-by-side run of the official code needs it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("VOICE_STUDIO_SHARED", REPO.parent / "shared")) / "golden"

# Convs the official HiFT wraps in weight norm (saved as parametrizations.weight.original0/1).
WEIGHT_NORM_PREFIXES = (
    "conv_pre",
    "ups.",
    "resblocks.",
    "source_resblocks.",
    "conv_post",
    "f0_predictor.condnet.",
)


def _weight_norm_keys(sd: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    out = {}
    for key, value in sd.items():
        if key.endswith(".weight") and value.dim() == 3 and key.startswith(WEIGHT_NORM_PREFIXES):
            prefix = key[: -len(".weight")]
            g = value.flatten(1).norm(dim=1).view(-1, *([1] * (value.dim() - 1)))
            out[prefix + ".parametrizations.weight.original0"] = g
            out[prefix + ".parametrizations.weight.original1"] = value
        else:
            out[key] = value
    return out


def make(family: str, out: Path, seed: int = 0, blank_weights: bool = False) -> Path:
    from studio.engine.model_dir import read_model_folder

    torch.manual_seed(seed)
    out.mkdir(parents=True, exist_ok=True)
    small = SHARED / family / "model"
    yaml_name = f"{family}.yaml"
    shutil.copyfile(SHARED / "full-size" / yaml_name, out / yaml_name)
    qwen = out / "CosyVoice-BlankEN"
    qwen.mkdir(exist_ok=True)
    config = json.loads((SHARED / "full-size" / "qwen2-0.5b-config.json").read_text())
    (qwen / "config.json").write_text(json.dumps(config, indent=2))
    for name in ("vocab.json", "merges.txt", "tokenizer_config.json", "generation_config.json"):
        shutil.copyfile(small / "CosyVoice-BlankEN" / name, qwen / name)
    tokenizer_onnx = "speech_tokenizer_v3.onnx" if family == "cosyvoice3" else "speech_tokenizer_v2.onnx"
    for name in ("campplus.onnx", tokenizer_onnx):
        shutil.copyfile(small / name, out / name)

    # Placeholders so the folder reads; replaced below by real random checkpoints.
    for name in ("llm.pt", "flow.pt", "hift.pt"):
        (out / name).write_bytes(b"x")
    spec = read_model_folder(out)

    from transformers import Qwen2Config, Qwen2ForCausalLM

    qcfg = Qwen2Config(**{k: v for k, v in config.items() if k != "architectures"})
    qwen_model = Qwen2ForCausalLM(qcfg)
    for p in qwen_model.parameters():
        if p.dim() > 1:
            torch.nn.init.normal_(p, std=0.02)
    d = spec.lm.input_size
    if blank_weights:
        from safetensors.torch import save_file

        # fp32: the official code (transformers 4.51 as it pins) builds the Qwen2 in fp32 from it.
        blank = {k: v.contiguous() for k, v in qwen_model.state_dict().items()}
        if qcfg.tie_word_embeddings:
            blank.pop("lm_head.weight", None)  # tied to the embeddings; safetensors keeps one copy
        save_file(blank, qwen / "model.safetensors", metadata={"format": "pt"})
        del blank
    llm_sd = {f"llm.model.{k}": v for k, v in qwen_model.state_dict().items()}
    vocab_out = spec.lm.vocab_out
    if family == "cosyvoice2":
        llm_sd["llm_embedding.weight"] = torch.randn(2, d) * 0.02
        llm_sd["llm_decoder.bias"] = torch.zeros(vocab_out)
    llm_sd["speech_embedding.weight"] = torch.randn(vocab_out, d) * 0.02
    llm_sd["llm_decoder.weight"] = torch.randn(vocab_out, d) * 0.02
    torch.save(llm_sd, out / "llm.pt")
    del qwen_model, llm_sd

    from studio.engine.build import new_flow_module, new_hift_module

    flow = new_flow_module(spec, device="cpu")
    torch.save(flow.state_dict(), out / "flow.pt")
    hift = new_hift_module(spec, device="cpu")
    torch.save(_weight_norm_keys(hift.state_dict()), out / "hift.pt")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", default="cosyvoice2", choices=["cosyvoice2", "cosyvoice3"])
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--blank-weights",
        action="store_true",
        help="also write CosyVoice-BlankEN/model.safetensors (random), for running the official code on it",
    )
    args = parser.parse_args()
    out = args.out or REPO / "bench" / "out" / f"{args.family}-full"
    path = make(args.family, out, blank_weights=args.blank_weights)
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    print(f"wrote {path} ({size / 2**30:.2f} GiB)")


if __name__ == "__main__":
    main()
