"""Library query benchmark: 10,000 takes, then time the queries the window runs.

    python bench/bench_library.py [--takes 10000] [--library DIR] [--repeat 7]

Creates a throwaway library (in a temp folder unless --library is given) with N takes spread
over a year across 8 voices, each with tiny audio (10 ms: audio writing is not what is
measured), then times listing, search and filters. Every query must stay under 100 ms
(the median of --repeat runs, and the first, cold run too); the exit code is 1 if one does not.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from studio.library import Library

LIMIT_MS = 100.0
WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "lazy",
    "dog",
    "morning",
    "evening",
    "river",
    "mountain",
    "city",
    "garden",
    "window",
    "story",
    "chapter",
    "voice",
    "studio",
    "weather",
    "report",
    "welcome",
    "thank",
    "you",
    "please",
    "remember",
    "tomorrow",
    "yesterday",
    "beautiful",
    "quiet",
    "loud",
    "music",
    "kitchen",
    "coffee",
    "train",
    "station",
    "airport",
    "library",
]
CHINESE = ["你好", "世界", "今天", "天气", "很好", "我们", "一起", "学习", "声音", "故事"]


def build(root: Path, n_takes: int, seed: int = 0) -> tuple[float, list[int]]:
    rng = random.Random(seed)
    audio = np.zeros(240, dtype=np.float32)  # 10 ms at 24 kHz
    started = time.perf_counter()
    with Library.open(root, durable=False, check=False) as lib:
        voices = [lib.add_voice(f"Voice {i}", language=rng.choice(["en", "zh"])).id for i in range(8)]
        first_day = datetime(2025, 1, 1, tzinfo=UTC)
        batch = 1000
        for start in range(0, n_takes, batch):
            with lib.transaction():
                for i in range(start, min(start + batch, n_takes)):
                    if i % 5 == 0:
                        text = "".join(rng.choices(CHINESE, k=rng.randint(4, 12)))
                    else:
                        text = " ".join(rng.choices(WORDS, k=rng.randint(6, 30))).capitalize() + "."
                    lib.add_take(
                        text=f"{text} #{i}",
                        audio=audio,
                        sample_rate=24000,
                        voice_id=rng.choice(voices),
                        seed=rng.getrandbits(32),
                        model_family="cosyvoice2",
                        favourite=rng.random() < 0.1,
                        created_at=first_day + timedelta(seconds=rng.uniform(0, 365 * 86400)),
                    )
    return time.perf_counter() - started, voices


def measure(name: str, fn, repeat: int) -> tuple[str, float, float, int]:
    times = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    count = len(result) if hasattr(result, "__len__") else int(result)
    return name, times[0], statistics.median(times), count


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--takes", type=int, default=10_000)
    parser.add_argument("--library", type=Path, help="where to build the library (default: a temp folder)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        root = args.library or Path(tmp) / "library"
        build_s, voice_ids = build(root, args.takes)
        print(f"built {args.takes} takes in {build_s:.1f} s (tiny audio, durable=False; not measured below)")

        t0 = time.perf_counter()
        lib = Library.open(root)  # a normal open: durable, with the integrity check
        open_ms = (time.perf_counter() - t0) * 1000
        print(f"open with integrity check: {open_ms:.0f} ms ({lib.open_report.summary()})")
        voice = voice_ids[3]
        since, until = datetime(2025, 6, 1, tzinfo=UTC), datetime(2025, 7, 1, tzinfo=UTC)
        queries = [
            ("first page of 100 (newest first)", lambda: lib.list_takes(limit=100)),
            ("full id list", lambda: lib.take_ids()),
            ("count all", lambda: lib.count_takes()),
            ("search text 'brown fox' (page of 100)", lambda: lib.list_takes(text="brown fox")),
            ("search text 'brown fox' (all ids)", lambda: lib.take_ids(text="brown fox")),
            ("search text '天气' (2 chars: LIKE)", lambda: lib.list_takes(text="天气")),
            ("search rare text '#1234' (1 hit)", lambda: lib.list_takes(text="#1234")),
            ("filter voice + favourite", lambda: lib.list_takes(voice_id=voice, favourite=True)),
            ("filter voice + favourite (all ids)", lambda: lib.take_ids(voice_id=voice, favourite=True)),
            ("date range June 2025 (page of 100)", lambda: lib.list_takes(since=since, until=until)),
            ("date range June 2025 (all ids)", lambda: lib.take_ids(since=since, until=until)),
            (
                "voice + text + date range",
                lambda: lib.list_takes(voice_id=voice, text="morning", since=since),
            ),
            ("list voices", lambda: lib.list_voices()),
        ]
        results = [measure(name, fn, args.repeat) for name, fn in queries]
        lib.close()
        with Library.open(root, use_fts=False, check=False) as like_lib:
            results.append(
                measure(
                    "search 'brown fox' without FTS5 (LIKE)",
                    lambda: like_lib.list_takes(text="brown fox"),
                    args.repeat,
                )
            )
            results.append(
                measure(
                    "search 'brown fox' without FTS5 (all ids)",
                    lambda: like_lib.take_ids(text="brown fox"),
                    args.repeat,
                )
            )

    width = max(len(r[0]) for r in results)
    print(f"\n{'query':<{width}}  {'first ms':>8}  {'median ms':>9}  {'rows':>6}")
    failed = []
    for name, first, median, count in results:
        flag = "" if max(first, median) < LIMIT_MS else "  OVER 100 ms"
        print(f"{name:<{width}}  {first:8.2f}  {median:9.2f}  {count:6d}{flag}")
        if flag:
            failed.append(name)
    print(f"\n{'all queries under 100 ms' if not failed else 'SLOW: ' + ', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
