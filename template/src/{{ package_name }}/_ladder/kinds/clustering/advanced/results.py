"""The autoencoder's results, filled into the draft by `report` next to the best
classical candidate and random assignment."""

from pathlib import Path
from typing import Any

from ....advanced.paths import NetworkPaths
from ....intermediate.runs import (
    best_run,
    finished_runs,
    list_runs,
    search_sections,
)
from ..report import cluster_sections


def comparison_table(metrics: dict[str, Any]) -> str:
    """The autoencoder, the best classical candidate and the baseline, side by side."""
    classical = metrics["best_classical"]
    rows = [
        f"| metric | autoencoder + KMeans | {classical['candidate']} | baseline |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, value in metrics["model"].items():
        label = f"**{name}**" if name == metrics["primary_metric"] else name
        rows.append(
            f"| {label} | {value:.3f} | {classical['scores'][name]:.3f} "
            f"| {metrics['baseline'][name]:.3f} |"
        )
    return "\n".join(rows)


def autoencoder_results(paths: NetworkPaths) -> tuple[dict[str, Any], Path, list[str]]:
    """What `report` fills in: the latest run's metrics and folder, the autoencoder
    beside the best classical candidate, the clusters, and every run."""
    runs = finished_runs(paths)
    latest = list_runs(paths)[-1]
    sections = [
        "The autoencoder's clusters beside the best classical candidate's and random "
        "assignment, on the same held-out rows:",
        comparison_table(latest.metrics),
        *cluster_sections(latest.metrics),
        *search_sections(best_run(runs), runs),
    ]
    return latest.metrics, latest.folder, sections
