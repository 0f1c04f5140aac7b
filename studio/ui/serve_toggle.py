"""File → "Serve on this computer": the speech API (studio/server) from inside the window.

The server shares the window's engine worker and library, so API takes queue with the window's
own takes on the one loaded model and appear in the take list as they are stored (marked API).
It listens on 127.0.0.1 only ("this computer"; no key needed there); the port is the setting
`server/port` (default 8000; 0 = any free port). Starting and stopping happen on the background thread, so the
window never waits for uvicorn. Takes stored from the API reach the take list at most every
`REFRESH_MS`: the library is read on the background thread and only the new rows are added on the
UI thread (TakesPanel.refresh_in_background), so a burst of API takes costs the window no library
query (which would wait for a take's fsync) and no rebuild of the list.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

REFRESH_MS = 500


class ServeToggle(QObject):
    """The checkable action, its status-bar label and the running server (or None)."""

    started = Signal(str)  # the URL
    stopped = Signal()
    failed = Signal(str)
    _stored = Signal(int)  # from the storing thread; delivered on the UI thread

    def __init__(self, ctx, window):
        super().__init__(window)
        self.ctx = ctx
        self.server = None
        self.service = None
        self.action = QAction(self.tr("Serve on this computer"), window)
        self.action.setCheckable(True)
        self.action.setToolTip(
            self.tr("Let other programs on this computer use your voices (OpenAI-style speech API).")
        )
        self.action.toggled.connect(self._toggled)
        self.status = QLabel("")
        window.statusBar().addPermanentWidget(self.status)
        self.api_takes = 0
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._show_new_takes)
        self._takes = getattr(window, "takes", None)  # the window's TakesPanel
        self._stored.connect(self._on_stored)

    @property
    def port(self) -> int:
        return int(self.ctx.settings.get("server/port"))

    @property
    def url(self) -> str:
        return self.server.url if self.server is not None else ""

    def _toggled(self, on: bool) -> None:
        if on and self.server is None:
            self.start()
        elif not on and self.server is not None:
            self.stop()

    def start(self, port: int | None = None) -> None:
        """Start listening on 127.0.0.1:`port` (default: the setting) off the UI thread."""
        port = self.port if port is None else port
        worker, library, on_stored = self.ctx.bridge.worker, self.ctx.library, self._stored.emit
        self.status.setText(self.tr("API: starting…"))

        def start_server():
            from studio.server import ApiServer, ServerSettings, SpeechService

            service = SpeechService(worker, library, on_take_stored=on_stored)
            server = ApiServer(service, ServerSettings(host="127.0.0.1", port=port))
            server.start()
            return server

        self.ctx.background.run(start_server, self._on_started, self._on_start_failed)

    def _on_started(self, server) -> None:
        if not self.action.isChecked():  # switched off while it was starting
            self.ctx.background.run(server.stop)
            return
        self.server, self.service = server, server.service
        self.status.setText(self.tr("API: {0}").format(server.url))
        self.status.setToolTip(self.tr("POST {0}/v1/audio/speech").format(server.url))
        self.ctx.info(self.tr("Serving your voices at {0}/v1 (this computer only).").format(server.url))
        self.started.emit(server.url)

    def _on_start_failed(self, err: BaseException) -> None:
        self.status.setText("")
        self.action.blockSignals(True)
        self.action.setChecked(False)
        self.action.blockSignals(False)
        self.ctx.error(self.tr("The speech API could not start: {0}").format(err))
        self.failed.emit(str(err))

    def stop(self) -> None:
        server, self.server, self.service = self.server, None, None
        self.status.setText("")
        if server is not None:
            self.ctx.background.run(server.stop, lambda _r: self.stopped.emit())

    def shutdown(self) -> None:
        """The window is closing: stop at once (cancels what the API is streaming)."""
        if self.server is not None:
            self.server.stop(timeout=5.0)
            self.server = None

    def _show_new_takes(self) -> None:
        if self._takes is not None:
            self._takes.refresh_in_background()
        else:
            self.ctx.takesChanged.emit()

    def _on_stored(self, _take_id: int) -> None:
        self.api_takes += 1
        if not self._refresh.isActive():
            self._refresh.start()
