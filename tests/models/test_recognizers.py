"""Speech recognizers in the model manager: listed, downloaded from the (local) hub, verified, found by
the transcribe room, removed. The hub serves a tiny random Whisper in the openai/whisper-* layout."""

from __future__ import annotations

import json

import pytest

from studio.models import download_model, list_installed
from tests.models.hubserver import HubServer, repo_from_folder


@pytest.fixture(scope="module")
def tiny_whisper(tmp_path_factory):
    from tests.transcribe.tiny_whisper import build_tiny_whisper

    return build_tiny_whisper(tmp_path_factory.mktemp("w") / "whisper")


@pytest.fixture
def asr_hub(tiny_whisper, online, monkeypatch):
    with HubServer([repo_from_folder("openai/whisper-small", tiny_whisper)], lifetime=120) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


def test_recognizers_are_listed(models_dir, capsys):
    from studio.cli import main

    assert main(["models", "list", "--json", "--no-hf-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    names = {k["name"] for k in doc["known_recognizers"]}
    assert {"whisper-large-v3-turbo", "whisper-small", "sensevoice-small", "paraformer-zh"} <= names
    assert main(["models", "list", "--no-hf-cache"]) == 0
    out = capsys.readouterr().out
    assert (
        "whisper-small: whisper" in out
        and "not installed" in out
        and "pocketsphinx: basic offline English" in out
    )


def test_download_verify_use_and_remove_a_recognizer(asr_hub, models_dir, capsys):
    from studio.cli import main
    from studio.transcribe import recognizers

    result = download_model("whisper-small")
    assert result.structure == "ok" and (models_dir / "whisper-small" / "model.safetensors").is_file()
    [listed] = list_installed(models_dir, include_hf_cache=False, kind="asr")
    assert (listed.name, listed.family, listed.verified) == ("whisper-small", "whisper", True)
    # a recognizer is never offered as a TTS model
    assert list_installed(models_dir, include_hf_cache=False) == []
    assert "whisper-small" in recognizers.installed(models_dir)
    rec = recognizers.load("whisper-small", models_dir, device="cpu")
    import numpy as np

    assert isinstance(rec.transcribe(np.zeros(16_000, np.float32)).text, str)

    assert main(["models", "verify", "whisper-small"]) == 0
    out = capsys.readouterr().out
    assert "tensors match the config" in out and "tokenizer loads" in out
    weights = models_dir / "whisper-small" / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-10] ^= 0xFF
    weights.write_bytes(bytes(data))
    assert main(["models", "verify", "whisper-small"]) == 1
    assert "model.safetensors" in capsys.readouterr().err

    assert main(["models", "remove", "whisper-small", "--yes"]) == 0
    assert not (models_dir / "whisper-small").exists()
    assert "whisper-small" not in recognizers.installed(models_dir)


def test_sherpa_recognizer_contract_without_its_files(tmp_path):
    from studio.transcribe.errors import RecognizerUnavailable
    from studio.transcribe.model_check import check_recognizer_folder
    from studio.transcribe.sherpa_backend import SherpaRecognizer

    with pytest.raises(RecognizerUnavailable, match=r"model\.int8\.onnx and tokens\.txt"):
        SherpaRecognizer(tmp_path, "sensevoice")
    (tmp_path / "model.int8.onnx").write_bytes(b"not onnx")
    (tmp_path / "tokens.txt").write_text("<blk> 0\na 1\n", encoding="utf-8")
    _, problem = check_recognizer_folder(tmp_path, "sensevoice")
    assert problem is not None and "not an ONNX file" in problem


def test_sensevoice_downloads_verifies_and_runs_in_sherpa_onnx(
    tmp_path_factory, online, models_dir, monkeypatch
):
    """A tiny random SenseVoice in the sherpa-onnx layout, served as the real repo, run by sherpa-onnx."""
    pytest.importorskip("sherpa_onnx")
    pytest.importorskip("onnx")
    import numpy as np

    from studio.models.registry import known_model
    from studio.models.verify import check_folder
    from studio.transcribe import recognizers
    from tests.transcribe.tiny_sensevoice import build_tiny_sensevoice

    folder = build_tiny_sensevoice(tmp_path_factory.mktemp("sv") / "sensevoice")
    repo = known_model("sensevoice-small").repos["huggingface"]
    with HubServer([repo_from_folder(repo, folder)], lifetime=120) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        result = download_model("sensevoice-small")
    assert result.structure == "ok"
    report = check_folder(models_dir / "sensevoice-small", onnx=True)
    assert report.ok and any("loads in onnxruntime" in line for line in report.checked)
    assert "sensevoice-small" in recognizers.installed(models_dir)
    rec = recognizers.load("sensevoice-small", models_dir)
    out = rec.transcribe(np.random.default_rng(0).standard_normal(32_000).astype(np.float32) * 0.1)
    assert out.recognizer == "sensevoice-small" and isinstance(out.text, str)
    assert "<|" not in out.text and out.confidence == 0.5  # sherpa-onnx gives no probabilities here


def test_paraformer_downloads_verifies_and_runs_in_sherpa_onnx(
    tmp_path_factory, online, models_dir, monkeypatch
):
    """A tiny Paraformer in the sherpa-onnx layout, served as the real repo, decoded by sherpa-onnx's own
    Paraformer recognizer: the text it spells comes back through the studio's recognizer, in Mandarin."""
    pytest.importorskip("sherpa_onnx")
    pytest.importorskip("onnx")
    import numpy as np

    from studio.models.registry import known_model
    from studio.models.verify import check_folder
    from studio.transcribe import recognizers
    from studio.transcribe.agreement import decide
    from tests.transcribe.tiny_paraformer import SAID, build_tiny_paraformer

    folder = build_tiny_paraformer(tmp_path_factory.mktemp("pf") / "paraformer")
    repo = known_model("paraformer-zh").repos["huggingface"]
    with HubServer([repo_from_folder(repo, folder)], lifetime=120) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        result = download_model("paraformer-zh")
    assert result.structure == "ok"
    report = check_folder(models_dir / "paraformer-zh", onnx=True)
    assert report.ok and any("loads in onnxruntime" in line for line in report.checked)
    assert "paraformer-zh" in recognizers.installed(models_dir)
    rec = recognizers.load("paraformer-zh", models_dir)
    assert rec.languages == frozenset({"zh"}) and rec.covers("zh") and not rec.covers("en")
    out = rec.transcribe(np.random.default_rng(0).standard_normal(32_000).astype(np.float32) * 0.1)
    assert out.recognizer == "paraformer-zh" and out.language == "zh"
    assert out.text.replace(" ", "") == "".join(SAID)  # decoded by sherpa-onnx up to </s>
    assert [p.text for p in out.pieces] == SAID and out.confidence == 0.5
    verdict = decide([out], "zh")
    assert verdict.transcript.replace(" ", "") == "".join(SAID) and verdict.agreement is None


def test_whisper_downloads_from_modelscope(tiny_whisper, hub_on_modelscope, models_dir):
    """The Whisper recognizers have a ModelScope source (OpenAI's releases mirrored as openai-mirror/)."""
    from studio.models.registry import MODELSCOPE, known_model
    from studio.transcribe import recognizers

    assert known_model("whisper-small").repos[MODELSCOPE] == "openai-mirror/whisper-small"
    assert known_model("openai-mirror/whisper-large-v3-turbo").name == "whisper-large-v3-turbo"
    result = download_model("whisper-small", hub=MODELSCOPE, endpoint=hub_on_modelscope.url)
    assert result.hub == MODELSCOPE and result.structure == "ok"
    assert "whisper-small" in recognizers.installed(models_dir)


@pytest.fixture
def hub_on_modelscope(tiny_whisper, online):
    with HubServer([repo_from_folder("openai-mirror/whisper-small", tiny_whisper)], lifetime=120) as server:
        yield server
