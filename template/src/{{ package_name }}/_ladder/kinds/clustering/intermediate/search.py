"""The Optuna search over clustering candidates, scored without labels.

Each trial picks a candidate of candidates.py and settings from the `candidates:`
section (the shared search space), fits it on the training rows with `search.seeds`
seeds, and scores it by the mean silhouette of those fits: an internal score, since
a clustering search must not peek at labels. How alike the fits' clusters are
(adjusted Rand index between each pair of seeds) is its stability: 1 means the
clusters do not depend on luck. The study and its storage are the shared ones
(intermediate/search.py): a stopped search resumes, many workers can share it.
"""

import itertools
import os
import socket
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import optuna
import pandas as pd
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.pipeline import Pipeline

from ....core.errors import ProjectError
from ....core.settings import Settings
from ....intermediate.search import suggest_params, with_params
from ....intermediate.space import SearchSpace, candidates_source

# The score of a fit that found a single cluster (or one per row): the worst there is.
DEGENERATE = -1.0


def internal_score(model: Pipeline, X: pd.DataFrame) -> tuple[float, np.ndarray]:
    """The silhouette of the clusters `model` finds in X, and those clusters."""
    clusters = model.fit_predict(X)
    found = len(np.unique(clusters))
    if not 2 <= found < len(X):
        return DEGENERATE, clusters
    return float(silhouette_score(model[:-1].transform(X), clusters)), clusters


def seeded(model: Pipeline, seed: int) -> Pipeline:
    """`model` with its estimator's random_state set, when it has one."""
    if "random_state" in model.named_steps["estimator"].get_params():
        model.set_params(estimator__random_state=seed)
    return model


def stability(fits: list[np.ndarray]) -> float:
    """The mean adjusted Rand index between the clusters of each pair of fits."""
    pairs = list(itertools.combinations(fits, 2))
    return float(np.mean([adjusted_rand_score(a, b) for a, b in pairs]))


def make_objective(
    settings: Settings,
    space: SearchSpace,
    candidates: Mapping[str, Pipeline],
    X: pd.DataFrame,
) -> Callable[[optuna.Trial], float]:
    """What Optuna maximises: the mean silhouette of one trial's fits."""
    worker = f"{socket.gethostname()}:{os.getpid()}"
    seeds = [settings.project.seed + i for i in range(settings.search.seeds)]
    names = sorted(space)

    def objective(trial: optuna.Trial) -> float:
        candidate = trial.suggest_categorical("candidate", names)
        params = suggest_params(trial, candidate, space[candidate])
        scores, fits = [], []
        for seed in seeds:
            model = seeded(with_params(candidates[candidate], params), seed)
            try:
                score, clusters = internal_score(model, X)
            except (ValueError, TypeError) as error:
                raise ProjectError(
                    f"{candidates_source(settings, candidate)}: candidates."
                    f"{candidate} with {params} failed: {error}"
                ) from None
            scores.append(score)
            fits.append(clusters)
        trial.set_user_attr("params", params)
        # Named like the shared search's fold scores, so its summaries read them.
        trial.set_user_attr("fold_scores", scores)
        trial.set_user_attr("stability", stability(fits))
        trial.set_user_attr("clusters", len(np.unique(fits[0])))
        trial.set_user_attr("worker", worker)
        return float(np.mean(scores))

    return objective


def with_stability(
    study: optuna.Study, results: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each candidate's best trial, with the stability and clusters it found."""
    for result in results:
        attrs = study.trials[result["best_trial"]].user_attrs
        result["stability"] = attrs["stability"]
        result["clusters"] = attrs["clusters"]
    return results
