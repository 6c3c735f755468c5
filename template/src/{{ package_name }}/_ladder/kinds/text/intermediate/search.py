"""Search the candidates and the TF-IDF settings together, with Optuna: the text
kind's `Search` (intermediate/part.py). The shared search (intermediate/search.py)
runs the study; each trial here also picks the TF-IDF settings under
`feature_search:` (n-grams, min_df, ...), so a word-pair model and a single-word one
compete."""

import inspect
from collections.abc import Callable
from typing import Any

import optuna
from sklearn.pipeline import Pipeline

from .....candidates import build_candidates
from .....features import build_features
from ....core.data import Split
from ....core.errors import ProjectError
from ....core.settings import Settings
from ....intermediate import rows
from ....intermediate.search import (
    check_folds,
    cross_validate_model,
    record_trial,
    suggest_params,
    with_params,
)
from ....intermediate.space import parse_setting, search_space
from ..steps import text_features

# The score, the figures (less the per-column one: a TF-IDF column is one word) and
# the `cv` facts are those of the search on rows.
score_name, run_figures, cv_facts = rows.score_name, rows.search_figures, rows.cv_facts
# The name the TF-IDF settings go by in the study (a candidate's go by its own).
FEATURES = "features"
# Each candidate's best TF-IDF settings, beside its params in metrics.json.
TRIAL_FACTS = (FEATURES,)


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


def objective(settings: Settings, split: Split) -> Callable[[optuna.Trial], float]:
    """What Optuna maximises: the mean CV score of one trial's TF-IDF and model."""
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidate_pipelines(settings))
    features_space = feature_space(settings)
    check_folds(split.y_train, settings)
    names = sorted(space)  # the same choices, in the same order, every trial
    project, folds = settings.project, settings.search.folds

    def score_trial(trial: optuna.Trial) -> float:
        candidate = trial.suggest_categorical("candidate", names)
        features = suggest_params(trial, FEATURES, features_space)
        params = suggest_params(trial, candidate, space[candidate])
        pipeline = candidate_pipelines(settings, **features)[candidate]
        model = with_params(pipeline, params)
        try:
            scores = cross_validate_model(
                model, split.X_train, split.y_train, project.task, folds, project.seed
            )
        except (ValueError, TypeError) as error:
            raise ProjectError(
                f"candidates.{candidate} with {params} and TF-IDF {features} "
                f"failed: {error}"
            ) from None
        return record_trial(trial, params, scores.tolist(), **{FEATURES: features})

    return score_trial


def refit_note(best: dict[str, Any]) -> str:
    return (
        f"refitting {best['name']} (trial {best['best_trial']}, TF-IDF "
        f"{best['features']}) on the training texts"
    )


def refit(settings: Settings, best: dict[str, Any], split: Split) -> Pipeline:
    pipeline = candidate_pipelines(settings, **best["features"])[best["name"]]
    return with_params(pipeline, best["params"]).fit(split.X_train, split.y_train)
