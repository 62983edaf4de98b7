"""`make bench-scale` at tiny sizes: every operation of issue #13 prints one `scale:` line of the agreed form and the
summary judges each; the harness runs in its own interpreter (it installs botocore hooks and patches moto)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from benchmarks.scale import ORDER, Figure, items_read, line

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^scale: (?P<operation>[a-z-]+) n=(?P<n>\d+) calls=\d+ items=\d+ ms=\d+$")
PROVINCE = ORDER[: ORDER.index("reminders-run") + 1]  # the operations measured per number of sessions


def test_harness_prints_every_figure_at_tiny_sizes() -> None:
    env = {**os.environ, "BENCH_SCALE_SIZES": "3;5"}
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.splitlines()
    figures = [LINE.match(text) for text in lines if text.startswith("scale:")]
    assert all(figures), [text for text in lines if text.startswith("scale:") and not LINE.match(text)]
    printed = [(m["operation"], int(m["n"])) for m in figures if m]
    expected = [(operation, 3) for operation in PROVINCE] + [(operation, 5) for operation in ORDER[len(PROVINCE) :]]
    assert printed == expected
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    verdicts = [text for text in lines if text.endswith(("PASS", "MISS"))]
    assert len(verdicts) == len(ORDER), verdicts
    assert all(text.split()[0] in ORDER for text in verdicts)
    # tiny sizes compare each size with itself: every operation and job must at least have finished
    assert all(text.endswith("PASS") for text in verdicts), verdicts


def test_items_read_counts_what_dynamodb_bills() -> None:
    assert items_read({"Count": 2, "ScannedCount": 40, "Items": [{}, {}]}) == 40
    assert items_read({"Item": {"a": {"S": "b"}}}) == 1
    assert items_read({}) == 0
    assert items_read({"Responses": {"t": [{}, {}], "u": [{}]}}) == 3
    assert items_read({"Responses": [{"Item": {"a": {"S": "b"}}}, {}]}) == 1
    assert line("roster-page", 2000, Figure(calls=3, items=2001, ms=12.6)) == (
        "scale: roster-page n=2000 calls=3 items=2001 ms=13"
    )
