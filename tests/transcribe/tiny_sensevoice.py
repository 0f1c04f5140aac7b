"""A tiny randomly initialised SenseVoice in the sherpa-onnx layout (model.int8.onnx + tokens.txt).

Same graph interface and metadata as sherpa-onnx's export of SenseVoiceSmall (inputs x (N, T, 560),
x_length, language, text_norm; output logits (N, T + 4, vocab); lfr/cmvn/language-id metadata), so
sherpa-onnx's own SenseVoice recognizer loads and runs it exactly as it runs the downloaded model. Its
weights are random: it tests loading, decoding and the recognizer contract, not recognition.
"""

from __future__ import annotations

from pathlib import Path

LANG_IDS = {"auto": 0, "zh": 3, "en": 4, "yue": 7, "ja": 11, "ko": 12, "nospeech": 13}
WITH_ITN, WITHOUT_ITN = 14, 15
SPECIAL = ["<unk>", "<s>", "</s>", "<|zh|>", "<|en|>", "<|HAPPY|>", "<|Speech|>", "<|yue|>", "<|NEUTRAL|>",
           "<|BGM|>", "<|SAD|>", "<|ja|>", "<|ko|>", "<|nospeech|>", "<|withitn|>", "<|woitn|>"]  # fmt: skip
PIECES = ["▁the", "▁a", "▁cat", "▁sat", "s", "ing", "▁on", "▁mat", "你", "好", "▁dog", "ed"]


def build_tiny_sensevoice(folder: Path, seed: int = 0) -> Path:
    import onnx
    import torch

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tokens = SPECIAL + PIECES
    (folder / "tokens.txt").write_text("".join(f"{t} {i}\n" for i, t in enumerate(tokens)), encoding="utf-8")

    class Tiny(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = torch.nn.Embedding(16, 560)
            self.proj = torch.nn.Linear(560, len(tokens))

        def forward(self, x, x_length, language, text_norm):
            lang = self.embed(language.long()).unsqueeze(1)
            norm = self.embed(text_norm.long()).unsqueeze(1)
            event = self.embed.weight[1:3].unsqueeze(0).repeat(x.size(0), 1, 1)
            logits = self.proj(torch.cat((lang, event, norm, x), dim=1))
            # frames past x_length + 4 are padding; using x_length also keeps it a graph input
            frames = torch.arange(logits.size(1)).unsqueeze(0)
            valid = (frames < (x_length.long() + 4).unsqueeze(1)).unsqueeze(2)
            return logits * valid.to(logits.dtype)

    torch.manual_seed(seed)
    model = Tiny().eval()
    args = (
        torch.randn(1, 20, 560),
        torch.tensor([20], dtype=torch.int32),
        torch.tensor([0], dtype=torch.int32),
        torch.tensor([WITH_ITN], dtype=torch.int32),
    )
    path = folder / "model.int8.onnx"
    torch.onnx.export(
        model,
        args,
        str(path),
        opset_version=13,
        input_names=["x", "x_length", "language", "text_norm"],
        output_names=["logits"],
        dynamic_axes={
            "x": {0: "N", 1: "T"},
            "x_length": {0: "N"},
            "language": {0: "N"},
            "text_norm": {0: "N"},
            "logits": {0: "N", 1: "T"},
        },
        dynamo=False,
    )
    proto = onnx.load(str(path))
    meta = {
        "lfr_window_size": 7,
        "lfr_window_shift": 6,
        "normalize_samples": 0,
        "neg_mean": ",".join(["-10.0"] * 560),
        "inv_stddev": ",".join(["0.25"] * 560),
        "model_type": "sense_voice_ctc",
        "version": "2",
        "model_author": "voice-studio tests",
        "maintainer": "voice-studio tests",
        "vocab_size": len(tokens),
        "comment": "tiny random SenseVoice for tests",
        **{f"lang_{k}": v for k, v in LANG_IDS.items()},
        "with_itn": WITH_ITN,
        "without_itn": WITHOUT_ITN,
    }
    for key, value in meta.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, str(value)
    onnx.save(proto, str(path))
    return folder
