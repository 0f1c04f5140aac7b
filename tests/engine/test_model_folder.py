"""A model folder with a file missing, truncated, corrupt or of the wrong shape is refused by name."""

from __future__ import annotations

import shutil

import pytest
import torch

from studio.engine import ModelFolderError, UnsupportedModelError, load_model
from studio.engine.checkpoint import fold_weight_norm, read_state_dict
from studio.engine.model_dir import read_model_folder


def test_missing_folder(tmp_path):
    with pytest.raises(ModelFolderError, match="does not exist"):
        read_model_folder(tmp_path / "nowhere")


def test_folder_without_yaml(tmp_path):
    with pytest.raises(ModelFolderError, match="not a CosyVoice model folder"):
        read_model_folder(tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        "llm.pt",
        "flow.pt",
        "hift.pt",
        "campplus.onnx",
        "speech_tokenizer_v2.onnx",
        "CosyVoice-BlankEN/vocab.json",
    ],
)
def test_each_missing_file_is_named(cv2_model_copy, name):
    (cv2_model_copy / name).unlink()
    with pytest.raises(ModelFolderError, match=name.split("/")[-1].replace(".", r"\.")):
        load_model(cv2_model_copy, device="cpu")


@pytest.mark.parametrize("name", ["llm.pt", "flow.pt", "hift.pt"])
def test_truncated_checkpoint_is_named(cv2_model_copy, name):
    path = cv2_model_copy / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFolderError, match=rf"{name}.*(truncated|corrupt)"):
        load_model(cv2_model_copy, device="cpu")


def test_truncated_onnx_is_named(cv2_model_copy):
    path = cv2_model_copy / "campplus.onnx"
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(ModelFolderError, match="campplus.onnx"):
        load_model(cv2_model_copy, device="cpu")


def test_wrong_shape_names_the_file_and_tensor(cv2_model_copy):
    yaml_path = cv2_model_copy / "cosyvoice2.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("linear_units: 64", "linear_units: 96"))
    with pytest.raises(ModelFolderError, match=r"flow\.pt.*wrong shape.*feed_forward"):
        load_model(cv2_model_copy, device="cpu")


def test_extra_or_missing_tensors_are_refused(cv2_model_copy):
    sd = read_state_dict(cv2_model_copy / "llm.pt")
    sd = {k: v.clone() for k, v in sd.items() if k != "llm_decoder.bias"}
    sd["surprise.weight"] = torch.zeros(3)
    torch.save(sd, cv2_model_copy / "llm.pt")
    with pytest.raises(
        ModelFolderError, match=r"llm\.pt.*missing \(first: llm_decoder\.bias\).*not part of this model"
    ):
        load_model(cv2_model_copy, device="cpu")


def test_cosyvoice1_folders_are_refused_clearly(tmp_path):
    (tmp_path / "cosyvoice.yaml").write_text("llm: 1\n")
    with pytest.raises(UnsupportedModelError, match="CosyVoice 1"):
        read_model_folder(tmp_path)


def test_unknown_class_in_yaml_is_refused_by_name(cv2_model_copy):
    yaml_path = cv2_model_copy / "cosyvoice2.yaml"
    yaml_path.write_text(
        yaml_path.read_text().replace("cosyvoice.hifigan.generator.HiFTGenerator", "my.pkg.BetterVocoder")
    )
    with pytest.raises(UnsupportedModelError, match="my.pkg.BetterVocoder"):
        read_model_folder(cv2_model_copy)


def test_old_weight_norm_keys_and_generator_prefix_load_identically(cv2_model_copy, cv2_engine):
    sd = read_state_dict(cv2_model_copy / "hift.pt")
    renamed = {}
    for key, value in sd.items():
        key = key.replace("parametrizations.weight.original0", "weight_g").replace(
            "parametrizations.weight.original1", "weight_v"
        )
        renamed["generator." + key] = value.contiguous().clone()
    torch.save(renamed, cv2_model_copy / "hift.pt")
    engine = load_model(cv2_model_copy, device="cpu")
    mel = torch.randn(1, 80, 20)
    a, _ = engine.hift.inference(mel, zero_noise=True)
    b, _ = cv2_engine.hift.inference(mel, zero_noise=True)
    assert torch.equal(a, b)


def test_weight_norm_folding_matches_torch_parametrization():
    conv = torch.nn.utils.parametrizations.weight_norm(torch.nn.Conv1d(4, 6, 3))
    folded = fold_weight_norm({k: v for k, v in conv.state_dict().items()})
    assert torch.allclose(folded["weight"], conv.weight, atol=0, rtol=0)


def test_real_qwen_weights_are_not_loaded_twice(cv2_engine):
    # llm.pt carries the backbone; CosyVoice-BlankEN/model.safetensors is never read.
    assert not any(p.is_meta for p in cv2_engine.lm.parameters())
    assert not hasattr(cv2_engine.lm.backbone, "lm_head")


def test_loading_does_not_modify_the_folder(cv2_model_copy):
    before = {p.name: p.stat().st_mtime_ns for p in cv2_model_copy.iterdir()}
    load_model(cv2_model_copy, device="cpu")
    after = {p.name: p.stat().st_mtime_ns for p in cv2_model_copy.iterdir()}
    assert before == after
    shutil.rmtree(cv2_model_copy)
