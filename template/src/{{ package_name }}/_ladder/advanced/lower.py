"""The intermediate tier, as the advanced tier calls it: its config sections, its
search of the candidates and the refit of the best (the network's rival), what a run
records of that search, and its `search` command. This is the one place the advanced
tier reaches into the intermediate one.
"""

from typing import Any

from ..core.settings import Settings
from ..intermediate.commands import run_search as search_command
from ..intermediate.part import search_part
from ..intermediate.sections import sections
from ..intermediate.train import refit_best, search_candidates, search_metrics

__all__ = [
    "sections",
    "search_candidates",
    "refit_best",
    "search_metrics",
    "search_command",
    "cv_summary",
]


def cv_summary(settings: Settings, outcome: Any) -> dict[str, float]:
    """The best candidate's cross-validated score, in the units of the test scores: a
    search that maximises a negated error (neg_mase) is turned back."""
    negated = search_part().score_name(settings).startswith("neg_")
    best = outcome.best
    return {"mean": -best["mean"] if negated else best["mean"], "std": best["std"]}
