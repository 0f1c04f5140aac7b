from __future__ import annotations

from pathlib import Path

import pytest

from studio.library import Library, LibraryError, default_library_dir, resolve_library_dir


def test_env_var_overrides_the_default_library_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("VOICE_STUDIO_LIBRARY", str(tmp_path / "elsewhere"))
    assert default_library_dir() == tmp_path / "elsewhere"
    assert resolve_library_dir() == tmp_path / "elsewhere"


def test_default_folder_is_under_the_user_data_dir_without_the_env_var(monkeypatch):
    monkeypatch.delenv("VOICE_STUDIO_LIBRARY", raising=False)
    path = default_library_dir()
    assert path.name == "library"
    assert "voice-studio" in str(path)


def test_an_explicit_path_wins_over_the_env_var(monkeypatch, tmp_path):
    monkeypatch.setenv("VOICE_STUDIO_LIBRARY", str(tmp_path / "env"))
    assert resolve_library_dir(tmp_path / "explicit") == tmp_path / "explicit"


def test_opening_without_a_path_uses_the_configured_default(monkeypatch, tmp_path):
    monkeypatch.setenv("VOICE_STUDIO_LIBRARY", str(tmp_path / "configured"))
    with Library.open() as lib:
        assert lib.root == tmp_path / "configured"
    assert (tmp_path / "configured" / "catalog.sqlite").exists()


def test_open_with_create_false_refuses_a_folder_without_a_library(tmp_path: Path):
    with pytest.raises(LibraryError, match="no Voice Studio library"):
        Library.open(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_a_file_in_place_of_the_library_folder_is_a_clear_error(tmp_path: Path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(LibraryError, match="is a file"):
        Library.open(tmp_path / "afile")
