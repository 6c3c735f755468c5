"""The search over forecasters (intermediate/part.py's `Search`).

As for rows (the shared study, sampler and records of intermediate/search.py), each
Optuna trial picks a candidate of candidates.py and its parameters. Here it is scored
by expanding-window cross-validation on the training period: each fold fits on every
step before its own `horizon` steps and forecasts them, so no fold ever learns from
its future. The score is the negated MASE, so that higher is better, as Optuna
maximises.
"""

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import optuna
from sklearn.base import clone
from sklearn.pipeline import Pipeline

from ....core.data_checks import MIN_HISTORY
from ....core.errors import ProjectError
from ....core.settings import Settings
from ....intermediate.search import candidate_objective, with_params
from ....intermediate.search import cv_facts as shared_cv_facts
from ....intermediate.space import SearchSpace
from ....intermediate.space import search_space as shared_search_space
from ..figures import cross_validation_figure
from ..forecasters import Forecaster, LagForecaster
from ..series import Series, TimeSplit, expanding_folds, time_split
from ..steps import forecast_scores

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ....intermediate.train import SearchOutcome

# What a trial's score is: MASE, negated so that higher is better.
CV_METRIC = "neg_mase"
TRIAL_FACTS: tuple[str, ...] = ()
# metrics.json's `cv` says so: the shared search's, scored by that metric.
cv_facts = partial(shared_cv_facts, metric=CV_METRIC)

# A candidate of candidates.py: a Pipeline on lag features, or a Forecaster.
Candidate = Pipeline | Forecaster


def tunable(candidate: Candidate, name: str) -> Any:
    """What the config's parameters set: a Pipeline's "estimator" step, or the
    forecaster itself."""
    if isinstance(candidate, Pipeline) and "estimator" in candidate.named_steps:
        return candidate.named_steps["estimator"]
    if isinstance(candidate, Forecaster):
        return candidate
    raise ProjectError(
        f"candidates.py: {type(candidate).__name__} ({name!r}) is neither a Pipeline "
        "with a step named 'estimator' nor a forecaster"
    )


def search_space(
    settings: Settings, candidates: Mapping[str, Candidate]
) -> SearchSpace:
    """The `candidates:` section, each key checked against its candidate; `season`
    is the data's, not the config's."""
    return shared_search_space(settings, candidates, tunable, fixed={"season"})


def configured(
    candidate: Candidate, params: Mapping[str, Any], settings: Settings, season: int
) -> Forecaster:
    """A fresh forecaster of `candidate` with `params`, for a series of `season`."""
    if isinstance(candidate, Pipeline):
        pipeline = with_params(candidate, params)
        return LagForecaster(pipeline, settings.features.as_dict(), season)
    return clone(candidate).set_params(season=season, **params)


def fold_scores(
    forecaster: Forecaster, folds: list[TimeSplit], season: int
) -> list[float]:
    """Negated MASE on each fold: fitted on its past, forecasting its steps."""
    return [
        -forecast_scores(clone(forecaster).fit(fold.train), fold, season)[1]["mase"]
        for fold in folds
    ]


def score_name(settings: Settings) -> str:
    return CV_METRIC


def candidate_forecasters(settings: Settings) -> dict[str, Candidate]:
    from .....candidates import build_candidates
    from .....features import build_preprocessor

    return build_candidates(build_preprocessor(), seed=settings.project.seed)


def objective(settings: Settings, series: Series) -> Callable[[optuna.Trial], float]:
    """What Optuna maximises: a trial's mean negated MASE over the folds."""
    candidates = candidate_forecasters(settings)
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidates)
    train = time_split(series.values, settings.project.horizon).train
    season = series.season
    folds = expanding_folds(
        train, settings.search.folds, settings.project.horizon, season + MIN_HISTORY
    )

    def score(name: str, params: dict[str, Any]) -> tuple[list[float], dict]:
        forecaster = configured(candidates[name], params, settings, season)
        return fold_scores(forecaster, folds, season), {}

    # A statsmodels forecaster may also fail to solve its equations.
    errors = (ValueError, TypeError, np.linalg.LinAlgError)
    return candidate_objective(settings, space, score, errors)


def refit_note(best: dict[str, Any]) -> str:
    return (
        f"refitting {best['name']} (trial {best['best_trial']}) on the training period"
    )


def refit(settings: Settings, best: dict[str, Any], series: Series) -> Forecaster:
    candidate = candidate_forecasters(settings)[best["name"]]
    forecaster = configured(candidate, best["params"], settings, series.season)
    return forecaster.fit(time_split(series.values, settings.project.horizon).train)


def run_figures(
    forecaster: Forecaster, series: Series, settings: Settings, outcome: "SearchOutcome"
) -> dict[str, "Figure"]:
    return {"cross_validation": cross_validation_figure(outcome.candidates)}
