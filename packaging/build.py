"""Build the Voice Studio desktop app (PyInstaller one-folder) and its installers.

    python packaging/build.py                  # dist/voice-studio/ + the CUDA runtime layer, then
                                               # the frozen app's --packaging-check
    python packaging/build.py --self-test DIR  # ... then the frozen app's --self-test with model DIR
    python packaging/build.py --package        # ... and the Linux tarballs in dist/packages/
    python packaging/build.py --installer      # ... and this system's installer: Inno Setup on
                                               # Windows, a dmg on macOS, the tarballs on Linux
    python packaging/build.py --skip-build ... # reuse dist/voice-studio/

Layers. The CUDA build of torch needs the NVIDIA libraries (cuDNN, cuBLAS, NCCL, ...: 2.8 of the
4.2 GiB) at import time, even on a CPU-only machine, so they cannot be dropped. They change only when
torch or CUDA changes, while the app changes every release, so the build puts them in a separate
layer, `cuda-runtime/` next to the executable, shipped and updated as its own archive. A PyInstaller
runtime hook (hooks/rthook_cuda_layer.py) puts that folder on sys.path, where torch's loader looks
for `nvidia/<lib>/lib/*.so`; the layer carries a MANIFEST.json with the torch and CUDA versions it
was built for, and the app refuses a missing or mismatched layer with a clear message (exit 3).

Windows and macOS: the same spec builds there (icons .ico/.icns; on macOS also `Voice Studio.app`);
`--installer` runs Inno Setup (packaging/windows/voice-studio.iss) or packaging/macos/make_dmg.sh.
Signing: VOICE_STUDIO_SIGNTOOL (Windows, a signtool command line with $f for the file) and
VOICE_STUDIO_CODESIGN_IDENTITY / VOICE_STUDIO_ENTITLEMENTS (macOS); see "Desktop app and installers" in README.md.
Figures (build time, sizes) are printed and written to DIST/build-report.json.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "voice_studio.spec"
ISS = ROOT / "packaging" / "windows" / "voice-studio.iss"
MAKE_DMG = ROOT / "packaging" / "macos" / "make_dmg.sh"
LINUX_FILES = ROOT / "packaging" / "linux"
APP_NAME = "voice-studio"
LAYER_DIR = "cuda-runtime"
IS_WIN = sys.platform.startswith("win")
IS_MAC = sys.platform == "darwin"
IS_LINUX = sys.platform.startswith("linux")
EXE = APP_NAME + (".exe" if IS_WIN else "")
# Windows torch wheels keep the CUDA DLLs in torch/lib; these go to cuda-runtime/torch-lib.
WINDOWS_CUDA_DLLS = (
    "cublas*.dll", "cudart*.dll", "cudnn*.dll", "cufft*.dll", "cupti*.dll", "curand*.dll", "cusolver*.dll",
    "cusparse*.dll", "nvJitLink*.dll", "nvrtc*.dll", "nvToolsExt*.dll",
)  # fmt: skip


def version() -> str:
    text = (ROOT / "studio" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def platform_tag() -> str:
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, platform.system().lower())
    return f"{system}-{machine}"


def layer_archive_name(torch_version: str) -> str:
    return f"Voice-Studio-cuda-runtime-torch{torch_version.replace('+', '-')}-{platform_tag()}.tar.gz"


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec with this checkout's sources first on the path."""
    env = dict(os.environ)
    # An editable install of `studio` elsewhere (another worktree) must not be what gets frozen.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    cmd.append(str(SPEC))
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return dist / APP_NAME


def _move(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(src), str(dest))


def retarget_layer_links(app: Path) -> int:
    """Point the core's links into the moved `_internal/nvidia` at the layer (`../cuda-runtime/nvidia`).

    PyInstaller links the CUDA libraries that torch's libraries need (libcudart.so.13 ...) from the
    top of `_internal`; after the split those links would dangle, and the dynamic linker would only
    find the libraries because torch preloads them. Idempotent; returns the number of links changed.
    """
    internal = app / "_internal"
    old_root = os.path.normpath(internal / "nvidia")
    changed = 0
    for link in internal.rglob("*"):
        if not link.is_symlink():
            continue
        target = os.path.normpath(link.parent / os.readlink(link))
        if target == old_root or target.startswith(old_root + os.sep):
            new_target = app / LAYER_DIR / "nvidia" / os.path.relpath(target, old_root)
            link.unlink()
            link.symlink_to(os.path.relpath(new_target, link.parent))
            changed += 1
    return changed


def split_cuda_layer(app: Path) -> Path | None:
    """Move the NVIDIA libraries into the separately shipped `cuda-runtime/` layer."""
    internal = app / "_internal"
    layer = app / LAYER_DIR
    moves = []
    if (internal / "nvidia").is_dir():  # Linux wheels: the nvidia-* packages
        moves.append((internal / "nvidia", layer / "nvidia"))
    if IS_WIN and (internal / "torch" / "lib").is_dir():
        for dll in sorted((internal / "torch" / "lib").iterdir()):
            if any(fnmatch.fnmatch(dll.name, pattern) for pattern in WINDOWS_CUDA_DLLS):
                moves.append((dll, layer / "torch-lib" / dll.name))
    if not moves:
        return None  # a CPU-only torch (or macOS): nothing to split
    import torch

    if layer.exists():
        shutil.rmtree(layer)
    for src, dest in moves:
        _move(src, dest)
    if not IS_WIN:
        retarget_layer_links(app)
    files = [p for p in layer.rglob("*") if p.is_file()]
    manifest = {
        "layer": LAYER_DIR,
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "platform": platform_tag(),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
    }
    (layer / "MANIFEST.json").write_text(json.dumps(manifest, indent=2))
    expected = {
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "archive": layer_archive_name(torch.__version__),
    }
    (internal / "voice_studio_runtime.json").write_text(json.dumps(expected, indent=2))
    return layer


def write_build_info(app: Path) -> None:
    info = {
        "app": APP_NAME,
        "version": version(),
        "platform": platform_tag(),
        "python": platform.python_version(),
    }
    (app / "_internal" / "voice_studio_build.json").write_text(json.dumps(info, indent=2))


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def write_linux_extras(app: Path) -> None:
    """The desktop entry and the per-user install/uninstall scripts, at the top of the app folder."""
    for name in ("voice-studio.desktop", "install.sh", "uninstall.sh"):
        shutil.copyfile(LINUX_FILES / name, app / name)
        (app / name).chmod(0o755 if name.endswith(".sh") else 0o644)


def package_linux(app: Path, out: Path) -> list[Path]:
    """Two archives: the app core and the CUDA runtime layer (install.sh puts them together)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    core = out / f"Voice-Studio-{version()}-{platform_tag()}.tar.gz"
    with tarfile.open(core, "w:gz", compresslevel=1) as tar:
        for item in sorted(app.iterdir()):
            if item.name != LAYER_DIR:
                tar.add(item, arcname=f"{APP_NAME}/{item.name}")
    written.append(core)
    layer = app / LAYER_DIR
    if layer.is_dir():
        manifest = json.loads((layer / "MANIFEST.json").read_text())
        archive = out / layer_archive_name(manifest["torch"])
        with tarfile.open(archive, "w:gz", compresslevel=1) as tar:
            tar.add(layer, arcname=f"{APP_NAME}/{LAYER_DIR}")
        written.append(archive)
    return written


def _frozen_env() -> dict[str, str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONPATH", None)  # the frozen app must not see this checkout's sources
    return env


def run_frozen(app: Path, args: list[str], timeout: float, what: str) -> float:
    """Run the frozen executable, echo its output, fail the build on a non-zero exit or a timeout."""
    cmd = [str(app / EXE), *args]
    print("+", " ".join(cmd), flush=True)
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=_frozen_env(), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        for stream in (exc.stdout, exc.stderr):
            if stream:
                print(stream if isinstance(stream, str) else stream.decode(errors="replace"), end="")
        raise SystemExit(f"frozen {what} did not finish within {timeout:.0f} s") from None
    elapsed = time.perf_counter() - start
    if proc.stdout.strip():
        print(proc.stdout.rstrip())
    if proc.returncode != 0:
        print(proc.stderr[-4000:], file=sys.stderr)
        layer = " (the CUDA runtime layer is missing or does not match)" if proc.returncode == 3 else ""
        raise SystemExit(f"frozen {what} failed (exit {proc.returncode}){layer}")
    return elapsed


def find_iscc() -> str | None:
    candidates = [os.environ.get("ISCC"), shutil.which("iscc")]
    for base in (
        os.environ.get("PROGRAMFILES(X86)"),
        os.environ.get("PROGRAMFILES"),
        os.environ.get("LOCALAPPDATA"),
    ):
        if base:
            candidates.append(str(Path(base) / "Inno Setup 6" / "ISCC.exe"))
            candidates.append(str(Path(base) / "Programs" / "Inno Setup 6" / "ISCC.exe"))
    return next((c for c in candidates if c and Path(c).is_file()), None)


def sign_windows(command: str, path: Path) -> None:
    """VOICE_STUDIO_SIGNTOOL is a signtool command line with $f where the file goes (Inno's convention)."""
    line = command.replace("$f", f'"{path}"')
    print(f"+ {line}", flush=True)
    subprocess.run(line, shell=True, check=True)


def windows_installer(app: Path, out: Path) -> Path:
    iscc = find_iscc()
    if not iscc:
        raise SystemExit(
            "Inno Setup 6 (ISCC.exe) not found: install Inno Setup 6 or set ISCC=path\\to\\ISCC.exe"
        )
    out.mkdir(parents=True, exist_ok=True)
    sign = os.environ.get("VOICE_STUDIO_SIGNTOOL")
    if sign:
        sign_windows(sign, app / EXE)
    cmd = [iscc, f"/DAppVersion={version()}", f"/DSourceDir={app}", f"/DOutputDir={out}",
           f"/DIconFile={ROOT / 'resources' / 'icons' / 'voice-studio.ico'}"]  # fmt: skip
    layer = app / LAYER_DIR / "MANIFEST.json"
    if layer.is_file():
        cmd.append(f"/DTorchVersion={json.loads(layer.read_text())['torch']}")
    if sign:
        cmd += ["/DSIGN", f"/Svoicestudio={sign}"]
    cmd.append(str(ISS))
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    return out / f"Voice-Studio-{version()}-{platform_tag()}-setup.exe"


def macos_dmg() -> Path:
    subprocess.run(["bash", str(MAKE_DMG), "--skip-build"], check=True, cwd=ROOT)
    return ROOT / "dist" / f"Voice-Studio-{version()}-{platform_tag()}.dmg"


def after_build(args: argparse.Namespace, app: Path, report: dict) -> None:
    """The frozen checks, the self-test and the packages, in that order; figures go to `report`."""
    if not args.skip_check:
        report["packaging_check_s"] = round(
            run_frozen(app, ["--packaging-check"], 300, "--packaging-check"), 1
        )
    if args.self_test:
        model = str(args.self_test.resolve())
        seconds = run_frozen(app, ["--self-test", model], args.self_test_timeout, "--self-test")
        report["self_test_s"] = round(seconds, 1)
        print(f"frozen self-test passed in {seconds:.1f} s")
    if args.installer and IS_LINUX and not args.package:
        print("--installer on Linux: the installer is the tarball with install.sh (same as --package)")
        args.package = True
    if args.package:
        if not IS_LINUX:
            print("--package writes the Linux tarballs; on this system use --installer")
        else:
            t0 = time.perf_counter()
            packages = package_linux(app, args.dist / "packages")
            report["package_s"] = round(time.perf_counter() - t0, 1)
            report["packages"] = {p.name: p.stat().st_size for p in packages}
            for path in packages:
                print(f"wrote {path} ({path.stat().st_size / 2**20:.0f} MiB)")
    if args.installer and IS_WIN:
        print(f"wrote {windows_installer(app, args.dist / 'packages')}")
    elif args.installer and IS_MAC:
        print(f"wrote {macos_dmg()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument(
        "--self-test", type=Path, metavar="MODEL_DIR", help="run the frozen app's --self-test"
    )
    parser.add_argument("--self-test-timeout", type=float, default=600, metavar="S", help="default 600 s")
    parser.add_argument("--package", action="store_true", help="write the Linux tarballs into DIST/packages")
    parser.add_argument("--installer", action="store_true", help="build this system's installer")
    parser.add_argument("--skip-build", action="store_true", help="reuse an existing DIST/voice-studio")
    parser.add_argument("--skip-check", action="store_true", help="do not run the frozen --packaging-check")
    args = parser.parse_args()
    if args.dist != ROOT / "dist" and args.installer and IS_MAC:
        parser.error("--installer on macOS uses the default --dist (make_dmg.sh reads dist/)")
    if args.self_test and not args.self_test.is_dir():
        parser.error(f"--self-test: {args.self_test} is not a folder")
    args.dist = args.dist.resolve()
    report: dict[str, object] = {"version": version(), "platform": platform_tag()}
    report_file = args.dist / "build-report.json"
    if args.skip_build and report_file.is_file():  # keep the build's own figures
        previous = json.loads(report_file.read_text())
        report.update({k: v for k, v in previous.items() if k == "pyinstaller_s"})

    start = time.perf_counter()
    if args.skip_build:
        app = args.dist / APP_NAME
        if not (app / EXE).is_file():
            parser.error(f"--skip-build: {app / EXE} does not exist")
    else:
        app = build(args.dist, args.work.resolve())
        report["pyinstaller_s"] = round(time.perf_counter() - start, 1)
    if (app / LAYER_DIR).is_dir():
        layer = app / LAYER_DIR
        if not IS_WIN:
            retarget_layer_links(app)
    else:
        layer = split_cuda_layer(app)
    write_build_info(app)
    if IS_LINUX:
        write_linux_extras(app)
    total = folder_size(app)
    layer_size = folder_size(layer) if layer else 0
    report.update(app_bytes=total - layer_size, layer_bytes=layer_size)
    took = "" if args.skip_build else f" in {report['pyinstaller_s']:.0f} s"
    print(f"built {app}{took}: {total / 2**30:.2f} GiB "
          f"(app core {(total - layer_size) / 2**30:.2f} GiB + CUDA runtime layer {layer_size / 2**30:.2f} GiB)")  # fmt: skip

    try:
        after_build(args, app, report)
    except SystemExit as exc:
        report["failed"] = str(exc.code)
        raise
    finally:  # the figures so far, also when a later step fails
        report["total_s"] = round(time.perf_counter() - start, 1)
        report_file.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
