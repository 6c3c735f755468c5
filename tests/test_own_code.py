"""This repository's own Python passes the same ruff checks as the generated code."""

from harness import REPO_ROOT, assert_ruff_passes


def test_own_code_passes_ruff() -> None:
    assert_ruff_passes(REPO_ROOT)
