"""Where this project's files live, every one under a single project root.

Tests point a whole run at a temporary folder with `Paths(tmp_path)`; the command line
uses the current directory (or `--root`).
"""

from dataclasses import dataclass
from pathlib import Path


def under(*parts: str) -> property:
    """The path `parts` name under the project's root, as a property of `Paths`."""
    return property(lambda paths: paths.root.joinpath(*parts))


@dataclass(frozen=True)
class Paths:
    """The files a run reads and writes, under one project root."""

    root: Path = Path()

    configs = under("configs")
    # The project's facts, written by the template from your answers.
    project_config = under("configs", "project.yaml")
    # Your parameters: the sections each tier reads.
    default_config = under("configs", "default.yaml")
    raw_data = under("data", "raw")
    models = under("models")
    # The scikit-learn model `train` fitted last.
    model = under("models", "model.skops")
    reports = under("reports")
    metrics = under("reports", "metrics.json")
    # The configuration the last `train` ran with, every default filled in.
    resolved_config = under("reports", "config.yaml")
    # What the exploration notebook found: rows, gaps, classes, its figures.
    data_facts = under("reports", "data.json")
    figures = under("reports", "figures")
    predictions = under("reports", "predictions.csv")
    notebooks = under("notebooks")
    # The first look at the data: a jupytext percent script.
    explore_notebook = under("notebooks", "01-explore.py")
    # The notebook as `make explore` last ran it, outputs included.
    explore_run = under("reports", "01-explore.ipynb")
    blog = under("blog")
    readme = under("README.md")
    model_card = under("MODEL_CARD.md")
