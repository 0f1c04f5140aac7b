"""fp32 linear kernels on this CPU: torch's BLAS (`F.linear`) against oneDNN, on the LM's and the flow's shapes.

    python bench/bench_cpu_linear.py [--threads 2] [--layers 24] [--rounds 7]

LM: one decode step's products of a Qwen2-0.5B (hidden 896, MLP 4864, 2 key/value heads of 64) over
`--layers` layers of random fp32 weights, a one-row input each (what `SpeechLM.forward_step` does per
token); reported as milliseconds and the weights' read rate (GB/s), next to a plain `sum()` over the
same bytes (what the memory system can deliver). Flow: one CosyVoice 2 U-Net feed-forward product
(CFG batch of 2 x 644 frames, 256 -> 1024) in GFLOP/s. Best and median of `--rounds`.
The engine's choice is in studio/engine/cpu_linear.py.
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch
import torch.nn.functional as F


def timed(fn, rounds: int) -> tuple[float, float]:
    fn()
    runs = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return min(runs), statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--layers", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    onednn = torch.ops.mkldnn._linear_pointwise
    gen = torch.Generator().manual_seed(0)
    shapes = [(896, 896, True), (128, 896, True), (128, 896, True), (896, 896, False)]
    shapes += [(4864, 896, False), (4864, 896, False), (896, 4864, False)]
    layers = [
        [
            (torch.randn(o, i, generator=gen) * 0.02, torch.randn(o, generator=gen) if bias else None)
            for o, i, bias in shapes
        ]
        for _ in range(args.layers)
    ]
    inputs = {n: torch.randn(1, 1, n, generator=gen) for n in (896, 4864)}
    nbytes = sum(w.numel() * w.element_size() for layer in layers for w, _ in layer)

    def blas_step():
        for layer in layers:
            for w, b in layer:
                F.linear(inputs[w.shape[1]], w, b)

    def onednn_step():
        for layer in layers:
            for w, b in layer:
                onednn(inputs[w.shape[1]], w, b, "none", [], "")

    def read_all():
        for layer in layers:
            for w, _ in layer:
                w.sum()

    print(
        f"{torch.__version__}, {args.threads} threads, LM step: {args.layers} layers, {nbytes / 1e9:.2f} GB fp32"
    )
    with torch.inference_mode():
        for name, fn in (
            ("F.linear (BLAS)", blas_step),
            ("oneDNN", onednn_step),
            ("sum() (read only)", read_all),
        ):
            best, median = timed(fn, args.rounds)
            print(
                f"  {name:18s} best {best * 1e3:7.1f} ms  median {median * 1e3:7.1f} ms  "
                f"{nbytes / best / 1e9:5.1f} GB/s"
            )
        x = torch.randn(1288, 256, generator=gen)
        w = torch.randn(1024, 256, generator=gen) * 0.05
        b = torch.randn(1024, generator=gen)
        flops = 2 * 1288 * 256 * 1024
        print("flow feed-forward product 1288 x 256 -> 1024:")
        for name, fn in (
            ("F.linear (BLAS)", lambda: F.linear(x, w, b)),
            ("oneDNN", lambda: onednn(x, w, b, "none", [], "")),
        ):
            best, median = timed(fn, args.rounds * 3)
            print(
                f"  {name:18s} best {flops / best / 1e9:5.0f} GFLOP/s  median {flops / median / 1e9:5.0f} GFLOP/s"
            )


if __name__ == "__main__":
    main()
