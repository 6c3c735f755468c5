"""Score a fitted clustering model on the test rows next to random assignment, and
describe its clusters: sizes, profiles, most unusual rows and figures.

The scores come from the test rows, which the model never saw: each is assigned to
its nearest cluster, as `predict` does for new rows. The profile, the unusual rows and
the 2-D figure cover every row, since they describe the data rather than judge the
model.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from jsonargparse.typing import PositiveInt
from sklearn.pipeline import Pipeline

from ...core.evaluate import Evaluation, describe
from ...core.settings import Settings
from . import figures
from .anomaly import anomaly_scores, centres, most_unusual
from .data import Rows
from .metrics import cluster_scores, primary_metric, random_assignment
from .profile import cluster_profile, telling_columns


@dataclass(frozen=True)
class EvaluationSettings:
    """The `evaluation:` section: what the report shows of the clusters."""

    # The choice-of-k figure tries KMeans for every k from 2 to this.
    max_k: PositiveInt = 10
    # How many of the most unusual rows the draft lists.
    unusual_rows: PositiveInt = 5
    # How many columns the profile of each cluster shows: those telling them apart most.
    profile_columns: PositiveInt = 8


def feature_space(model, X) -> np.ndarray:
    """X in the scaled columns the model clusters: every model's internal scores are
    measured there, so they compare (the autoencoder's own `features`)."""
    if hasattr(model, "features"):
        return model.features(X)
    return model[:-1].transform(X)


def row_scores(model, X) -> np.ndarray:
    """Each row's anomaly score: the model's own (the autoencoder's reconstruction
    error), else the distance to the nearest cluster centre."""
    if hasattr(model, "anomaly_scores"):
        return model.anomaly_scores(X)
    return anomaly_scores(model, X)


def anomaly_measure(model) -> str:
    """What `row_scores` measures, in words, for the draft."""
    if hasattr(model, "anomaly_scores"):
        return "the autoencoder's reconstruction error"
    return "the distance to the nearest cluster centre"


def cluster_count(model) -> int:
    if hasattr(model, "n_clusters"):
        return model.n_clusters
    return len(centres(model[-1]))


def scores_against_chance(
    features: np.ndarray, clusters: np.ndarray, rows: Rows, seed: int
) -> dict[str, Any]:
    """The model's test scores, and those of random assignment to as many clusters."""
    found = len(np.unique(clusters))
    chance = random_assignment(len(clusters), found, seed)
    has_labels = rows.labels_test is not None
    return {
        "primary_metric": primary_metric(has_labels),
        "model": cluster_scores(features, clusters, rows.labels_test),
        "baseline": cluster_scores(features, chance, rows.labels_test),
    }


def describe_clusters(
    model: Pipeline, rows: Rows, settings: Settings
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The profile and most unusual rows (metrics), and the clusters drawn in 2-D and
    the choice of k (figures)."""
    shown, seed = settings.evaluation, settings.project.seed
    X = rows.X
    clusters = model.predict(X)
    scores = row_scores(model, X)
    columns = telling_columns(X, clusters, shown.profile_columns)
    unusual = most_unusual(X, scores, clusters, columns, shown.unusual_rows)
    features = feature_space(model, X)
    n_train = len(rows.X_train)
    ks = list(range(2, max(2, min(shown.max_k, n_train - 1)) + 1))
    top = np.argsort(scores)[::-1][: shown.unusual_rows]
    metrics = {
        "anomaly_score": anomaly_measure(model),
        "profile": cluster_profile(X, clusters, columns),
        "unusual": unusual,
    }
    drawn = {
        "clusters": figures.projection_figure(
            features, clusters, rows.labels, top, seed
        ),
        "choice_of_k": figures.choice_of_k_figure(
            features[:n_train], ks, len(np.unique(clusters)), seed
        ),
    }
    return metrics, drawn


def evaluate(model: Pipeline, rows: Rows, settings: Settings) -> Evaluation:
    """Test scores against chance, with the description of the clusters."""
    project = settings.project
    features = feature_space(model, rows.X_test)
    clusters = model.predict(rows.X_test)
    described, drawn = describe_clusters(model, rows, settings)
    metrics = {
        "project": project.slug,
        "dataset": project.dataset,
        "task": project.task,
        **scores_against_chance(features, clusters, rows, project.seed),
        **describe(model),
        "n_clusters": cluster_count(model),
        "n_train": len(rows.X_train),
        "n_test": len(rows.X_test),
        **described,
        "evaluated_at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    return Evaluation(metrics, drawn)
