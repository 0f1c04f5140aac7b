"""The library is plain Python: importing it must not pull in the engine's or the window's stack."""

from __future__ import annotations

from tests.library.helpers import run_python


def test_importing_the_library_does_not_import_torch_qt_or_portaudio():
    code = (
        "import sys, studio.library, studio.library.cli, studio.library.voicepack, studio.library.export\n"
        "bad = [m for m in ('torch', 'torchaudio', 'PySide6', 'sounddevice') if m in sys.modules]\n"
        "print('LOADED', bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = run_python(["-c", code])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LOADED []" in result.stdout


def test_the_recorder_module_imports_without_touching_portaudio():
    code = (
        "import sys, studio.audio.recorder; sys.exit('sounddevice' in sys.modules or 'torch' in sys.modules)"
    )
    result = run_python(["-c", code])
    assert result.returncode == 0, result.stderr
