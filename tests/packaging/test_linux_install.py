"""install.sh / uninstall.sh / the desktop entry, run on a fake app folder into a temporary HOME."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import FAKE_TORCH, PACKAGING, make_layer_archive

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the Linux install scripts are POSIX sh")

HICOLOR = ("16x16", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kwargs)


def install(app: Path, *args: str) -> subprocess.CompletedProcess:
    return run(["sh", str(app / "install.sh"), *args], env=dict(os.environ))


def layer_next_to(app: Path, build_py) -> Path:
    return make_layer_archive(app.parent / build_py.layer_archive_name(FAKE_TORCH))


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_entry_template_is_valid():
    proc = run(["desktop-file-validate", str(PACKAGING / "linux" / "voice-studio.desktop")])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_install_then_uninstall(fake_app, home, build_py):
    layer_next_to(fake_app, build_py)
    (home / ".local" / "share" / "voice-studio").mkdir(parents=True)  # user data: must survive
    (home / ".local" / "share" / "voice-studio" / "library.sqlite").write_text("data")

    proc = install(fake_app)
    assert proc.returncode == 0, proc.stderr
    dest = home / ".local" / "opt" / "voice-studio"
    assert "Next:" not in proc.stdout
    assert (dest / "voice-studio").is_file() and (dest / "_internal" / "resources").is_dir()
    assert (dest / "cuda-runtime" / "nvidia" / "cu13" / "lib" / "libfake.so.1").is_file()
    assert not list(dest.glob(".cuda-runtime.*"))  # the staging folder is gone

    share = home / ".local" / "share"
    desktop = share / "applications" / "voice-studio.desktop"
    text = desktop.read_text()
    assert f'Exec="{dest}/voice-studio"\n' in text
    assert f"TryExec={dest}/voice-studio\n" in text
    assert "Icon=voice-studio\n" in text
    if shutil.which("desktop-file-validate"):
        assert run(["desktop-file-validate", str(desktop)]).returncode == 0
    for size in HICOLOR:
        assert (share / "icons" / "hicolor" / size / "apps" / "voice-studio.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "voice-studio.svg").is_file()
    link = home / ".local" / "bin" / "voice-studio"
    assert os.readlink(link) == str(dest / "voice-studio")
    assert run([str(link), "--version"]).stdout.strip() == "fake voice-studio --version"

    proc = run(["sh", str(dest / "uninstall.sh")])
    assert proc.returncode == 0, proc.stderr
    assert not dest.exists() and not desktop.exists() and not link.is_symlink()
    assert not list((share / "icons").rglob("voice-studio.*"))
    assert (share / "voice-studio" / "library.sqlite").read_text() == "data"


def test_update_keeps_the_layer(fake_app, home, build_py):
    archive = layer_next_to(fake_app, build_py)
    assert install(fake_app).returncode == 0
    archive.unlink()  # the next version comes without the layer archive
    (fake_app / "_internal" / "new-in-this-version.txt").write_text("v2")
    proc = install(fake_app)
    assert proc.returncode == 0, proc.stderr
    dest = home / ".local" / "opt" / "voice-studio"
    assert (dest / "_internal" / "new-in-this-version.txt").is_file()
    assert (dest / "cuda-runtime" / "MANIFEST.json").is_file()
    assert "Next:" not in proc.stdout


def test_missing_layer_is_named(fake_app, home, build_py):
    proc = install(fake_app)
    assert proc.returncode == 0, proc.stderr
    assert "Next: the CUDA runtime layer is not installed" in proc.stdout
    assert build_py.layer_archive_name(FAKE_TORCH) in proc.stdout


def test_wrong_layer_changes_nothing(fake_app, home, tmp_path):
    wrong = make_layer_archive(tmp_path / "other.tar.gz", torch_version="9.9")
    dest = tmp_path / "apps" / "vs"
    proc = install(fake_app, "--prefix", str(dest), "--cuda-runtime", str(wrong))
    assert proc.returncode == 1
    assert "for torch '9.9'" in proc.stderr and FAKE_TORCH in proc.stderr
    assert not dest.exists()
    assert not (home / ".local" / "share" / "applications" / "voice-studio.desktop").exists()


def test_prefix_with_spaces_and_explicit_layer(fake_app, home, tmp_path):
    layer = make_layer_archive(tmp_path / "layer.tar.gz")
    dest = tmp_path / "my apps" / "Voice Studio"
    proc = install(fake_app, f"--prefix={dest}", "--cuda-runtime", str(layer))
    assert proc.returncode == 0, proc.stderr
    desktop = (home / ".local" / "share" / "applications" / "voice-studio.desktop").read_text()
    assert f'Exec="{dest}/voice-studio"\n' in desktop
    assert (dest / "cuda-runtime" / "MANIFEST.json").is_file()
    assert run(["sh", str(dest / "uninstall.sh")]).returncode == 0
    assert not dest.exists()


def test_refuses_a_folder_that_is_not_an_install(fake_app, home, tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "precious.txt").write_text("keep")
    proc = install(fake_app, "--prefix", str(foreign))
    assert proc.returncode == 1 and "is not a Voice Studio install" in proc.stderr
    assert sorted(p.name for p in foreign.iterdir()) == ["precious.txt"]
    stray = tmp_path / "stray"
    stray.mkdir()
    shutil.copy(PACKAGING / "linux" / "uninstall.sh", stray / "uninstall.sh")
    proc = run(["sh", str(stray / "uninstall.sh")])  # not in an install folder
    assert proc.returncode == 1 and "not a Voice Studio install folder" in proc.stderr
    assert (stray / "uninstall.sh").is_file()


def test_bad_arguments(fake_app, home):
    assert install(fake_app, "--bogus").returncode == 2
    help_ = install(fake_app, "--help")
    assert help_.returncode == 0 and "./install.sh [--prefix DIR] [--cuda-runtime ARCHIVE]" in help_.stdout
    assert install(fake_app, "--prefix", "/tmp/a$b").returncode == 1
