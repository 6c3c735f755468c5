"""The intermediate tier with its defaults: the full search reaches the bar."""

import json
import sys

import pytest
import yaml

EXPERIMENTS_HEADER = "| run | candidate | CV accuracy | test accuracy | baseline |"


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
        "config.yaml",
        "figures",
        "metrics.json",
    }
    metrics = json.loads((runs[0] / "metrics.json").read_text())
    default = yaml.safe_load(project.read("configs/default.yaml"))
    resolved = yaml.safe_load((runs[0] / "config.yaml").read_text())
    for key, value in default["search"].items():
        assert resolved["search"].get(key) == value, key
    assert metrics["cv"]["trials"] == default["search"]["n_trials"]
    assert metrics["model"]["accuracy"] >= 0.9
    assert metrics["model"]["accuracy"] > metrics["baseline"]["accuracy"]
    assert len(metrics["figures"]) == 4

    draft = project.read("blog/042-wine-classification.md")
    block = draft[draft.index("<!-- results:start -->") :]
    assert EXPERIMENTS_HEADER in block
    assert runs[0].name in block
