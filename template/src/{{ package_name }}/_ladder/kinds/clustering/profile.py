"""What each cluster holds, which rows fit none, and how the draft shows both.

A profile shows each cluster's mean of the numeric columns that separate the
clusters most (columns.py ranks them). A row's anomaly score is its distance to the
nearest centre in the model's scaled columns (the autoencoder's: its reconstruction
error); the highest are worth a look: errors in the data, fraud, rare cases.
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
        *columns_sections(metrics.get("columns")),
        f"What each of the {len(profile)} clusters holds (all rows; the "
        "columns that tell the clusters apart most, their mean in each):",
        profile_table(profile),
        f"The most unusual rows, by {measure} (`python -m {PACKAGE} predict` "
        "scores new rows the same way):",
        unusual_table(unusual),
    ]


def columns_sections(columns: dict[str, Any] | None) -> list[str]:
    """Which columns the clusters were found in, and how far each separates them."""
    if not columns:
        return []
    separation = columns["separation"]
    how = (
        "the ones `data.columns` names"
        if columns["chosen_by"] == "data.columns"
        else "every column that can hold groups"
    )
    said = f"Clustered on {len(separation)} columns, {how}"
    if columns["left_out"]:
        said += f"; left out: {reasons(columns['left_out'])}"
    if columns["flagged"]:
        said += (
            f". Named, though they may hold no groups: {reasons(columns['flagged'])}"
        )
    table = "\n".join(
        [
            "| column | separation |",
            "| --- | ---: |",
            *(f"| {cell(name)} | {value:.2f} |" for name, value in separation.items()),
        ]
    )
    return [
        f"{said}. What tells the clusters apart, from 0 (they look alike in it) to 1 "
        "(it alone separates them; a number's share of variance between the "
        "clusters, a category's information shared with them beyond chance):",
        table,
    ]


def reasons(columns: dict[str, str]) -> str:
    return ", ".join(f"`{name}` ({why})" for name, why in columns.items())


def column_notes(metrics: dict[str, Any]) -> list[str]:
    """What `train` says of the columns: those left out or named though they may hold
    no groups, and those that tell the clusters apart most."""
    columns = metrics.get("columns")
    if not columns:
        return []
    notes = []
    if columns["left_out"]:
        notes.append(
            f"left out of the clusters: {reasons(columns['left_out'])}; name the "
            "columns to use in data.columns"
        )
    for name, why in columns["flagged"].items():
        notes.append(f"data.columns names `{name}`, which may hold no groups: {why}")
    top = list(columns["separation"].items())[:3]
    shown = ", ".join(f"{name} {value:.2f}" for name, value in top)
    notes.append(f"what tells the clusters apart most (0 to 1): {shown}")
    return notes


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
