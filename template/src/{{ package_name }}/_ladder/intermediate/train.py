"""One run of an experiment: search, compare, refit the best, evaluate, save.

`train` runs the experiment configs/default.yaml (plus any `--config` file and
overrides) describes:
1. load the data, leave out `data.drop_columns`, hold out the test rows
   (the beginner's `prepare_split`);
2. add trials to the experiment's Optuna study (search.py): each trial is a
   candidate of candidates.py with hyperparameters, scored by k-fold
   cross-validation on the training rows;
3. refit the best trial's model on all training rows and score it once on the test
   rows, next to the baseline (core/evaluate.py);
4. save the model, and the run's config, metrics and figures in reports/runs/.
Each step is a plain function you can call from a notebook too; the advanced tier
calls the first three to put its network beside the best classical model.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sklearn.pipeline import Pipeline

from ..core.artifacts import save_model
from ..core.data import Split, kind_module
from ..core.evaluate import evaluate
from ..core.metrics import PRIMARY_METRIC
from ..core.paths import Paths
from ..core.settings import Settings
from . import figures
from .runs import save_run, write_latest
from .search import (
    add_trials,
    candidate_results,
    check_folds,
    default_storage,
    make_objective,
    open_study,
    with_params,
)
from .space import search_space

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class SearchOutcome:
    """What the study holds after a search: each candidate's best trial."""

    study_name: str
    # Per candidate: name, trials, best_trial, mean, std, fold_scores, params.
    candidates: list[dict[str, Any]]
    # The element of `candidates` with the best cross-validation mean.
    best: dict[str, Any]
    # Finished trials in the study, from every run and worker.
    trials: int


def candidate_pipelines(settings: Settings) -> dict[str, Pipeline]:
    """candidates.py's Pipelines, after the preprocessing `features:` sets."""
    # Your files are imported where they are used: a problem kind with files of its
    # own (text, ...) reuses this module's other functions.
    from ...candidates import build_candidates
    from ...features import build_preprocessor

    preprocessor = build_preprocessor(**settings.features.as_dict())
    return build_candidates(preprocessor, seed=settings.project.seed)


def search_candidates(paths: Paths, settings: Settings, split: Split) -> SearchOutcome:
    """Add `search.n_trials` trials to the experiment's study; return its outcome."""
    candidates = candidate_pipelines(settings)
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidates)
    check_folds(split.y_train, settings)
    study = open_study(settings, settings.search.storage or default_storage(paths))
    objective = make_objective(
        settings, space, candidates, split.X_train, split.y_train
    )
    metric = PRIMARY_METRIC[settings.project.task]
    add_trials(study, objective, settings.search.n_trials, metric)
    results = candidate_results(study)
    return SearchOutcome(
        study_name=study.study_name,
        candidates=results,
        best=max(results, key=lambda candidate: candidate["mean"]),
        trials=sum(candidate["trials"] for candidate in results),
    )


def refit_best(settings: Settings, outcome: SearchOutcome, split: Split) -> Pipeline:
    """The best candidate with its best trial's params, fitted on the training rows."""
    best = outcome.best
    model = with_params(candidate_pipelines(settings)[best["name"]], best["params"])
    return model.fit(split.X_train, split.y_train)


def classical_figures(
    model: Pipeline, split: Split, settings: Settings, outcome: SearchOutcome
) -> dict[str, "Figure"]:
    """The candidates side by side, the chosen model's learning curve, and the columns
    it relies on."""
    task, seed = settings.project.task, settings.project.seed
    drawn = {
        "cross_validation": figures.cross_validation_figure(outcome.candidates, task),
        "learning_curve": figures.learning_curve_figure(
            model, split.X_train, split.y_train, task, settings.search.folds, seed
        ),
    }
    # Shuffling one column at a time suits a table; a kind whose columns are pixels
    # (thousands of them, each meaningless alone) says so in its figures module.
    own = kind_module(settings.project, "figures")
    if getattr(own, "PER_COLUMN_FIGURES", True):
        drawn["permutation_importance"] = figures.permutation_importance_figure(
            model, split.X_test, split.y_test, task, seed
        )
    return drawn


def search_metrics(settings: Settings, outcome: SearchOutcome) -> dict[str, Any]:
    """What a run's metrics.json says of its search: the best candidate, its fold
    scores, and every candidate's best trial."""
    best = outcome.best
    return {
        "experiment": settings.experiment,
        "study": outcome.study_name,
        "candidate": best["name"],
        "cv": {
            "folds": settings.search.folds,
            "mean": best["mean"],
            "std": best["std"],
            "fold_scores": best["fold_scores"],
            "trials": outcome.trials,
            "new_trials": settings.search.n_trials,
        },
        "candidates": outcome.candidates,
    }


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Search, refit the best, evaluate, save; returns the run's metrics."""
    from ..core.rows import prepare as prepare_split

    split = prepare_split(paths, settings)
    outcome = search_candidates(paths, settings, split)
    best = outcome.best
    print(f"refitting {best['name']} (trial {best['best_trial']}) on the training rows")
    model = refit_best(settings, outcome, split)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(model, split, settings.project)
    print("drawing the figures: learning curve, permutation importance, ...")
    run_figures = {
        **evaluation.figures,
        **classical_figures(model, split, settings, outcome),
    }
    metrics = {**evaluation.metrics, **search_metrics(settings, outcome)}
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, run_figures)
    save_model(model, paths.model)
    write_latest(paths, run)
    return run.metrics
