"""A tiny Paraformer in the sherpa-onnx layout (model.int8.onnx + tokens.txt).

Same graph interface and metadata as sherpa-onnx's export of the offline Paraformer (inputs speech
(N, T, 560) float32 and speech_lengths (N,) int32; outputs logits (N, U, vocab) and token_num (N,);
metadata vocab_size, lfr_window_size, lfr_window_shift, neg_mean, inv_stddev), so sherpa-onnx's own
Paraformer recognizer loads and decodes it (greedy search until </s>) exactly as it does the downloaded
model. It holds no acoustic model: whatever it hears, its logits spell SAID and then </s> (the speech
only nudges them by a tiny amount, which keeps both inputs in the graph), so a test can check the text
that comes back through sherpa-onnx and the studio's recognizer.
"""

from __future__ import annotations

from pathlib import Path

TOKENS = ["<blank>", "<s>", "</s>", "你", "好", "世", "界", "cat@@", "s", "<unk>"]
SAID = ["你", "好", "世", "界"]  # what the tiny model "hears": 你好世界


def build_tiny_paraformer(folder: Path) -> Path:
    import onnx
    import torch

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tokens.txt").write_text("".join(f"{t} {i}\n" for i, t in enumerate(TOKENS)), encoding="utf-8")
    sequence = [TOKENS.index(t) for t in SAID] + [TOKENS.index("</s>")]
    table = torch.full((len(sequence), len(TOKENS)), -10.0)
    for position, token in enumerate(sequence):
        table[position, token] = 0.0

    class Tiny(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.register_buffer("table", table)

        def forward(self, speech, speech_lengths):
            nudge = 1e-6 * torch.tanh(speech.mean(dim=(1, 2))).view(-1, 1, 1)  # (N, 1, 1)
            logits = self.table.unsqueeze(0) + nudge
            token_num = torch.full_like(speech_lengths, len(sequence)) + 0 * speech_lengths
            return logits.expand(speech.size(0), -1, -1), token_num

    path = folder / "model.int8.onnx"
    torch.onnx.export(
        Tiny().eval(),
        (torch.randn(1, 20, 560), torch.tensor([20], dtype=torch.int32)),
        str(path),
        opset_version=13,
        input_names=["speech", "speech_lengths"],
        output_names=["logits", "token_num"],
        dynamic_axes={"speech": {0: "N", 1: "T"}, "speech_lengths": {0: "N"}, "logits": {0: "N"},
                      "token_num": {0: "N"}},
        dynamo=False,
    )  # fmt: skip
    proto = onnx.load(str(path))
    meta = {
        "vocab_size": len(TOKENS),
        "lfr_window_size": 7,
        "lfr_window_shift": 6,
        "neg_mean": ",".join(["-10.0"] * 560),
        "inv_stddev": ",".join(["0.25"] * 560),
        "model_type": "paraformer",
        "comment": "tiny Paraformer for tests (no acoustic model)",
    }
    for key, value in meta.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, str(value)
    onnx.save(proto, str(path))
    return folder
