"""One run of a forecasting experiment: search, refit the best, evaluate, save.

1. load the series and hold out its last `horizon` steps (the beginner's steps);
2. add trials to the experiment's Optuna study: each a candidate of candidates.py
   with parameters, scored by expanding-window cross-validation on the training
   period (search.py);
3. refit the best trial's forecaster on the whole training period and score it once
   on the test period, next to the seasonal naive baseline;
4. save the forecaster, and the run's config, metrics and figures in reports/runs/.
"""

from typing import Any

from .....candidates import build_candidates
from .....features import build_preprocessor
from ....core.artifacts import save_model
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.runs import save_run, write_latest
from ....intermediate.search import (
    add_trials,
    candidate_results,
    default_storage,
    open_study,
)
from ....intermediate.train import SearchOutcome, search_metrics
from ..evaluate import evaluate
from ..forecasters import Forecaster
from ..plots import cross_validation_figure
from ..series import Series, time_split
from ..steps import prepare as prepare_series
from .search import (
    CV_METRIC,
    configured,
    cv_folds,
    make_objective,
    search_space,
)


def search_candidates(
    paths: Paths, settings: Settings, series: Series
) -> SearchOutcome:
    """Add `search.n_trials` trials to the experiment's study; return its outcome."""
    candidates = build_candidates(build_preprocessor(), seed=settings.project.seed)
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidates)
    train = time_split(series.values, settings.project.horizon).train
    folds = cv_folds(settings, series, train)
    study = open_study(settings, settings.search.storage or default_storage(paths))
    objective = make_objective(settings, space, candidates, folds, series.season)
    add_trials(study, objective, settings.search.n_trials, CV_METRIC)
    results = candidate_results(study)
    return SearchOutcome(
        study_name=study.study_name,
        candidates=results,
        best=max(results, key=lambda candidate: candidate["mean"]),
        trials=sum(candidate["trials"] for candidate in results),
    )


def refit_best(
    settings: Settings, outcome: SearchOutcome, series: Series
) -> Forecaster:
    """The best candidate with its best trial's parameters, fitted on the training
    period."""
    best = outcome.best
    candidates = build_candidates(build_preprocessor(), seed=settings.project.seed)
    forecaster = configured(
        candidates[best["name"]], best["params"], settings, series.season
    )
    return forecaster.fit(time_split(series.values, settings.project.horizon).train)


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Search, refit the best, evaluate, save; returns the run's metrics."""
    series = prepare_series(paths, settings)
    outcome = search_candidates(paths, settings, series)
    best = outcome.best
    print(
        f"refitting {best['name']} (trial {best['best_trial']}) on the training period"
    )
    forecaster = refit_best(settings, outcome, series)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(forecaster, series, settings.project)
    figures = {
        **evaluation.figures,
        "cross_validation": cross_validation_figure(outcome.candidates),
    }
    searched = search_metrics(settings, outcome)
    searched["cv"]["metric"] = CV_METRIC
    metrics = {**evaluation.metrics, **searched}
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, figures)
    save_model(forecaster, paths.model)
    write_latest(paths, run)
    return run.metrics
