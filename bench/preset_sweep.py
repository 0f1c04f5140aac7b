"""Fast-preset quality on a full-size random-weight folder, stage by stage (cheaper than a whole take).

    python bench/preset_sweep.py --model /work/fullsize/cosyvoice2-full [--tokens 100] [--steps 4,5,6,8]
                                 [--lm-steps 40]

- flow: the same random speech tokens, prompt and speaker through the exact flow (the yaml's 10
  Euler steps, fp32) and through the fast preset's flow at each step count; relative L2 and mean
  absolute difference of the mel (log-mel units), and the flow's wall time.
- LM: exact's greedy tokens forced into both LMs (teacher forcing) for `--lm-steps` steps; the
  fraction of steps where the int8 LM's argmax equals exact's, and ms per step of each.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--tokens", type=int, default=100)
    parser.add_argument("--steps", default="4,5,6,8")
    parser.add_argument("--lm-steps", type=int, default=40)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    from studio.engine.build import build_flow, build_lm
    from studio.engine.model_dir import read_model_folder
    from studio.engine.presets import apply_flow_preset, apply_lm_preset, resolve_preset

    spec = read_model_folder(args.model)
    cpu = torch.device("cpu")
    g = torch.Generator().manual_seed(0)
    tokens = torch.randint(0, 6561, (1, args.tokens), generator=g, dtype=torch.int32)
    prompt_tokens = torch.randint(0, 6561, (1, 50), generator=g, dtype=torch.int32)
    prompt_mel = torch.randn(1, 100, 80, generator=g) * 2 - 5
    embedding = torch.randn(1, 192, generator=g)
    result: dict = {"model": args.model.name, "tokens": args.tokens}

    def flow_mel(flow):
        t0 = time.perf_counter()
        with torch.inference_mode():
            mel = flow.inference(tokens, prompt_tokens, prompt_mel, embedding, streaming=False, finalize=True)
        return mel.double(), time.perf_counter() - t0  # inference() returns the generated frames only

    import dataclasses

    exact_flow = build_flow(spec)
    ref, ref_s = flow_mel(exact_flow)
    result["flow_exact_s"] = round(ref_s, 2)
    del exact_flow
    for steps in [int(s) for s in args.steps.split(",")]:
        preset = resolve_preset("fast", spec.cfm.n_timesteps, cpu, steps, "fp32")
        fspec = dataclasses.replace(spec, cfm=dataclasses.replace(spec.cfm, n_timesteps=steps))
        flow = apply_flow_preset(build_flow(fspec), preset)
        mel, secs = flow_mel(flow)
        diff = mel - ref
        result[f"flow_{steps}"] = {
            "rel_l2": round(float(diff.norm() / ref.norm()), 4),
            "mean_abs": round(float(diff.abs().mean()), 4),
            "s": round(secs, 2),
            "label": preset.label,
        }
        print(json.dumps(result), flush=True)
        del flow
    # LM: teacher-forced greedy agreement
    preset = resolve_preset("fast", spec.cfm.n_timesteps, cpu, None, "fp32")
    exact = build_lm(spec)
    text = torch.randint(0, 10000, (1, 30), generator=g, dtype=torch.int32)
    with torch.inference_mode():
        prefix = exact.prefix(text, prompt_tokens)

    def run(lm, forced=None):
        cache = lm.new_cache(prefix.shape[1] + args.lm_steps + 1)
        out, embeds, t0 = [], prefix, time.perf_counter()
        with torch.inference_mode():
            for i in range(args.lm_steps):
                logp = lm.logprobs(lm.forward_step(embeds, cache)).squeeze(0)
                out.append(int(logp[:6561].argmax()))
                embeds = lm.token_embedding(forced[i] if forced else out[-1])
        return out, (time.perf_counter() - t0) / args.lm_steps * 1000

    greedy, exact_ms = run(exact)
    del exact
    fast = apply_lm_preset(build_lm(spec, prefault_pages=False), preset)
    seen, fast_ms = run(fast, greedy)
    result["lm_agreement"] = sum(a == b for a, b in zip(greedy, seen, strict=True)) / len(greedy)
    result["lm_ms_per_step"] = {"exact": round(exact_ms, 1), "fast": round(fast_ms, 1)}
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
