from __future__ import annotations

import os
import shutil

import pytest

from studio.library import model_folder_hash


@pytest.fixture
def model(tmp_path):
    folder = tmp_path / "CosyVoice2-0.5B"
    (folder / "sub").mkdir(parents=True)
    (folder / "llm.pt").write_bytes(os.urandom(300_000))
    (folder / "cosyvoice2.yaml").write_text("sample_rate: 24000\n")
    (folder / "sub" / "flow.pt").write_bytes(os.urandom(1000))
    (folder / ".cache").mkdir()
    (folder / ".cache" / "download.lock").write_text("x")
    return folder


def test_the_hash_is_stable_and_names_its_scheme(model):
    first = model_folder_hash(model)
    assert first.startswith("vsmh1:") and len(first) == len("vsmh1:") + 64
    assert model_folder_hash(model) == first


def test_a_copy_of_the_same_model_has_the_same_hash_despite_new_mtimes(model, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(model, copy)  # copytree keeps mtimes; touch them to be sure they differ
    for path in copy.rglob("*"):
        os.utime(path, (1, 1))
    assert model_folder_hash(copy) == model_folder_hash(model)


def test_changed_content_sizes_or_names_change_the_hash(model):
    base = model_folder_hash(model)
    data = bytearray((model / "llm.pt").read_bytes())
    data[-10] ^= 0xFF  # in the sampled tail
    (model / "llm.pt").write_bytes(bytes(data))
    assert model_folder_hash(model) != base
    changed = model_folder_hash(model)
    (model / "sub" / "flow.pt").rename(model / "sub" / "flow2.pt")
    assert model_folder_hash(model) != changed


def test_hidden_cache_files_do_not_count(model):
    base = model_folder_hash(model)
    (model / ".cache" / "download.lock").write_text("changed")
    assert model_folder_hash(model) == base


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        model_folder_hash(tmp_path / "nope")
