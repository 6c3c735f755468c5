"""The clustering kind's advanced part (advanced/part.py): an
autoencoder that learns to rebuild the rows (training.py), KMeans on its embedding,
its reconstruction error as anomaly score (autoencoder.py), beside the best classical
candidate. The names it does not define are the rows' (advanced/rows.py)."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ....advanced.paths import NetworkPaths
from ....core.settings import Settings

NETWORK = "autoencoder"
NETWORK_INPUTS = frozenset({"n_inputs"})
SEARCHES_NETWORK = False
# The rows are prepared as the `data:` section says, in `evaluate` too.
EVALUATE_READS_CONFIG = True
# KMeans fitted on the embedding: the autoencoder's clusters, beside the checkpoint.
EMBEDDING_KMEANS = "embedding_kmeans.skops"


def monitored(settings: Settings) -> tuple[Sequence[str], str]:
    # Logged per stage (train_mae, val_mae): early stopping may watch either val one.
    return ("val_loss", "val_mae"), "an autoencoder"


def curve_metric(settings: Settings) -> str:
    return "mae"


def lit_module(params: Any) -> Any:
    from .training import LitAutoencoder

    return LitAutoencoder(params)


def data_module(settings: Settings, rows: Any) -> Any:
    from .training import RowsDataModule

    features = settings.features.as_dict()
    return RowsDataModule(rows, features, settings.batches, settings.project.seed)


def model(
    checkpoint: Path, datamodule: Any, rows: Any, settings: Settings
) -> tuple[Any, dict[str, Any]]:
    """The trained autoencoder, with KMeans fitted on the training rows' embedding."""
    from .autoencoder import cluster_embedding, load_autoencoder

    network, saved = load_autoencoder(checkpoint)
    clusterer = cluster_embedding(
        network,
        datamodule.preprocessor,
        rows.X_train,
        n_clusters=settings.model.n_clusters,
        random_state=settings.project.seed,
    )
    return clusterer, saved


def save(model: Any, paths: NetworkPaths) -> None:
    from ....core.artifacts import save_model

    save_model(model.preprocessor, paths.preprocessor)
    save_model(model.kmeans, paths.models / EMBEDDING_KMEANS)


def load(paths: NetworkPaths, settings: Settings) -> tuple[Any, dict[str, Any]]:
    from ....core.artifacts import load_model
    from .autoencoder import EmbeddingClusterer, load_autoencoder

    network, saved = load_autoencoder(paths.checkpoint)
    preprocessor = load_model(paths.preprocessor)
    kmeans = load_model(paths.models / EMBEDDING_KMEANS)
    return EmbeddingClusterer(network, preprocessor, kmeans), saved


def describe(model: Any, config: str) -> dict[str, Any]:
    import yaml

    network = (yaml.safe_load(config) or {}).get("network", {}) if config else {}
    params = {**network, "n_clusters": model.n_clusters}
    return {"estimator": "autoencoder + KMeans", "params": params}


def rival_scores(
    model: Any, classical: Any, rows: Any, settings: Settings
) -> dict[str, float]:
    """The rival's clusters scored in the autoencoder's scaled columns."""
    from ..steps import feature_space, scores_against_chance

    X = rows.X_test
    space = feature_space(model, X)
    seed = settings.project.seed
    return scores_against_chance(space, classical.predict(X), rows, seed)["model"]


def figures(
    model: Any, classical: Any, rows: Any, settings: Settings, outcome: Any
) -> dict[str, Any]:
    from ..figures import candidates_figure

    return {"candidates": candidates_figure(outcome.candidates)}


def report_content(paths: NetworkPaths) -> tuple[dict[str, Any], Path, list[str]]:
    """The latest run's metrics and folder; the autoencoder beside the best classical
    candidate and the baseline, the clusters, every run."""
    from ....intermediate.runs import (
        best_run,
        finished_runs,
        list_runs,
        search_sections,
    )
    from ..profile import cluster_sections

    runs = finished_runs(paths)
    latest = list_runs(paths)[-1]
    metrics, classical = latest.metrics, latest.metrics["best_classical"]
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
    sections = [
        "The autoencoder's clusters beside the best classical candidate's and random "
        "assignment, on the same held-out rows:",
        "\n".join(rows),
        *cluster_sections(metrics),
        *search_sections(best_run(runs), runs),
    ]
    return metrics, latest.folder, sections
