"""Download a known model into `<models>/.staging/<name>/`, verify it, and only then move it into place.

    result = download_model("Fun-CosyVoice3-0.5B-2512", hub="huggingface", on_progress=print)

- Resumable: each file is written to `<file>.part` in the staging folder; a later run asks the hub for the
  rest with an HTTP Range request (and within one run, a dropped connection is retried the same way).
- Verified: every file's size, and its SHA-256 (or git blob hash) where the hub lists one; then the
  structural check (`studio.models.verify.check_folder`: yaml, every tensor name and shape, tokenizer).
- Atomic: the staging folder is renamed to `<models>/<name>` with `os.replace` only after all of that; a
  failed or cancelled download leaves the staging folder (for resume) and never a half model under the name.
- Cancellable: `cancel.cancel()` from any thread stops the transfer at the next chunk (DownloadCancelled).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from studio.models.errors import DownloadCancelled, DownloadError, IntegrityError, ModelsError
from studio.models.hashing import file_matches
from studio.models.hubs import RemoteFile, TransientError, make_hub
from studio.models.paths import MARKER, STAGING, install_dir, resolve_models_dir, staging_dir
from studio.models.registry import HUGGINGFACE, KnownModel, human_size, known_model

STAGING_MANIFEST = ".download.json"
PROGRESS_INTERVAL = 0.1  # seconds between progress reports while bytes flow
DISK_MARGIN = 200_000_000


class CancelToken:
    """Set from any thread to stop a download at the next chunk."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        return self._event.wait(seconds)


@dataclass
class Progress:
    """One progress report. Byte counts include what earlier (interrupted) runs already fetched."""

    phase: str  # "listing" | "downloading" | "checking" | "verifying" | "installing" | "done"
    model: str
    file: str | None = None
    file_index: int = 0  # 1-based while downloading
    file_count: int = 0
    file_done: int = 0
    file_total: int | None = None
    done: int = 0
    total: int = 0
    speed: float | None = None  # bytes per second over the last few seconds
    eta: float | None = None  # seconds left at that speed
    resumed_from: int = 0  # bytes of the current file that were already on disk
    message: str = ""

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0


@dataclass
class DownloadResult:
    model: str
    folder: Path
    hub: str
    endpoint: str
    revision: str
    files: list[str]
    downloaded_bytes: int  # fetched in this run
    resumed_bytes: int  # already on disk from an earlier run
    structure: str  # "ok" or why the structural check could not run
    already_installed: bool = False
    checked: list[str] = field(default_factory=list)


ProgressCallback = Callable[[Progress], None]


class _Meter:
    """Bytes done overall, speed over a sliding window, throttled reports."""

    def __init__(self, model: str, total: int, on_progress: ProgressCallback | None) -> None:
        self.model = model
        self.total = total
        self.on_progress = on_progress
        self.done_files = 0  # bytes of files finished
        self.samples: deque[tuple[float, int]] = deque()
        self.fetched = 0  # bytes fetched in this run
        self.last_report = 0.0

    def speed(self) -> float | None:
        now = time.monotonic()
        self.samples.append((now, self.fetched))
        while len(self.samples) > 2 and now - self.samples[0][0] > 5.0:
            self.samples.popleft()
        t0, b0 = self.samples[0]
        if now - t0 < 0.2:
            return None
        return (self.fetched - b0) / (now - t0)

    def report(self, force: bool = False, **kw) -> None:
        now = time.monotonic()
        if not force and now - self.last_report < PROGRESS_INTERVAL:
            return
        self.last_report = now
        if self.on_progress is None:
            return
        p = Progress(model=self.model, total=self.total, **kw)
        if p.phase == "downloading":
            p.speed = self.speed()
            if p.speed:
                p.eta = max(0.0, (self.total - p.done) / p.speed)
        self.on_progress(p)


def _atomic_write_json(path: Path, doc: dict) -> None:
    tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(json.dumps(doc, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def _read_json(path: Path) -> dict | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def plan_files(
    model: KnownModel,
    listing_files: dict[str, RemoteFile],
    include_optional: bool,
    include_qwen_weights: bool,
) -> list[RemoteFile]:
    """The files to fetch: the registry's wanted files that the hub has; a missing required file is an error."""
    out = []
    for wanted in model.wanted(include_optional, include_qwen_weights):
        rf = listing_files.get(wanted.path)
        if rf is None:
            if wanted.required:
                raise DownloadError(
                    f"The hub's copy of {model.name} has no {wanted.path}; choose another hub."
                )
            continue
        rf.required = wanted.required
        out.append(rf)
    return out


def download_model(
    name: str | KnownModel,
    *,
    hub: str = HUGGINGFACE,
    endpoint: str | None = None,
    models_dir: str | os.PathLike[str] | None = None,
    include_optional: bool = True,
    include_qwen_weights: bool = False,
    force: bool = False,
    on_progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    retries: int = 3,
    retry_wait: float = 1.0,
) -> DownloadResult:
    """Download, verify and install a known model; resumes what an earlier run left in the staging folder.

    Raises OfflineError (offline mode, hub unreachable), DownloadError (hub answers wrong, transfer failed),
    IntegrityError (hash or structure mismatch: nothing installed), DownloadCancelled (resume later).
    """
    model = name if isinstance(name, KnownModel) else known_model(name)
    cancel = cancel or CancelToken()
    root = resolve_models_dir(models_dir)
    target = install_dir(root, model.name)
    if target.exists() and not force:
        from studio.models.installed import read_marker

        marker = read_marker(target)
        return DownloadResult(
            model=model.name,
            folder=target,
            hub=(marker or {}).get("hub", "?"),
            endpoint=(marker or {}).get("endpoint", "?"),
            revision=(marker or {}).get("revision", "?"),
            files=[],
            downloaded_bytes=0,
            resumed_bytes=0,
            structure=(marker or {}).get("structure", "unknown"),
            already_installed=True,
        )

    if hub not in model.repos:
        raise DownloadError(
            f"{model.name} is not published on {hub}; download it from {', '.join(model.repos)}."
        )
    source = make_hub(hub, endpoint)
    meter = _Meter(model.name, model.approx_size(include_optional, include_qwen_weights), on_progress)
    meter.report(force=True, phase="listing", message=f"Asking {source.endpoint} for the file list")
    listing = source.list_files(model.repo(hub), model.revision[hub])
    files = plan_files(model, listing.files, include_optional, include_qwen_weights)
    if cancel.cancelled:
        raise DownloadCancelled(f"The download of {model.name} was cancelled before it started.")

    stage = staging_dir(root, model.name)
    try:
        stage.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelsError(
            f"Cannot create the models folder {root} ({exc.strerror}); choose another folder."
        ) from exc

    from filelock import FileLock, Timeout

    lock = FileLock(str(root / STAGING / f"{model.name}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise DownloadError(f"Another download of {model.name} is already running into {root}.") from exc
    try:
        return _download_locked(
            model,
            source,
            hub,
            listing.revision,
            files,
            root,
            stage,
            target,
            meter,
            cancel,
            retries,
            retry_wait,
        )
    finally:
        lock.release()
        with contextlib.suppress(OSError):
            (root / STAGING / f"{model.name}.lock").unlink()


def _download_locked(
    model, source, hub, revision, files, root, stage, target, meter, cancel, retries, retry_wait
):
    manifest_path = stage / STAGING_MANIFEST
    old = _read_json(manifest_path) or {}
    old_files = old.get("files", {}) if isinstance(old.get("files"), dict) else {}
    # A file whose identity changed on the hub since the last run starts over.
    for rf in files:
        previous = old_files.get(rf.path)
        if (
            previous is not None
            and {k: previous.get(k) for k in ("size", "sha256", "git_sha1")} != rf.identity()
        ):
            _discard(stage, rf.path)
    manifest = {
        "model": model.name,
        "hub": hub,
        "endpoint": source.endpoint,
        "repo": model.repo(hub),
        "revision": revision,
        "files": {
            rf.path: {**rf.identity(), "done": bool(old_files.get(rf.path, {}).get("done"))} for rf in files
        },
    }
    for rf in files:  # a finished file must still be there at its size to count
        entry = manifest["files"][rf.path]
        if entry["done"] and not _complete_on_disk(stage, rf):
            entry["done"] = False
    _atomic_write_json(manifest_path, manifest)

    meter.total = sum(rf.size or 0 for rf in files)
    already = sum(_bytes_on_disk(stage, rf) for rf in files)
    need = meter.total - already
    free = shutil.disk_usage(stage).free
    if need + DISK_MARGIN > free:
        raise DownloadError(
            f"Not enough free disk space in {root}: {model.name} needs {human_size(need + DISK_MARGIN)} more "
            f"and only {human_size(free)} is free."
        )

    resumed_total = 0
    for index, rf in enumerate(files, start=1):
        entry = manifest["files"][rf.path]
        if entry["done"]:
            meter.done_files += rf.size or 0
            continue
        resumed_total += _fetch_one(
            model, source, revision, rf, stage, meter, cancel, index, len(files), retries, retry_wait
        )
        entry["done"] = True
        _atomic_write_json(manifest_path, manifest)
        meter.done_files += rf.size or _bytes_on_disk(stage, rf)

    meter.report(force=True, phase="verifying", done=meter.total, message="Checking the model's structure")
    from studio.models.verify import check_folder

    report = check_folder(stage, hashes=False, family=model.family)
    if report.problem and not report.unsupported:
        raise IntegrityError(f"{report.problem} {model.name} was not installed.")
    structure = "ok" if report.ok else "not checked: " + report.problem.replace(str(stage), model.name)

    if cancel.cancelled:
        raise DownloadCancelled(
            f"The download of {model.name} was cancelled; it is complete and will install on resume."
        )
    meter.report(force=True, phase="installing", done=meter.total, message=f"Installing into {target}")
    _remove_strays(stage, {rf.path for rf in files})
    marker = {
        "model": model.name,
        "family": model.family,
        "hub": hub,
        "endpoint": source.endpoint,
        "repo": model.repo(hub),
        "revision": revision,
        "installed_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "structure": structure,
        "files": {rf.path: rf.identity() for rf in files},
    }
    _atomic_write_json(stage / MARKER, marker)
    manifest_path.unlink(missing_ok=True)
    _install(stage, target, root)
    meter.report(force=True, phase="done", done=meter.total, message=f"Installed {model.name}")
    return DownloadResult(
        model=model.name,
        folder=target,
        hub=hub,
        endpoint=source.endpoint,
        revision=revision,
        files=[rf.path for rf in files],
        downloaded_bytes=meter.fetched,
        resumed_bytes=resumed_total,
        structure=structure,
        checked=report.checked,
    )


def _part(stage: Path, path: str) -> Path:
    final = stage / path
    return final.with_name(final.name + ".part")


def _discard(stage: Path, path: str) -> None:
    (stage / path).unlink(missing_ok=True)
    _part(stage, path).unlink(missing_ok=True)


def _complete_on_disk(stage: Path, rf: RemoteFile) -> bool:
    final = stage / rf.path
    return final.is_file() and (rf.size is None or final.stat().st_size == rf.size)


def _bytes_on_disk(stage: Path, rf: RemoteFile) -> int:
    if _complete_on_disk(stage, rf):
        return rf.size or (stage / rf.path).stat().st_size
    part = _part(stage, rf.path)
    return part.stat().st_size if part.is_file() else 0


def _fetch_one(model, source, revision, rf, stage, meter, cancel, index, count, retries, retry_wait) -> int:
    """Fetch one file into `<file>.part`, resuming; check it; rename it. Returns the bytes it resumed from."""
    final = stage / rf.path
    part = _part(stage, rf.path)
    final.parent.mkdir(parents=True, exist_ok=True)
    final.unlink(missing_ok=True)
    first_resume = part.stat().st_size if part.is_file() else 0
    failures = 0
    while True:
        if cancel.cancelled:
            raise DownloadCancelled(f"The download of {model.name} was cancelled; resume it to continue.")
        start = part.stat().st_size if part.is_file() else 0
        if rf.size is not None and start > rf.size:
            part.unlink()
            start = 0
        if rf.size is not None and start == rf.size:
            break
        state = {
            "phase": "downloading",
            "file": rf.path,
            "file_index": index,
            "file_count": count,
            "file_total": rf.size,
            "resumed_from": start,
        }
        meter.report(force=True, file_done=start, done=meter.done_files + start, **state)
        try:
            with source.open(model.repo(source.name), revision, rf, start) as opened:
                if opened.status == 416:  # the part is already whole (or the server disagrees: start over)
                    if rf.size is None:
                        break
                    part.unlink(missing_ok=True)
                    continue
                offset = opened.start if opened.status == 206 else 0
                if offset != start:  # the server ignored or changed the range: rewrite from its offset
                    offset = min(offset, start)
                have = offset
                with open(part, "r+b" if part.exists() else "wb") as fh:
                    fh.seek(offset)
                    fh.truncate()
                    for chunk in opened.chunks:
                        if cancel.cancelled:
                            raise DownloadCancelled(
                                f"The download of {model.name} was cancelled; resume it to continue."
                            )
                        fh.write(chunk)
                        have += len(chunk)
                        meter.fetched += len(chunk)
                        meter.report(file_done=have, done=meter.done_files + have, **state)
            if rf.size is None or have >= rf.size:
                if rf.size is None:
                    break
                continue  # loop re-reads the size and stops
            raise TransientError("the connection closed early")
        except TransientError as exc:
            if part.is_file() and part.stat().st_size > start:
                failures = 0  # bytes arrived since the last failure: this is a new drop, not a dead link
            failures += 1
            if failures > retries:
                got = part.stat().st_size if part.is_file() else 0
                raise DownloadError(
                    f"The download of {rf.path} was interrupted ({exc}) after {human_size(got)}; run it again "
                    "to resume from there."
                ) from exc
            meter.report(
                force=True,
                file_done=start,
                done=meter.done_files + start,
                message=f"Connection lost ({exc}); resuming",
                **state,
            )
            if cancel.wait(min(30.0, retry_wait * 2 ** (failures - 1))):
                raise DownloadCancelled(
                    f"The download of {model.name} was cancelled; resume it to continue."
                ) from exc

    meter.report(
        force=True,
        phase="checking",
        file=rf.path,
        file_index=index,
        file_count=count,
        file_total=rf.size,
        file_done=rf.size or 0,
        done=meter.done_files + (rf.size or 0),
        message=f"Checking {rf.path}",
    )
    size = part.stat().st_size
    if rf.size is not None and size != rf.size:
        part.unlink()
        raise IntegrityError(
            f"{rf.path} arrived with {size} bytes instead of {rf.size}; it was deleted, download again. "
            f"{model.name} was not installed."
        )
    ok, what = file_matches(part, rf.sha256, rf.git_sha1, cancel=cancel)
    if not ok:
        part.unlink()
        raise IntegrityError(
            f"{rf.path} is corrupt: its {what} does not match the hub's, so it was deleted and {model.name} "
            "was not installed; download again."
        )
    os.replace(part, final)
    return first_resume


def _remove_strays(stage: Path, keep: set[str]) -> None:
    """Drop leftovers of earlier plans (other optional files, stray parts) before installing."""
    for path in sorted(stage.rglob("*"), reverse=True):
        rel = path.relative_to(stage).as_posix()
        if path.is_file() and rel not in keep and rel not in (MARKER, STAGING_MANIFEST):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _install(stage: Path, target: Path, root: Path) -> None:
    """Rename the finished staging folder to its real name; an existing install is swapped out first."""
    old = None
    if target.exists():
        old = root / STAGING / f".old-{target.name}-{uuid.uuid4().hex[:8]}"
        os.replace(target, old)
    try:
        os.replace(stage, target)
    except OSError as exc:
        if old is not None:
            os.replace(old, target)
        raise ModelsError(f"Cannot move the downloaded model into {target} ({exc.strerror}).") from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def staged_bytes(name: str, models_dir: str | os.PathLike[str] | None = None) -> int:
    """Bytes an interrupted download of `name` left in its staging folder (0 if none)."""
    stage = staging_dir(resolve_models_dir(models_dir), known_model(name).name)
    if not stage.is_dir():
        return 0
    return sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.name.startswith("."))
