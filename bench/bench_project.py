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


def rss_mb() -> float:
    """Resident set size now (Linux /proc), to tell a leak from a high-water mark."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


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
    # The same sentence shape in every block (one word changes), each block with its own seed: blocks
    # are alike in length, so time and memory per block are comparable from the first to the last.
    text = "\n\n".join(f"Hello there, {WORDS[i % len(WORDS)]}." for i in range(args.blocks))
    rows: list[dict] = []
    with Library.open(tmp / "lib", check=False, durable=False) as lib:
        store = ProjectStore(lib)
        project = store.create_project("bench", seed=1)
        project = store.replace_content(project.id, parse_script(text, "text"))
        with lib.transaction():
            for n, block in enumerate(store.blocks(project.id)):
                store.update_block(block.id, seed=1000 + n)
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
                    "rss_mb": rss_mb(),
                }
            )
            last[0], last[1] = now, p.audio_seconds
            if p.done % 10 == 0:
                r = rows[-1]
                print(
                    f"block {p.done}: {r['seconds']:.2f} s, {r['audio_s']:.2f} s of audio, RSS {r['rss_mb']:.0f} MB, "
                    f"peak RSS {r['peak_rss_mb']:.0f} MB",
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

    def summary(part: list[dict]) -> tuple[float, float, float, float]:
        return (
            statistics.mean(r["seconds"] for r in part),
            statistics.mean(r["seconds"] / max(r["audio_s"], 1e-6) for r in part),
            max(r["peak_rss_mb"] for r in part),
            statistics.mean(r["rss_mb"] for r in part),
        )

    first, last_part = summary(rows[:tenth]), summary(rows[-tenth:])
    print(
        f"{args.family}: {len(rows)} blocks in {total:.1f} s ({total / len(rows):.2f} s/block); export {export_s:.1f} s"
    )
    for label, f in (("first", first), ("last ", last_part)):
        print(
            f"{label} {tenth} blocks: {f[0]:.3f} s/block, RTF {f[1]:.3f}, RSS {f[3]:.0f} MB, peak RSS {f[2]:.0f} MB"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
