"""Benchmark: render a 200-block project on a golden model and report time and peak RSS per block.

    python bench/bench_project.py [--blocks 200] [--family cosyvoice2] [--json OUT]

Each block is a short sentence rendered through the project renderer (LocalRenderer ->
synthesize_block) and committed to a temporary library. Per block it records the wall time and the
process's peak RSS (ru_maxrss) after the block; flat means the last tenth of the blocks costs about
what the first tenth did (time normalised by audio length) and peak RSS stops growing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("VOICE_STUDIO_SHARED", REPO.parent / "shared"))

WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
    "november",
]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--blocks", type=int, default=200)
    ap.add_argument("--family", default="cosyvoice2", choices=["cosyvoice2", "cosyvoice3"])
    ap.add_argument("--json", help="write per-block figures here")
    args = ap.parse_args()
    from studio.engine import load_model
    from studio.library import Library, model_folder_hash
    from studio.project import LocalRenderer, ProjectStore, VoiceResolver, render_project
    from studio.project.export import export_project
    from studio.project.importers import parse_script

    model = SHARED / "golden" / args.family / "model"
    engine = load_model(model, device="cpu", text_normalizer="rules")
    tmp = Path(tempfile.mkdtemp(prefix="bench-project-"))
    voice = tmp / "v.voice.safetensors"
    engine.prepare_voice(
        SHARED / "golden" / "audio" / "prompt_en_shared.wav",
        transcript="Hello, this is a tiny voice cloning test.",
    ).save(voice)
    text = "\n\n".join(
        f"{WORDS[i % len(WORDS)].capitalize()} {WORDS[(i * 7) % len(WORDS)]} number {i}."
        for i in range(args.blocks)
    )
    rows: list[dict] = []
    with Library.open(tmp / "lib", check=False, durable=False) as lib:
        store = ProjectStore(lib)
        project = store.create_project("bench", seed=1)
        project = store.replace_content(project.id, parse_script(text, "text"))
        store.set_speaker_voice(project.id, "", voice_file=str(voice))
        model_hash = model_folder_hash(model)
        project = store.set_model(project.id, str(model), engine.family, model_hash)
        resolver = VoiceResolver(store, project, engine.family)
        last = [time.perf_counter(), 0.0]

        def progress(p) -> None:
            now = time.perf_counter()
            rows.append(
                {
                    "block": p.block_number,
                    "seconds": now - last[0],
                    "audio_s": p.audio_seconds - last[1],
                    "peak_rss_mb": peak_rss_mb(),
                }
            )
            last[0], last[1] = now, p.audio_seconds
            if p.done % 10 == 0:
                r = rows[-1]
                print(
                    f"block {p.done}: {r['seconds']:.2f} s, {r['audio_s']:.2f} s of audio, peak RSS {r['peak_rss_mb']:.0f} MB",
                    flush=True,
                )

        start = time.perf_counter()
        render_project(
            store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash, progress=progress
        )
        total = time.perf_counter() - start
        t0 = time.perf_counter()
        export_project(
            store, store.get_project(project.id), tmp / "out.flac", resolver=resolver, model_hash=model_hash
        )
        export_s = time.perf_counter() - t0
    tenth = max(1, len(rows) // 10)

    def summary(part: list[dict]) -> tuple[float, float, float]:
        return (
            statistics.mean(r["seconds"] for r in part),
            statistics.mean(r["seconds"] / max(r["audio_s"], 1e-6) for r in part),
            max(r["peak_rss_mb"] for r in part),
        )

    first, last_part = summary(rows[:tenth]), summary(rows[-tenth:])
    print(
        f"{args.family}: {len(rows)} blocks in {total:.1f} s ({total / len(rows):.2f} s/block); export {export_s:.1f} s"
    )
    print(f"first {tenth} blocks: {first[0]:.3f} s/block, RTF {first[1]:.3f}, peak RSS {first[2]:.0f} MB")
    print(
        f"last  {tenth} blocks: {last_part[0]:.3f} s/block, RTF {last_part[1]:.3f}, peak RSS {last_part[2]:.0f} MB"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
