"""Running the API on uvicorn: in the foreground (the `serve` command) or on a thread (window, tests).

    server = ApiServer(service, ServerSettings(port=0))   # port 0: any free port
    server.start()             # returns once it listens (or raises ServerStartError)
    server.url                 # http://127.0.0.1:54321
    server.stop()

The listening socket is bound here, before uvicorn starts, so a port in use is a clear error at
once and port 0 gives the real port back.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import uvicorn

from studio.server.app import create_app
from studio.server.service import SpeechService
from studio.server.settings import ServerConfigError, ServerSettings


class ServerStartError(ServerConfigError):
    """The server could not start listening (address in use, not available...)."""


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (IPv4 or IPv6), or ServerStartError in words."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise ServerStartError(
            f"The address {host} is not known on this computer ({err.strerror})."
        ) from None
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        sock.close()
        if err.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise ServerStartError(
                f"Port {port} on {host} is already in use; choose another with --port."
            ) from None
        raise ServerStartError(f"Cannot listen on {host}:{port}: {err.strerror or err}.") from None
    sock.set_inheritable(True)
    return sock


class _Uvicorn(uvicorn.Server):
    """uvicorn's server, except that a SIGINT/SIGTERM that stopped it is not raised again afterwards.

    uvicorn (>= 0.29) re-raises the signal it caught once it has shut down, so an embedding program
    sees it: for `voice-studio serve` that is a KeyboardInterrupt traceback after Ctrl+C and death by
    SIGTERM (exit -15, no cleanup) under a service manager. A graceful stop is a normal end here:
    the command returns 0 after closing the worker and the library. `stopped_by` keeps the signals.
    """

    stopped_by: list[int]

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        self.stopped_by = []
        with super().capture_signals():
            try:
                yield
            finally:
                captured = getattr(self, "_captured_signals", None)
                if isinstance(captured, list):
                    self.stopped_by = list(captured)
                    captured.clear()


class ApiServer:
    """The speech API for `service` on uvicorn, started on a daemon thread or in the foreground."""

    def __init__(self, service: SpeechService, settings: ServerSettings, log_level: str = "warning"):
        self.settings = settings.checked()
        self.service = service
        self.app = create_app(service, self.settings)
        self.config = uvicorn.Config(
            self.app,
            log_level=log_level,
            access_log=log_level in ("info", "debug"),
            timeout_graceful_shutdown=5,
            lifespan="off",
        )
        self.server = _Uvicorn(self.config)
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.port = settings.port

    @property
    def url(self) -> str:
        host = self.settings.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}"

    def bind(self) -> socket.socket:
        """Open the listening socket now (once); `port` and `url` then name the real port.

        Raises ServerStartError (address in use or not available)."""
        if self._sock is None:
            sock = bind_socket(self.settings.host, self.settings.port)
            self.port = sock.getsockname()[1]
            self._sock = sock
        return self._sock

    def start(self, timeout: float = 30.0) -> None:
        """Listen on a daemon thread; returns when ready. Raises ServerStartError."""
        sock = self.bind()
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, name="speech-api", daemon=True
        )
        self._thread.start()
        for _ in range(int(timeout / 0.02)):
            if self.server.started:
                return
            if not self._thread.is_alive():
                break
            threading.Event().wait(0.02)
        self.stop()
        raise ServerStartError("The speech API did not start.")

    def run(self) -> None:
        """Serve in the foreground until Ctrl+C or SIGTERM (uvicorn handles the signal and stops
        gracefully; the signal is not raised again, so this simply returns)."""
        sock = self.bind()
        try:
            self.server.run(sockets=[sock])
        finally:
            sock.close()
            self._sock = None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop accepting, cancel what is streaming, wait for the thread."""
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self.server.started
