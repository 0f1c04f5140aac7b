"""The services every panel shares: library, engine bridge, background I/O, player, settings."""

from __future__ import annotations

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
        self.language = language
        self.model_hash = ""
        self._warned_once: set[str] = set()

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
