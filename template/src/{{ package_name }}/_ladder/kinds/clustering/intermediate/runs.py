"""The clustering runs side by side: `compare`'s table and the draft's.

The run folders are the shared ones (intermediate/runs.py); the best run is the one
with the best silhouette on its training rows, never the best test score.
"""

from pathlib import Path
from typing import Any

from ....core.cli import PACKAGE
from ....core.paths import Paths
from ....core.project import Project
from ....core.publish import Blog
from ....core.report import documents_to_fill, fill_results
from ....intermediate.runs import Run, best_run, finished_runs
from ..report import cluster_sections


def experiments_table(runs: list[Run]) -> str:
    """Every run as a Markdown table row; the best one (by silhouette) in bold."""
    metric = runs[0].metrics["primary_metric"]
    best = best_run(runs)
    rows = [
        f"| run | candidate | clusters | train silhouette | stability | test {metric} "
        "| baseline | trials |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        cv, test = run.metrics["cv"], run.classical_scores[metric]
        name = f"**{run.name}**" if run is best else run.name
        rows.append(
            f"| {name} | {run.metrics['candidate']} | {candidate_clusters(run)} "
            f"| {cv['mean']:.3f} ± {cv['std']:.3f} | {cv['stability']:.3f} "
            f"| {test:.3f} | {run.metrics['baseline'][metric]:.3f} | {cv['trials']} |"
        )
    return "\n".join(rows)


def candidate_clusters(run: Run) -> int:
    """How many clusters the run's best candidate found (in its search)."""
    chosen = run.metrics["candidate"]
    return next(c for c in run.metrics["candidates"] if c["name"] == chosen)["clusters"]


def candidates_table(metrics: dict[str, Any]) -> str:
    """The run's candidates side by side: the best trial of each."""
    rows = [
        "| candidate | trials | clusters | silhouette (mean ± std) | stability |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for candidate in metrics["candidates"]:
        rows.append(
            f"| {candidate['name']} | {candidate['trials']} | {candidate['clusters']} "
            f"| {candidate['mean']:.3f} ± {candidate['std']:.3f} "
            f"| {candidate['stability']:.3f} |"
        )
    return "\n".join(rows)


def compare(paths: Paths) -> str:
    """The table `python -m <package> compare` prints."""
    return experiments_table(finished_runs(paths))


def search_sections(best: Run, runs: list[Run]) -> list[str]:
    """The draft's account of the search: the candidates, then every run."""
    cv = best.metrics["cv"]
    return [
        f"Best run: `{best.name}`. The candidates were compared by their silhouette "
        f"on the training rows, each fitted with {cv['seeds']} seeds, over "
        f"{cv['trials']} Optuna trials (stability: the adjusted Rand index between "
        "the seeds' clusters); the best was refitted and scored once on the test rows.",
        candidates_table(best.metrics),
        f"All runs ({len(runs)}), from `python -m {PACKAGE} compare`:",
        experiments_table(runs),
    ]


def report(paths: Paths, project: Project) -> list[Path]:
    """Fill the draft and the README with the best run's clusters and every run."""
    runs = finished_runs(paths)
    best = best_run(runs)
    sections = [*cluster_sections(best.metrics), *search_sections(best, runs)]
    documents = documents_to_fill(paths, project)
    blog = Blog(paths.root, project)
    fill_results(documents, best.metrics, best.folder, blog, sections)
    return documents
