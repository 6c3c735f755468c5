"""Search the candidates and the TF-IDF settings together, with Optuna.

The shared search (intermediate/search.py) does the work: the study in its database,
stratified k-fold cross-validation, the trial records. What the text kind adds is
that each trial also picks the TF-IDF settings under `feature_search:` (n-grams,
min_df, sublinear tf, ...), so a word-pair model and a single-word one compete.
"""

import inspect
import os
import socket
from collections.abc import Callable, Mapping
from typing import Any

import optuna
import pandas as pd
from sklearn.pipeline import Pipeline

from .....candidates import build_candidates
from .....features import build_features
from ....core.data import Split
from ....core.errors import ProjectError
from ....core.metrics import PRIMARY_METRIC
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.search import (
    add_trials,
    candidate_results,
    check_folds,
    cross_validate_model,
    default_storage,
    open_study,
    suggest_params,
    with_params,
)
from ....intermediate.space import SearchSpace, parse_setting, search_space
from ....intermediate.train import SearchOutcome
from ..steps import text_features

# The name the TF-IDF settings go by in the study (a candidate's go by its own).
FEATURES = "features"


def feature_space(settings: Settings) -> dict[str, Any]:
    """`feature_search:` as search settings; refuses a key build_features lacks."""
    known = set(inspect.signature(build_features).parameters) - {"text_column"}
    space = {}
    for key, value in settings.feature_search.items():
        where = f"feature_search.{key}"
        if key not in known:
            raise ProjectError(
                f"{where}: build_features in features.py has no argument {key!r} "
                f"(it has: {', '.join(sorted(known))})"
            )
        space[key] = parse_setting(value, where)
    return space


def candidate_pipelines(settings: Settings, **features: Any) -> dict[str, Pipeline]:
    """candidates.py's Pipelines after TF-IDF, with `features` over `features:`."""
    built = text_features(settings, **features)
    return build_candidates(built, seed=settings.project.seed)


def make_objective(
    settings: Settings,
    space: SearchSpace,
    features_space: Mapping[str, Any],
    X: pd.DataFrame,
    y: pd.Series,
) -> Callable[[optuna.Trial], float]:
    """What Optuna maximises: the mean CV score of one trial's TF-IDF and model."""
    worker = f"{socket.gethostname()}:{os.getpid()}"
    project, folds = settings.project, settings.search.folds
    names = sorted(space)  # the same choices, in the same order, every trial

    def objective(trial: optuna.Trial) -> float:
        candidate = trial.suggest_categorical("candidate", names)
        features = suggest_params(trial, FEATURES, features_space)
        params = suggest_params(trial, candidate, space[candidate])
        pipeline = candidate_pipelines(settings, **features)[candidate]
        model = with_params(pipeline, params)
        try:
            scores = cross_validate_model(
                model, X, y, project.task, folds, project.seed
            )
        except (ValueError, TypeError) as error:
            raise ProjectError(
                f"candidates.{candidate} with {params} and TF-IDF {features} failed: "
                f"{error}"
            ) from None
        trial.set_user_attr("params", params)
        trial.set_user_attr(FEATURES, features)
        trial.set_user_attr("fold_scores", scores.tolist())
        trial.set_user_attr("worker", worker)
        return float(scores.mean())

    return objective


def search_candidates(paths: Paths, settings: Settings, split: Split) -> SearchOutcome:
    """Add `search.n_trials` trials to the experiment's study; return its outcome,
    each candidate's best TF-IDF settings among its params (`features.<key>`)."""
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidate_pipelines(settings))
    features_space = feature_space(settings)
    check_folds(split.y_train, settings)
    study = open_study(settings, settings.search.storage or default_storage(paths))
    objective = make_objective(
        settings, space, features_space, split.X_train, split.y_train
    )
    metric = PRIMARY_METRIC[settings.project.task]
    add_trials(study, objective, settings.search.n_trials, metric)
    results = candidate_results(study)
    for result in results:
        features = study.trials[result["best_trial"]].user_attrs.get(FEATURES, {})
        result["features"] = features
    return SearchOutcome(
        study_name=study.study_name,
        candidates=results,
        best=max(results, key=lambda candidate: candidate["mean"]),
        trials=sum(candidate["trials"] for candidate in results),
    )


def refit_best(settings: Settings, outcome: SearchOutcome, split: Split) -> Pipeline:
    """The best candidate with its best trial's TF-IDF and params, fitted on the
    training texts."""
    best = outcome.best
    pipeline = candidate_pipelines(settings, **best["features"])[best["name"]]
    return with_params(pipeline, best["params"]).fit(split.X_train, split.y_train)
