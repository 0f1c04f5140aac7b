"""`voice-studio models ...`: list, download, verify, remove models; add a folder; show GPU devices.

Every subcommand takes --models-dir DIR (default: $VOICE_STUDIO_MODELS or the user data folder) and exits
non-zero with one line `voice-studio: error: ...` on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import Any

from studio.models.errors import DownloadCancelled, ModelsError
from studio.models.registry import (
    DEFAULT_MODEL,
    HUGGINGFACE,
    KNOWN_MODELS,
    KNOWN_RECOGNIZERS,
    MODELSCOPE,
    human_size,
)

PROG = "voice-studio"


def register(subparsers: Any) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--models-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="models folder (default: $VOICE_STUDIO_MODELS or <user data>/voice-studio/models)",
    )
    parser = subparsers.add_parser(
        "models",
        parents=[common],
        help="list, download, verify and remove models",
        description="Find, download (Hugging Face, a mirror, or ModelScope), verify and remove CosyVoice models.",
    )
    parser.set_defaults(func=lambda args: _help(parser))
    sub = parser.add_subparsers(dest="models_command", metavar="COMMAND")

    p = sub.add_parser("list", parents=[common], help="installed models, interrupted downloads, known models")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-hf-cache", action="store_true", help="do not look in the Hugging Face cache")
    p.set_defaults(func=_guard(_cmd_list))

    p = sub.add_parser(
        "download",
        parents=[common],
        help="download, verify and install a model (resumes an interrupted download)",
        description="Download a model into the models folder. Files go to a staging folder and the model is "
        "moved into place only when every file matches the hub's size and SHA-256 and the folder passes the "
        "structural check. Run the same command again to resume an interrupted download.",
    )
    p.add_argument(
        "name",
        nargs="?",
        default=DEFAULT_MODEL.name,
        help=f"model name or repo id (default {DEFAULT_MODEL.name})",
    )
    p.add_argument(
        "--hub", choices=(HUGGINGFACE, MODELSCOPE), default=HUGGINGFACE, help="where to download from"
    )
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="hub address, e.g. a Hugging Face mirror such as https://hf-mirror.com (default: $HF_ENDPOINT "
        "or huggingface.co; for ModelScope https://www.modelscope.cn)",
    )
    p.add_argument(
        "--with-qwen-weights",
        action="store_true",
        help="also download CosyVoice-BlankEN/model.safetensors (~1 GB; Voice Studio does not need it, the "
        "official CosyVoice code does)",
    )
    p.add_argument(
        "--required-only", action="store_true", help="skip optional files (llm.rl.pt, spk2info.pt, ...)"
    )
    p.add_argument("--force", action="store_true", help="download again even if the model is installed")
    p.set_defaults(func=_guard(_cmd_download))

    p = sub.add_parser(
        "verify",
        parents=[common],
        help="check an installed model or any model folder",
        description="Check sizes and SHA-256 of every file (models downloaded by Voice Studio), then the "
        "structure: yaml, required files, every tensor name and shape, tokenizer. Exits 1 naming the first "
        "bad file.",
    )
    p.add_argument("model", help="installed model name, or a folder path")
    p.add_argument("--quick", action="store_true", help="skip the SHA-256 of every file")
    p.add_argument("--onnx", action="store_true", help="also load the ONNX models")
    p.set_defaults(func=_guard(_cmd_verify))

    p = sub.add_parser("remove", parents=[common], help="delete an installed model (forget an added folder)")
    p.add_argument("name", help="installed model name")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=_guard(_cmd_remove))

    p = sub.add_parser("add", parents=[common], help="use a model folder from elsewhere (after checking it)")
    p.add_argument("folder")
    p.set_defaults(func=_guard(_cmd_add))

    p = sub.add_parser("devices", parents=[common], help="GPUs, free memory, and which precision fits")
    p.add_argument("--model", default=DEFAULT_MODEL.name, help="model name or folder to size for")
    p.set_defaults(func=_guard(_cmd_devices))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _error(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def _guard(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except DownloadCancelled as exc:
            return _error(str(exc))
        except ModelsError as exc:
            return _error(str(exc))
        except KeyboardInterrupt:
            print(file=sys.stderr)
            return _error("interrupted; run the same command again to resume.")

    return run


def _models_dir(args: argparse.Namespace):
    from studio.models.paths import resolve_models_dir

    return resolve_models_dir(getattr(args, "models_dir", None))


def _cmd_list(args: argparse.Namespace) -> int:
    from studio.models.installed import list_installed, staged_downloads

    root = _models_dir(args)
    installed = list_installed(root, include_hf_cache=not args.no_hf_cache)
    recognizers = list_installed(root, include_hf_cache=False, kind="asr")
    staged = staged_downloads(root)
    if args.json:
        doc = {
            "models_dir": str(root),
            "installed": [
                {
                    "name": m.name,
                    "path": str(m.path),
                    "family": m.family,
                    "size": m.size,
                    "source": m.source,
                    "verified": m.verified,
                    "status": m.status,
                }
                for m in installed
            ],
            "recognizers": [
                {"name": m.name, "path": str(m.path), "family": m.family, "size": m.size, "status": m.status}
                for m in recognizers
            ],
            "known_recognizers": [
                {"name": k.name, "family": k.family, "approx_size": k.approx_size(), "repos": k.repos}
                for k in KNOWN_RECOGNIZERS
            ],
            "interrupted": staged,
            "known": [
                {
                    "name": k.name,
                    "family": k.family,
                    "default": k.default,
                    "approx_size": k.approx_size(),
                    "repos": k.repos,
                }
                for k in KNOWN_MODELS
            ],
        }
        print(json.dumps(doc, indent=2))
        return 0
    print(f"Models folder: {root}")
    if installed:
        print("Installed:")
        for m in installed:
            print(f"  {m.describe()}")
    else:
        print("No model installed yet: run `voice-studio models download`.")
    if staged:
        print("Interrupted downloads (run `voice-studio models download NAME` to resume):")
        for name, size in staged.items():
            print(f"  {name}: {human_size(size)} so far")
    print("Known models:")
    for k in KNOWN_MODELS:
        tag = " (recommended)" if k.default else ""
        print(f"  {k.name}{tag}: {k.family}, {human_size(k.approx_size(), approx=True)}; {k.description}")
    print("Speech recognizers (transcripts of reference clips and ingested recordings):")
    have = {m.name: m for m in recognizers}
    for k in KNOWN_RECOGNIZERS:
        state = f"installed, {have[k.name].status}" if k.name in have else "not installed"
        print(f"  {k.name}: {k.family}, {human_size(k.approx_size(), approx=True)}, {state}; {k.description}")
    from studio.transcribe.pocketsphinx_backend import available

    print(
        "  pocketsphinx: basic offline English, inside the pocketsphinx package, "
        + ("available" if available() else "not installed (pip install pocketsphinx)")
    )
    return 0


class _Printer:
    """Progress on stderr: one rewritten line on a terminal, one line per file otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_file: str | None = None
        self.last_phase: str | None = None
        self.width = 0

    def __call__(self, p) -> None:
        if p.phase == "downloading":
            if self.tty:
                pct = f"{100 * p.file_done / p.file_total:3.0f}%" if p.file_total else ""
                speed = f"{human_size(p.speed)}/s" if p.speed else ""
                eta = _eta(p.eta)
                line = (
                    f"[{p.file_index}/{p.file_count}] {p.file} {pct}  overall {100 * p.fraction:3.0f}% of "
                    f"{human_size(p.total)}  {speed}  {eta}"
                ).rstrip()
                print("\r" + line.ljust(self.width), end="", file=sys.stderr, flush=True)
                self.width = len(line)
            elif p.message:  # a dropped connection being resumed
                print(f"  {p.file}: {p.message}", file=sys.stderr, flush=True)
            elif p.file != self.last_file:
                resumed = f", resuming at {human_size(p.resumed_from)}" if p.resumed_from else ""
                print(
                    f"[{p.file_index}/{p.file_count}] {p.file} ({human_size(p.file_total)}{resumed})",
                    file=sys.stderr,
                    flush=True,
                )
            self.last_file = p.file
        elif p.phase != self.last_phase and p.phase in ("listing", "verifying", "installing"):
            if self.tty and self.width:
                print(file=sys.stderr)
                self.width = 0
            print(p.message + "...", file=sys.stderr, flush=True)
        self.last_phase = p.phase

    def close(self) -> None:
        if self.tty and self.width:
            print(file=sys.stderr)


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return f"{seconds:.0f} s left"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min left"
    return f"{seconds / 3600:.1f} h left"


def _cmd_download(args: argparse.Namespace) -> int:
    from studio.models.download import download_model

    printer = _Printer()
    t0 = time.monotonic()
    try:
        result = download_model(
            args.name,
            hub=args.hub,
            endpoint=args.endpoint,
            models_dir=_models_dir(args),
            include_optional=not args.required_only,
            include_qwen_weights=args.with_qwen_weights,
            force=args.force,
            on_progress=printer,
        )
    finally:
        printer.close()
    if result.already_installed:
        print(f"{result.model} is already installed in {result.folder} (use --force to download it again).")
        return 0
    took = time.monotonic() - t0
    resumed = (
        f", resumed {human_size(result.resumed_bytes)} from an earlier run" if result.resumed_bytes else ""
    )
    print(
        f"Downloaded {len(result.files)} files ({human_size(result.downloaded_bytes)} in {took:.1f} s{resumed})."
    )
    print(
        "Verified: every file's size and SHA-256 match the hub; structure "
        + (
            "checked (yaml, every tensor name and shape, tokenizer)."
            if result.structure == "ok"
            else result.structure
        )
    )
    print(f"Installed {result.model} in {result.folder}")
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from studio.models.installed import InstalledModel, find_model
    from studio.models.verify import check_folder

    found = find_model(args.model, _models_dir(args))
    folder = found.path if isinstance(found, InstalledModel) else found
    label = f"{found.name} ({folder})" if isinstance(found, InstalledModel) else str(folder)
    print(f"Checking {label}")
    report = check_folder(folder, hashes=not args.quick, onnx=args.onnx)
    for line in report.checked:
        print(f"  ok  {line}")
    if report.problem:
        return _error(report.problem)
    print(f"{label}: all checks passed.")
    return 0


def _cmd_remove(args: argparse.Namespace) -> int:
    from studio.models.installed import HF_CACHE, USER, list_installed, remove_model, staged_downloads

    root = _models_dir(args)
    name = args.name.strip()
    match = [m for m in list_installed(root, kind="all") if m.name.casefold() == name.casefold()]
    if match and match[0].source == HF_CACHE:
        raise ModelsError(
            f"{match[0].name} is in the Hugging Face cache ({match[0].path}); remove it with `hf cache delete`."
        )
    if match:
        name = match[0].name
        what = (
            f"Forget the added folder {match[0].path} (its files stay)?"
            if match[0].source == USER
            else f"Delete {name} ({match[0].path}, {human_size(match[0].size)})?"
        )
    elif name in staged_downloads(root):
        what = f"Delete the interrupted download of {name}?"
    else:
        raise ModelsError(f"No model called {args.name!r} is installed in {root}.")
    if not args.yes:
        try:
            answer = input(f"{what} [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing removed.")
            return 1
    for path in remove_model(name, root):
        print(f"Removed {path}")
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    from studio.models.installed import add_user_folder

    m = add_user_folder(args.folder, _models_dir(args))
    print(f"Added {m.path} ({m.family}, {human_size(m.size)}, {m.status}).")
    return 0


def _cmd_devices(args: argparse.Namespace) -> int:
    from pathlib import Path

    from studio.models import devices
    from studio.models.registry import known_model

    try:
        model = known_model(args.model)
    except ModelsError:
        if not Path(args.model).is_dir():
            raise
        model = Path(args.model)
    found = devices.list_cuda_devices()
    if not found:
        print(f"No CUDA device: {devices.cpu_fallback_reason() or ''} {devices.CPU_FALLBACK_TEXT}".strip())
        return 0
    name = model.name
    for d in found:
        print(d.label)
        for precision in devices.precision_choices(d):
            need = devices.estimate_memory(model, precision)
            warning = devices.fit_warning(model, d, precision)
            print(
                f"  {precision}: {name} needs ~{human_size(need)}"
                + (f"  WARNING: {warning}" if warning else "  fits")
            )
    choice = devices.recommend(model, found)
    print(f"Recommended: {choice.device} {choice.precision}")
    return 0
