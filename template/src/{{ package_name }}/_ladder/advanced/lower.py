"""The intermediate tier, as the advanced tier calls it: its config sections, its
search of the candidates and the refit of the best (the network's rival), what a run
records of that search, and its `search` command.

This is the one place the advanced tier reaches into the intermediate one: the
project's kind may have its own search (`kinds/<kind>/intermediate/train.py`); the
intermediate tier's shared functions serve the others.
"""

import importlib
import importlib.util
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import AddSection, Settings


def own(module: str) -> ModuleType | None:
    """The kind's own `intermediate/<module>.py`, if it has one."""
    name = f"{current_kind().package}.intermediate.{module}"
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return importlib.import_module(name) if found else None


def shared(module: str) -> ModuleType:
    return importlib.import_module(
        f"{__package__.rsplit('.', 1)[0]}.intermediate.{module}"
    )


def pick(module: str, name: str) -> Any:
    """`name` from the kind's intermediate module, else from the shared one."""
    return getattr(own(module) or shared(module), name)


def sections() -> Mapping[str, AddSection]:
    return pick("sections", "sections")()


def search_candidates(paths: Paths, settings: Settings, data: Any) -> Any:
    """Add `search.n_trials` trials to the experiment's study; its outcome."""
    return pick("train", "search_candidates")(paths, settings, data)


def refit_best(settings: Settings, outcome: Any, data: Any) -> Any:
    """The best candidate, refitted on the training part of `data`."""
    return pick("train", "refit_best")(settings, outcome, data)


def negated_metric() -> str | None:
    """The name of the score a search maximises when it is a negated error
    (neg_mase); None when the search maximises the primary metric itself."""
    return getattr(own("train") or shared("train"), "CV_METRIC", None)


def search_metrics(settings: Settings, outcome: Any) -> dict[str, Any]:
    """What a run's metrics.json says of the search."""
    searched = pick("train", "search_metrics")(settings, outcome)
    if negated_metric():
        searched["cv"]["metric"] = negated_metric()
    return searched


def cv_summary(outcome: Any) -> dict[str, float]:
    """The best candidate's cross-validated score, in the units of the test scores."""
    best = outcome.best
    sign = -1 if negated_metric() else 1
    return {"mean": sign * best["mean"], "std": best["std"]}


def run_search() -> Callable[[Paths, Settings], None]:
    """The intermediate `search` command: only add trials to the candidates' study."""
    return pick("commands", "run_search")
