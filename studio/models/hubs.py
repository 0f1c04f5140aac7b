"""The two hubs a model can come from, behind one small interface: list a repo's files, open a file at an offset.

Hugging Face (and any mirror of it, e.g. an `HF_ENDPOINT`): through `huggingface_hub` itself — `HfApi.model_info`
for the file listing (sizes, LFS SHA-256, git blob ids), `get_hf_file_metadata` (the HEAD on `/resolve/`: ETag,
commit, size, CDN location) and the library's shared HTTP session (which honours `HF_HUB_OFFLINE`, proxies and
tokens) for a plain, ranged GET. hf_xet is deliberately not used: its transfers do not resume into our staging
files, and a plain GET works on the Hub, on its mirrors and on ModelScope alike.

ModelScope: its public HTTP file API (the same two calls the `modelscope` package makes), with the standard
library: `GET /api/v1/models/{repo}/repo/files?Revision=..&Recursive=true` for the listing (sizes, SHA-256) and
`GET /api/v1/models/{repo}/repo?Revision=..&FilePath=..` with a Range header for the bytes. The `modelscope`
package is not needed: it pulls in a large dependency tree for two HTTP calls, keeps its own cache layout, and
would bypass our staging, resume and verification.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from studio.models.errors import DownloadError, OfflineError
from studio.models.registry import HUGGINGFACE, MODELSCOPE

HF_DEFAULT_ENDPOINT = "https://huggingface.co"
HF_MIRROR_EXAMPLE = "https://hf-mirror.com"
MS_DEFAULT_ENDPOINT = "https://www.modelscope.cn"
CONNECT_TIMEOUT = 15.0
READ_TIMEOUT = 20.0  # a stalled read is retried with a Range request (and a cancel is seen)
CHUNK = 1 << 20


class TransientError(Exception):
    """A network failure in the middle of a transfer: worth retrying from where it stopped."""


@dataclass
class RemoteFile:
    path: str
    size: int | None
    sha256: str | None = None  # LFS files on Hugging Face, every file on ModelScope
    git_sha1: str | None = None  # non-LFS files on Hugging Face (the git blob id)
    required: bool = True

    def identity(self) -> dict:
        return {"size": self.size, "sha256": self.sha256, "git_sha1": self.git_sha1}


@dataclass
class Listing:
    revision: str  # the commit the files belong to (Hugging Face) or the revision asked for (ModelScope)
    files: dict[str, RemoteFile]


@dataclass
class Opened:
    status: int  # 200 (whole file) or 206 (from the offset asked for)
    start: int  # the offset the body starts at
    total: int | None  # the file's full size, if the server said
    chunks: Iterator[bytes]


def offline_reason() -> str | None:
    """Why downloads are switched off, or None. `HF_HUB_OFFLINE` is read now, not at import time."""
    from huggingface_hub import constants

    env = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE")
    env_on = env is not None and env.strip().upper() in {"1", "ON", "YES", "TRUE"}
    if env_on or constants.is_offline_mode():
        return "HF_HUB_OFFLINE is set"
    return None


def check_online() -> None:
    reason = offline_reason()
    if reason:
        raise OfflineError(
            f"Voice Studio is in offline mode ({reason}), so no model can be downloaded; unset "
            "HF_HUB_OFFLINE to download, or open a model folder you already have."
        )


def _clean_endpoint(endpoint: str) -> str:
    endpoint = endpoint.strip().rstrip("/")
    parsed = urllib.parse.urlsplit(endpoint)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise DownloadError(f"{endpoint!r} is not a web address; a mirror looks like {HF_MIRROR_EXAMPLE}.")
    return endpoint


def _unreachable(endpoint: str, exc: BaseException) -> OfflineError:
    reason = _reason_text(exc)
    return OfflineError(
        f"Cannot reach the model hub at {endpoint} ({reason}); check your internet connection or choose "
        "another mirror."
    )


def _reason_text(exc: BaseException) -> str:
    seen = exc
    for _ in range(6):  # walk the cause chain to the OS error, bounded
        if isinstance(seen, ConnectionRefusedError):
            return "connection refused"
        if isinstance(seen, socket.gaierror):
            return "the address could not be resolved"
        if isinstance(seen, TimeoutError | socket.timeout):
            return "it did not answer in time"
        nxt = seen.__cause__ or seen.__context__ or getattr(seen, "reason", None)
        if not isinstance(nxt, BaseException):
            break
        seen = nxt
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = text.lower()
    if "refused" in low:
        return "connection refused"
    if "timed out" in low or "timeout" in low:
        return "it did not answer in time"
    if "name or service not known" in low or "nodename nor servname" in low or "getaddrinfo" in low:
        return "the address could not be resolved"
    return text.rstrip(".")


class Hub(Protocol):
    name: str
    endpoint: str

    def list_files(self, repo: str, revision: str) -> Listing: ...

    def open(
        self, repo: str, revision: str, rf: RemoteFile, start: int
    ) -> contextlib.AbstractContextManager[Opened]: ...


class HuggingFaceHub:
    """huggingface.co, or a mirror of it (the endpoint argument, else $HF_ENDPOINT read at call time)."""

    name = HUGGINGFACE

    def __init__(self, endpoint: str | None = None, token: str | bool | None = None) -> None:
        self.endpoint = _clean_endpoint(endpoint or os.environ.get("HF_ENDPOINT") or HF_DEFAULT_ENDPOINT)
        self.token = token

    @property
    def label(self) -> str:
        return (
            "Hugging Face" if self.endpoint == HF_DEFAULT_ENDPOINT else f"Hugging Face mirror {self.endpoint}"
        )

    def list_files(self, repo: str, revision: str) -> Listing:
        import httpx2
        from huggingface_hub import HfApi
        from huggingface_hub.errors import (
            HfHubHTTPError,
            OfflineModeIsEnabled,
            RepositoryNotFoundError,
            RevisionNotFoundError,
        )

        check_online()
        api = HfApi(endpoint=self.endpoint, token=self.token)
        try:
            info = api.model_info(repo, revision=revision, files_metadata=True, timeout=CONNECT_TIMEOUT)
        except OfflineModeIsEnabled:
            check_online()
            raise
        except RevisionNotFoundError as exc:
            raise DownloadError(f"{self.endpoint} has no revision {revision!r} of {repo}.") from exc
        except RepositoryNotFoundError as exc:
            raise DownloadError(f"{self.endpoint} has no model {repo}; check the mirror address.") from exc
        except HfHubHTTPError as exc:
            status = exc.response.status_code if exc.response is not None else "an error"
            raise DownloadError(
                f"{self.endpoint} answered HTTP {status} when asked for {repo}; try again later or choose "
                "another mirror."
            ) from exc
        except (httpx2.TransportError, OSError) as exc:
            raise _unreachable(self.endpoint, exc) from exc
        except (ValueError, KeyError, TypeError) as exc:  # not JSON, or not a Hub answer
            raise DownloadError(
                f"{self.endpoint} did not answer like a Hugging Face hub ({type(exc).__name__}); check the "
                "mirror address."
            ) from exc
        files = {}
        for s in info.siblings or []:
            lfs = s.lfs
            files[s.rfilename] = RemoteFile(
                path=s.rfilename,
                size=(lfs.size if lfs is not None else s.size),
                sha256=(lfs.sha256 if lfs is not None else None),
                git_sha1=(s.blob_id if lfs is None else None),
            )
        return Listing(revision=info.sha or revision, files=files)

    @contextlib.contextmanager
    def open(self, repo: str, revision: str, rf: RemoteFile, start: int) -> Iterator[Opened]:
        import httpx2
        from huggingface_hub import get_hf_file_metadata, hf_hub_url
        from huggingface_hub.errors import HfHubHTTPError, OfflineModeIsEnabled
        from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status

        check_online()
        url = hf_hub_url(repo, rf.path, revision=revision, endpoint=self.endpoint)
        try:
            meta = get_hf_file_metadata(
                url, token=self.token, timeout=CONNECT_TIMEOUT, endpoint=self.endpoint
            )
        except OfflineModeIsEnabled:
            check_online()
            raise
        except HfHubHTTPError as exc:
            status = exc.response.status_code if exc.response is not None else None
            if status is not None and (status >= 500 or status in (408, 429)):
                raise TransientError(f"HTTP {status}") from exc
            raise DownloadError(
                f"{self.endpoint} answered HTTP {status} for {rf.path} of {repo}; try again later or choose "
                "another mirror."
            ) from exc
        except (httpx2.TransportError, OSError) as exc:
            raise TransientError(_reason_text(exc)) from exc
        expected = (rf.sha256 or rf.git_sha1 or "").lower()
        etag = (meta.etag or "").lower()
        # Only a hash-shaped ETag is compared (a mirror or CDN may send its own kind): a different hash means
        # the hub serves another file than it lists, which would fail the SHA-256 check after the transfer.
        if (
            expected
            and len(etag) == len(expected)
            and all(c in "0123456789abcdef" for c in etag)
            and etag != expected
        ):
            raise DownloadError(
                f"{self.endpoint} lists {rf.path} with a different hash than it serves; try again later or "
                "choose another mirror."
            )
        location = meta.location or url
        same_host = urllib.parse.urlsplit(location).netloc == urllib.parse.urlsplit(url).netloc
        headers = build_hf_headers(token=self.token) if same_host else {}
        headers["Accept-Encoding"] = "identity"
        if start > 0:
            headers["Range"] = f"bytes={start}-"
        session = get_session()
        try:
            with session.stream(
                "GET",
                location,
                headers=headers,
                timeout=httpx2.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
            ) as response:
                status = response.status_code
                if status == 416:
                    yield Opened(416, start, rf.size, iter(()))
                    return
                if status >= 500 or status in (408, 429):
                    raise TransientError(f"HTTP {status}")
                if status >= 400:
                    response.read()
                    try:
                        hf_raise_for_status(response)
                    except HfHubHTTPError as exc:
                        raise DownloadError(
                            f"{self.endpoint} answered HTTP {status} for {rf.path} of {repo}; try again later "
                            "or choose another mirror."
                        ) from exc
                body_start, total = _range_of(status, response.headers.get("Content-Range"), start)

                def chunks() -> Iterator[bytes]:
                    try:
                        yield from response.iter_bytes()  # as the bytes arrive: nothing buffered is lost on a drop
                    except httpx2.TransportError as exc:
                        raise TransientError(_reason_text(exc)) from exc

                yield Opened(status, body_start, total, chunks())
        except OfflineModeIsEnabled:
            check_online()
            raise
        except httpx2.TransportError as exc:
            raise TransientError(_reason_text(exc)) from exc


class ModelScopeHub:
    """modelscope.cn (or the endpoint argument, else https:// + $MODELSCOPE_DOMAIN) through its HTTP file API."""

    name = MODELSCOPE
    label = "ModelScope"

    def __init__(self, endpoint: str | None = None) -> None:
        if not endpoint:
            domain = os.environ.get("MODELSCOPE_DOMAIN", "").strip()
            if domain:
                endpoint = domain if "://" in domain else f"https://{domain}"
        self.endpoint = _clean_endpoint(endpoint or MS_DEFAULT_ENDPOINT)

    def _request(self, url: str, headers: dict[str, str] | None = None):
        req = urllib.request.Request(url, headers={"User-Agent": "voice-studio", **(headers or {})})
        return urllib.request.urlopen(req, timeout=CONNECT_TIMEOUT)

    def list_files(self, repo: str, revision: str) -> Listing:
        check_online()
        q = urllib.parse.urlencode({"Revision": revision, "Recursive": "true"})
        url = f"{self.endpoint}/api/v1/models/{urllib.parse.quote(repo)}/repo/files?{q}"
        try:
            with self._request(url) as r:
                doc = json.loads(r.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                raise DownloadError(f"ModelScope ({self.endpoint}) has no model {repo}.") from exc
            raise DownloadError(
                f"ModelScope ({self.endpoint}) answered HTTP {exc.code} when asked for {repo}; try again later."
            ) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise _unreachable(self.endpoint, exc) from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise DownloadError(f"ModelScope ({self.endpoint}) did not answer with a file list.") from exc
        data = doc.get("Data") if isinstance(doc, dict) else None
        code = doc.get("Code") if isinstance(doc, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("Files"), list) or code not in (200, None):
            message = doc.get("Message") if isinstance(doc, dict) else None
            raise DownloadError(
                f"ModelScope ({self.endpoint}) could not list {repo}" + (f": {message}." if message else ".")
            )
        files = {}
        for entry in data["Files"]:
            if not isinstance(entry, dict) or entry.get("Type", "blob") != "blob":
                continue
            path = entry.get("Path") or entry.get("Name")
            if not path:
                continue
            sha = entry.get("Sha256") or None
            files[path] = RemoteFile(path=path, size=_int_or_none(entry.get("Size")), sha256=sha)
        return Listing(revision=revision, files=files)

    @contextlib.contextmanager
    def open(self, repo: str, revision: str, rf: RemoteFile, start: int) -> Iterator[Opened]:
        check_online()
        q = urllib.parse.urlencode({"Revision": revision, "FilePath": rf.path})
        url = f"{self.endpoint}/api/v1/models/{urllib.parse.quote(repo)}/repo?{q}"
        headers = {"Range": f"bytes={start}-"} if start > 0 else {}
        try:
            response = self._request(url, headers)
        except urllib.error.HTTPError as exc:
            if exc.code == 416:
                yield Opened(416, start, rf.size, iter(()))
                return
            if exc.code >= 500 or exc.code in (408, 429):
                raise TransientError(f"HTTP {exc.code}") from exc
            raise DownloadError(
                f"ModelScope ({self.endpoint}) answered HTTP {exc.code} for {rf.path} of {repo}; try again later."
            ) from exc
        except (urllib.error.URLError, OSError) as exc:
            raise TransientError(_reason_text(exc)) from exc
        with response:
            status = response.status
            body_start, total = _range_of(status, response.headers.get("Content-Range"), start)
            length = _int_or_none(response.headers.get("Content-Length"))

            def chunks() -> Iterator[bytes]:
                got = 0
                try:
                    while True:
                        block = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
                        if not block:
                            break
                        got += len(block)
                        yield block
                except (OSError, ValueError, http.client.HTTPException) as exc:
                    raise TransientError(_reason_text(exc)) from exc
                if length is not None and got < length:
                    raise TransientError("the connection closed early")

            yield Opened(status, body_start, total, chunks())


def _range_of(status: int, content_range: str | None, asked: int) -> tuple[int, int | None]:
    """(offset the body starts at, full size) from a 200/206 answer."""
    if status == 206 and content_range:
        try:
            _unit, _, rest = content_range.partition(" ")
            span, _, size = rest.partition("/")
            first = int(span.split("-")[0])
            return first, (None if size.strip() == "*" else int(size))
        except ValueError:
            return asked, None
    return 0, None


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def make_hub(hub: str, endpoint: str | None = None) -> HuggingFaceHub | ModelScopeHub:
    if hub == HUGGINGFACE:
        return HuggingFaceHub(endpoint)
    if hub == MODELSCOPE:
        return ModelScopeHub(endpoint)
    raise DownloadError(f"There is no hub called {hub!r}; choose huggingface or modelscope.")
