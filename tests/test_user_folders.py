"""The suite runs with throw-away user folders, so nothing a test does reaches the user's studio."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import CV2_MODEL, REAL_HOME, REPO, TEST_HOME, user_folder_changes


def test_settings_library_and_models_point_into_the_throwaway_folder():
    from studio.library.location import default_library_dir
    from studio.models.paths import default_models_dir

    assert Path.home() != REAL_HOME and Path.home().is_relative_to(TEST_HOME)
    for path in (default_library_dir(), default_models_dir(), Path(os.environ["VOICE_STUDIO_SETTINGS"])):
        assert path.is_relative_to(TEST_HOME), path
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        assert Path(os.environ[var]).is_relative_to(TEST_HOME), var


def test_a_child_process_registering_a_model_folder_stays_in_the_throwaway_folder(tmp_path):
    """What the issue saw: a test opened the golden model and it landed in the user's model list."""
    code = (
        "import sys; from studio.models import add_user_folder; "
        "from studio.models.paths import default_models_dir; add_user_folder(sys.argv[1], None); "
        "print(default_models_dir())"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(CV2_MODEL)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    models_dir = Path(proc.stdout.strip().splitlines()[-1])
    assert models_dir.is_relative_to(TEST_HOME)
    assert (models_dir / ".user-folders.json").is_file()
    assert user_folder_changes() == []


def test_the_check_sees_a_change_to_the_real_folders(tmp_path, monkeypatch):
    """The end-of-session check is not blind: a file appearing in a watched folder is reported."""
    import tests.conftest as conftest

    watched = tmp_path / "watched"
    watched.mkdir()
    monkeypatch.setattr(conftest, "REAL_USER_FOLDERS", [watched])
    monkeypatch.setattr(conftest, "_REAL_STATE", conftest._snapshot([watched]))
    assert conftest.user_folder_changes() == []
    (watched / "voice-studio").mkdir()
    (watched / "voice-studio" / "settings.ini").write_text("[x]\n")
    assert conftest.user_folder_changes() == [
        str(watched / "voice-studio"),
        str(watched / "voice-studio" / "settings.ini"),
    ]
