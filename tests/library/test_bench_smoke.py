"""The benchmark script keeps working (a small run; the real figures come from 10,000 takes)."""

from __future__ import annotations

from tests.library.helpers import run_python


def test_the_library_benchmark_runs_and_reports_every_query(tmp_path):
    result = run_python(
        ["bench/bench_library.py", "--takes", "300", "--repeat", "1", "--library", str(tmp_path / "b")]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for label in (
        "first page of 100",
        "full id list",
        "search text",
        "filter voice + favourite",
        "date range",
    ):
        assert label in result.stdout
    assert "all queries under 100 ms" in result.stdout
