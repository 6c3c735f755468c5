"""The time-series kind's part of the intermediate tier (intermediate/part.py):
forecasters compared by expanding-window cross-validation in an Optuna search
(search.py), scored by MASE."""

from typing import Any

from ....intermediate.part import Part


def mase(scores: dict[str, Any], metric: str) -> str:
    """The search maximises the negated MASE: shown as MASE, lower is better."""
    return f"CV mase {-scores['mean']:.3f} ± {scores['std']:.3f}"


PART = Part(
    describe_scores=mase,
    # On the past alone: each fold is fitted on the steps before its own.
    search_account=(
        "The candidates were compared by expanding-window cross-validation over "
        "{folds} folds of the training period (each fitted on the steps before its "
        "own and scored on them, never on the future) over {trials} Optuna trials; "
        "the best was refitted on the whole training period and forecast the test "
        "period once."
    ),
    train_help="search the forecasters, refit the best, evaluate, save a run",
)
