"""Models on this computer: the studio's models folder, the Hugging Face cache, and folders the user added.

for m in list_installed():
    print(m.name, m.family, m.size, m.status)
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from studio.models.errors import ModelsError
from studio.models.paths import (
    MARKER,
    STAGING,
    USER_FOLDERS_FILE,
    install_dir,
    resolve_models_dir,
    staging_dir,
)
from studio.models.registry import ASR_FAMILIES, KNOWN_MODELS, KNOWN_RECOGNIZERS, KnownModel, human_size

STUDIO = "studio"  # under the studio's models folder (downloaded here)
HF_CACHE = "hf-cache"  # a snapshot in the Hugging Face cache
USER = "user"  # a folder the user added


@dataclass
class InstalledModel:
    name: str
    path: Path
    family: str | None
    size: int
    source: str  # STUDIO | HF_CACHE | USER
    verified: (
        bool | None
    )  # True: hashes and structure checked at install; False: a check failed; None: not checked
    known: KnownModel | None = None
    note: str = ""

    @property
    def status(self) -> str:
        if self.verified is True:
            return "verified"
        if self.verified is False:
            return "check failed" + (f": {self.note}" if self.note else "")
        return "not checked"

    @property
    def where(self) -> str:
        return {STUDIO: "models folder", HF_CACHE: "Hugging Face cache", USER: "added folder"}[self.source]

    def describe(self) -> str:
        fam = self.family or "?"
        return f"{self.name}  [{fam}, {human_size(self.size)}, {self.status}, {self.where}]  {self.path}"


def read_marker(folder: Path) -> dict | None:
    try:
        doc = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def _family(folder: Path) -> str | None:
    from studio.engine.errors import ModelFolderError
    from studio.engine.model_dir import detect_family

    try:
        return detect_family(folder)
    except (ModelFolderError, OSError):
        pass
    family = (read_marker(folder) or {}).get("family")  # a speech recognizer the studio downloaded
    return family if family in ASR_FAMILIES else None


def folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for f in files:
            with contextlib.suppress(OSError):  # stat follows the HF cache's symlinks to blobs
                total += os.stat(os.path.join(root, f)).st_size
    return total


def _known_for(name: str) -> KnownModel | None:
    low = name.casefold()
    for m in (*KNOWN_MODELS, *KNOWN_RECOGNIZERS):
        if low == m.name.casefold() or low in (r.casefold() for r in m.repos.values()):
            return m
    return None


def _quick_verified(folder: Path) -> tuple[bool | None, str]:
    """From the install marker: True if it was fully checked and every recorded file still has its size."""
    marker = read_marker(folder)
    if not marker or not isinstance(marker.get("files"), dict):
        return None, ""
    for rel, ident in marker["files"].items():
        path = folder / rel
        size = ident.get("size") if isinstance(ident, dict) else None
        if not path.is_file():
            return False, f"{rel} is missing"
        if size is not None and path.stat().st_size != size:
            return False, f"{rel} has the wrong size"
    if marker.get("structure") != "ok":
        return None, "file hashes checked; structure not checked"
    return True, ""


def _studio_models(root: Path) -> list[InstalledModel]:
    out = []
    if not root.is_dir():
        return out
    for child in sorted(root.iterdir()):
        if child.name.startswith(".") or not child.is_dir():
            continue
        family = _family(child)
        if family is None:
            continue
        verified, note = _quick_verified(child)
        out.append(
            InstalledModel(
                child.name, child, family, folder_size(child), STUDIO, verified, _known_for(child.name), note
            )
        )
    return out


def _hf_cache_models(cache_dir: str | os.PathLike[str] | None = None) -> list[InstalledModel]:
    """CosyVoice snapshots in the Hugging Face cache (the newest snapshot of each repo that has a model yaml)."""
    from huggingface_hub import constants

    base = Path(cache_dir or constants.HF_HUB_CACHE)
    out = []
    if not base.is_dir():
        return out
    for repo_dir in sorted(base.glob("models--*")):
        snaps = repo_dir / "snapshots"
        if not snaps.is_dir():
            continue
        candidates = [s for s in snaps.iterdir() if s.is_dir() and _family(s) is not None]
        if not candidates:
            continue
        newest = max(candidates, key=lambda s: s.stat().st_mtime)
        repo_id = repo_dir.name[len("models--") :].replace("--", "/")
        known = _known_for(repo_id)
        out.append(
            InstalledModel(repo_id, newest, _family(newest), folder_size(newest), HF_CACHE, None, known)
        )
    return out


def _user_file(root: Path) -> Path:
    return root / USER_FOLDERS_FILE


def user_folders(models_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    root = resolve_models_dir(models_dir)
    try:
        doc = json.loads(_user_file(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(p) for p in doc.get("folders", []) if isinstance(p, str)] if isinstance(doc, dict) else []


def _write_user_folders(root: Path, folders: list[Path]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    tmp = _user_file(root).with_suffix(".tmp")
    tmp.write_text(json.dumps({"folders": [str(p) for p in folders]}, indent=2), encoding="utf-8")
    os.replace(tmp, _user_file(root))


def add_user_folder(
    folder: str | os.PathLike[str], models_dir: str | os.PathLike[str] | None = None
) -> InstalledModel:
    """Remember a model folder from elsewhere (after the structural check passes); returns it as listed."""
    from studio.models.verify import check_folder

    path = Path(folder).expanduser().absolute()
    report = check_folder(path, hashes=False)
    if report.problem and not report.unsupported:
        raise ModelsError(report.problem)
    root = resolve_models_dir(models_dir)
    folders = user_folders(root)
    if path.parent == root:  # already in the models folder: listed from there, nothing to remember
        verified, note = _quick_verified(path)
        return InstalledModel(path.name, path, report.family, folder_size(path), STUDIO, verified, None, note)
    if path not in folders:
        folders.append(path)
        _write_user_folders(root, folders)
    return InstalledModel(
        path.name,
        path,
        report.family,
        folder_size(path),
        USER,
        True if report.ok else None,
        None,
        "" if report.ok else "structure not checked",
    )


def forget_user_folder(
    folder: str | os.PathLike[str], models_dir: str | os.PathLike[str] | None = None
) -> bool:
    root = resolve_models_dir(models_dir)
    path = Path(folder).expanduser().absolute()
    folders = user_folders(root)
    if path not in folders:
        return False
    _write_user_folders(root, [p for p in folders if p != path])
    return True


def list_installed(
    models_dir: str | os.PathLike[str] | None = None,
    include_hf_cache: bool = True,
    hf_cache_dir: str | os.PathLike[str] | None = None,
    kind: str = "tts",
) -> list[InstalledModel]:
    """Installed models of `kind`: "tts" (CosyVoice folders, the default), "asr" (speech recognizers)
    or "all"."""
    root = resolve_models_dir(models_dir)
    out = _studio_models(root)
    for path in user_folders(root):
        if path.is_dir() and _family(path) is not None:
            out.append(InstalledModel(path.name, path, _family(path), folder_size(path), USER, None))
        else:
            out.append(
                InstalledModel(
                    path.name, path, None, 0, USER, False, None, "the folder is gone or not a model"
                )
            )
    if include_hf_cache:
        out.extend(_hf_cache_models(hf_cache_dir))
    if kind == "tts":
        out = [m for m in out if m.family not in ASR_FAMILIES]
    elif kind == "asr":
        out = [m for m in out if m.family in ASR_FAMILIES]
    return out


def find_model(name_or_path: str, models_dir: str | os.PathLike[str] | None = None) -> InstalledModel | Path:
    """An installed model by name (or repo id), else the argument as a folder path."""
    low = name_or_path.strip().casefold()
    for m in list_installed(models_dir, kind="all"):
        if low in (m.name.casefold(), *(r.casefold() for r in (m.known.repos.values() if m.known else ()))):
            return m
    path = Path(name_or_path).expanduser()
    if path.exists() or os.sep in name_or_path or "/" in name_or_path:
        return path.absolute()
    names = ", ".join(m.name for m in list_installed(models_dir)) or "none"
    raise ModelsError(
        f"No installed model is called {name_or_path!r} (installed: {names}); give a name or a folder path."
    )


def staged_downloads(models_dir: str | os.PathLike[str] | None = None) -> dict[str, int]:
    """Interrupted downloads waiting for a resume: name -> bytes on disk."""
    root = resolve_models_dir(models_dir) / STAGING
    out = {}
    if root.is_dir():
        for child in sorted(root.iterdir()):
            if child.is_dir() and not child.name.startswith("."):
                out[child.name] = sum(p.stat().st_size for p in child.rglob("*") if p.is_file())
    return out


def remove_model(name: str, models_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Delete an installed model (and any interrupted download of it) from the studio's models folder.

    A folder the user added is only forgotten (its files stay); the Hugging Face cache is left alone.
    Returns what was deleted or forgotten.
    """
    root = resolve_models_dir(models_dir)
    done: list[Path] = []
    target = None
    for m in list_installed(root, kind="all"):
        if name.strip().casefold() in (m.name.casefold(), str(m.path).casefold()):
            target = m
            break
    if target is not None and target.source == HF_CACHE:
        raise ModelsError(
            f"{target.name} is in the Hugging Face cache ({target.path}); remove it with `hf cache delete`."
        )
    if target is not None and target.source == USER:
        forget_user_folder(target.path, root)
        return [target.path]
    folder = install_dir(root, name.strip())
    stage = staging_dir(root, name.strip())
    if name.strip() in ("", ".", "..") or "/" in name or os.sep in name:
        raise ModelsError(f"{name!r} is not a model name.")
    for path in (folder, stage):
        if path.is_dir():
            shutil.rmtree(path)
            done.append(path)
    if not done:
        raise ModelsError(f"No model called {name!r} is installed in {root}.")
    return done
