"""Loading the official `llm.pt` / `flow.pt` / `hift.pt` into our modules, strictly.

- `torch.load(weights_only=True, mmap=True)`: no pickled code runs, and a 2 GB file is mapped,
  not copied.
- Weight norm in either style (`parametrizations.weight.original0/1` or `weight_g/weight_v`) is
  folded into a plain `weight` (inference never needs g and v apart).
- A `generator.` prefix on hift keys (checkpoints saved from the HiFiGan wrapper) is stripped.
- Every key the module needs must be present with the right shape, and nothing else may be
  left over (except keys listed as ignorable, like Qwen2's tied text head); otherwise the error
  names the file and the first problems.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn

from studio.engine.errors import ModelFolderError


def read_state_dict(path: Path) -> dict[str, torch.Tensor]:
    if not path.exists():
        raise ModelFolderError(f"The model folder {path.parent} has no {path.name}.")
    if path.stat().st_size == 0:
        raise ModelFolderError(f"{path.name} in {path.parent} is empty; download it again.")
    try:
        sd = torch.load(str(path), map_location="cpu", weights_only=True, mmap=True)
    except (RuntimeError, EOFError, zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ModelFolderError(
            f"{path.name} in {path.parent} cannot be read ({str(exc).splitlines()[0][:200]}); "
            "it is probably truncated or corrupt, download it again."
        ) from exc
    except Exception as exc:  # weights_only refuses pickled objects: not a plain checkpoint
        raise ModelFolderError(
            f"{path.name} in {path.parent} is not a plain weights checkpoint ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0][:160]})."
        ) from exc
    if isinstance(sd, dict) and "state_dict" in sd and isinstance(sd["state_dict"], dict):
        sd = sd["state_dict"]
    if not isinstance(sd, dict) or not all(isinstance(v, torch.Tensor) for v in sd.values()):
        raise ModelFolderError(f"{path.name} in {path.parent} does not hold a state dict of tensors.")
    return sd


def fold_weight_norm(sd: dict[str, torch.Tensor], shapes_only: bool = False) -> dict[str, torch.Tensor]:
    """Replace (g, v) pairs by weight = g * v / ||v|| (norm over all dims but 0).

    With shapes_only, the folded weight is a meta tensor of v's shape (nothing is computed).
    """
    suffixes = (
        (".parametrizations.weight.original0", "g"),
        (".parametrizations.weight.original1", "v"),
        (".weight_g", "g"),
        (".weight_v", "v"),
    )
    out: dict[str, torch.Tensor] = {}
    pairs: dict[str, dict[str, torch.Tensor]] = {}
    for key, value in sd.items():
        dotted = "." + key  # so a top-level module's keys match too
        for suffix, role in suffixes:
            if dotted.endswith(suffix):
                pairs.setdefault(dotted[: -len(suffix)], {})[role] = value
                break
        else:
            out[key] = value
    for prefix, gv in pairs.items():
        if set(gv) != {"g", "v"}:
            raise ModelFolderError(
                f"weight-norm parameters of {prefix[1:]} are incomplete (found only {sorted(gv)})."
            )
        if shapes_only:
            out[(prefix + ".weight")[1:]] = torch.empty(gv["v"].shape, device="meta")
        else:
            out[(prefix + ".weight")[1:]] = torch._weight_norm(gv["v"].float(), gv["g"].float(), 0)
    return out


def match_state_dict(
    expected: dict[str, torch.Tensor],
    sd: dict[str, torch.Tensor],
    file_label: str,
    rename: Callable[[str], str | None] = lambda k: k,
) -> dict[str, torch.Tensor]:
    """Rename `sd`'s keys and check them against `expected` (name -> tensor or shape holder).

    Every expected key must be present with the same shape and nothing may be left over; the
    error names the file and the first problem of each kind.
    """
    mapped: dict[str, torch.Tensor] = {}
    for key, value in sd.items():
        new = rename(key)
        if new is not None:
            mapped[new] = value
    missing = [k for k in expected if k not in mapped]
    unexpected = [k for k in mapped if k not in expected]
    wrong = [
        f"{k}: file {tuple(mapped[k].shape)} vs model {tuple(expected[k].shape)}"
        for k in expected
        if k in mapped and tuple(mapped[k].shape) != tuple(expected[k].shape)
    ]
    if missing or unexpected or wrong:
        parts = []
        if wrong:
            parts.append(f"{len(wrong)} tensors have the wrong shape (first: {wrong[0]})")
        if missing:
            parts.append(f"{len(missing)} expected tensors are missing (first: {missing[0]})")
        if unexpected:
            parts.append(f"{len(unexpected)} tensors are not part of this model (first: {unexpected[0]})")
        raise ModelFolderError(
            f"{file_label} does not match the model its yaml describes: "
            + "; ".join(parts)
            + ". The file may belong to a different model or the yaml was edited."
        )
    return mapped


def load_into(
    module: nn.Module,
    sd: dict[str, torch.Tensor],
    file_label: str,
    rename: Callable[[str], str | None] = lambda k: k,
    prefault_pages: bool = True,
) -> None:
    """Strictly load `sd` (after renaming; rename -> None drops a key) into `module`.

    Tensors are made contiguous float copies only where needed (views into shared pools, or
    non-float32 storage); contiguous float32 tensors are assigned as they are (mmap-backed).
    `prefault_pages=False` leaves memory-mapped pages to be read on first use (the fast preset
    converts the LM layer by layer and never reads most fp32 pages twice).
    """
    expected = module.state_dict()
    mapped = match_state_dict(expected, sd, file_label, rename)
    ready = {}
    for k, v in mapped.items():
        target_dtype = expected[k].dtype
        if v.dtype != target_dtype or not v.is_contiguous() or v.storage_offset() != 0 or _shares_storage(v):
            v = v.to(target_dtype).contiguous().clone()
        ready[k] = v
    module.load_state_dict(ready, strict=True, assign=True)
    if prefault_pages:
        prefault(module)


def prefault(module: nn.Module) -> None:
    """Read every page of memory-mapped weights now, so loading pays the disk I/O, not the first take.

    One element per 4 KiB page is enough for the kernel to fault the page (and read ahead).
    """
    with torch.no_grad():
        for tensor in list(module.parameters()) + list(module.buffers()):
            if tensor.device.type == "cpu" and tensor.numel():
                step = max(1, 4096 // tensor.element_size())
                tensor.detach().reshape(-1)[::step].sum()


def _shares_storage(t: torch.Tensor) -> bool:
    # A tensor whose storage is larger than itself is a view into a pool (golden test folders) or a
    # tied weight; give it its own compact storage so later in-place work never aliases.
    return t.untyped_storage().nbytes() != t.numel() * t.element_size()


def expected_shapes(module: nn.Module) -> dict[str, tuple[int, ...]]:
    return {k: tuple(v.shape) for k, v in module.state_dict().items()}
