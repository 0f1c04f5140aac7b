"""Ingest speed: seconds of audio processed per second of wall time, for VAD alone and VAD + recognition.

    python bench/bench_ingest.py                       # 22 espeak-ng sentences (~2 min), VAD alone and + PocketSphinx
    python bench/bench_ingest.py --asr pocketsphinx,whisper-small --repeat 2

Builds the recording with espeak-ng (tests/transcribe/speech.py), ingests it into a throwaway library
(durable=False) and prints one line per configuration: audio seconds, wall seconds, speed (audio s / s),
clips, and with PocketSphinx the word error rate of each clip against the sentences spoken in it. Each
configuration's recognizers are loaded before the clock starts (loading is reported separately).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    from studio.library import Library
    from studio.transcribe import ingest as ing
    from studio.transcribe import recognizers as reg
    from studio.transcribe.agreement import error_rate
    from tests.transcribe.conftest import sentences_in
    from tests.transcribe.speech import SENTENCES, build_recording

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--asr", default="pocketsphinx", help="recognizers for the second configuration")
    ap.add_argument("--repeat", type=int, default=1, help="sentences repeated N times (longer recording)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        rec = Path(tmp) / "recording.wav"
        spans = build_recording(rec, SENTENCES * args.repeat)
        seconds = spans[-1][1] + 1.3
        # warm the VAD and the text normaliser outside the clock
        from studio.transcribe import vad
        from studio.transcribe.agreement import normalize

        vad._model()
        normalize("warm up 1")
        for label, names in (("VAD alone", []), (f"VAD + {args.asr}", reg.parse_names(args.asr))):
            t0 = time.perf_counter()
            recs = [reg.load(n) for n in names]
            load_s = time.perf_counter() - t0
            lib = Library.open(Path(tmp) / f"lib-{len(names)}", durable=False, check=False)
            t0 = time.perf_counter()
            summary = ing.ingest_files([rec], lib, recs)
            wall = time.perf_counter() - t0
            line = (
                f"{label}: {seconds:.1f} s of audio in {wall:.1f} s = {seconds / wall:.1f} audio s/s, "
                f"{len(summary.saved)} clips ({len(spans)} sentences)"
            )
            if names:
                line += f", recognizers loaded in {load_s:.1f} s"
            print(line, flush=True)
            if "pocketsphinx" in names:
                rates = []
                for clip in summary.saved:
                    spoken = sentences_in((clip.start_s, clip.end_s), spans)
                    text = next(
                        r["text"]
                        for r in clip.recognitions["recognitions"]
                        if r["recognizer"] == "pocketsphinx"
                    )
                    rates.append(error_rate(spoken, text, "en"))
                print(
                    f"  PocketSphinx WER per clip: mean {np.mean(rates):.3f}, median {np.median(rates):.3f}, "
                    f"worst {np.max(rates):.3f}, clips with WER 0: {sum(r == 0 for r in rates)}/{len(rates)}"
                )
            lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
