"""Time the language-aware text frontend on a 20,000-character mixed script.

    python bench/bench_text.py [--chars 20000] [--model ../shared/golden/cosyvoice2/model]

The script mixes Chinese, English, German, Japanese, Korean, French, Spanish, Italian and Russian
sentences with numbers, money, times, URLs, versions and tags; every sentence has its own numbers so
no cache can answer it. Prints the time of one full `Engine.split_text`-equivalent normalization
(after the normalizer's warm-up, which model loading does) as wall-clock and CPU time (the CPU
time is the figure to compare on a shared machine), and the segment count.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

TEMPLATES = [
    "我们在{y}年{m}月{d}日卖出了{n}台电脑，收入{a}.{b}元，增长了{p}%。",
    "详情请访问www.example{n}.com查看，或者拨打{t}。",
    "It costs ${n},{k:03d}.{b:02d} today, and the meeting starts at {h}:{mi:02d}.",
    "Dr. Smith said version v{a}.{b}.{p} fixes {n} bugs [breath] in the U.S. office.",
    "Bei {n} hoch {p} Metern ändert sich die Fläche um {a},{b} % natürlich.",
    "りんごを{p}つ、{n}円で買いました。会議は{h}:{mi:02d}からです。",
    "사과 {p}개를 {n}원에 샀어요. {h}:{mi:02d}에 만나요.",
    "Il a {p} ans et il pèse {n} kg, rendez-vous à {h}h{mi:02d}.",
    "Cuesta {n},{b:02d} € y vinieron {p} personas a las {h}:{mi:02d}.",
    "Costa {n} euro e ci sono {p} gradi alle {h}:{mi:02d}.",
    "У меня {p} кошки и {n} рублей, встреча в {h}:{mi:02d}.",
]


def make_script(chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < chars:
        t = rng.choice(TEMPLATES)
        s = t.format(
            y=rng.randint(1990, 2030),
            m=rng.randint(1, 12),
            d=rng.randint(1, 28),
            n=rng.randint(2, 99999),
            k=rng.randint(0, 999),
            a=rng.randint(1, 99),
            b=rng.randint(0, 99),
            p=rng.randint(2, 9),
            h=rng.randint(1, 12),
            mi=rng.randint(0, 59),
            t=f"138{rng.randint(10000000, 99999999)}",
        )
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts)[:chars]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=20000)
    ap.add_argument(
        "--model", default=str(Path(__file__).resolve().parents[1] / ".." / "shared/golden/cosyvoice2/model")
    )
    args = ap.parse_args()
    from studio.engine.engine import TextFrontend
    from studio.engine.frontend.tokenizer import Tokenizer
    from studio.engine.model_dir import read_model_folder

    spec = read_model_folder(args.model)
    frontend = TextFrontend(spec.family, Tokenizer(spec.qwen_dir, spec.family))
    t0 = time.perf_counter()
    frontend.normalizer.warm_up()
    from studio.engine.frontend.text.language import _identifier

    _identifier()  # the language identifier unpacks on a background thread at model load; wait for it
    warm = time.perf_counter() - t0
    text = make_script(args.chars)
    t0, c0 = time.perf_counter(), time.process_time()
    segments, warnings = frontend.spoken_segments(text)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"{len(text)} characters -> {len(segments)} segments in {took:.2f} s wall, {cpu:.2f} s CPU "
        f"({len(warnings)} warnings; warm-up at model load {warm:.2f} s)"
    )


if __name__ == "__main__":
    main()
