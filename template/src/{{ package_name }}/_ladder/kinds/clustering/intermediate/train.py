"""One run of a clustering experiment: search, refit the best, evaluate, save.

1. load the rows, hold out the test rows (labels hidden, as at the beginner tier);
2. add trials to the experiment's Optuna study: each a candidate of candidates.py
   with settings from `candidates:`, scored by its silhouette on the training rows
   over several seeds (search.py);
3. refit the best trial's model on the training rows; assign the test rows to its
   clusters and score them against random assignment;
4. save the model, and the run's config, metrics and figures in reports/runs/.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from sklearn.neighbors import NearestCentroid
from sklearn.pipeline import Pipeline

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
    with_params,
)
from ....intermediate.space import search_space
from ..data import Rows, prepare_rows
from ..evaluate import evaluate
from ..figures import candidates_figure
from ..steps import fit_rows as fit
from .search import make_objective, seeded, with_stability

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class SearchOutcome:
    """What the study holds after a search: each candidate's best trial."""

    study_name: str
    # Per candidate: name, trials, best_trial, mean, std, fold_scores (one silhouette
    # per seed), params, stability, clusters.
    candidates: list[dict[str, Any]]
    best: dict[str, Any]
    trials: int


def candidate_pipelines(settings: Settings) -> dict[str, Pipeline]:
    """candidates.py's Pipelines, after the preprocessing `features:` sets."""
    preprocessor = build_preprocessor(**settings.features.as_dict())
    return build_candidates(preprocessor, seed=settings.project.seed)


def search_candidates(paths: Paths, settings: Settings, rows: Rows) -> SearchOutcome:
    """Add `search.n_trials` trials to the experiment's study; return its outcome."""
    candidates = candidate_pipelines(settings)
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidates)
    study = open_study(settings, settings.search.storage or default_storage(paths))
    objective = make_objective(settings, space, candidates, rows.X_train)
    add_trials(study, objective, settings.search.n_trials, "silhouette")
    results = with_stability(study, candidate_results(study))
    return SearchOutcome(
        study_name=study.study_name,
        candidates=results,
        best=max(results, key=lambda candidate: candidate["mean"]),
        trials=sum(candidate["trials"] for candidate in results),
    )


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


def refit_best(settings: Settings, outcome: SearchOutcome, rows: Rows) -> Pipeline:
    """The best candidate with its best trial's settings, fitted on the training
    rows, ready to assign new ones."""
    best = outcome.best
    model = with_params(candidate_pipelines(settings)[best["name"]], best["params"])
    model = fit(seeded(model, settings.project.seed), rows.X_train)
    return assigner(model, rows.X_train)


def search_metrics(settings: Settings, outcome: SearchOutcome) -> dict[str, Any]:
    """What a run's metrics.json says of its search. `cv` holds the best trial's
    internal score on the training rows (the silhouette, one per seed): runs are
    ranked by it, never by the test rows or the labels."""
    best = outcome.best
    return {
        "experiment": settings.experiment,
        "study": outcome.study_name,
        "candidate": best["name"],
        "cv": {
            "score": "silhouette",
            "seeds": settings.search.seeds,
            "mean": best["mean"],
            "std": best["std"],
            "fold_scores": best["fold_scores"],
            "stability": best["stability"],
            "trials": outcome.trials,
            "new_trials": settings.search.n_trials,
        },
        "candidates": outcome.candidates,
    }


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Search, refit the best, evaluate, save; returns the run's metrics."""
    rows = prepare_rows(paths, settings)
    outcome = search_candidates(paths, settings, rows)
    best = outcome.best
    print(f"refitting {best['name']} (trial {best['best_trial']}) on the training rows")
    model = refit_best(settings, outcome, rows)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(model, rows, settings)
    figures: dict[str, Figure] = {
        **evaluation.figures,
        "candidates": candidates_figure(outcome.candidates),
    }
    metrics = {**evaluation.metrics, **search_metrics(settings, outcome)}
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, figures)
    save_model(model, paths.model)
    write_latest(paths, run)
    return run.metrics
