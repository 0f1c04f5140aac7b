"""One LM token's linear layers (24 Qwen2-0.5B layers: q, k, v, o, gate, up, down as 1-row mat-vecs),
fp32 and as the fast preset's int8 dynamic linears, to compare OpenMP wait settings.

    GOMP_SPINCOUNT=1000 python bench/bench_openmp.py [--threads 2] [--rounds 20]
    OMP_WAIT_POLICY=PASSIVE python bench/bench_openmp.py

OpenMP reads its settings when torch loads, so compare settings in separate processes (and, on a
machine shared with other work, alternate them and repeat: see README "OpenMP wait policy").
Random weights; only the time matters. Prints ms per token for fp32 and int8.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# studio first: it sets the OpenMP default that libgomp reads when torch loads
import studio  # noqa: F401, I001
import torch
from torch import nn

HIDDEN, KV, MLP, LAYERS = 896, 128, 4864, 24  # Qwen2-0.5B, the LM of both released models


class Layer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.q, self.k, self.v = nn.Linear(HIDDEN, HIDDEN), nn.Linear(HIDDEN, KV), nn.Linear(HIDDEN, KV)
        self.o = nn.Linear(HIDDEN, HIDDEN, bias=False)
        self.gate, self.up = nn.Linear(HIDDEN, MLP, bias=False), nn.Linear(HIDDEN, MLP, bias=False)
        self.down = nn.Linear(MLP, HIDDEN, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down(self.gate(x) * self.up(x)) + self.o(self.q(x)) + self.k(x).sum() + self.v(x).sum()


def ms_per_token(layers: nn.ModuleList, rounds: int) -> float:
    x = torch.randn(1, 1, HIDDEN)
    with torch.inference_mode():
        for _ in range(3):
            for layer in layers:
                layer(x)
        start = time.perf_counter()
        for _ in range(rounds):
            for layer in layers:
                layer(x)
    return (time.perf_counter() - start) / rounds * 1000


def main() -> None:
    from studio.engine.presets import quantize_linear_int8

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    layers = nn.ModuleList(Layer() for _ in range(LAYERS))
    fp32 = ms_per_token(layers, args.rounds)
    for layer in layers:
        quantize_linear_int8(layer)
    int8 = ms_per_token(layers, args.rounds)
    settings = {k: os.environ.get(k, "unset") for k in ("GOMP_SPINCOUNT", "OMP_WAIT_POLICY")}
    print(f"threads {args.threads} {settings}: fp32 {fp32:.1f} ms/token, int8 {int8:.1f} ms/token")


if __name__ == "__main__":
    main()
