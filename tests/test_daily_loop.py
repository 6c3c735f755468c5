"""What a learner reads in a day's work: the copy's closing words, `make all`'s output,
each command's --help, and the READMEs that say what the targets run."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import BASE_ANSWERS, OFFERED_TIERS, REPO_ROOT, VARIANTS, Project

PLACEHOLDER = "https://github.com/your-github-name/"
# The project facts that come from Copier's answers: a run never passes them.
ANSWERED_KEYS = ["number", "title", "slug", "tier", "kind", "dataset", "task"]


def copy_with_cli(destination: Path, *data: str) -> subprocess.CompletedProcess:
    """The learner's `copier copy`, with Copier's closing message on stderr."""
    answers = [f"--data={key}={value}" for key, value in BASE_ANSWERS.items()]
    command = [sys.executable, "-m", "copier", "copy", "--trust", "--defaults"]
    command += ["--vcs-ref=HEAD", *answers, *(f"--data={item}" for item in data)]
    return subprocess.run(
        [*command, str(REPO_ROOT), str(destination)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("tier", ["beginner", "intermediate"])
def test_help_shows_only_what_a_run_may_change(tier, rendered) -> None:
    project = rendered(f"{tier}-iris", **VARIANTS[f"{tier}-iris"])
    for command in ("train", "evaluate"):
        result = project.run(sys.executable, "-m", project.package, command, "--help")
        assert result.returncode == 0, result.stderr
        assert "required" not in result.stdout
        for key in ANSWERED_KEYS:
            assert f"--project.{key} " not in result.stdout, key
        assert "--project.seed SEED" in result.stdout
    # Hidden from the help, the facts are still read from configs/project.yaml.
    result = project.run(sys.executable, "-m", project.package, "train", "--help")
    assert "--features.scale_numeric" in result.stdout


def test_the_readmes_say_what_the_targets_run(rendered) -> None:
    project = rendered("beginner-iris", **VARIANTS["beginner-iris"])
    makefile = project.read("Makefile")
    recipe = re.search(r"^notebook:.*\n\t\$\(UV\) (.+)$", makefile, re.MULTILINE)
    assert f"`uv {recipe.group(1)}`" in " ".join(project.read("README.md").split())
    assert "pip install" not in project.read("README.md").split("make notebook")[1]
    # The main README's row for the tier question names every tier Copier offers.
    row = next(
        line
        for line in (REPO_ROOT / "README.md").read_text("utf-8").splitlines()
        if line.startswith("| `tier` |")
    )
    assert all(tier in row.split("|")[2] for tier in OFFERED_TIERS), row


@pytest.mark.slow
def test_make_all_prints_the_scores_once(rendered, copy_of, tmp_path) -> None:
    shared = rendered("beginner-iris", **VARIANTS["beginner-iris"])
    project = copy_of(shared, tmp_path / "p")
    make_all = ["make", "--no-print-directory", "all", f"PYTHON={sys.executable}"]
    result = project.run(*make_all)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"-m {project.package} train then evaluate\n" in result.stdout
    assert result.stdout.count("test accuracy: model ") == 1, result.stdout
    assert "the saved model, loaded again, gives the same test scores" in result.stdout

    # Alone, after the data changed, `evaluate` shows the new scores.
    config = project.path / "configs" / "project.yaml"
    config.write_text(config.read_text().replace("seed: 42", "seed: 7"))
    result = project.run(sys.executable, "-m", project.package, "evaluate")
    assert result.returncode == 0, result.stderr
    assert "test accuracy: model " in result.stdout, result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["devto", "markdown"])
def test_the_placeholder_address_is_named_at_copy_and_by_report(
    platform, tmp_path
) -> None:
    copied = copy_with_cli(tmp_path / "p", "dataset=wine", f"blog_platform={platform}")
    assert copied.returncode == 0, copied.stderr[-3000:]
    said = "the draft's figures will not load on dev.to until it is your repository's"
    assert copied.stderr.count(said) == (platform == "devto"), copied.stderr[-3000:]

    answers = yaml.safe_load((tmp_path / "p" / ".copier-answers.yml").read_text())
    project = Project(tmp_path / "p", answers)
    python = [sys.executable, "-m", project.package]
    assert project.run(*python, "train").returncode == 0
    result = project.run(*python, "report")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(said) == (platform == "devto"), result.stdout
    if platform == "devto":
        assert f"is still {PLACEHOLDER}" in result.stdout

    # Given the learner's own address, `report` says nothing more.
    config = project.path / "configs" / "project.yaml"
    config.write_text(config.read_text().replace("your-github-name", "ada"))
    result = project.run(*python, "report")
    assert result.returncode == 0, result.stderr
    assert said not in result.stdout


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        (
            ["kind=timeseries", "csv_path=/nowhere/sales.csv", "date_column=month"]
            + ["target_column=units"],
            "with its dates in the column month, its values in units.",
        ),
        (
            ["kind=text", "csv_path=/nowhere/sales.csv", "text_column=review"]
            + ["target_column=stars"],
            "with its texts in the column review, their labels in stars.",
        ),
        (
            ["kind=clustering", "csv_path=/nowhere/sales.csv"],
            "with every column a number.",
        ),
        (
            ["csv_path=/nowhere/sales.csv", "target_column=churned"],
            "with its column to predict named churned.",
        ),
    ],
    ids=["series", "text", "clustering", "table"],
)
def test_the_copy_names_the_columns_a_csv_not_there_yet_needs(
    answers, said, tmp_path
) -> None:
    copied = copy_with_cli(tmp_path / "p", "dataset=csv", *answers)
    assert copied.returncode == 0, copied.stderr[-3000:]
    closing = " ".join(copied.stderr.split())
    assert f"copy it to data/raw/sales.csv before training, {said}" in closing, closing
