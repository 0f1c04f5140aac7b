"""What the speech server listens on and what it accepts; the "safe by default" rules live here.

- It binds 127.0.0.1 unless told otherwise. Any address other than a loopback one (127.0.0.0/8,
  ::1, "localhost") needs an API key: without one the server refuses to start (`ServerConfigError`).
- With a key, every /v1 request must send `Authorization: Bearer KEY` (OpenAI's scheme, so the
  OpenAI clients' `api_key` works as is); `/health` stays open.
- Limits: a request body of at most `max_body_bytes` (64 KiB), an `input` of at most
  `max_text_chars` (4096 characters, OpenAI's limit for this endpoint), and at most `max_queue`
  API takes queued or running (more get 429 with Retry-After).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
API_KEY_ENV = "VOICE_STUDIO_API_KEY"
MIN_KEY_CHARS = 16


class ServerConfigError(Exception):
    """The server cannot start with these settings; `str(err)` says why and what to do."""


@dataclass(frozen=True)
class ServerSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    api_key: str | None = None
    max_queue: int = 16
    max_text_chars: int = 4096
    max_body_bytes: int = 64 * 1024

    def checked(self) -> ServerSettings:
        """These settings, or ServerConfigError naming the problem."""
        if not 0 <= int(self.port) <= 65535:
            raise ServerConfigError(f"The port {self.port} is not valid; use 1-65535.")
        if self.api_key is not None and (
            len(self.api_key) < MIN_KEY_CHARS or any(c.isspace() for c in self.api_key)
        ):
            raise ServerConfigError(
                f"The API key must be at least {MIN_KEY_CHARS} characters without spaces, "
                f"for example {suggest_key()}"
            )
        if not is_loopback(self.host) and not self.api_key:
            raise ServerConfigError(
                f"Serving on {self.host} lets other computers use your voices, so it needs an API key: "
                f"add --api-key KEY (or set {API_KEY_ENV}), for example --api-key {suggest_key()}"
            )
        if self.max_queue < 1:
            raise ServerConfigError("The queue must hold at least one request.")
        return self

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def is_loopback(host: str) -> bool:
    """True for addresses only this computer can reach: 127.0.0.0/8, ::1 and "localhost"."""
    import ipaddress

    host = (host or "").strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def suggest_key() -> str:
    """A fresh random key (32 URL-safe characters) to offer the user."""
    import secrets

    return secrets.token_urlsafe(24)


def key_from_env() -> str | None:
    return os.environ.get(API_KEY_ENV) or None
