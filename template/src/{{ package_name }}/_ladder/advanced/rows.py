"""The advanced part of the kinds on rows (part.py's `AdvancedPart`): the tabular
kind's, and the images kind's, whose images are rows of pixels. The rows become
tensors through features.py's preprocessor (datamodule.py), saved beside the
checkpoint; its rival is the best classical candidate, on the same test rows.
"""

from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from ..core.data import Split
from ..core.settings import AddSection, Settings
from .paths import NetworkPaths

NETWORK = "network"
RIVAL = "best classical"
NETWORK_INPUTS = frozenset({"input_shape", "n_outputs"})
SEARCHES_NETWORK = True
EVALUATE_READS_CONFIG = False


def sections() -> Mapping[str, AddSection]:
    return {}


def monitored(settings: Settings) -> tuple[Sequence[str], str]:
    from .lit_model import monitored_names

    return monitored_names(settings.project.task), settings.project.task


def curve_metric(settings: Settings) -> str:
    from .lit_model import METRIC_NAMES

    return METRIC_NAMES[settings.project.task][0]


def lit_module(params: Any) -> Any:
    from .lit_model import LitNetwork

    return LitNetwork(params)


def check(settings: Settings) -> None:
    """Nothing to fetch: a network on rows starts from fresh weights."""


def data_module(settings: Settings, split: Split, tensors: ModuleType | None = None):
    """The training rows' batches; `tensors` shapes rows that are more than a
    table's (images/advanced/tensors.py)."""
    from .datamodule import TableDataModule

    features = settings.features.as_dict()
    return TableDataModule(split, settings.project, features, settings.batches, tensors)


def model(
    checkpoint: Path, datamodule: Any, split: Split, settings: Settings
) -> tuple[Any, dict[str, Any]]:
    from .predictor import NetworkPredictor, load_network

    network, spec, saved = load_network(checkpoint)
    return NetworkPredictor(network, datamodule.preprocessor, spec), saved


def save(model: Any, paths: NetworkPaths) -> None:
    from ..core.artifacts import save_model

    save_model(model.preprocessor, paths.preprocessor)


def load(paths: NetworkPaths, settings: Settings) -> tuple[Any, dict[str, Any]]:
    """models/model.ckpt and models/preprocessor.skops, ready to predict."""
    from ..core.artifacts import load_model
    from .predictor import NetworkPredictor, load_network

    network, spec, saved = load_network(paths.checkpoint)
    return NetworkPredictor(network, load_model(paths.preprocessor), spec), saved


def describe(model: Any, config: str) -> dict[str, Any]:
    from .results import describe_network

    return describe_network(model, config)


def report_content(paths: NetworkPaths) -> tuple[dict[str, Any], Path, list[str]]:
    from .results import network_results

    return network_results(paths)


def facts(model: Any, datamodule: Any) -> dict[str, Any]:
    return {}


def rival_scores(
    model: Any, classical: Any, split: Split, settings: Settings
) -> dict[str, float]:
    from ..core.evaluate import score

    return score(settings.project.task, split.y_test, classical.predict(split.X_test))


def figures(
    model: Any, classical: Any, split: Split, settings: Settings, outcome: Any
) -> dict[str, Any]:
    """The intermediate tier's figures of the rival: the candidates, its learning
    curve, the columns it relies on."""
    from ..intermediate.part import intermediate_part
    from ..intermediate.rows import search_figures

    per_column = intermediate_part().per_column_figures
    return search_figures(classical, split, settings, outcome, per_column)
