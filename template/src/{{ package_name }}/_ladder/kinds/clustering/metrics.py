"""How good are clusters, with no answer key? And how much better than chance?

Internal scores judge the clusters from the data alone:
- silhouette (-1 to 1, higher is better): how much closer each row is to its own
  cluster than to the next one;
- Davies-Bouldin (0 and up, lower is better): how alike each cluster is to its most
  similar neighbour;
- Calinski-Harabasz (0 and up, higher is better): spread between clusters over
  spread within them.
When the data has labels (hidden from the models), two more compare the clusters with
them, whatever the clusters are called: adjusted Rand index and adjusted mutual
information (0 for chance, 1 for the same grouping). The baseline assigns each row to
one of as many clusters at random: any model worth keeping beats it.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import (
    adjusted_mutual_info_score,
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_score,
)

from ...core.errors import ProjectError


def primary_metric(has_labels: bool) -> str:
    """The score that decides: agreement with the labels when there are some, else
    the silhouette (both higher is better)."""
    return "adjusted_rand" if has_labels else "silhouette"


def cluster_scores(
    features: np.ndarray, clusters: np.ndarray, labels: pd.Series | None
) -> dict[str, float]:
    """The internal scores of `clusters` on `features`, and the agreement with
    `labels` when given."""
    found = len(np.unique(clusters))
    if not 2 <= found < len(clusters):
        raise ProjectError(
            f"the model put {len(clusters)} rows into {found} cluster(s): scores need "
            f"at least 2 clusters and fewer clusters than rows; change the model's "
            "settings (n_clusters, eps, ...) or add rows"
        )
    scores = {
        "silhouette": float(silhouette_score(features, clusters)),
        "davies_bouldin": float(davies_bouldin_score(features, clusters)),
        "calinski_harabasz": float(calinski_harabasz_score(features, clusters)),
    }
    if labels is not None:
        scores["adjusted_rand"] = float(adjusted_rand_score(labels, clusters))
        scores["adjusted_mutual_info"] = float(
            adjusted_mutual_info_score(labels, clusters)
        )
    return scores


def random_assignment(n_rows: int, n_clusters: int, seed: int) -> np.ndarray:
    """The baseline: each row in one of `n_clusters` clusters of equal size, at
    random, so every cluster is used."""
    rng = np.random.default_rng(seed)
    return rng.permutation(np.arange(n_rows) % n_clusters)
