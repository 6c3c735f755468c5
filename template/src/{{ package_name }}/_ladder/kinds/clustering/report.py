"""Fill the draft with the clusters: scores against chance, the profile of each
cluster, the most unusual rows, and the figures."""

from typing import Any

from ...core.cli import PACKAGE
from .profile import profile_table, unusual_table

NOTE = (
    "Scores on the held-out rows, each assigned to its nearest cluster; the baseline "
    "assigns them to as many clusters at random. Silhouette and Calinski-Harabasz: "
    "higher is better; Davies-Bouldin: lower is better"
)


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
    measure = metrics.get("anomaly_score", "anomaly score")
    return [
        note + ".",
        f"What each of the {len(profile)} clusters holds (all rows; the "
        "columns that tell the clusters apart most, their mean in each):",
        profile_table(profile),
        f"The most unusual rows, by {measure} (`python -m {PACKAGE} predict` "
        "scores new rows the same way):",
        unusual_table(metrics.get("unusual", [])),
    ]
