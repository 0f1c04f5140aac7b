"""Project fixtures: one loaded golden engine per family for the whole session, prepared voices as
files, a temporary library, and an engine proxy that counts synthesize calls."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CV2_MODEL, CV3_MODEL, PROMPT_EN, PROMPT_EN_TEXT, PROMPT_ZH, PROMPT_ZH_TEXT

MODELS = {"cosyvoice2": CV2_MODEL, "cosyvoice3": CV3_MODEL}
_ENGINES: dict[str, object] = {}


def engine_for(family: str):
    if family not in _ENGINES:
        from studio.engine import load_model

        _ENGINES[family] = load_model(MODELS[family], device="cpu", text_normalizer="rules")
    return _ENGINES[family]


class CountingEngine:
    """The engine, with every `synthesize` call counted (what "re-renders exactly one" means)."""

    def __init__(self, engine) -> None:
        self._engine = engine
        self.calls: list[str] = []

    def __getattr__(self, name):
        return getattr(self._engine, name)

    def synthesize(self, text, *args, **kwargs):
        self.calls.append(text)
        return self._engine.synthesize(text, *args, **kwargs)


@pytest.fixture(autouse=True)
def _no_real_library(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("VOICE_STUDIO_LIBRARY", str(tmp_path_factory.mktemp("default-library")))


@pytest.fixture(scope="session")
def voice_files(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """family -> {"en": path, "zh": path} prepared voice files."""
    folder = tmp_path_factory.mktemp("voices")
    out: dict[str, dict[str, Path]] = {}
    for family in MODELS:
        engine = engine_for(family)
        out[family] = {}
        for lang, clip, text in (("en", PROMPT_EN, PROMPT_EN_TEXT), ("zh", PROMPT_ZH, PROMPT_ZH_TEXT)):
            path = folder / f"{family}-{lang}.voice.safetensors"
            engine.prepare_voice(clip, transcript=text).save(path)
            out[family][lang] = path
    return out


@pytest.fixture
def library(tmp_path):
    from studio.library import Library

    lib = Library.open(tmp_path / "lib", check=False)
    yield lib
    lib.close()


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Run `voice-studio ...` in this process with the shared engines; returns (code, stdout, stderr)."""
    import studio.project.cli as project_cli
    from studio.cli import main

    counters: list[CountingEngine] = []

    def load(model, device, normalizer, progress=None):
        family = "cosyvoice3" if "cosyvoice3" in str(model) else "cosyvoice2"
        counting = CountingEngine(engine_for(family))
        counters.append(counting)
        return counting

    monkeypatch.setattr(project_cli, "load_engine", load)

    def run(*argv, capsys=None):
        code = main([str(a) for a in argv])
        return code

    run.counters = counters
    run.library = tmp_path / "lib"
    return run
