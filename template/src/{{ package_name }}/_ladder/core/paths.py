"""Where this project's files live, every one under a single project root.

Tests point a whole run at a temporary folder with `Paths(tmp_path)`; the command line
uses the current directory (or `--root`).
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paths:
    """The files a run reads and writes, under one project root."""

    root: Path = Path()

    @property
    def configs(self) -> Path:
        return self.root / "configs"

    @property
    def project_config(self) -> Path:
        """The project's facts, written by the template from your answers."""
        return self.configs / "project.yaml"

    @property
    def default_config(self) -> Path:
        """Your parameters: the sections each tier reads."""
        return self.configs / "default.yaml"

    @property
    def raw_data(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def model(self) -> Path:
        """The scikit-learn model `train` fitted last."""
        return self.models / "model.skops"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def metrics(self) -> Path:
        return self.reports / "metrics.json"

    @property
    def resolved_config(self) -> Path:
        """The configuration the last `train` ran with, every default filled in."""
        return self.reports / "config.yaml"

    @property
    def data_facts(self) -> Path:
        """What the exploration notebook found: rows, gaps, classes, its figures."""
        return self.reports / "data.json"

    @property
    def figures(self) -> Path:
        return self.reports / "figures"

    @property
    def predictions(self) -> Path:
        return self.reports / "predictions.csv"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def explore_notebook(self) -> Path:
        """The first look at the data: a jupytext percent script."""
        return self.notebooks / "01-explore.py"

    @property
    def explore_run(self) -> Path:
        """The notebook as `make explore` last ran it, outputs included."""
        return self.reports / "01-explore.ipynb"

    @property
    def blog(self) -> Path:
        return self.root / "blog"

    @property
    def readme(self) -> Path:
        return self.root / "README.md"

    @property
    def model_card(self) -> Path:
        return self.root / "MODEL_CARD.md"
