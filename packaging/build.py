"""Build the Voice Studio desktop app (PyInstaller one-folder) and its installers.

    python packaging/build.py                 # build dist/voice-studio/ + the CUDA runtime layer
    python packaging/build.py --self-test DIR # ... then run the frozen app's --self-test with model DIR
    python packaging/build.py --package       # ... and write the Linux tarballs (app, CUDA runtime layer)

Layers. The CUDA build of torch needs the NVIDIA libraries (cuDNN, cuBLAS, NCCL, ...: 2.9 GB of the
4.2 GB) at import time, even on a CPU-only machine, so they cannot be dropped. They change only when
torch or CUDA changes, while the app changes every release, so the build puts them in a separate
layer, `cuda-runtime/` next to the executable, shipped and updated as its own archive (the way
Voicebox ships its CUDA backend). A PyInstaller runtime hook puts that folder on sys.path, where
torch's loader looks for `nvidia/<lib>/lib/*.so`; the layer carries a MANIFEST.json with the torch
and CUDA versions it was built for, and the app refuses a mismatched layer with a clear message.

Windows and macOS: the same spec builds there (icons `.ico`/`.icns`, `console=True` for the CLI);
`packaging/windows/voice-studio.iss` (Inno Setup) and `packaging/macos/make_dmg.sh` (hdiutil) turn
the folder into an installer; code signing reads VOICE_STUDIO_CODESIGN_IDENTITY /
VOICE_STUDIO_ENTITLEMENTS (macOS) and is a documented manual step on Windows (signtool).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "voice_studio.spec"
APP_NAME = "voice-studio"
LAYER_DIR = "cuda-runtime"


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    from studio import __version__

    return __version__


def build(dist: Path, work: Path) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / APP_NAME


def split_cuda_layer(app: Path) -> Path | None:
    """Move _internal/nvidia into the separately shipped `cuda-runtime/` layer."""
    internal = app / "_internal"
    nvidia = internal / "nvidia"
    layer = app / LAYER_DIR
    if not nvidia.is_dir():
        return None  # a CPU-only torch build: nothing to split
    import torch

    if layer.exists():
        shutil.rmtree(layer)
    layer.mkdir()
    shutil.move(str(nvidia), str(layer / "nvidia"))
    files = [p for p in (layer / "nvidia").rglob("*") if p.is_file()]
    manifest = {
        "layer": "cuda-runtime",
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "platform": f"{platform.system().lower()}-{platform.machine()}",
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
    }
    (layer / "MANIFEST.json").write_text(json.dumps(manifest, indent=2))
    (internal / "voice_studio_runtime.json").write_text(json.dumps({"torch": torch.__version__, "cuda": torch.version.cuda}))
    return layer


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def write_linux_extras(app: Path) -> None:
    """Desktop entry, icon and a per-user install script inside the app folder."""
    icon = ROOT / "resources" / "icons" / "voice-studio.png"
    if icon.exists():
        shutil.copyfile(icon, app / "voice-studio.png")
    (app / "voice-studio.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Voice Studio\nName[zh_CN]=声音工作室\n"
        "Comment=Clone a voice and speak any text in it\nExec=voice-studio %F\nIcon=voice-studio\n"
        "Terminal=false\nCategories=AudioVideo;Audio;\nMimeType=audio/x-wav;audio/flac;\n"
    )
    install = app / "install.sh"
    install.write_text(
        "#!/bin/sh\n# Install Voice Studio for the current user (no root needed).\nset -e\n"
        'here="$(cd "$(dirname "$0")" && pwd)"\n'
        'dest="${XDG_DATA_HOME:-$HOME/.local/share}/voice-studio/app"\n'
        'mkdir -p "$dest" "$HOME/.local/bin" "${XDG_DATA_HOME:-$HOME/.local/share}/applications" '
        '"${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"\n'
        'cp -a "$here/." "$dest/"\n'
        'ln -sf "$dest/voice-studio" "$HOME/.local/bin/voice-studio"\n'
        'sed "s#^Exec=voice-studio#Exec=$dest/voice-studio#" "$here/voice-studio.desktop" '
        '> "${XDG_DATA_HOME:-$HOME/.local/share}/applications/voice-studio.desktop"\n'
        '[ -f "$here/voice-studio.png" ] && cp "$here/voice-studio.png" '
        '"${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps/voice-studio.png"\n'
        'echo "Voice Studio installed in $dest (menu entry added; run: voice-studio)"\n'
        'if [ ! -d "$dest/cuda-runtime/nvidia" ]; then echo "Next: unpack the CUDA runtime layer archive into $dest"; fi\n'
    )
    install.chmod(0o755)


def package_linux(app: Path, out: Path) -> list[Path]:
    """Two archives: the app core and the CUDA runtime layer (unpacked into the same folder)."""
    version = _version()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    core = out / f"Voice-Studio-{version}-linux-x86_64.tar.gz"
    with tarfile.open(core, "w:gz", compresslevel=1) as tar:
        for item in sorted(app.iterdir()):
            if item.name != LAYER_DIR:
                tar.add(item, arcname=f"voice-studio/{item.name}")
    written.append(core)
    layer = app / LAYER_DIR
    if layer.is_dir():
        manifest = json.loads((layer / "MANIFEST.json").read_text())
        tag = f"torch{manifest['torch'].replace('+', '-')}"
        archive = out / f"Voice-Studio-cuda-runtime-{tag}-linux-x86_64.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=1) as tar:
            tar.add(layer, arcname=f"voice-studio/{LAYER_DIR}")
        written.append(archive)
    return written


def self_test(app: Path, model: Path) -> float:
    exe = app / (APP_NAME + (".exe" if os.name == "nt" else ""))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), HF_HUB_OFFLINE="1")
    start = time.perf_counter()
    proc = subprocess.run([str(exe), "--self-test", str(model)], env=env, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - start
    print(proc.stdout.strip())
    if proc.returncode != 0:
        print(proc.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"frozen self-test failed (exit {proc.returncode})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--self-test", type=Path, metavar="MODEL_DIR", help="run the frozen app's --self-test")
    parser.add_argument("--package", action="store_true", help="write the Linux tarballs into DIST/packages")
    parser.add_argument("--skip-build", action="store_true", help="reuse an existing DIST/voice-studio")
    args = parser.parse_args()

    start = time.perf_counter()
    app = args.dist / APP_NAME if args.skip_build else build(args.dist, args.work)
    build_s = time.perf_counter() - start
    layer = split_cuda_layer(app) if not (app / LAYER_DIR).exists() else app / LAYER_DIR
    if sys.platform.startswith("linux"):
        write_linux_extras(app)
    total = folder_size(app)
    layer_size = folder_size(layer) if layer else 0
    print(f"built {app} in {build_s:.0f} s: {total / 2**30:.2f} GiB "
          f"(app core {(total - layer_size) / 2**30:.2f} GiB + CUDA runtime layer {layer_size / 2**30:.2f} GiB)")
    if args.self_test:
        seconds = self_test(app, args.self_test)
        print(f"frozen self-test passed in {seconds:.1f} s")
    if args.package:
        if not sys.platform.startswith("linux"):
            print("--package writes Linux tarballs; use packaging/windows or packaging/macos on those systems")
        else:
            for path in package_linux(app, args.dist / "packages"):
                print(f"wrote {path} ({path.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
