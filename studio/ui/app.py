"""The studio window entry point: `voice-studio` with no command.

    voice-studio [--model DIR] [--library DIR]

Builds the QApplication (theme, translations, CJK fonts), the shared context (library, settings,
engine worker, player), the main window, and loads the model from --model or the settings. When
no display is reachable on Linux it says so instead of letting Qt abort.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_T0 = time.monotonic()


def process_age_s() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere since this module loaded)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat, counting from 1, after pid and comm
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _T0


def display_problem() -> str | None:
    """A sentence if Qt cannot open a window here, else None."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return (
                "No display found (DISPLAY and WAYLAND_DISPLAY are unset). Run Voice Studio in a desktop "
                "session, or use the command line: voice-studio synth --help"
            )
    return None


def create_application(argv: list[str] | None = None):
    """The QApplication with the studio's name, fonts and translations."""
    from PySide6.QtWidgets import QApplication

    from studio.ui import i18n
    from studio.ui.settings import StudioSettings

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("VoiceStudio")
    app.setApplicationName("Voice Studio")
    app.setApplicationDisplayName("Voice Studio")
    app.setDesktopFileName("voice-studio")
    i18n.apply_fonts(app)
    language = i18n.resolve_language(StudioSettings().get("ui/language"))
    app._studio_translators = i18n.install_translators(app, language)  # keep them alive
    i18n.apply_locale(language)
    app._studio_language = language
    return app


def build_window(library_dir: str | os.PathLike | None = None, models_dir: str | os.PathLike | None = None):
    """The shared context and the main window (not shown yet)."""
    from PySide6.QtWidgets import QApplication

    from studio.library import Library
    from studio.ui.context import StudioContext
    from studio.ui.main_window import MainWindow
    from studio.ui.settings import StudioSettings

    app = QApplication.instance()
    library = Library.open(library_dir)
    settings = StudioSettings()
    ctx = StudioContext(library, settings, language=getattr(app, "_studio_language", "en"))
    window = MainWindow(ctx, models_dir=models_dir)
    return ctx, window


def startup_model(explicit: str | None, settings) -> str | None:
    """The model to load at start: --model, else the last one used, else an installed default."""
    if explicit:
        return explicit
    folder = settings.model_folder
    if folder and Path(folder).is_dir():
        return folder
    try:
        from studio.models import DEFAULT_MODEL, list_installed

        installed = [m for m in list_installed() if m.family and m.verified is not False]
    except Exception:
        return None
    preferred = [m for m in installed if getattr(m, "name", "") == DEFAULT_MODEL.name] or installed
    return str(preferred[0].path) if preferred else None


def main(model: str | None = None, library: str | None = None, startup_probe: bool = False) -> int:
    problem = display_problem()
    if problem:
        print(f"voice-studio: {problem}", file=sys.stderr)
        return 2
    app = create_application()
    from PySide6.QtCore import QTimer

    from studio.library import LibraryError

    try:
        ctx, window = build_window(library)
    except LibraryError as err:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Voice Studio", f"The voice library could not be opened:\n{err}")
        return 1
    window.show()
    if startup_probe:
        # Packaging measures start-up: report once the window has been shown and painted, then quit.
        def probe() -> None:
            print(f"startup-probe: window shown {process_age_s():.3f}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, probe)
        app.exec()
        return 0
    folder = startup_model(model, ctx.settings)
    if folder:
        window.load_model(folder)
    code = app.exec()
    ctx.library.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
