"""The hand-written stubs of the extension match it (mypy's stubtest), and the package type-checks."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_stubs_match_the_extension() -> None:
    pytest.importorskip("mypy")
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "nkextract._core", "--ignore-missing-stub"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
