"""The autoencoder's results: re-scored by `evaluate`, filled into the draft by
`report` next to the best classical candidate and random assignment."""

from pathlib import Path
from typing import Any

from ....advanced.paths import NetworkPaths
from ....core.artifacts import read_json
from ....core.evaluate import write_evaluation
from ....core.project import Project
from ....core.publish import Blog
from ....core.report import documents_to_fill, fill_results
from ....core.settings import Settings
from ....intermediate.runs import (
    best_run,
    finished_runs,
    list_runs,
    search_sections,
)
from ..data import prepare_rows
from ..evaluate import evaluate
from ..report import cluster_sections
from .autoencoder import EmbeddingClusterer, load_clusterer


def saved_clusterer(paths: NetworkPaths) -> EmbeddingClusterer:
    """models/model.ckpt, models/preprocessor.skops and the embedding's KMeans."""
    from .train import embedding_path  # Lightning only when training

    return load_clusterer(paths.checkpoint, paths.preprocessor, embedding_path(paths))


def evaluate_saved(paths: NetworkPaths, settings: Settings) -> dict[str, Any]:
    """Re-score the saved autoencoder on the test rows; keep the rest of the file."""
    clusterer = saved_clusterer(paths)
    evaluation = evaluate(clusterer, prepare_rows(paths, settings), settings)
    written = read_json(paths.metrics) if paths.metrics.is_file() else {}
    # The test scores and the clusters are new; what `train` wrote besides stays.
    kept = {"estimator", "params"}
    fresh = {k: v for k, v in evaluation.metrics.items() if k not in kept}
    evaluation.metrics = {**written, **fresh}
    write_evaluation(evaluation, paths)
    return evaluation.metrics


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


def report(paths: NetworkPaths, project: Project) -> list[Path]:
    """Fill the draft, the README and the model card: the autoencoder beside the
    best classical candidate, the clusters, and every run."""
    runs = finished_runs(paths)
    latest = list_runs(paths)[-1]
    sections = [
        "The autoencoder's clusters beside the best classical candidate's and random "
        "assignment, on the same held-out rows:",
        comparison_table(latest.metrics),
        *cluster_sections(latest.metrics),
        *search_sections(best_run(runs), runs),
    ]
    documents = documents_to_fill(paths, project)
    blog = Blog(paths.root, project)
    fill_results(documents, latest.metrics, latest.folder, blog, sections)
    return documents
