"""The Optuna search over clustering candidates, scored without labels
(intermediate/part.py's `Search`; the study, its storage and the search space are
the shared ones).

Each trial fits a candidate of candidates.py, with settings from `candidates:`, on
the training rows with `search.seeds` seeds, and scores it by the mean silhouette of
those fits: an internal score, since a clustering search must not peek at labels.
How alike the fits' clusters are (adjusted Rand index between each pair of seeds) is
its stability: 1 means the clusters do not depend on luck.
"""

import itertools
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import optuna
import pandas as pd
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.neighbors import NearestCentroid
from sklearn.pipeline import Pipeline

from ....core.settings import Settings
from ....intermediate import rows
from ....intermediate.rows import candidate_pipelines
from ....intermediate.search import candidate_objective, with_params
from ....intermediate.search import cv_facts as shared_cv_facts
from ....intermediate.space import search_space
from ..data import Rows
from ..figures import candidates_figure
from ..steps import fit_rows

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ....intermediate.train import SearchOutcome

# The score of a fit that found a single cluster (or one per row), or a cluster of a
# few stray rows: the worst there is.
DEGENERATE = -1.0
# A cluster of fewer rows than this share is outliers set apart, not a group (the
# silhouette rewards it: a few far rows and all the rest). The anomaly scores are
# what find outliers.
MIN_CLUSTER_SHARE = 0.02
# What each candidate's best trial found, beside its scores in metrics.json.
TRIAL_FACTS = ("stability", "clusters")
# metrics.json's `cv`: the best trial's silhouettes on the training rows, one per
# seed, and its stability. Runs are ranked by them, never by the test rows or labels.
cv_facts = partial(shared_cv_facts, facts=("stability",), score="silhouette")
# The line before the refit is the search on rows': clusters are fitted on rows too.
refit_note = rows.refit_note


def score_name(settings: Settings) -> str:
    return "silhouette"


def internal_score(model: Pipeline, X: pd.DataFrame) -> tuple[float, np.ndarray]:
    """The silhouette of the clusters `model` finds in X, and those clusters."""
    clusters = model.fit_predict(X)
    sizes = np.bincount(clusters[clusters != -1])  # -1: DBSCAN's noise, no cluster
    few = max(2, MIN_CLUSTER_SHARE * len(X))
    if not 2 <= len(np.unique(clusters)) < len(X) or sizes[sizes > 0].min() < few:
        return DEGENERATE, clusters
    return float(silhouette_score(model[:-1].transform(X), clusters)), clusters


def seeded(model: Pipeline, seed: int) -> Pipeline:
    """`model` with its estimator's random_state set, when it has one."""
    if "random_state" in model.named_steps["estimator"].get_params():
        model.set_params(estimator__random_state=seed)
    return model


def stability(fits: list[np.ndarray]) -> float:
    """The mean adjusted Rand index between the clusters of each pair of fits."""
    pairs = itertools.combinations(fits, 2)
    return float(np.mean([adjusted_rand_score(a, b) for a, b in pairs]))


def objective(settings: Settings, rows: Rows) -> Callable[[optuna.Trial], float]:
    """What Optuna maximises: the mean silhouette of one trial's fits."""
    candidates = candidate_pipelines(settings)
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidates)
    seeds = [settings.project.seed + i for i in range(settings.search.seeds)]

    def score(candidate: str, params: dict[str, Any]) -> tuple[list[float], dict]:
        scores, fits = [], []
        for seed in seeds:
            model = seeded(with_params(candidates[candidate], params), seed)
            silhouette, clusters = internal_score(model, rows.X_train)
            scores.append(silhouette)
            fits.append(clusters)
        # One silhouette per seed, kept as the shared search's fold scores.
        return scores, {
            "stability": stability(fits),
            "clusters": len(np.unique(fits[0])),
        }

    return candidate_objective(settings, space, score)


def refit(settings: Settings, best: dict[str, Any], rows: Rows) -> Pipeline:
    """The best candidate with its best trial's settings, fitted on the training
    rows, ready to assign new ones."""
    model = with_params(candidate_pipelines(settings)[best["name"]], best["params"])
    model = fit_rows(seeded(model, settings.project.seed), rows.X_train)
    return assigner(model, rows.X_train)


def assigner(model: Pipeline, X: pd.DataFrame) -> Pipeline:
    """A model that assigns new rows: `model` itself when it can (KMeans, a Gaussian
    mixture). Agglomerative clustering and DBSCAN only label the rows they were
    fitted on: a NearestCentroid fitted on their clusters (noise left out) assigns
    new rows to the nearest one, after the same fitted preprocessing."""
    if hasattr(model[-1], "predict"):
        return model
    features = model.named_steps["features"]
    clusters = model.named_steps["estimator"].labels_
    kept = clusters != -1  # DBSCAN's noise
    nearest = NearestCentroid().fit(features.transform(X)[kept], clusters[kept])
    return Pipeline([("features", features), ("estimator", nearest)])


def run_figures(
    model: Pipeline, rows: Rows, settings: Settings, outcome: "SearchOutcome"
) -> dict[str, "Figure"]:
    return {"candidates": candidates_figure(outcome.candidates)}
