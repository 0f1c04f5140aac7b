"""The services every panel shares: library, engine bridge, background I/O, player, settings."""

from __future__ import annotations

import contextlib
import warnings

from PySide6.QtCore import QObject, Signal

from studio.audio.player import Player
from studio.library import Library
from studio.ui.background import BackgroundTasks
from studio.ui.display import DisplayClock
from studio.ui.engine_bridge import EngineBridge
from studio.ui.error_text import localize
from studio.ui.settings import StudioSettings
from studio.ui.undo import PendingDeletions

INFO, WARNING, ERROR = "info", "warning", "error"


class StudioContext(QObject):
    """Shared state. `message(level, text)` asks the window to show a message in its message bar.

    A message may carry a `key` naming its cause ("request:voice", "import", "take" ...): when the
    cause is gone, `resolve(key)` takes the message down if it is still shown (`noted` carries
    level, text and key; `resolved` the key). `warn_once` shows a warning once per session.
    """

    message = Signal(str, str)
    noted = Signal(str, str, str)  # level, text, key
    resolved = Signal(str)  # key, or a prefix ending in ":"
    voicesChanged = Signal()
    takesChanged = Signal()

    def __init__(
        self,
        library: Library,
        settings: StudioSettings,
        bridge: EngineBridge | None = None,
        player: Player | None = None,
        language: str = "en",
        parent=None,
    ):
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.bridge = bridge or EngineBridge(self)
        self.background = BackgroundTasks(self)
        self.player = player or Player(device=settings.get("audio/output_device") or None)
        self.display = DisplayClock(self)
        self.deletions = PendingDeletions(library, self)
        self.closing = False  # the window is shutting down (see shutdown)
        self.language = language
        self.model_hash = ""
        self.models_dir = None  # the models folder (None: the default; the window sets its own)
        self._warned_once: set[str] = set()
        self._recognizers = None
        self.bridge.modelLoaded.connect(self._engine_loaded)

    # -- speech recognizers --------------------------------------------------------------------

    @property
    def recognizers(self):
        """This window's RecognizerWorker (made on first use, on the loaded engine's device)."""
        if self._recognizers is None:
            from studio.transcribe.worker import RecognizerWorker

            self._recognizers = RecognizerWorker(self.models_dir, device=self.engine_device())
        return self._recognizers

    def engine_device(self) -> str | None:
        """The device of the loaded TTS model ("cpu", "cuda:0"), or None when none is loaded."""
        loaded = self.bridge.loaded
        return str(loaded.device) if loaded is not None and loaded.device else None

    def _engine_loaded(self, loaded) -> None:
        if self._recognizers is not None and getattr(loaded, "device", None):
            self._recognizers.set_device(str(loaded.device))

    def shutdown(self) -> None:
        """Stop what this context started for its window: the recognizer worker (jobs cancelled).
        From here on `closing` is True: views start no new library reads."""
        self.closing = True
        with contextlib.suppress(RuntimeError, TypeError), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.bridge.modelLoaded.disconnect(self._engine_loaded)
        if self._recognizers is not None:
            self._recognizers.shutdown(wait=False)

    def _say(self, level: str, text: str, key: str) -> None:
        text = localize(text)  # engine and library sentences in the window's language (error_text.py)
        self.message.emit(level, text)
        self.noted.emit(level, text, key)

    def info(self, text: str, key: str = "") -> None:
        self._say(INFO, text, key)

    def warn(self, text: str, key: str = "") -> None:
        self._say(WARNING, text, key)

    def error(self, text: str, key: str = "") -> None:
        self._say(ERROR, text, key)

    def warn_once(self, key: str, text: str) -> bool:
        """A warning shown at most once per session for `key` (True if shown now)."""
        if key in self._warned_once:
            return False
        self._warned_once.add(key)
        self.warn(text, key)
        return True

    def resolve(self, key: str) -> None:
        """The cause of messages with `key` (or every key starting with it, if it ends in ":") is gone."""
        self.resolved.emit(key)

    @property
    def family(self) -> str | None:
        loaded = self.bridge.loaded
        return loaded.family if loaded is not None else None
