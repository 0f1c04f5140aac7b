"""Check a model folder: recorded sizes and SHA-256 (for folders the studio downloaded), then the structure.

The structural check is the engine's `verify_model_folder`: the yaml parses, every required file is there,
every checkpoint tensor's name and shape matches what the engine builds (memory-mapped, nothing is
materialised) and the tokenizer loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from studio.models.hashing import file_matches
from studio.models.registry import human_size


@dataclass
class CheckReport:
    folder: Path
    family: str | None = None
    checked: list[str] = field(default_factory=list)
    problem: str | None = None
    unsupported: bool = (
        False  # the engine cannot check (or run) this family yet; the files themselves may be fine
    )

    @property
    def ok(self) -> bool:
        return self.problem is None


def _engine_supports(folder: Path) -> bool:
    """False when the engine refuses this folder's family (not when the folder is broken)."""
    from studio.engine.errors import ModelFolderError, UnsupportedModelError

    try:
        from studio.engine.build import new_flow_module, new_hift_module, new_lm_module
        from studio.engine.model_dir import read_model_folder

        spec = read_model_folder(folder)
        new_lm_module(spec)
        new_flow_module(spec)
        new_hift_module(spec)
    except UnsupportedModelError:
        return False
    except (ModelFolderError, OSError, ValueError):
        return True
    return True


def check_folder(
    folder: str | Path, hashes: bool = True, onnx: bool = False, cancel=None, family: str | None = None
) -> CheckReport:
    """Everything we can check without loading weights; stops at the first problem, which names the file.

    A speech-recognizer folder (family whisper / sensevoice / paraformer, from `family`, the install
    marker or its config.json) gets `studio.transcribe.model_check` instead of the engine's check.
    """
    from studio.engine.build import verify_model_folder
    from studio.models.installed import read_marker

    folder = Path(folder).expanduser()
    report = CheckReport(folder)
    if not folder.is_dir():
        report.problem = f"{folder} is not a folder." if folder.exists() else f"{folder} does not exist."
        return report
    marker = read_marker(folder)
    if hashes and marker and isinstance(marker.get("files"), dict):
        for rel, ident in sorted(marker["files"].items()):
            path = folder / rel
            size = ident.get("size") if isinstance(ident, dict) else None
            if not path.is_file():
                report.problem = f"{rel} is missing from {folder}; download the model again."
                return report
            actual = path.stat().st_size
            if size is not None and actual != size:
                report.problem = (
                    f"{rel} in {folder} has {actual} bytes instead of {size}; download the model again."
                )
                return report
            ok, what = file_matches(path, ident.get("sha256"), ident.get("git_sha1"), cancel=cancel)
            if not ok:
                report.problem = f"{rel} in {folder} is corrupt: its {what} does not match the hub's; download the model again."
                return report
            report.checked.append(
                f"{rel}: {human_size(actual)}, {what} matches the hub"
                if what != "size"
                else f"{rel}: {human_size(actual)}, size matches the hub"
            )
    from studio.transcribe.model_check import check_recognizer_folder, detect_recognizer_family

    asr = detect_recognizer_family(folder, family or (marker or {}).get("family"))
    if asr is not None:
        report.family = asr
        checked, problem = check_recognizer_folder(folder, asr, onnx=onnx)
        report.checked.extend(checked)
        report.problem = problem
        return report
    engine = verify_model_folder(folder, load_onnx=onnx)
    report.family = engine.family
    report.checked.extend(engine.checked)
    if engine.problem:
        report.problem = engine.problem
        report.unsupported = not _engine_supports(folder)
    return report
