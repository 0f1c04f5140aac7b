"""The studio shortens OpenMP's spin-wait before torch loads, and never overrides the user's own value."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHECK = "import os, studio, torch; print(os.environ['GOMP_SPINCOUNT'])"


def _spincount(env: dict) -> str:
    env = {**env, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_the_spin_count_is_set_before_torch_loads_and_a_users_value_wins():
    env = {k: v for k, v in os.environ.items() if k != "GOMP_SPINCOUNT"}
    assert _spincount(env) == "1000"
    assert _spincount({**env, "GOMP_SPINCOUNT": "300000"}) == "300000"
