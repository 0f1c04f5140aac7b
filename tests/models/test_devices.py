"""Device and precision: the CPU machine as it is, and CUDA machines faked through torch.cuda."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import torch

from studio.models import devices
from studio.models.registry import COSYVOICE2, COSYVOICE3, GB
from tests.conftest import CV2_MODEL


def test_this_machine_runs_on_cpu_with_an_explanation():
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    assert devices.list_cuda_devices() == []
    reason = devices.cpu_fallback_reason()
    assert reason and reason.endswith(".")
    choice = devices.recommend(COSYVOICE3)
    assert (choice.device, choice.precision) == ("cpu", "fp32")
    assert reason in choice.explanation and devices.CPU_FALLBACK_TEXT in choice.explanation
    assert devices.precision_choices("cpu") == ["fp32"] == devices.precision_choices(None)


def test_estimates_scale_with_precision():
    fp32 = devices.estimate_memory(COSYVOICE2, "fp32")
    fp16 = devices.estimate_memory(COSYVOICE2, "fp16")
    assert 3 * GB < fp32 < 4.5 * GB  # ~2.5 GB of fp32 weights + runtime
    assert fp16 == devices.estimate_memory(COSYVOICE2, "bf16") < fp32 - GB
    # a real folder is sized from its files
    tiny = devices.estimate_memory(CV2_MODEL, "fp32")
    assert devices.RUNTIME_OVERHEAD < tiny < devices.RUNTIME_OVERHEAD + 10_000_000
    with pytest.raises(ValueError):
        devices.estimate_memory(COSYVOICE2, "int8")


@pytest.fixture
def fake_cuda(monkeypatch):
    cards = {
        0: (SimpleNamespace(name="GeForce GTX 1060", total_memory=6 * GB, major=6, minor=1), 2.5 * GB),
        1: (SimpleNamespace(name="RTX 4090", total_memory=24 * GB, major=8, minor=9), 20 * GB),
    }
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: len(cards))
    monkeypatch.setattr(torch.cuda, "get_device_properties", lambda i: cards[i][0])
    monkeypatch.setattr(torch.cuda, "mem_get_info", lambda i: (int(cards[i][1]), cards[i][0].total_memory))
    monkeypatch.delenv("CUDA_VISIBLE_DEVICES", raising=False)
    return cards


def test_lists_cuda_devices_with_free_memory(fake_cuda):
    found = devices.list_cuda_devices()
    assert [(d.device, d.name, d.free, d.bf16) for d in found] == [
        ("cuda:0", "GeForce GTX 1060", int(2.5 * GB), False),
        ("cuda:1", "RTX 4090", 20 * GB, True),
    ]
    assert devices.cpu_fallback_reason() is None
    assert "2.5 GB free of 6.0 GB" in found[0].label
    assert devices.precision_choices(found[0]) == ["fp32", "fp16"]
    assert devices.precision_choices("cuda:1") == ["fp32", "fp16", "bf16"]


def test_warns_when_the_model_will_not_fit(fake_cuda):
    small, big = devices.list_cuda_devices()
    assert devices.fit_warning(COSYVOICE2, big, "fp32") is None
    warning = devices.fit_warning(COSYVOICE2, small, "fp32")
    assert warning.startswith("CosyVoice2-0.5B needs about 3.") and "GTX 1060 has only 2.5 GB free" in warning
    assert "choose fp16" in warning and warning.endswith(".")
    assert devices.fit_warning(COSYVOICE2, small, "fp16") is None
    assert "does not support bf16" in devices.fit_warning(COSYVOICE2, small, "bf16")


def test_recommendation(fake_cuda, monkeypatch):
    assert devices.recommend(COSYVOICE2) == devices.DeviceChoice("cuda:1", "fp32")
    small = devices.list_cuda_devices()[0]
    assert devices.recommend(COSYVOICE2, [small]) == devices.DeviceChoice("cuda:0", "fp16")
    tiny = devices.CudaDevice(0, "Old card", 2 * GB, 1 * GB, (7, 5))
    choice = devices.recommend(COSYVOICE2, [tiny])
    assert choice.device == "cpu" and "Old card has only 1.0 GB free" in choice.warning
    assert devices.CPU_FALLBACK_TEXT in choice.explanation


def test_cuda_hidden_or_broken(monkeypatch, fake_cuda):
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")
    assert "CUDA_VISIBLE_DEVICES is empty" in devices.cpu_fallback_reason()
    monkeypatch.delenv("CUDA_VISIBLE_DEVICES")

    def broken():
        raise RuntimeError("CUDA driver version is insufficient\nmore")

    monkeypatch.setattr(torch.cuda, "device_count", broken)
    assert (
        devices.cpu_fallback_reason()
        == "The NVIDIA driver did not answer (CUDA driver version is insufficient)."
    )
    assert devices.list_cuda_devices() == []


def test_torch_dtype():
    assert devices.torch_dtype("bf16") is torch.bfloat16 and devices.torch_dtype("fp32") is torch.float32
