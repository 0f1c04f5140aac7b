"""Start the studio under Xvfb, walk through its states, and save a screenshot of each.

    python tools/screenshots.py --model ../shared/golden/cosyvoice2/model --out docs/screenshots

Starts its own Xvfb (1600x1000) unless DISPLAY is set, uses a throwaway library and settings,
and grabs the whole X screen (dialogs included) for: the empty state, a loaded model with a
reference clip and its quality report, a take being made (live mel and tokens), the finished
take, the dark theme, the settings dialog, and the window in Simplified Chinese.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def start_xvfb() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY"):
        return None
    for number in range(90, 110):
        if not Path(f"/tmp/.X{number}-lock").exists():
            break
    proc = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.environ["DISPLAY"] = f":{number}"
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        time.sleep(0.05)
    return proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", required=True, help="a model folder (the tiny golden one works)")
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--language", default="en", help="en or zh_CN (one run per language)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb()
    os.environ.pop("QT_QPA_PLATFORM", None)
    work = Path(tempfile.mkdtemp(prefix="voice-studio-shots-"))
    from studio.sandbox import use_throwaway_user_folders

    use_throwaway_user_folders(work / "user")  # settings, library, model list: not the user's
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        return walk(args.model, out, work, args.language)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if xvfb is not None:
            xvfb.terminate()


def walk(model: str, out: Path, work: Path, language: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studio.ui.settings import StudioSettings

    settings = StudioSettings()
    settings.set("ui/language", language)
    settings.set("ui/autoplay", False)
    settings.sync()

    from studio.ui.app import build_window, create_application
    from studio.ui.selftest import WindowDriver, _bundled_clip, wait_for

    app = create_application()
    ctx, window = build_window(work / "library")
    window.resize(1560, 940)
    window.move(20, 20)
    window.show()
    suffix = "" if language == "en" else f"-{language}"

    def shot(name: str, settle_s: float = 0.4) -> None:
        deadline = time.monotonic() + settle_s
        wait_for(lambda: time.monotonic() > deadline, settle_s + 5, "the window to settle")
        QApplication.processEvents()
        image = app.primaryScreen().grabWindow(0)
        path = out / f"{name}{suffix}.png"
        image.save(str(path))
        print(f"saved {path}")

    shot("01-empty-state")
    driver = WindowDriver(window)
    driver.load_model(model)
    clip, transcript = _bundled_clip()
    window.reference.load_file(clip)
    window.reference.transcript_edit.setText(transcript)
    window.reference.update_quality()
    shot("02-reference-and-quality")
    driver.save_voice(clip, transcript, name="Narrator")
    window.script.set_text(
        "Welcome to Voice Studio. Record a few seconds of a voice, type a script, and hear it spoken. "
        "Every take keeps its seed, its voice and its timings."
    )
    window.script.seed.setValue(42)
    window.script.stream.setChecked(True)
    # Capture the live view part way through a take: grab as soon as some mel frames are in.
    grabbed = {"done": False}

    def grab_live() -> None:
        if not grabbed["done"] and window.live.mel_buffer.frames > 150:
            grabbed["done"] = True
            window.live.refresh()
            path = out / f"03-take-in-progress{suffix}.png"
            app.primaryScreen().grabWindow(0).save(str(path))
            print(f"saved {path}")

    timer = QTimer()
    timer.timeout.connect(grab_live)
    timer.start(20)
    take_id = driver.make_take(window.script.text, stream=True, seed=42)
    timer.stop()
    window.takes.select_take(take_id)
    shot("04-take-finished")
    window.set_theme("dark")
    shot("05-dark-theme")
    window.set_theme("light")

    from studio.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx.settings, window)
    dialog.show()
    shot("06-settings")
    dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
