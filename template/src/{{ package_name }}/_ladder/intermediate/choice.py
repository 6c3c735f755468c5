"""Which candidate a search keeps: the one-standard-error rule.

Where the folds (or a clustering's seeds) cannot tell the best candidates apart, their
order of means is noise, and picking the top one makes the choice flip with the
seed. Of the candidates within one standard error of the best mean, the one listed
first in `candidates:` is kept: your model from model.py comes first, the simplest,
and the simpler of two models the folds cannot tell apart is as likely to do better
on new data.
"""

import math
import statistics
from typing import Any

from .part import reported_mean


def standard_error(candidate: dict[str, Any]) -> float:
    """How far the candidate's mean score could move on other folds (or seeds)."""
    scores = candidate["fold_scores"]
    if len(scores) < 2:
        return 0.0
    return statistics.stdev(scores) / math.sqrt(len(scores))


def within_noise(candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The candidates whose mean score is within one standard error of the best's:
    the folds cannot tell them apart."""
    top = max(candidates, key=lambda candidate: candidate["mean"])
    floor = top["mean"] - standard_error(top)
    return [candidate for candidate in candidates if candidate["mean"] >= floor]


def choose(candidates: list[dict[str, Any]], listed: list[str]) -> dict[str, Any]:
    """Of the candidates within the noise of the best, the one listed first."""
    order = {name: place for place, name in enumerate(listed)}
    return min(
        within_noise(candidates),
        key=lambda candidate: order.get(candidate["name"], len(order)),
    )


def selection_note(
    candidates: list[dict[str, Any]], chosen: dict[str, Any], metric: str
) -> str | None:
    """One line when the choice was inside the noise; None when it was clear."""
    close = within_noise(candidates)
    if len(close) < 2:
        return None
    top = max(candidates, key=lambda candidate: candidate["mean"])

    def shown(candidate: dict[str, Any]) -> str:
        return f"{candidate['name']} {reported_mean(metric, candidate['mean']):.3f}"

    others = " and ".join(shown(rival) for rival in close if rival is not top)
    error = f"± {standard_error(top):.3f} standard error"
    told = f"the search cannot tell {shown(top)} ({error}) from {others}"
    if chosen is top:
        return f"{told}; more data would tell them apart"
    return f"{told}: {chosen['name']}, listed first in candidates:, is kept (simpler)"
