"""The search on rows and columns (part.py's `Search`): the tabular kind's, and the
images kind's, whose images are rows of pixels.

Each trial is a candidate of candidates.py after features.py's preprocessing, with
hyperparameters from `candidates:`, scored by k-fold cross-validation on the training
rows (search.py); the best is refitted on all of them.
"""

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import optuna
from sklearn.pipeline import Pipeline

from ..core.data import Split
from ..core.errors import ProjectError
from ..core.evaluate import PRIMARY_METRIC
from ..core.settings import Settings
from . import figures as drawn
from .part import intermediate_part
from .search import (
    check_folds,
    cross_validate_model,
    record_trial,
    suggest_params,
    with_params,
)
from .space import SearchSpace, candidates_source, search_space

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .train import SearchOutcome

TRIAL_FACTS: tuple[str, ...] = ()


def candidate_pipelines(settings: Settings) -> dict[str, Pipeline]:
    """candidates.py's Pipelines, after the preprocessing `features:` sets."""
    from ...candidates import build_candidates
    from ...features import build_preprocessor

    preprocessor = build_preprocessor(**settings.features.as_dict())
    return build_candidates(preprocessor, seed=settings.project.seed)


def score_name(settings: Settings) -> str:
    return PRIMARY_METRIC[settings.project.task]


def make_objective(
    settings: Settings,
    space: SearchSpace,
    candidates: Mapping[str, Pipeline],
    split: Split,
) -> Callable[[optuna.Trial], float]:
    """What Optuna maximises: the mean cross-validation score of one trial's model."""
    project, folds = settings.project, settings.search.folds
    # Sorted: Optuna wants the same choices, in the same order, in every trial.
    names = sorted(space)

    def objective(trial: optuna.Trial) -> float:
        candidate = trial.suggest_categorical("candidate", names)
        params = suggest_params(trial, candidate, space[candidate])
        model = with_params(candidates[candidate], params)
        try:
            scores = cross_validate_model(
                model, split.X_train, split.y_train, project.task, folds, project.seed
            )
        except (ValueError, TypeError) as error:
            raise ProjectError(
                f"{candidates_source(settings, candidate)}: candidates.{candidate} "
                f"with {params} failed: {error}"
            ) from None
        return record_trial(trial, params, scores.tolist())

    return objective


def objective(settings: Settings, split: Split) -> Callable[[optuna.Trial], float]:
    candidates = candidate_pipelines(settings)
    # Checked before anything runs: a typo stops here, not after an hour of trials.
    space = search_space(settings, candidates)
    check_folds(split.y_train, settings)
    return make_objective(settings, space, candidates, split)


def refit_note(best: dict[str, Any]) -> str:
    return f"refitting {best['name']} (trial {best['best_trial']}) on the training rows"


def refit(settings: Settings, best: dict[str, Any], split: Split) -> Pipeline:
    """The best candidate with its best trial's params, fitted on the training rows."""
    model = with_params(candidate_pipelines(settings)[best["name"]], best["params"])
    return model.fit(split.X_train, split.y_train)


def search_figures(
    model: Pipeline, split: Split, settings: Settings, outcome: "SearchOutcome"
) -> dict[str, "Figure"]:
    """The candidates side by side, and the chosen model's learning curve."""
    task, seed = settings.project.task, settings.project.seed
    return {
        "cross_validation": drawn.cross_validation_figure(outcome.candidates, task),
        "learning_curve": drawn.learning_curve_figure(
            model, split.X_train, split.y_train, task, settings.search.folds, seed
        ),
    }


def classical_figures(
    model: Pipeline, split: Split, settings: Settings, outcome: "SearchOutcome"
) -> dict[str, "Figure"]:
    """search_figures, and the columns the chosen model relies on."""
    figures = search_figures(model, split, settings, outcome)
    if intermediate_part().per_column_figures:
        task, seed = settings.project.task, settings.project.seed
        figures["permutation_importance"] = drawn.permutation_importance_figure(
            model, split.X_test, split.y_test, task, seed
        )
    return figures


def run_figures(
    model: Pipeline, split: Split, settings: Settings, outcome: "SearchOutcome"
) -> dict[str, "Figure"]:
    print("drawing the figures: learning curve, permutation importance, ...")
    return classical_figures(model, split, settings, outcome)


def cv_facts(
    settings: Settings, best: dict[str, Any], counts: dict[str, int]
) -> dict[str, Any]:
    """The folds, the best trial's scores on them, and the trial counts."""
    return {
        "folds": settings.search.folds,
        "mean": best["mean"],
        "std": best["std"],
        "fold_scores": best["fold_scores"],
        **counts,
    }
