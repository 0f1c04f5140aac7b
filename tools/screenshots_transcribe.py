"""Screenshots of the transcription features under Xvfb: the ingest dialog's review table (clips from an
espeak-ng recording, recognized by PocketSphinx and a tiny random Whisper, so every clip disagrees and is
marked for review) and the reference panel with an 8 kHz clip (narrow-band) after Transcribe.

    python tools/screenshots_transcribe.py [--out docs/screenshots] [--language en|zh_CN]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    from tools.screenshots import start_xvfb

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb()
    os.environ.pop("QT_QPA_PLATFORM", None)
    work = Path(tempfile.mkdtemp(prefix="voice-studio-shots-"))
    os.environ["VOICE_STUDIO_SETTINGS"] = str(work / "settings.ini")
    os.environ["VOICE_STUDIO_MODELS"] = str(work / "models")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        return walk(out, work, args.language)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if xvfb is not None:
            xvfb.terminate()


def walk(out: Path, work: Path, language: str) -> int:
    import soundfile as sf
    from PySide6.QtWidgets import QApplication

    from studio.library import Library
    from studio.transcribe import ingest as ing
    from studio.transcribe import recognizers as reg
    from studio.transcribe.audio import resample
    from studio.ui.settings import StudioSettings
    from tests.transcribe.speech import SENTENCES, build_recording, speak
    from tests.transcribe.tiny_whisper import build_tiny_whisper

    settings = StudioSettings()
    settings.set("ui/language", language)
    settings.sync()
    from studio.ui.app import build_window, create_application
    from studio.ui.selftest import wait_for

    rec = work / "field-recording.wav"
    build_recording(rec, SENTENCES[:6])
    whisper = build_tiny_whisper(work / "tiny-whisper")
    with Library.open(work / "library") as lib:
        ing.ingest_files(
            [rec], lib, [reg.load("pocketsphinx"), reg.load(str(whisper))],
            ing.IngestOptions(speaker="Tester", dialect="General American", region="test bench"),
        )  # fmt: skip
        first = lib.list_ingested()[0]
        lib.review_ingested(first.id, review="accepted", transcript=SENTENCES[0])
    app = create_application()
    _ctx, window = build_window(work / "library")
    window.resize(1560, 940)
    window.move(20, 20)
    window.show()
    suffix = "" if language == "en" else f"-{language}"

    def shot(name: str, settle_s: float = 0.5) -> None:
        deadline = time.monotonic() + settle_s
        wait_for(lambda: time.monotonic() > deadline, settle_s + 5, "the window to settle")
        QApplication.processEvents()
        path = out / f"{name}{suffix}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        print(f"saved {path}")

    phone = work / "phone-8k.wav"
    sf.write(str(phone), resample(speak(SENTENCES[2]) * 0.5, 16_000, 8_000), 8_000)
    panel = window.reference
    panel.load_file(phone)
    panel.update_quality()
    panel.transcriber.transcribe()
    wait_for(lambda: panel.transcriber.job is None, 120, "the transcription")
    panel.transcript_edit.setText("Please call me tomorrow evening before you leave.")
    shot("05-reference-narrow-band-transcribed")

    dialog = window.open_ingest()
    dialog.resize(1200, 700)
    dialog.move(180, 120)
    dialog.set_files([rec])
    dialog.speaker.setText("Tester")
    dialog.dialect.setText("General American")
    dialog.table.selectRow(1)
    shot("06-ingest-review")
    dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
