"""Which recognizers exist, which are installed here, and loading one by name.

    names: pocketsphinx (in its wheel, basic offline English), whisper-large-v3-turbo (GPU),
           whisper-small (CPU), sensevoice-small (zh/yue/en/ja/ko), paraformer-zh (Mandarin)

Downloaded recognizers live in the model manager's folder (`voice-studio models download NAME`); a
Whisper folder may also be given as a path (`--asr /path/to/whisper-folder`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from studio.transcribe.base import Recognizer
from studio.transcribe.errors import RecognizerUnavailable

POCKETSPHINX = "pocketsphinx"


@dataclass(frozen=True)
class RecognizerSpec:
    name: str
    kind: str  # pocketsphinx | whisper | sensevoice | paraformer
    label: str
    languages: tuple[str, ...]  # () = many
    builtin: bool = False  # ships inside a package: nothing to download


SPECS: tuple[RecognizerSpec, ...] = (
    RecognizerSpec("whisper-large-v3-turbo", "whisper", "Whisper large-v3-turbo (best; for GPUs)", ()),
    RecognizerSpec("whisper-small", "whisper", "Whisper small (for CPUs)", ()),
    RecognizerSpec("sensevoice-small", "sensevoice", "SenseVoice-Small", ("zh", "yue", "en", "ja", "ko")),
    RecognizerSpec("paraformer-zh", "paraformer", "Paraformer (Mandarin)", ("zh",)),
    RecognizerSpec(POCKETSPHINX, "pocketsphinx", "PocketSphinx (basic offline English)", ("en",), True),
)
# the order `auto` tries them in: downloaded multilingual models first, the basic one last
PREFERENCE = tuple(s.name for s in SPECS)


def spec(name: str) -> RecognizerSpec | None:
    low = name.strip().casefold()
    return next((s for s in SPECS if s.name == low), None)


def _models_root(models_dir: str | os.PathLike[str] | None) -> Path:
    from studio.models.paths import resolve_models_dir

    return resolve_models_dir(models_dir)


def _folder(name: str, models_dir) -> Path:
    return _models_root(models_dir) / name


def _is_installed(s: RecognizerSpec, models_dir) -> bool:
    if s.builtin:
        from studio.transcribe import pocketsphinx_backend

        return pocketsphinx_backend.available()
    folder = _folder(s.name, models_dir)
    if s.kind == "whisper":
        return (folder / "config.json").is_file() and (folder / "model.safetensors").is_file()
    from studio.transcribe.sherpa_backend import model_file

    return model_file(folder) is not None and (folder / "tokens.txt").is_file()


def installed(models_dir: str | os.PathLike[str] | None = None, *, include_builtin: bool = True) -> list[str]:
    """Names of the recognizers usable here, in preference order."""
    return [s.name for s in SPECS if (include_builtin or not s.builtin) and _is_installed(s, models_dir)]


def how_to_get_one() -> str:
    return (
        "install a recognizer with `voice-studio models download whisper-small` (or sensevoice-small; "
        "whisper-large-v3-turbo on a GPU), or use the basic offline English one with "
        "`pip install pocketsphinx` and --asr pocketsphinx"
    )


def load(
    name: str, models_dir: str | os.PathLike[str] | None = None, *, device: str | None = None
) -> Recognizer:
    """A ready recognizer: a registry name, or the path of a Whisper / sherpa-onnx model folder.

    Raises RecognizerUnavailable with what to do when it is not installed.
    """
    s = spec(name)
    if s is None:
        path = Path(name).expanduser()
        if path.is_dir():
            if (path / "config.json").is_file():
                from studio.transcribe.whisper_backend import WhisperRecognizer

                return WhisperRecognizer(path, name=path.name, device=device)
            if (path / "tokens.txt").is_file():
                from studio.transcribe.sherpa_backend import SherpaRecognizer

                return SherpaRecognizer(path, "sensevoice", name=path.name)
        known = ", ".join(x.name for x in SPECS)
        raise RecognizerUnavailable(f"There is no recognizer called {name!r}; choose one of {known}.")
    if s.kind == "pocketsphinx":
        from studio.transcribe.pocketsphinx_backend import PocketSphinxRecognizer

        return PocketSphinxRecognizer()
    if not _is_installed(s, models_dir):
        raise RecognizerUnavailable(
            f"The recognizer {s.name} is not installed; download it with `voice-studio models download {s.name}`."
        )
    folder = _folder(s.name, models_dir)
    if s.kind == "whisper":
        from studio.transcribe.whisper_backend import WhisperRecognizer

        return WhisperRecognizer(folder, name=s.name, device=device)
    from studio.transcribe.sherpa_backend import SherpaRecognizer

    return SherpaRecognizer(folder, s.kind, name=s.name)


def parse_names(value: str | None) -> list[str]:
    """'--asr a,b' -> ['a', 'b'] (empty entries dropped)."""
    return [v.strip() for v in (value or "").split(",") if v.strip()]
