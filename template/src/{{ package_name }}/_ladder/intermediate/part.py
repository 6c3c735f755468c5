"""What a kind brings to the intermediate tier: its part, `kinds/<kind>/intermediate/`.

The tier's pipeline is written once (train.py, commands.py, sections.py, runs.py);
what differs by kind comes from two modules of that package: its `__init__.py`
exports PART, a `Part` (below), the light facts every command may read (`compare`
and `report` too, so it imports no scikit-learn); its `search.py` is a `Search`
(below), which only `train` and `search` import. Tabular and images share the search
on rows (rows.py): their PART names it as their `search`.
"""

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..core.kind import current_kind
from ..core.settings import AddSection, Settings

# The search on rows and columns, for the kinds whose data are rows (tabular, images).
ROWS = f"{__package__}.rows"

if TYPE_CHECKING:
    import optuna
    from matplotlib.figure import Figure

    from .train import SearchOutcome


# A search maximises; an error is searched negated ("neg_mase"). Reports turn it back,
# so that a CV score stands in the units of the test scores beside it.
def reported_metric(metric: str) -> str:
    return metric.removeprefix("neg_")


def reported_mean(metric: str, mean: float) -> float:
    return -mean if metric.startswith("neg_") else mean


def cv_scores(scores: dict[str, Any], metric: str) -> str:
    """A CV score as printed: "CV f1_macro 0.912 ± 0.020" (no metric name when
    `metric` is empty, as in `search`'s list)."""
    name = f"{metric} " if metric else ""
    return f"CV {name}{scores['mean']:.3f} ± {scores['std']:.3f}"


@dataclass(frozen=True)
class Part:
    """The light facts of a kind's intermediate part (`PART` in its __init__.py)."""

    # The module that is the kind's `Search` where it shares one (ROWS); None is the
    # part's own search.py.
    search: str | None = None
    # The `search:` section's dataclass; None is sections.py's SearchSettings.
    search_settings: type | None = None
    # Sections of the kind's own, after `search` and `candidates` (text's
    # feature_search).
    sections: Callable[[], Mapping[str, AddSection]] = dict
    train_help: str = "search the candidates, refit the best, evaluate, save a run"
    # A score as printed, from a candidate's (or metrics.json's `cv`) mean and std:
    # `metric` is the primary metric's name in train's line, "" in search's list.
    describe_scores: Callable[[dict[str, Any], str], str] = cv_scores
    # Where the kind's score columns differ from runs.py's, {title: cell}: a run's in
    # `compare` (from its metrics), a candidate's in the draft (and the run's).
    run_scores: Callable[[dict[str, Any]], dict[str, str]] | None = None
    candidate_scores: Callable[[dict, dict], dict[str, str]] | None = None
    # The draft's sentence on how the candidates were compared, filled from `cv`.
    search_account: str = (
        "The candidates were compared by {folds}-fold cross-validation on the "
        "training rows over {trials} Optuna trials; the best was refitted on all "
        "training rows and scored once on the test rows."
    )
    # Whether a run draws the permutation importance of each column: it suits a
    # table, not pixels (thousands of columns, each meaningless alone).
    per_column_figures: bool = True


class Search(Protocol):
    """What `kinds/<kind>/intermediate/search.py` defines."""

    # User attributes of each candidate's best trial that metrics.json's
    # `candidates` carries: text's "features", clustering's "stability", ...
    TRIAL_FACTS: tuple[str, ...]

    # What a trial's score is, in the progress lines ("f1_macro", ...).
    def score_name(self, settings: Settings) -> str: ...

    # What Optuna maximises: one trial's score on the training part of the kind's
    # data (search.py's candidate_objective). The config is checked here: a typo
    # stops before any trial.
    def objective(
        self, settings: Settings, data: Any
    ) -> Callable[["optuna.Trial"], float]: ...

    # The line `train` prints before the refit, and the best trial's model fitted on
    # the training part of `data`.
    def refit_note(self, best: dict[str, Any]) -> str: ...
    def refit(self, settings: Settings, best: dict[str, Any], data: Any) -> Any: ...

    # The run's figures beside the evaluation's: the candidates compared, ...
    def run_figures(
        self, model: Any, data: Any, settings: Settings, outcome: "SearchOutcome"
    ) -> dict[str, "Figure"]: ...

    # metrics.json's `cv`: search.py's cv_facts, with what the kind adds.
    def cv_facts(
        self, settings: Settings, best: dict[str, Any], counts: dict[str, int]
    ) -> dict[str, Any]: ...


def intermediate_part() -> Part:
    return current_kind().part("intermediate").PART


def search_part() -> Search:
    own = f"{current_kind().package}.intermediate.search"
    return importlib.import_module(intermediate_part().search or own)
