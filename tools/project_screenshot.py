"""Screenshot of the project view: a subtitle project rendered on a model, one cue overrunning, one
cue re-rolled and selected, with the block inspector's takes list open.

    python tools/project_screenshot.py --model ../shared/golden/cosyvoice2/model --out docs/screenshots

Uses a throwaway library and settings and its own Xvfb (like tools/screenshots.py).
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

from tools.screenshots import start_xvfb  # noqa: E402

SUBTITLES = """1
00:00:00,500 --> 00:00:03,400
Welcome back to the channel.

2
00:00:03,600 --> 00:00:06,500
Today we build a bird feeder.

3
00:00:06,700 --> 00:00:07,000
You need wood, screws, a drill and a little patience.

4
00:00:09,000 --> 00:00:12,000
Cut the board into four pieces.

5
00:00:12,200 --> 00:00:15,000
Then screw them together.

6
00:00:15,500 --> 00:00:18,000
That is all for today.
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    xvfb = start_xvfb()
    os.environ.pop("QT_QPA_PLATFORM", None)
    work = Path(tempfile.mkdtemp(prefix="voice-studio-project-shot-"))
    os.environ["VOICE_STUDIO_SETTINGS"] = str(work / "settings.ini")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from PySide6.QtWidgets import QApplication

        from studio.ui.settings import StudioSettings

        settings = StudioSettings()
        settings.set("ui/language", args.language)
        settings.set("ui/autoplay", False)
        settings.sync()
        from studio.ui.app import build_window, create_application
        from studio.ui.selftest import WindowDriver, _bundled_clip, wait_for

        app = create_application()
        ctx, window = build_window(work / "library")
        window.resize(1560, 940)
        window.move(20, 20)
        window.show()
        driver = WindowDriver(window)
        driver.load_model(args.model)
        clip, transcript = _bundled_clip()
        voice_id = driver.save_voice(clip, transcript, name="Narrator")
        script = work / "bird-feeder.srt"
        script.write_text(SUBTITLES)
        view = window.project_view
        window.main_tabs.setCurrentWidget(view)
        suffix = "" if args.language == "en" else f"-{args.language}"
        deadline = time.monotonic() + 0.4
        wait_for(lambda: time.monotonic() > deadline, 5, "the window to settle")
        QApplication.processEvents()
        empty = out / f"05-project-empty{suffix}.png"  # no project yet: the hint on how to start one
        app.primaryScreen().grabWindow(0).save(str(empty))
        print(f"saved {empty}")
        assert view.import_script(script, {"": ctx.library.get_voice(voice_id).uid})
        ended = []
        view.renderEnded.connect(ended.append)
        assert view.render()
        wait_for(lambda: bool(ended), 600, "the render")
        wait_for(lambda: view.mixdown is not None, 60, "the waveform")
        ended.clear()
        assert view.reroll_block(3)  # a second take of cue 4, so the takes list has a choice
        wait_for(lambda: bool(ended), 600, "the re-roll")
        wait_for(lambda: view.mixdown is not None, 60, "the waveform")
        view.table.selectRow(3)
        view.inspector.takes.showPopup()
        deadline = time.monotonic() + 0.6
        wait_for(lambda: time.monotonic() > deadline, 5, "the window to settle")
        QApplication.processEvents()
        path = out / f"05-project-view{suffix}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        print(f"saved {path}")
        window.close()
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if xvfb is not None:
            xvfb.terminate()


if __name__ == "__main__":
    sys.exit(main())
