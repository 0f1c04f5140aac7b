"""Downloads through the real huggingface_hub client (and ModelScope's HTTP API) against the local hub."""

from __future__ import annotations

import itertools
import json
import threading

import pytest

from studio.models.download import CancelToken, download_model
from studio.models.errors import DownloadCancelled, DownloadError, IntegrityError, OfflineError
from studio.models.installed import list_installed
from studio.models.paths import MARKER, STAGING
from tests.conftest import CV2_MODEL, CV3_MODEL
from tests.models.conftest import CV2_HF, CV3_ID
from tests.models.hubserver import HubServer, release_extras, repo_from_folder

CV2 = "CosyVoice2-0.5B"
SKIPPED = {
    "README.md",
    ".gitattributes",
    "configuration.json",
    "flow.decoder.estimator.fp32.onnx",
    "flow.encoder.fp16.zip",
    "flow.decoder.estimator.fp16.a10.plan",
    "asset/dingding.png",
    "CosyVoice-BlankEN/model.safetensors",
}


def _same_files(installed, golden, names):
    for rel in names:
        assert (installed / rel).read_bytes() == (golden / rel).read_bytes(), rel


def test_full_download_installs_verified_model(hf_hub, models_dir):
    reports = []
    result = download_model(CV2, on_progress=reports.append)  # endpoint from $HF_ENDPOINT, folder from env

    target = models_dir / CV2
    assert result.folder == target and target.is_dir()
    assert result.endpoint == hf_hub.url
    assert result.structure == "ok"
    _same_files(target, CV2_MODEL, result.files)
    assert "llm.pt" in result.files and "spk2info.pt" in result.files
    # nothing half-done is left behind, nothing we skip was fetched
    assert not (models_dir / STAGING / CV2).exists()
    assert not list(target.rglob("*.part"))
    assert not (target / "CosyVoice-BlankEN/model.safetensors").exists()
    assert not (hf_hub.requested_paths() & SKIPPED)
    # the real client: repo info, then HEAD + plain GET on /resolve/ for each file (no Xet)
    assert any(e.path.startswith("/api/models/FunAudioLLM/CosyVoice2-0.5B/revision/") for e in hf_hub.log)
    heads = {e.path for e in hf_hub.log if e.method == "HEAD"}
    assert set(result.files) <= heads
    assert all(e.range is None and e.status == 200 for e in hf_hub.log if e.method == "GET")
    # progress: per file and overall, ending complete
    phases = [r.phase for r in reports]
    assert phases[0] == "listing" and phases[-1] == "done"
    assert {r.file for r in reports if r.phase == "downloading"} == set(result.files)
    assert reports[-1].done == reports[-1].total == sum((CV2_MODEL / f).stat().st_size for f in result.files)
    assert all(a.done <= b.done for a, b in itertools.pairwise(reports))
    # the install marker records hashes; the listing shows it verified
    marker = json.loads((target / MARKER).read_text())
    assert marker["structure"] == "ok" and len(marker["files"]["llm.pt"]["sha256"]) == 64
    [listed] = [m for m in list_installed(models_dir, include_hf_cache=False)]
    assert (listed.name, listed.family, listed.verified) == (CV2, "cosyvoice2", True)


def test_qwen_weights_on_request(hf_hub, models_dir):
    result = download_model(CV2, include_qwen_weights=True, include_optional=False)
    assert "CosyVoice-BlankEN/model.safetensors" in result.files
    assert "spk2info.pt" not in result.files
    assert (result.folder / "CosyVoice-BlankEN/model.safetensors").stat().st_size > 0


def test_default_model_is_cosyvoice3_with_rl_llm(hf_hub, models_dir):
    result = download_model(CV3_ID)
    assert result.model == "Fun-CosyVoice3-0.5B-2512"
    assert "llm.rl.pt" in result.files and "speech_tokenizer_v3.onnx" in result.files
    _same_files(result.folder, CV3_MODEL, [f for f in result.files if f != "llm.rl.pt"])
    # the engine may not check CosyVoice 3 structure yet; the hashes were checked either way
    assert result.structure == "ok" or result.structure.startswith("not checked")


def test_interrupted_download_resumes_from_partial_file(hf_hub, models_dir):
    size = (CV2_MODEL / "flow.pt").stat().st_size
    cut = 1_000_000
    hf_hub.faults.cut_after["flow.pt"] = cut
    with pytest.raises(DownloadError, match=r"flow\.pt was interrupted .*run it again to resume"):
        download_model(CV2, retries=0)
    part = models_dir / STAGING / CV2 / "flow.pt.part"
    assert part.stat().st_size == cut
    assert not (models_dir / CV2).exists()  # never a half model under the real name

    result = download_model(CV2)
    flow_gets = hf_hub.gets("flow.pt")
    assert [g.range for g in flow_gets] == [None, f"bytes={cut}-"]
    assert flow_gets[1].status == 206 and flow_gets[1].sent == size - cut < size
    assert len(hf_hub.gets("llm.pt")) == 1  # finished files are not fetched again
    assert result.resumed_bytes == cut
    assert (result.folder / "flow.pt").read_bytes() == (CV2_MODEL / "flow.pt").read_bytes()
    assert not (models_dir / STAGING / CV2).exists()


def test_dropped_connection_is_resumed_within_the_same_run(hf_hub, models_dir):
    hf_hub.faults.cut_after["llm.pt"] = 300_000
    result = download_model(CV2, retry_wait=0.01)
    gets = hf_hub.gets("llm.pt")
    assert [g.range for g in gets] == [None, "bytes=300000-"]
    assert gets[1].sent == (CV2_MODEL / "llm.pt").stat().st_size - 300_000
    assert (result.folder / "llm.pt").read_bytes() == (CV2_MODEL / "llm.pt").read_bytes()


def test_cancel_mid_file_then_resume(hf_hub, models_dir):
    hf_hub.faults.delay_per_block = 0.002
    token = CancelToken()

    def on_progress(p):
        if p.file == "flow.pt" and p.phase == "downloading" and p.file_done >= 500_000:
            token.cancel()

    with pytest.raises(DownloadCancelled):
        download_model(CV2, cancel=token, on_progress=on_progress)
    part = models_dir / STAGING / CV2 / "flow.pt.part"
    kept = part.stat().st_size
    assert 500_000 <= kept < (CV2_MODEL / "flow.pt").stat().st_size
    assert not (models_dir / CV2).exists()

    hf_hub.faults.delay_per_block = 0.0
    result = download_model(CV2)
    assert hf_hub.gets("flow.pt")[-1].range == f"bytes={kept}-"
    assert result.resumed_bytes == kept
    assert (result.folder / "flow.pt").read_bytes() == (CV2_MODEL / "flow.pt").read_bytes()


def test_cancel_from_another_thread(hf_hub, models_dir):
    hf_hub.faults.delay_per_block = 0.01
    token = CancelToken()
    started = threading.Event()
    errors = []

    def run():
        try:
            download_model(CV2, cancel=token, on_progress=lambda p: p.done > 100_000 and started.set())
        except DownloadCancelled as exc:
            errors.append(exc)

    t = threading.Thread(target=run)
    t.start()
    assert started.wait(20)
    token.cancel()
    t.join(20)
    assert not t.is_alive() and len(errors) == 1
    assert not (models_dir / CV2).exists() and (models_dir / STAGING / CV2).is_dir()


def test_corrupted_file_is_detected_and_nothing_installed(hf_hub, models_dir):
    hf_hub.faults.corrupt.add("flow.pt")
    with pytest.raises(IntegrityError, match=r"flow\.pt is corrupt: its SHA-256 does not match") as err:
        download_model(CV2)
    assert "\n" not in str(err.value)
    assert not (models_dir / CV2).exists()
    stage = models_dir / STAGING / CV2
    assert not (stage / "flow.pt.part").exists() and not (stage / "flow.pt").exists()
    assert (stage / "llm.pt").is_file()  # good files stay for the next try

    hf_hub.faults.corrupt.clear()
    result = download_model(CV2)
    assert len(hf_hub.gets("llm.pt")) == 1 and len(hf_hub.gets("flow.pt")) == 2
    assert (result.folder / "flow.pt").read_bytes() == (CV2_MODEL / "flow.pt").read_bytes()


def test_small_file_checked_with_git_hash(hf_hub, models_dir):
    hf_hub.faults.corrupt.add("cosyvoice2.yaml")
    with pytest.raises(IntegrityError, match=r"cosyvoice2\.yaml is corrupt: its git hash"):
        download_model(CV2)
    assert not (models_dir / CV2).exists()


def test_structurally_wrong_checkpoint_is_not_installed(online, models_dir, monkeypatch):
    """The hub's hashes match what it serves, but flow.pt holds the wrong network: the structural check refuses."""
    repo = repo_from_folder(CV2_HF, CV2_MODEL, release_extras("cosyvoice2"))
    repo.files["flow.pt"].data = (CV2_MODEL / "hift.pt").read_bytes()
    with HubServer([repo]) as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        with pytest.raises(IntegrityError, match=r"flow\.pt.*was not installed"):
            download_model(CV2)
    assert not (models_dir / CV2).exists()


def test_offline_mode_gives_one_clear_sentence(models_dir):
    # the suite runs with HF_HUB_OFFLINE=1: nothing is sent anywhere
    with pytest.raises(OfflineError) as err:
        download_model(CV2, endpoint="http://127.0.0.1:9")
    msg = str(err.value)
    assert msg.startswith("Voice Studio is in offline mode (HF_HUB_OFFLINE is set)")
    assert msg.endswith(".") and msg.count(". ") == 0 and "\n" not in msg
    assert not (models_dir / CV2).exists()


def test_offline_mode_also_blocks_modelscope(models_dir):
    with pytest.raises(OfflineError, match="offline mode"):
        download_model(CV2, hub="modelscope", endpoint="http://127.0.0.1:9")


def test_unreachable_endpoint_gives_one_clear_sentence(online, models_dir):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for hub in ("huggingface", "modelscope"):
        with pytest.raises(OfflineError) as err:
            download_model(CV2, hub=hub, endpoint=f"http://127.0.0.1:{port}")
        assert str(err.value) == (
            f"Cannot reach the model hub at http://127.0.0.1:{port} (connection refused); check your "
            "internet connection or choose another mirror."
        )


def test_hub_going_away_mid_download_keeps_staging(hf_hub, models_dir):
    hf_hub.faults.cut_after["flow.pt"] = 200_000
    url = hf_hub.url
    stop = threading.Event()

    def on_progress(p):
        if p.file == "flow.pt" and p.phase == "downloading" and p.file_done >= 200_000 and not stop.is_set():
            stop.set()
            hf_hub.faults.unavailable = True

    with pytest.raises(DownloadError, match="flow.pt was interrupted"):
        download_model(CV2, endpoint=url, retries=1, retry_wait=0.01, on_progress=on_progress)
    assert (models_dir / STAGING / CV2 / "flow.pt.part").stat().st_size == 200_000
    hf_hub.faults.unavailable = False
    download_model(CV2, endpoint=url)
    assert hf_hub.gets("flow.pt")[-1].range == "bytes=200000-"


def test_unknown_repo_and_bad_mirror_address(hf_hub, models_dir):
    empty = HubServer([])
    with empty, pytest.raises(DownloadError, match="has no model FunAudioLLM/CosyVoice2-0.5B"):
        download_model(CV2, endpoint=empty.url)
    with pytest.raises(DownloadError, match="is not a web address"):
        download_model(CV2, endpoint="hf-mirror")


def test_modelscope_download_and_resume(hub, online, models_dir):
    hub.faults.cut_after["llm.pt"] = 700_000
    with pytest.raises(DownloadError, match="interrupted"):
        download_model(CV2, hub="modelscope", endpoint=hub.url, retries=0)
    result = download_model(CV2, hub="modelscope", endpoint=hub.url)
    gets = hub.gets("llm.pt")
    assert [g.range for g in gets] == [None, "bytes=700000-"]
    assert gets[1].sent == (CV2_MODEL / "llm.pt").stat().st_size - 700_000
    assert result.hub == "modelscope" and result.structure == "ok"
    _same_files(result.folder, CV2_MODEL, result.files)
    assert not (hub.requested_paths() & SKIPPED)
    assert not any(e.path.startswith("/api/models/") for e in hub.log)  # only ModelScope's API was used


def test_modelscope_corruption(hub, online, models_dir):
    hub.faults.corrupt.add("hift.pt")
    with pytest.raises(IntegrityError, match=r"hift\.pt is corrupt"):
        download_model(CV2, hub="modelscope", endpoint=hub.url)
    assert not (models_dir / CV2).exists()


def test_already_installed_and_force(hf_hub, models_dir):
    download_model(CV2)
    again = download_model(CV2)
    assert again.already_installed and again.folder == models_dir / CV2
    n = len(hf_hub.gets("llm.pt"))
    forced = download_model(CV2, force=True)
    assert not forced.already_installed and len(hf_hub.gets("llm.pt")) == n + 1
    assert not any(p.name.startswith(".old-") for p in (models_dir / STAGING).iterdir())


def test_not_enough_disk_space(hf_hub, models_dir, monkeypatch):
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage(10**9, 10**9, 1000))
    with pytest.raises(DownloadError, match="Not enough free disk space"):
        download_model(CV2)


def test_changed_file_on_hub_discards_stale_part(hf_hub, models_dir):
    hf_hub.faults.cut_after["flow.pt"] = 100_000
    with pytest.raises(DownloadError):
        download_model(CV2, retries=0)
    # the hub now serves a different flow.pt (new commit): the old part must not be resumed
    repo = hf_hub.repos[CV2_HF]
    new = repo.files["flow.pt"].data[:-8] + b"\0" * 8  # the zip's trailing comment bytes: still loadable
    repo.files["flow.pt"].data = new
    result = download_model(CV2)
    assert hf_hub.gets("flow.pt")[-1].range is None
    assert (result.folder / "flow.pt").read_bytes() == new


def test_hub_serving_another_file_than_it_lists_is_refused_before_the_transfer(hf_hub, models_dir):
    hf_hub.faults.wrong_etag.add("llm.pt")
    with pytest.raises(DownloadError, match=r"lists llm\.pt with a different hash than it serves"):
        download_model(CV2)
    assert hf_hub.gets("llm.pt") == [] and not (models_dir / CV2).exists()
