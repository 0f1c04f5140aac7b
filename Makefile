# Two commands for a fresh machine (see README):
#   make run    -- set up .venv and open the studio (the main job)
#   make test   -- set up .venv and run the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# the shared/ folder beside the checkout (as CI lays it out) holds the tiny golden models
SHARED ?= $(or $(VOICE_STUDIO_SHARED),../shared)
SELFTEST_MODEL ?= $(SHARED)/golden/cosyvoice2/model
PACKAGING_STAMP := $(VENV)/.packaging-installed

.PHONY: setup run test lint bench clean package-test

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first, exactly pinned: the local CUDA build that also runs on CPU.
	$(PY) -m pip install -q torch==2.14.1 torchaudio==2.11.0
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: setup
	$(VENV)/bin/voice-studio

test: setup
	QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 $(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

# Freeze the app with PyInstaller (dist/voice-studio + its CUDA runtime layer), run the frozen
# app's --packaging-check, then its --self-test with the golden CosyVoice 2 model, offscreen.
package-test: $(PACKAGING_STAMP)
	QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 $(PY) packaging/build.py --self-test $(SELFTEST_MODEL)

$(PACKAGING_STAMP): $(STAMP)
	$(PY) -m pip install -q -e '.[dev,packaging]'
	touch $(PACKAGING_STAMP)

bench: setup
	$(PY) bench/bench_engine.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
