"""The intermediate tier with its defaults: the full search reaches the bar, the
configs the tests run stay in step with the one a learner runs."""

import json
import sys
import tomllib

import pytest

from harness import VARIANTS

# The sections of an experiment file; tests/fast.toml must use the same keys as
# configs/default.toml, or the generated tests would check a different schema.
SECTIONS = ["data", "features", "search"]
EXPERIMENTS_HEADER = "| run | candidate | CV accuracy | test accuracy | baseline |"


@pytest.mark.parametrize(
    "name", sorted(name for name in VARIANTS if name.startswith("intermediate-"))
)
def test_fast_config_matches_the_default_one(name, rendered) -> None:
    project = rendered(name, **VARIANTS[name])
    default = tomllib.loads(project.read("configs/default.toml"))
    fast = tomllib.loads(project.read("tests/fast.toml"))
    assert sorted(default) == sorted(fast) == sorted([*SECTIONS, "candidates"])
    for section in SECTIONS:
        assert sorted(default[section]) == sorted(fast[section]), section
    assert set(fast["candidates"]) <= set(default["candidates"])
    assert fast["search"]["n_trials"] < default["search"]["n_trials"]


@pytest.mark.slow
def test_default_project_42_wine_makes_all_with_the_full_search(
    rendered, copy_of, tmp_path
) -> None:
    """The issue's bar: project #42 (intermediate by default), `make all` with the
    default search, >= 0.9 test accuracy, a run folder, a table of experiments."""
    project = copy_of(
        rendered("default-42-wine", project_number=42, dataset="wine"), tmp_path / "p"
    )
    assert "tier: intermediate" in project.read(".copier-answers.yml")
    result = project.run("make", "all", f"PYTHON={sys.executable}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    runs = sorted((project.path / "reports" / "runs").iterdir())
    assert len(runs) == 1
    assert {path.name for path in runs[0].iterdir()} == {
        "figures",
        "metrics.json",
        "params.json",
    }
    metrics = json.loads((runs[0] / "metrics.json").read_text())
    default = tomllib.loads(project.read("configs/default.toml"))
    assert metrics["cv"]["trials"] == default["search"]["n_trials"]
    assert metrics["model"]["accuracy"] >= 0.9
    assert metrics["model"]["accuracy"] > metrics["baseline"]["accuracy"]
    assert len(metrics["figures"]) == 4

    draft = project.read("blog/042-wine-classification.md")
    block = draft[draft.index("<!-- results:start -->") :]
    assert EXPERIMENTS_HEADER in block
    assert runs[0].name in block
