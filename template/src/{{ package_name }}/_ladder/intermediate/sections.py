"""The config sections of the intermediate rung, after the beginner's: `search`,
`candidates` (a name of candidates.py -> its estimator's parameters: a fixed value, a
list of choices or a range {low, high, log}, checked by space.py), and the kind's own.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonargparse.typing import NonNegativeInt, restricted_number_type

from ..beginner.sections import sections as beginner_sections
from ..core.settings import AddSection, dataclass_section, value_section
from .part import intermediate_part

# Cross-validation needs at least two folds: one to fit on, one to score.
Folds = restricted_number_type("Folds", int, (">=", 2))


@dataclass(frozen=True)
class SearchSettings:
    """The `search:` section: how many Optuna trials to add, and how each is scored."""

    # Trials each `train` or `search` adds to the experiment's study; 0 uses the
    # study as it is, e.g. after several `search` workers filled it.
    n_trials: NonNegativeInt = 20
    # Cross-validation folds per trial: more folds give steadier scores, slower.
    folds: Folds = 5
    # Where the study lives: None is reports/optuna.db (SQLite); any database URL
    # Optuna supports (postgresql://..., mysql://...) lets many machines share it.
    storage: str | None = None


def sections() -> Mapping[str, AddSection]:
    part = intermediate_part()
    return {
        **beginner_sections(),
        "search": dataclass_section(part.search_settings or SearchSettings),
        "candidates": value_section(dict[str, dict[str, Any]], {}),
        **part.sections(),
    }
