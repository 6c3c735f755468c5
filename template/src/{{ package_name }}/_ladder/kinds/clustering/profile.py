"""What each cluster is like: its size and the mean of each numeric column.

A cluster is only useful once you can say what its rows have in common. The profile
shows the columns that tell the clusters apart most: those whose cluster means lie
furthest apart, in units of the column's own spread.
"""

import numpy as np
import pandas as pd


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


def profile_table(profile: dict[str, dict]) -> str:
    """The profile as a Markdown table: one row per cluster."""
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
    """The most unusual rows as a Markdown table, most unusual first."""
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
