"""Anomaly detection with a clustering model: how unusual is each row?

A row far from the centre of every cluster fits none of the groups the model found:
its anomaly score is its distance to the nearest centre, in the model's own feature
space (scaled, so every column counts alike). Higher is more unusual. The rows with
the highest scores are worth a look: errors in the data, fraud, rare cases.
"""

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline


def centres(estimator) -> np.ndarray:
    """The cluster centres an estimator keeps: KMeans' centroids, a Gaussian
    mixture's means, or a NearestCentroid's centroids."""
    for name in ("cluster_centers_", "means_", "centroids_"):
        if hasattr(estimator, name):
            return np.asarray(getattr(estimator, name))
    raise TypeError(f"{type(estimator).__name__} keeps no cluster centres")


def anomaly_scores(model: Pipeline, X: pd.DataFrame) -> np.ndarray:
    """Each row's distance to the nearest cluster centre of `model`."""
    features = model[:-1].transform(X)
    found = centres(model[-1])
    distances = np.linalg.norm(features[:, None, :] - found[None, :, :], axis=2)
    return distances.min(axis=1)


def most_unusual(
    X: pd.DataFrame,
    scores: np.ndarray,
    clusters: np.ndarray,
    columns: list[str],
    count: int,
) -> list[dict]:
    """The `count` rows with the highest scores: their row, score, cluster and the
    values of `columns`, most unusual first."""
    order = np.argsort(scores)[::-1][:count]
    rows = []
    for position in order:
        values = X.iloc[position][columns]
        rows.append(
            {
                "row": str(X.index[position]),
                "score": float(scores[position]),
                "cluster": int(clusters[position]),
                "values": {name: plain(value) for name, value in values.items()},
            }
        )
    return rows


def plain(value) -> float | str | None:
    """A cell as JSON can hold it (a missing value is null)."""
    if pd.isna(value):
        return None
    return float(value) if isinstance(value, (int, float, np.number)) else str(value)
