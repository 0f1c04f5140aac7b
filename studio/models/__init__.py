"""Model manager: known models, downloads (Hugging Face, mirrors, ModelScope), verification, installed models.

Public API (what the window and the CLI use):
    download_model(name, hub=, endpoint=, models_dir=, on_progress=, cancel=) -> DownloadResult
    CancelToken, Progress, DownloadResult
    list_installed(models_dir) -> [InstalledModel]; find_model; add_user_folder; remove_model
    check_folder(folder) -> CheckReport (sizes/SHA-256 if recorded, then the structural check)
    KNOWN_MODELS, DEFAULT_MODEL, known_model(name)
    resolve_models_dir(path=None)
    studio.models.devices: list_cuda_devices, precision_choices, estimate_memory, fit_warning, recommend
"""

from studio.models.download import CancelToken, DownloadResult, Progress, download_model
from studio.models.errors import (
    DownloadCancelled,
    DownloadError,
    IntegrityError,
    ModelsError,
    OfflineError,
)
from studio.models.installed import InstalledModel, add_user_folder, find_model, list_installed, remove_model
from studio.models.paths import resolve_models_dir
from studio.models.registry import DEFAULT_MODEL, KNOWN_MODELS, KnownModel, known_model
from studio.models.verify import CheckReport, check_folder

__all__ = [
    "DEFAULT_MODEL",
    "KNOWN_MODELS",
    "CancelToken",
    "CheckReport",
    "DownloadCancelled",
    "DownloadError",
    "DownloadResult",
    "InstalledModel",
    "IntegrityError",
    "KnownModel",
    "ModelsError",
    "OfflineError",
    "Progress",
    "add_user_folder",
    "check_folder",
    "download_model",
    "find_model",
    "known_model",
    "list_installed",
    "remove_model",
    "resolve_models_dir",
]
