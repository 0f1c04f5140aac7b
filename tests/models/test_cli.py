"""`voice-studio models ...` end to end, through studio.cli.main."""

from __future__ import annotations

import io
import json

from studio.cli import main
from tests.conftest import CV2_MODEL, copy_model

CV2 = "CosyVoice2-0.5B"


def run(capsys, *argv):
    code = main(["models", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_empty_shows_known_models(capsys, models_dir):
    code, out, _ = run(capsys, "list", "--no-hf-cache")
    assert code == 0
    assert f"Models folder: {models_dir}" in out and "No model installed yet" in out
    assert "Fun-CosyVoice3-0.5B-2512 (recommended)" in out and "CosyVoice2-0.5B" in out


def test_download_list_verify_remove(capsys, hf_hub, models_dir, monkeypatch):
    hf_hub.faults.cut_after["flow.pt"] = 500_000  # a dropped connection is resumed, and said so
    code, out, err = run(capsys, "download", CV2)
    assert code == 0, err
    assert "flow.pt: Connection lost (" in err and "); resuming" in err
    assert hf_hub.gets("flow.pt")[-1].range == "bytes=500000-"
    assert f"Installed {CV2} in {models_dir / CV2}" in out
    assert "structure checked" in out
    assert "[2/12] llm.pt" in err  # one progress line per file when stderr is not a terminal

    code, out, _ = run(capsys, "download", CV2)
    assert code == 0 and "already installed" in out

    code, out, _ = run(capsys, "list", "--json", "--no-hf-cache")
    doc = json.loads(out)
    assert [(m["name"], m["verified"], m["source"]) for m in doc["installed"]] == [(CV2, True, "studio")]

    code, out, err = run(capsys, "verify", CV2)
    assert code == 0, err
    assert "ok  llm.pt: 1.9 MB, SHA-256 matches the hub" in out
    assert "ok  flow.pt: 249 tensors, names and shapes match" in out
    assert out.rstrip().endswith("all checks passed.")

    # remove asks first; "n" keeps it
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, _ = run(capsys, "remove", CV2)
    assert code == 1 and "Nothing removed" in out and (models_dir / CV2).is_dir()
    code, out, _ = run(capsys, "remove", CV2, "--yes")
    assert code == 0 and not (models_dir / CV2).exists()


def test_verify_names_the_first_bad_file(capsys, hf_hub, models_dir):
    assert run(capsys, "download", CV2)[0] == 0
    flow = models_dir / CV2 / "flow.pt"
    data = bytearray(flow.read_bytes())
    data[len(data) // 2] ^= 0xFF
    flow.write_bytes(bytes(data))
    code, out, err = run(capsys, "verify", CV2)
    assert "Checking" in out
    assert code == 1
    assert err.startswith("voice-studio: error: flow.pt in ") and "is corrupt" in err
    assert err.count("\n") == 1
    # --quick skips the hashes: the flipped byte is inside the data, the structure still matches
    code, _out, err = run(capsys, "verify", CV2, "--quick")
    assert code == 0, err


def test_verify_any_folder_path(capsys, tmp_path):
    folder = copy_model(CV2_MODEL, tmp_path / "m")
    code, out, _ = run(capsys, "verify", str(folder))
    assert code == 0 and "ok  CosyVoice-BlankEN: tokenizer loads" in out
    (folder / "campplus.onnx").unlink()
    code, out, err = run(capsys, "verify", str(folder))
    assert code == 1 and err.startswith("voice-studio: error: ") and "campplus.onnx" in err
    code, _, err = run(capsys, "verify", str(tmp_path / "nowhere"))
    assert code == 1 and "does not exist" in err


def test_download_offline_and_unknown(capsys, models_dir):
    code, _, err = run(capsys, "download", CV2)
    assert code == 1
    assert err.strip().splitlines()[-1].startswith("voice-studio: error: Voice Studio is in offline mode")
    code, _, err = run(capsys, "download", "CosyVoice1")
    assert code == 1 and "There is no known model called 'CosyVoice1'" in err


def test_download_from_modelscope_cli(capsys, hub, online, models_dir):
    code, _out, err = run(capsys, "download", CV2, "--hub", "modelscope", "--endpoint", hub.url)
    assert code == 0, err
    assert (models_dir / CV2 / "llm.pt").is_file()


def test_add_and_devices(capsys, tmp_path, models_dir):
    folder = copy_model(CV2_MODEL, tmp_path / "mine")
    code, out, _ = run(capsys, "add", str(folder))
    assert code == 0 and out.startswith(f"Added {folder} (cosyvoice2")
    code, out, _ = run(capsys, "list", "--no-hf-cache")
    assert "mine  [cosyvoice2" in out and "added folder" in out
    code, out, _ = run(capsys, "devices")
    assert code == 0 and out.strip()
