"""The steps of a clustering experiment (core/kind.py's `Steps`): the model is fitted
on the training rows, no labels; the test rows are assigned to their nearest cluster,
as `predict` does, and scored next to random assignment to as many clusters. The
profile, the unusual rows and the 2-D figure cover every row: they describe the data.

Internal scores: silhouette (-1 to 1, higher is better: how much closer each row is to
its own cluster than to the next), Davies-Bouldin (lower is better: how alike each
cluster is to its nearest) and Calinski-Harabasz (higher is better: spread between
over spread within). With labels (hidden from the models): adjusted Rand index and
adjusted mutual information (0 for chance, 1 for the same grouping).
"""

from typing import Any

import numpy as np
import pandas as pd
from sklearn import metrics as sk
from sklearn.pipeline import Pipeline

from ...core.errors import ProjectError
from ...core.evaluate import Evaluation, describe, metrics_record
from ...core.paths import Paths
from ...core.rows import read_rows, scored, write_rows
from ...core.settings import Settings
from . import data, figures
from .columns import left_out, separation
from .data import Rows
from .profile import (
    anomaly_scores,
    centres,
    cluster_profile,
    most_unusual,
)

load, prepare = data.load, data.prepare


def fit(settings: Settings, rows: Rows) -> Pipeline:
    """model.py's Pipeline, as the config says, fitted on the training rows alone."""
    from ....features import build_preprocessor
    from ....model import build_model

    preprocessor = build_preprocessor(**settings.features.as_dict())
    model = build_model(
        preprocessor, seed=settings.project.seed, **settings.model.as_dict()
    )
    return fit_rows(model, rows.X_train)


def fit_rows(model: Pipeline, X) -> Pipeline:
    try:
        return model.fit(X)
    except ValueError as error:  # e.g. more clusters than rows
        raise ProjectError(f"the model could not be fitted: {error}") from None


def cluster_scores(
    features: np.ndarray, clusters: np.ndarray, labels: pd.Series | None
) -> dict[str, float]:
    """The internal scores of `clusters`, and their agreement with `labels`."""
    found = len(np.unique(clusters))
    if not 2 <= found < len(clusters):
        raise ProjectError(
            f"the model put {len(clusters)} rows into {found} cluster(s): scores need "
            f"at least 2 clusters and fewer clusters than rows; change the model's "
            "settings (n_clusters, eps, ...) or add rows"
        )
    scores = {
        "silhouette": float(sk.silhouette_score(features, clusters)),
        "davies_bouldin": float(sk.davies_bouldin_score(features, clusters)),
        "calinski_harabasz": float(sk.calinski_harabasz_score(features, clusters)),
    }
    if labels is not None:
        scores["adjusted_rand"] = float(sk.adjusted_rand_score(labels, clusters))
        scores["adjusted_mutual_info"] = float(
            sk.adjusted_mutual_info_score(labels, clusters)
        )
    return scores


def random_assignment(n_rows: int, n_clusters: int, seed: int) -> np.ndarray:
    """The baseline: each row in one of `n_clusters` equal clusters, at random."""
    rng = np.random.default_rng(seed)
    return rng.permutation(np.arange(n_rows) % n_clusters)


def scores_against_chance(
    features: np.ndarray, clusters: np.ndarray, rows: Rows, seed: int
) -> dict[str, Any]:
    """The model's test scores and random assignment's; the labels decide when there
    are some, else the silhouette."""
    chance = random_assignment(len(clusters), len(np.unique(clusters)), seed)
    labels = rows.labels_test
    return {
        "primary_metric": "silhouette" if labels is None else "adjusted_rand",
        "model": cluster_scores(features, clusters, labels),
        "baseline": cluster_scores(features, chance, labels),
    }


def feature_space(model, X) -> np.ndarray:
    """X in the scaled columns the model clusters, where every model is scored."""
    if hasattr(model, "features"):
        return model.features(X)
    return model[:-1].transform(X)


def evaluate(model: Pipeline, rows: Rows, settings: Settings) -> Evaluation:
    """Test scores against chance, the profile and most unusual rows; the figures."""
    project, shown, seed = settings.project, settings.evaluation, settings.project.seed
    test_clusters = model.predict(rows.X_test)
    scores = scores_against_chance(
        feature_space(model, rows.X_test), test_clusters, rows, seed
    )
    X = rows.X
    clusters = model.predict(X)
    row_scores = anomaly_scores(model, X)
    ranked = separation(X, clusters)
    # The profile: the numeric columns that separate the clusters most.
    numeric = set(X.select_dtypes("number").columns)
    columns = [name for name in ranked if name in numeric][: shown.profile_columns]
    features = feature_space(model, X)
    n_train = len(rows.X_train)
    ks = list(range(2, max(2, min(shown.max_k, n_train - 1)) + 1))
    top = np.argsort(row_scores)[::-1][: shown.unusual_rows]
    if hasattr(model, "anomaly_scores"):  # the advanced tier's autoencoder
        measure, n_clusters = "the autoencoder's reconstruction error", model.n_clusters
    else:
        measure = "the distance to the nearest cluster centre"
        n_clusters = len(centres(model[-1]))
    metrics = metrics_record(
        project,
        {
            **scores,
            **describe(model),
            "n_clusters": n_clusters,
            "n_train": n_train,
            "n_test": len(rows.X_test),
            "anomaly_score": measure,
            "profile": cluster_profile(X, clusters, columns),
            "unusual": most_unusual(
                X, row_scores, clusters, columns, shown.unusual_rows
            ),
            "columns": columns_record(X, ranked, rows, settings),
        },
    )
    drawn = {
        "clusters": figures.projection_figure(
            features, clusters, rows.labels, top, seed
        ),
        "choice_of_k": figures.choice_of_k_figure(
            features[:n_train], ks, len(np.unique(clusters)), seed
        ),
    }
    return Evaluation(metrics, drawn)


def columns_record(
    X: pd.DataFrame, ranked: dict[str, float], rows: Rows, settings: Settings
) -> dict[str, Any]:
    """Which columns were clustered on and why, and how far each separates the
    clusters (`ranked`); columns `data.columns` names that hold no groups are
    flagged."""
    named = bool(settings.data.columns)
    return {
        "chosen_by": "data.columns" if named else "default",
        "left_out": rows.left_out,
        "flagged": left_out(X) if named else {},
        "separation": ranked,
    }


def predict(model: Pipeline, paths: Paths, settings: Settings) -> str:
    """Write the CSV's rows plus `cluster` and `anomaly_score` columns."""
    csv_path = settings.csv
    rows, inputs = read_rows(model, csv_path, "assign")
    clusters = scored(csv_path, "assigned", lambda: model.predict(inputs))
    scores = scored(csv_path, "assigned", lambda: anomaly_scores(model, inputs))
    table = rows.assign(cluster=clusters, anomaly_score=scores)
    output = write_rows(table, settings.output or paths.predictions)
    own = hasattr(model, "anomaly_scores")
    measured = "reconstruction errors" if own else "anomaly scores"
    return f"clusters and {measured} written to {output}"
