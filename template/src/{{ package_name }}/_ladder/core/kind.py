"""A problem kind as the tiers see it: one object, `KIND`, that the kind's package
(`_ladder/kinds/<kind>/__init__.py`) exports.

Each tier's pipeline is written once, against this object: the kind declares its
config sections, its `predict` options and any command of its own, and its
`steps.py` (`Steps`) loads, splits, fits, scores and predicts, handing its own data
object (a `Split` of rows, a time series, ...) from step to step. A tier above the
beginner's asks for the kind's part of it: `kind.part(tier)`, the module
`kinds/<kind>/<tier>/`. A project holds its own kind's package only, so core names
no kind; the steps and parts (scikit-learn, PyTorch) are imported when first used,
so `report`, which reads KIND too, starts in a blink.
"""

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from .paths import Paths
from .settings import AddSection, Settings, dataclass_section, function_section

if TYPE_CHECKING:
    from jsonargparse import ArgumentParser

    from .cli import Command
    from .evaluate import Evaluation
    from .project import Project

KINDS = f"{__package__.rsplit('.', 1)[0]}.kinds"


class Steps(Protocol):
    """What `kinds/<kind>/steps.py` defines: the steps of one experiment."""

    # The data before the split, as the notebook sees it: (features, target).
    def load(self, paths: Paths, project: "Project") -> Any: ...
    # The data, loaded and split into training and held-out test rows.
    def prepare(self, paths: Paths, settings: Settings) -> Any: ...
    # Your model.py's model, with the config's settings, fitted.
    def fit(self, settings: Settings, data: Any) -> Any: ...
    # The test scores next to the baseline's, and the figures.
    def evaluate(self, model: Any, data: Any, settings: Settings) -> "Evaluation": ...
    # Predict for the inputs `predict`'s options name; says what it wrote.
    def predict(self, model: Any, paths: Paths, settings: Settings) -> str: ...


def row_sections() -> Mapping[str, AddSection]:
    """The config sections of the steps on rows (core/rows.py)."""
    from ...features import build_preprocessor
    from .data import DataSettings

    return {
        "data": dataclass_section(DataSettings),
        "features": function_section(build_preprocessor),
    }


def predict_options(
    inputs: str, help: str, **argument: Any
) -> Callable[["ArgumentParser"], None]:
    """What adds `predict`'s options: its inputs (a path unless `argument` says
    otherwise) and --output."""

    def add(parser: "ArgumentParser") -> None:
        parser.add_argument(inputs, help=help, **{"type": Path, **argument})
        parser.add_argument(
            "--output", type=Path, help="default: reports/predictions.csv"
        )

    return add


add_rows_to_predict = predict_options("csv", "CSV with the training feature columns")


@dataclass(frozen=True)
class Kind:
    """What a problem kind declares to the tiers."""

    name: str
    # The config sections the kind has at every tier: `features`, ...
    sections: Callable[[], Mapping[str, AddSection]]
    # `predict`: its help and options (the inputs to predict for, --output).
    predict_help: str
    add_predict_options: Callable[["ArgumentParser"], None]
    # Whether `predict` reads configs/default.yaml (a series is cleaned as `data:`
    # says); the others start faster without it, and never import PyTorch.
    predict_reads_config: bool = False
    evaluate_help: str = "re-score the saved model on the test rows"
    # What one example is called in the draft: "trained on 120 rows".
    examples: str = "rows"
    # Lines `train` prints before the scores, from the settings and metrics.
    train_notes: Callable[[Settings, dict], list[str]] = lambda settings, metrics: []
    # The captions of the figures the exploration notebook draws for this kind alone,
    # by the figure's name (the shared ones are core/report.py's).
    captions: Mapping[str, str] = field(default_factory=dict)
    # The draft's extra sections from metrics.json (the clusters, ...), if any.
    report_sections: Callable[[dict], list[str]] | None = None
    # Commands of the kind's own, at every tier (e.g. `forecast`).
    commands: Sequence["Command"] = field(default_factory=tuple)

    @property
    def package(self) -> str:
        return f"{KINDS}.{self.name}"

    @property
    def steps(self) -> Steps:
        return importlib.import_module(f"{self.package}.steps")

    def part(self, tier: str) -> ModuleType:
        """This kind's part of a tier above the beginner's: `kinds/<kind>/<tier>/`."""
        return importlib.import_module(f"{self.package}.{tier}")


@cache
def current_kind() -> Kind:
    """The kind of this project: the one package under `_ladder/kinds/`."""
    kinds = importlib.import_module(KINDS)
    (name,) = [m.name for m in pkgutil.iter_modules(kinds.__path__) if m.ispkg]
    return importlib.import_module(f"{KINDS}.{name}").KIND
