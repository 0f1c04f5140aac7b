"""The services every panel shares: library, engine bridge, background I/O, player, settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from studio.audio.player import Player
from studio.library import Library
from studio.ui.background import BackgroundTasks
from studio.ui.display import DisplayClock
from studio.ui.engine_bridge import EngineBridge
from studio.ui.settings import StudioSettings
from studio.ui.undo import PendingDeletions

INFO, WARNING, ERROR = "info", "warning", "error"


class StudioContext(QObject):
    """Shared state. `message(level, text)` asks the window to show a message in its message bar."""

    message = Signal(str, str)
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

    def info(self, text: str) -> None:
        self.message.emit(INFO, text)

    def warn(self, text: str) -> None:
        self.message.emit(WARNING, text)

    def error(self, text: str) -> None:
        self.message.emit(ERROR, text)

    @property
    def family(self) -> str | None:
        loaded = self.bridge.loaded
        return loaded.family if loaded is not None else None
