"""The window tests use the model tests' local hub and online/offline fixtures."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.models.conftest import hf_hub, hub, models_dir, online  # noqa: F401
