"""scripts/measure_gates.py on bad arguments: one line naming the problem, before any corpus is read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "measure_gates.py"


def test_measure_gates_names_an_unknown_set_in_one_line():
    proc = subprocess.run([sys.executable, str(SCRIPT), "--sets", "dev99"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.splitlines()
    assert line.startswith("measure_gates: unknown corpus dev99: choose from ") and "dev13" in line
