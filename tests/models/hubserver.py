"""A local model hub on 127.0.0.1 that speaks what huggingface_hub 2.x and ModelScope's file API call.

Hugging Face layout (what `HfApi.model_info(files_metadata=True)`, `get_hf_file_metadata` and a plain GET use):
    GET  /api/models/{repo}/revision/{rev}        {"id", "sha", "siblings": [{"rfilename", "size", "blobId",
                                                   "lfs": {"sha256", "size", "pointerSize"}}]}
    HEAD /{repo}/resolve/{rev}/{path}             ETag, X-Repo-Commit, Content-Length, Accept-Ranges,
                                                   and for LFS files X-Linked-Size / X-Linked-Etag (no Xet headers)
    GET  /{repo}/resolve/{rev}/{path}             the bytes; `Range: bytes=N-` answers 206 + Content-Range
ModelScope layout:
    GET  /api/v1/models/{repo}/repo/files?Revision=..&Recursive=true   {"Code": 200, "Data": {"Files": [...]}}
    GET  /api/v1/models/{repo}/repo?Revision=..&FilePath=..            the bytes, Range as above

Faults a test can switch on: cut the connection after N bytes of a file (once), serve a file corrupted
(same size, one byte flipped, the listing keeps the true hash), slow every body down, and answer 503.
Every request is logged with its Range header and the body bytes actually sent.

The server runs on a daemon thread and stops by itself after `lifetime` seconds if a test forgets it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LFS_SUFFIXES = (".pt", ".onnx", ".safetensors", ".zip", ".plan", ".bin")
BLOCK = 64 * 1024


@dataclass
class Served:
    path: str
    data: bytes
    lfs: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def git_sha1(self) -> str:
        return hashlib.sha1(f"blob {len(self.data)}\0".encode() + self.data).hexdigest()


@dataclass
class Repo:
    repo_id: str
    files: dict[str, Served]
    commit: str


@dataclass
class Logged:
    method: str
    path: str  # the repo file path, or the raw URL path for API calls
    range: str | None
    status: int
    sent: int = 0


@dataclass
class Faults:
    cut_after: dict[str, int] = field(default_factory=dict)  # file -> bytes, once
    corrupt: set[str] = field(default_factory=set)
    delay_per_block: float = 0.0  # seconds per 64 KiB of body
    unavailable: bool = False  # answer 503 to everything
    wrong_etag: set[str] = field(default_factory=set)  # HEAD/GET send another file's hash as ETag


def repo_from_folder(repo_id: str, folder: Path, extra: dict[str, bytes] | None = None) -> Repo:
    files: dict[str, Served] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            rel = p.relative_to(folder).as_posix()
            files[rel] = Served(rel, p.read_bytes(), rel.endswith(LFS_SUFFIXES))
    for rel, data in (extra or {}).items():
        files[rel] = Served(rel, data, rel.endswith(LFS_SUFFIXES))
    commit = hashlib.sha1(repo_id.encode() + b"".join(f.data[:64] for f in files.values())).hexdigest()
    return Repo(repo_id, files, commit)


def release_extras(family: str) -> dict[str, bytes]:
    """Files of the real releases that the studio must skip (accelerator exports, docs, git attributes)."""
    extras = {
        "README.md": b"# model card\n",
        ".gitattributes": b"*.pt filter=lfs diff=lfs merge=lfs -text\n",
        "configuration.json": b'{"framework": "Pytorch", "task": "text-to-speech"}\n',
        "flow.decoder.estimator.fp32.onnx": b"\x08\x01" * 5000,
        "flow.encoder.fp16.zip": b"PK\x03\x04" + b"\0" * 4000,
        "flow.decoder.estimator.fp16.a10.plan": b"\0" * 3000,
        "asset/dingding.png": b"\x89PNG" + b"\0" * 100,
    }
    return extras


class HubServer:
    def __init__(self, repos: list[Repo], lifetime: float = 120.0) -> None:
        self.repos = {r.repo_id: r for r in repos}
        self.faults = Faults()
        self.log: list[Logged] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True
        self._stopped = False

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HubServer:
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._timer.cancel()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def record(self, entry: Logged) -> Logged:
        with self._lock:
            self.log.append(entry)
        return entry

    def gets(self, path: str) -> list[Logged]:
        with self._lock:
            return [e for e in self.log if e.method == "GET" and e.path == path]

    def requested_paths(self) -> set[str]:
        with self._lock:
            return {e.path for e in self.log if e.method == "GET"}

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep pytest output clean
                pass

            def do_HEAD(self) -> None:
                self._dispatch(head=True)

            def do_GET(self) -> None:
                self._dispatch(head=False)

            def _json(self, status: int, doc, logged_path: str) -> None:
                body = json.dumps(doc).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                server.record(Logged(self.command, logged_path, None, status, len(body)))

            def _error(self, status: int, code: str | None, logged_path: str) -> None:
                body = json.dumps({"error": code or "error"}).encode()
                self.send_response(status)
                if code:
                    self.send_header("X-Error-Code", code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                server.record(Logged(self.command, logged_path, self.headers.get("Range"), status))

            def _dispatch(self, head: bool) -> None:
                parsed = urllib.parse.urlsplit(self.path)
                path = urllib.parse.unquote(parsed.path)
                query = dict(urllib.parse.parse_qsl(parsed.query))
                if server.faults.unavailable:
                    self._error(503, None, path)
                    return
                if path.startswith("/api/v1/models/"):
                    self._modelscope(path[len("/api/v1/models/") :], query, head)
                elif path.startswith("/api/models/"):
                    self._hf_info(path[len("/api/models/") :])
                elif "/resolve/" in path:
                    repo_id, _, rest = path.lstrip("/").partition("/resolve/")
                    _rev, _, file_path = rest.partition("/")
                    self._hf_file(repo_id, file_path, head)
                else:
                    self._error(404, None, path)

            def _hf_info(self, rest: str) -> None:
                repo_id, _, _rev = rest.partition("/revision/")
                repo = server.repos.get(repo_id)
                if repo is None:
                    self._error(404, "RepoNotFound", "/api/models/" + rest)
                    return
                siblings = []
                for f in repo.files.values():
                    sib = {"rfilename": f.path, "size": len(f.data), "blobId": f.git_sha1}
                    if f.lfs:
                        sib["blobId"] = hashlib.sha1(
                            f.data[:32]
                        ).hexdigest()  # the pointer's id, not the file's
                        sib["lfs"] = {"sha256": f.sha256, "size": len(f.data), "pointerSize": 134}
                    siblings.append(sib)
                doc = {
                    "_id": "x",
                    "id": repo_id,
                    "modelId": repo_id,
                    "sha": repo.commit,
                    "private": False,
                    "siblings": siblings,
                }
                self._json(200, doc, "/api/models/" + rest)

            def _hf_file(self, repo_id: str, file_path: str, head: bool) -> None:
                repo = server.repos.get(repo_id)
                if repo is None:
                    self._error(404, "RepoNotFound", file_path)
                    return
                f = repo.files.get(file_path)
                if f is None:
                    self._error(404, "EntryNotFound", file_path)
                    return
                headers = {"X-Repo-Commit": repo.commit, "Accept-Ranges": "bytes"}
                if f.lfs:
                    headers["ETag"] = f'"{f.sha256}"'
                    headers["X-Linked-Etag"] = f'"{f.sha256}"'
                    headers["X-Linked-Size"] = str(len(f.data))
                else:
                    headers["ETag"] = f'"{f.git_sha1}"'
                if f.path in server.faults.wrong_etag:
                    other = hashlib.sha256(b"another file").hexdigest()
                    headers["ETag"] = headers["X-Linked-Etag"] = f'"{other}"'
                self._send_file(f, headers, head)

            def _modelscope(self, rest: str, query: dict, head: bool) -> None:
                if rest.endswith("/repo/files"):
                    repo_id = rest[: -len("/repo/files")]
                    repo = server.repos.get(repo_id)
                    if repo is None:
                        self._json(404, {"Code": 10010205001, "Message": "model not found"}, self.path)
                        return
                    files = [
                        {
                            "Name": f.path.rsplit("/", 1)[-1],
                            "Path": f.path,
                            "Type": "blob",
                            "Size": len(f.data),
                            "Sha256": f.sha256,
                            "Revision": repo.commit,
                        }
                        for f in repo.files.values()
                    ]
                    self._json(200, {"Code": 200, "Data": {"Files": files}, "Success": True}, self.path)
                    return
                if rest.endswith("/repo"):
                    repo = server.repos.get(rest[: -len("/repo")])
                    f = repo.files.get(query.get("FilePath", "")) if repo else None
                    if f is None:
                        self._error(404, None, query.get("FilePath", rest))
                        return
                    self._send_file(f, {"Accept-Ranges": "bytes"}, head)
                    return
                self._error(404, None, rest)

            def _send_file(self, f: Served, headers: dict[str, str], head: bool) -> None:
                data = f.data
                if f.path in server.faults.corrupt:
                    mid = len(data) // 2
                    data = data[:mid] + bytes([data[mid] ^ 0xFF]) + data[mid + 1 :]
                size = len(data)
                start = 0
                rng = self.headers.get("Range")
                status = 200
                if rng and not head:
                    try:
                        start = int(rng.split("=", 1)[1].split("-", 1)[0])
                    except (IndexError, ValueError):
                        start = 0
                    if start >= size:
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{size}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        server.record(Logged("GET", f.path, rng, 416))
                        return
                    status = 206
                body = data[start:]
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                if status == 206:
                    self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
                self.end_headers()
                entry = server.record(Logged(self.command, f.path, rng, status))
                if head:
                    return
                cut = None
                with server._lock:
                    if f.path in server.faults.cut_after:
                        cut = server.faults.cut_after.pop(f.path)
                limit = len(body) if cut is None else min(cut, len(body))
                sent = 0
                try:
                    while sent < limit:
                        block = body[sent : min(limit, sent + BLOCK)]
                        self.wfile.write(block)
                        sent += len(block)
                        entry.sent = sent
                        if server.faults.delay_per_block:
                            self.wfile.flush()
                            time.sleep(server.faults.delay_per_block)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                    return
                if cut is not None:  # drop the connection mid-body
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.shutdown(socket.SHUT_RDWR)

        return Handler
