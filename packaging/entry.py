"""Frozen-app entry point: the same `voice-studio` command line (no arguments opens the window).

One extra, hidden option exists only in the frozen app: `voice-studio --packaging-check` checks
what the build must have collected (resources and icon, Qt platform plugin, WeText grammars,
inflect under typeguard, PortAudio, torch with the CUDA runtime layer) and prints one line per
check; exit status 0 when all pass, 1 otherwise, 3 when the CUDA runtime layer is missing.
"""

import multiprocessing
import os
import sys

CUDA_LAYER_EXIT = 3


def _layer_message(problem: str) -> str:
    return f"{problem}. Unpack the matching Voice-Studio-cuda-runtime archive into the app folder."


def run() -> int:
    from studio.cli import main

    try:
        return main()
    except (ImportError, OSError) as exc:
        problem = os.environ.get("VOICE_STUDIO_CUDA_LAYER_PROBLEM")
        text = str(exc).lower()
        if problem and any(key in text for key in ("torch", ".so", ".dll", "cuda")):
            print(f"voice-studio: error: {_layer_message(problem)}", file=sys.stderr)
            return CUDA_LAYER_EXIT
        raise


def _check_resources() -> str:
    from studio.paths import resources_dir

    res = resources_dir()
    missing = [p for p in ("icons/voice-studio.png", "icons/hicolor", "presets") if not (res / p).exists()]
    if missing:
        raise RuntimeError(f"{res} lacks {', '.join(missing)}")
    return str(res)


def _check_qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QIcon

    from studio.paths import resources_dir

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    icon = QIcon(str(resources_dir() / "icons" / "voice-studio.png"))
    if icon.isNull() or icon.availableSizes() == []:
        raise RuntimeError("the app icon does not load")
    return f"platform {app.platformName()}, icon {icon.availableSizes()[0].width()} px"


def _check_text() -> str:
    import inflect
    from wetext import Normalizer

    words = inflect.engine().number_to_words(42)  # typeguard reads inflect's source here
    english = Normalizer(lang="en", operator="tn").normalize("It costs $5 on May 3.")
    chinese = Normalizer(lang="zh", operator="tn", remove_erhua=False).normalize("我们有2只猫。")
    from num2words import num2words

    from studio.engine.frontend.text.language import identify_latin

    korean = num2words(1234, lang="ko")
    german = identify_latin("Ich bin der Hund vom Günter und wohne hier.")
    return f"inflect {words!r}; wetext {english!r} {chinese!r}; num2words {korean!r}; py3langid {german!r}"


def _check_portaudio() -> str:
    import sounddevice

    return f"{sounddevice._libname}: {sounddevice.get_portaudio_version()[1]}"


def _check_torch() -> str:
    import torch

    x = torch.ones(4) * 2
    return f"torch {torch.__version__}, sum {float(x.sum()):g}, cuda available {torch.cuda.is_available()}"


def packaging_check() -> int:
    import shutil
    import tempfile

    from studio.sandbox import use_throwaway_user_folders

    # Qt, WeText and torch may write caches or settings: into a throw-away folder, not the user's.
    scratch = tempfile.mkdtemp(prefix="voice-studio-packaging-check-")
    use_throwaway_user_folders(scratch)
    try:
        return _run_checks()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run_checks() -> int:
    checks = [
        ("resources", _check_resources),
        ("qt", _check_qt),
        ("text", _check_text),
        ("portaudio", _check_portaudio),
        ("torch", _check_torch),
    ]
    failed = 0
    layer_missing = False
    for name, check in checks:
        try:
            detail = check()
        except Exception as exc:
            failed += 1
            problem = os.environ.get("VOICE_STUDIO_CUDA_LAYER_PROBLEM")
            if name == "torch" and problem:
                layer_missing = True
                detail = _layer_message(problem)
            else:
                detail = f"{type(exc).__name__}: {exc}"
            print(f"FAIL {name}: {detail}", flush=True)
        else:
            print(f"ok   {name}: {detail}", flush=True)
    if layer_missing:
        return CUDA_LAYER_EXIT
    return 1 if failed else 0


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.argv[1:] == ["--packaging-check"]:
        sys.exit(packaging_check())
    sys.exit(run())
