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
    train_help="search the forecasters, refit the best, evaluate, save a run",
)
