"""What each cluster holds, which rows fit none, and how the draft shows both.

A profile shows the columns whose cluster means lie furthest apart, in units of the
column's spread. A row's anomaly score is its distance to the nearest centre in the
model's scaled columns (the autoencoder's: its reconstruction error); the highest
are worth a look: errors in the data, fraud, rare cases.
"""

from typing import Any

import numpy as np
import pandas as pd

from ...core.cli import PACKAGE

NOTE = (
    "Scores on the held-out rows, each assigned to its nearest cluster; the baseline "
    "assigns them to as many clusters at random. Silhouette and Calinski-Harabasz: "
    "higher is better; Davies-Bouldin: lower is better"
)


def centres(estimator) -> np.ndarray:
    """The centres of KMeans, a Gaussian mixture or a NearestCentroid."""
    for name in ("cluster_centers_", "means_", "centroids_"):
        if hasattr(estimator, name):
            return np.asarray(getattr(estimator, name))
    raise TypeError(f"{type(estimator).__name__} keeps no cluster centres")


def anomaly_scores(model, X: pd.DataFrame) -> np.ndarray:
    """Each row's anomaly score: the model's own, else its distance to the nearest
    centre."""
    if hasattr(model, "anomaly_scores"):
        return model.anomaly_scores(X)
    features = model[:-1].transform(X)
    found = centres(model[-1])
    distances = np.linalg.norm(features[:, None, :] - found[None, :, :], axis=2)
    return distances.min(axis=1)


def telling_columns(X: pd.DataFrame, clusters: np.ndarray, count: int) -> list[str]:
    """The `count` numeric columns whose means differ most between clusters."""
    numeric = X.select_dtypes("number")
    if numeric.columns.empty:
        return []
    means = numeric.groupby(clusters).mean()
    spread = numeric.std().replace(0, np.nan)
    separation = ((means.max() - means.min()) / spread).fillna(0)
    return list(separation.sort_values(ascending=False).index[:count])


def cluster_profile(
    X: pd.DataFrame, clusters: np.ndarray, columns: list[str]
) -> dict[str, dict]:
    """Per cluster: how many rows, and the mean of each of `columns`."""
    profile = {}
    for cluster in np.unique(clusters):
        members = X[clusters == cluster]
        profile[str(cluster)] = {
            "rows": len(members),
            "means": {name: float(members[name].mean()) for name in columns},
        }
    return profile


def most_unusual(
    X: pd.DataFrame,
    scores: np.ndarray,
    clusters: np.ndarray,
    columns: list[str],
    count: int,
) -> list[dict]:
    """The `count` rows with the highest scores, most unusual first, with their
    cluster and the values of `columns` (a missing value is null)."""
    rows = []
    for position in np.argsort(scores)[::-1][:count]:
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
    if pd.isna(value):
        return None
    return float(value) if isinstance(value, (int, float, np.number)) else str(value)


def cluster_sections(metrics: dict[str, Any]) -> list[str]:
    """The Markdown the draft shows of the clusters, from metrics.json."""
    note = NOTE
    if "adjusted_rand" in metrics["model"]:
        note += (
            "; adjusted Rand index and adjusted mutual information compare the "
            "clusters with the labels the models never saw (0 is chance, 1 the same "
            "groups)"
        )
    profile = metrics.get("profile", {})
    unusual = metrics.get("unusual", [])
    measure = metrics.get("anomaly_score", "anomaly score")
    return [
        note + ".",
        f"What each of the {len(profile)} clusters holds (all rows; the "
        "columns that tell the clusters apart most, their mean in each):",
        profile_table(profile),
        f"The most unusual rows, by {measure} (`python -m {PACKAGE} predict` "
        "scores new rows the same way):",
        unusual_table(unusual),
    ]


def profile_table(profile: dict[str, dict]) -> str:
    if not profile:
        return ""
    columns = list(next(iter(profile.values()))["means"])
    rows = [
        "| cluster | rows | " + " | ".join(columns) + " |",
        "| --- | ---: | " + " | ".join("---:" for _ in columns) + " |",
    ]
    for cluster, facts in profile.items():
        means = " | ".join(f"{facts['means'][name]:.3g}" for name in columns)
        rows.append(f"| {cluster} | {facts['rows']} | {means} |")
    return "\n".join(rows)


def unusual_table(unusual: list[dict]) -> str:
    if not unusual:
        return ""
    columns = list(unusual[0]["values"])
    rows = [
        "| row | anomaly score | cluster | " + " | ".join(columns) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in columns) + " |",
    ]
    for row in unusual:
        values = " | ".join(cell(row["values"][name]) for name in columns)
        rows.append(
            f"| {row['row']} | {row['score']:.3f} | {row['cluster']} | {values} |"
        )
    return "\n".join(rows)


def cell(value) -> str:
    if value is None:
        return ""
    return f"{value:.3g}" if isinstance(value, float) else str(value).replace("|", "/")
