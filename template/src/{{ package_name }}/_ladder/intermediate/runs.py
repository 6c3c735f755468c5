"""One folder per run under reports/runs/, and the tables that compare them.

`train` saves every run as reports/runs/<timestamp>-<experiment>/ with config.yaml
(the resolved configuration: what was tried), metrics.json (what came out) and
figures/. A run folder never changes afterwards: together they are the log of your
experiments. The best run is the one with the best cross-validation score: choosing
by the test score would make the test score an optimistic guess instead of an honest
estimate.
"""

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.artifacts import (
    read_json,
    save_figures,
    write_json,
    write_metrics,
    write_text,
)
from ..core.cli import PACKAGE
from ..core.errors import ProjectError
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.project import Project
from ..core.publish import Blog
from ..core.report import documents_to_fill, fill_results, sentence
from ..core.settings import Settings
from .part import intermediate_part, reported_mean, reported_metric

if TYPE_CHECKING:  # matplotlib is heavy: `compare` and `report` need none of it
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Run:
    """A saved run: its folder and its metrics."""

    folder: Path
    metrics: dict[str, Any]

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def config(self) -> Path:
        """The configuration the run resolved, every default filled in."""
        return self.folder / "config.yaml"

    @property
    def classical_scores(self) -> dict[str, float]:
        """The best scikit-learn candidate's test scores. An advanced run's `model` is
        its network: the candidate's scores are under `best_classical` there."""
        classical = self.metrics.get("best_classical")
        return classical["scores"] if classical else self.metrics["model"]


def runs_folder(paths: Paths) -> Path:
    return paths.reports / "runs"


def save_run(
    paths: Paths,
    settings: Settings,
    metrics: dict[str, Any],
    figures: dict[str, "Figure"],
) -> Run:
    """Write the run into a hidden folder, then rename it into place: a run that
    fails half-way leaves no half-written folder in the log."""
    root = runs_folder(paths)
    root.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder, number = root / f"{stamp}-{settings.experiment}", 1
    while folder.exists():  # two runs in the same second
        number += 1
        folder = root / f"{stamp}-{settings.experiment}-{number}"
    temporary = root / f".unfinished-{folder.name}"
    temporary.mkdir()
    try:
        saved = save_figures(figures, temporary / "figures", temporary)
        metrics = {**metrics, "run": folder.name, "figures": saved}
        write_text(temporary / "config.yaml", settings.yaml)
        write_json(temporary / "metrics.json", metrics)
        os.replace(temporary, folder)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return Run(folder, metrics)


def list_runs(paths: Paths) -> list[Run]:
    """Every finished run, oldest first."""
    root = runs_folder(paths)
    folders = sorted(root.iterdir()) if root.is_dir() else []
    return [
        Run(folder, read_json(folder / "metrics.json"))
        for folder in folders
        if not folder.name.startswith(".") and (folder / "metrics.json").is_file()
    ]


def finished_runs(paths: Paths) -> list[Run]:
    runs = list_runs(paths)
    if not runs:
        raise ProjectError(f"no runs in {runs_folder(paths)}: run `train` first")
    return runs


def best_run(runs: list[Run]) -> Run:
    """The run with the best cross-validation score (never the best test score)."""
    return max(runs, key=lambda run: run.metrics["cv"]["mean"])


def write_latest(paths: Paths, run: Run) -> None:
    """reports/metrics.json and reports/config.yaml: the last run's, with its figures
    relative to reports/, so `evaluate` and the other tiers' tools find them."""
    base = run.folder.relative_to(paths.reports).as_posix()
    figures = [f"{base}/{figure}" for figure in run.metrics["figures"]]
    write_text(paths.resolved_config, run.config.read_text(encoding="utf-8"))
    write_metrics(paths.metrics, {**run.metrics, "figures": figures})


def cv_column(
    metrics: dict[str, Any], scores: dict[str, Any], after: str = ""
) -> dict[str, str]:
    """The default score column of the tables: a CV score in the units of the test
    scores (a forecast's error is searched negated, so that higher is better)."""
    searched = metrics["cv"].get("metric", metrics["primary_metric"])
    cell = f"{reported_mean(searched, scores['mean']):.3f} ± {scores['std']:.3f}"
    return {f"CV {reported_metric(searched)}{after}": cell}


def experiments_table(runs: list[Run]) -> str:
    """Every run as a Markdown table row, with the kind's score columns; the best one
    (by CV) in bold."""
    metric, best = runs[0].metrics["primary_metric"], best_run(runs)
    scores = intermediate_part().run_scores or (lambda m: cv_column(m, m["cv"]))
    titles = list(scores(runs[0].metrics))
    rows = [
        f"| run | candidate | {' | '.join(titles)} "
        f"| test {metric} | baseline | trials |",
        "| --- | --- |" + " ---: |" * (len(titles) + 3),
    ]
    for run in runs:
        cells = " | ".join(scores(run.metrics).values())
        name = f"**{run.name}**" if run is best else run.name
        rows.append(
            f"| {name} | {run.metrics['candidate']} | {cells} "
            f"| {run.classical_scores[metric]:.3f} "
            f"| {run.metrics['baseline'][metric]:.3f} | {run.metrics['cv']['trials']} |"
        )
    return "\n".join(rows)


def candidates_table(metrics: dict[str, Any]) -> str:
    """The run's candidates side by side: the best trial of each."""
    scores = intermediate_part().candidate_scores or (
        lambda candidate, m: cv_column(m, candidate, " (mean ± std)")
    )
    titles = list(scores(metrics["candidates"][0], metrics))
    rows = [
        f"| candidate | trials | {' | '.join(titles)} |",
        "| --- |" + " ---: |" * (len(titles) + 1),
    ]
    for candidate in metrics["candidates"]:
        cells = " | ".join(scores(candidate, metrics).values())
        rows.append(f"| {candidate['name']} | {candidate['trials']} | {cells} |")
    return "\n".join(rows)


def compare(paths: Paths) -> str:
    """Every run, in the kind's table: what `compare` prints."""
    return experiments_table(finished_runs(paths))


def all_runs_section(runs: list[Run]) -> list[str]:
    """The draft's table of every run, as `compare` prints it."""
    table = experiments_table(runs)
    return [f"All runs ({len(runs)}), from `python -m {PACKAGE} compare`:", table]


def search_sections(best: Run, runs: list[Run]) -> list[str]:
    """The draft's account of the search: the kind's sentence on how the candidates
    were compared (its numbers from `cv`), the best run's candidates, every run."""
    account = intermediate_part().search_account.format(**best.metrics["cv"])
    # Where the folds could not tell the best candidates apart, which one was kept.
    selection = best.metrics.get("selection")
    close = f" {sentence(selection)}" if selection else ""
    return [
        f"Best run: `{best.name}`. {account}{close}",
        candidates_table(best.metrics),
        *all_runs_section(runs),
    ]


def fill_report(
    paths: Paths,
    project: Project,
    metrics: dict[str, Any],
    folder: Path,
    sections: Sequence[str],
) -> list[Path]:
    """Fill the draft, the README and any model card with `metrics` (figures relative
    to `folder`) and `sections`; returns the files filled."""
    documents = documents_to_fill(paths, project)
    fill_results(documents, metrics, folder, Blog(paths.root, project), sections)
    return documents


def report(paths: Paths, project: Project) -> list[Path]:
    """Fill the documents with the best run (and what the kind shows of it, e.g. its
    clusters) and the table of all runs."""
    runs = finished_runs(paths)
    best = best_run(runs)
    show = current_kind().report_sections
    sections = [*(show(best.metrics) if show else ()), *search_sections(best, runs)]
    return fill_report(paths, project, best.metrics, best.folder, sections)
