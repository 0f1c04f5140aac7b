"""Installed models: the studio's folder, the Hugging Face cache, added folders; verify; remove."""

from __future__ import annotations

import shutil

import pytest

from studio.models.errors import ModelsError
from studio.models.installed import (
    HF_CACHE,
    STUDIO,
    USER,
    add_user_folder,
    find_model,
    list_installed,
    remove_model,
    user_folders,
)
from studio.models.paths import ENV_VAR, resolve_models_dir, staging_dir
from studio.models.verify import check_folder
from tests.conftest import CV2_MODEL, copy_model


def test_models_dir_argument_env_and_default(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    default = resolve_models_dir()
    assert default.parts[-2:] == ("voice-studio", "models")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert resolve_models_dir() == tmp_path / "env"
    assert resolve_models_dir(tmp_path / "arg") == tmp_path / "arg"
    assert staging_dir(tmp_path, "X") == tmp_path / ".staging" / "X"


def test_lists_studio_folder_user_folders_and_hf_cache(tmp_path, models_dir):
    copy_model(CV2_MODEL, models_dir / "CosyVoice2-0.5B")
    (models_dir / "notes").mkdir()  # not a model: ignored
    (models_dir / ".staging" / "Other").mkdir(parents=True)  # a download in progress: not installed
    elsewhere = copy_model(CV2_MODEL, tmp_path / "my-model")
    added = add_user_folder(elsewhere)
    assert added.source == USER and added.verified is True
    assert user_folders() == [elsewhere]
    # a Hugging Face cache snapshot: files are symlinks to blobs
    snap = tmp_path / "hf" / "models--FunAudioLLM--CosyVoice2-0.5B" / "snapshots" / ("a" * 40)
    blobs = tmp_path / "hf" / "models--FunAudioLLM--CosyVoice2-0.5B" / "blobs"
    blobs.mkdir(parents=True)
    for src in CV2_MODEL.rglob("*"):
        if src.is_file():
            rel = src.relative_to(CV2_MODEL)
            blob = blobs / str(rel).replace("/", "_")
            shutil.copy(src, blob)
            (snap / rel).parent.mkdir(parents=True, exist_ok=True)
            (snap / rel).symlink_to(blob)
    (tmp_path / "hf" / "models--someone--bert").mkdir()  # not a CosyVoice repo: ignored

    found = {m.source: m for m in list_installed(hf_cache_dir=tmp_path / "hf")}
    assert set(found) == {STUDIO, USER, HF_CACHE}
    assert found[STUDIO].name == "CosyVoice2-0.5B" and found[STUDIO].family == "cosyvoice2"
    assert found[STUDIO].verified is None  # copied by hand: no install record, not checked
    assert found[HF_CACHE].name == "FunAudioLLM/CosyVoice2-0.5B" and found[HF_CACHE].known is not None
    golden_size = sum(p.stat().st_size for p in CV2_MODEL.rglob("*") if p.is_file())
    assert found[HF_CACHE].size == golden_size == found[STUDIO].size
    assert "cosyvoice2" in found[USER].describe()


def test_adding_a_broken_folder_is_refused(tmp_path, models_dir):
    bad = copy_model(CV2_MODEL, tmp_path / "bad")
    (bad / "hift.pt").unlink()
    with pytest.raises(ModelsError, match="missing hift.pt"):
        add_user_folder(bad)
    assert user_folders() == []


def test_find_model_by_name_or_path(tmp_path, models_dir):
    copy_model(CV2_MODEL, models_dir / "CosyVoice2-0.5B")
    assert find_model("cosyvoice2-0.5b").path == models_dir / "CosyVoice2-0.5B"
    assert find_model("FunAudioLLM/CosyVoice2-0.5B").source == STUDIO  # repo id of a known model
    assert find_model(str(tmp_path)) == tmp_path
    with pytest.raises(ModelsError, match="No installed model is called 'nope'"):
        find_model("nope")


def test_check_folder_names_the_bad_file(tmp_path):
    folder = copy_model(CV2_MODEL, tmp_path / "m")
    assert check_folder(folder).ok
    (folder / "flow.pt").write_bytes((CV2_MODEL / "hift.pt").read_bytes())
    report = check_folder(folder)
    assert not report.ok and "flow.pt" in report.problem and not report.unsupported


def test_remove(tmp_path, models_dir):
    copy_model(CV2_MODEL, models_dir / "CosyVoice2-0.5B")
    (staging_dir(models_dir, "CosyVoice2-0.5B") / "llm.pt.part").parent.mkdir(parents=True)
    (staging_dir(models_dir, "CosyVoice2-0.5B") / "llm.pt.part").write_bytes(b"x")
    removed = remove_model("CosyVoice2-0.5B")
    assert not (models_dir / "CosyVoice2-0.5B").exists()
    assert not staging_dir(models_dir, "CosyVoice2-0.5B").exists() and len(removed) == 2
    with pytest.raises(ModelsError, match="No model called"):
        remove_model("CosyVoice2-0.5B")
    # an added folder is only forgotten
    mine = copy_model(CV2_MODEL, tmp_path / "mine")
    add_user_folder(mine)
    remove_model("mine")
    assert mine.is_dir() and user_folders() == []
    with pytest.raises(ModelsError, match="not a model name"):
        remove_model("../x")


def test_adding_a_folder_inside_the_models_folder_does_not_list_it_twice(models_dir):
    inside = copy_model(CV2_MODEL, models_dir / "CosyVoice2-0.5B")
    m = add_user_folder(inside)
    assert m.source == STUDIO and user_folders() == []
    assert [x.source for x in list_installed(include_hf_cache=False)] == [STUDIO]
