"""The advanced part of the kinds on rows (part.py): the tabular kind's, and the images
kind's, whose images are rows of pixels. The rows become tensors through features.py's
preprocessor (datamodule.py), saved beside the checkpoint; its rival is the best
classical candidate, on the same test rows. Every part has the names below: another
kind's part defines those that differ, these stand for the others.
"""

from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..core.settings import AddSection, Settings
from .paths import NetworkPaths

if TYPE_CHECKING:
    from ..core.data import Split

# The network's name in the commands' help ("network", "autoencoder"), and how
# `train`'s output names its rival, the intermediate tier's refitted best.
NETWORK = "network"
RIVAL = "best classical"
# build_network's arguments the data sets: left out of the `network:` section.
NETWORK_INPUTS = frozenset({"input_shape", "n_outputs"})
# Whether `search` tunes the network too (the `network_search:` section).
SEARCHES_NETWORK = True
# Whether `evaluate` reads configs/default.yaml: a kind whose data the `data:`
# section shapes needs it; the others start faster without it.
EVALUATE_READS_CONFIG = False


def sections() -> Mapping[str, AddSection]:
    """The config sections the kind adds, before `network:` (e.g. `tokenizer`)."""
    return {}


def monitored(settings: Settings) -> tuple[Sequence[str], str]:
    """The values early stopping may watch, and what they are for (its message)."""
    from .lit_model import monitored_names

    return monitored_names(settings.project.task), settings.project.task


def curve_metric(settings: Settings) -> str:
    """The value drawn beside the loss in the training curves."""
    from .lit_model import METRIC_NAMES

    return METRIC_NAMES[settings.project.task][0]


def lit_module(params: Any) -> Any:
    """The LightningModule that trains the network of `params.spec`."""
    from .lit_model import LitNetwork

    return LitNetwork(params)


def check(settings: Settings) -> None:
    """Raise a ProjectError that says what to do if training cannot start (no
    pretrained weights, ...). Nothing to check on rows."""


def data_module(
    settings: Settings, split: "Split", tensors: ModuleType | None = None
) -> Any:
    """The LightningDataModule of the training part of `steps.prepare`'s data: its
    batches, `n_val` rows that pick the best epoch, and `spec(network)`, what
    rebuilds the network. `tensors`: images/advanced/tensors.py."""
    from .datamodule import TableDataModule

    features = settings.features.as_dict()
    return TableDataModule(split, settings.project, features, settings.batches, tensors)


def model(
    checkpoint: Path, datamodule: Any, split: "Split", settings: Settings
) -> tuple[Any, dict[str, Any]]:
    """The model the kind's steps score and predict with, and the checkpoint."""
    from .predictor import NetworkPredictor, load_network

    network, spec, saved = load_network(checkpoint)
    return NetworkPredictor(network, datamodule.preprocessor, spec), saved


def save(model: Any, paths: NetworkPaths) -> None:
    """What the model needs beside the checkpoint: here its preprocessor."""
    from ..core.artifacts import save_model

    save_model(model.preprocessor, paths.preprocessor)


def load(paths: NetworkPaths, settings: Settings) -> tuple[Any, dict[str, Any]]:
    """`model`, from models/model.ckpt and models/preprocessor.skops."""
    from ..core.artifacts import load_model
    from .predictor import NetworkPredictor, load_network

    network, spec, saved = load_network(paths.checkpoint)
    return NetworkPredictor(network, load_model(paths.preprocessor), spec), saved


def describe(model: Any, config: str) -> dict[str, Any]:
    """metrics.json's `estimator` and `params`: the network's class and its main
    settings (from the resolved config), for the report's model summary."""
    import yaml

    settings = yaml.safe_load(config) if config else {}
    weights = sum(parameter.numel() for parameter in model.network.parameters())
    params: dict[str, Any] = {**model.spec.network, "weights": weights}
    for key in ("optimizer", "scheduler"):
        if settings.get(key):
            params[key] = settings[key]["class_path"].rsplit(".", 1)[-1]
    if settings.get("optimizer"):
        params["lr"] = settings["optimizer"]["init_args"].get("lr")
    if settings.get("batches"):
        params["batch_size"] = settings["batches"]["batch_size"]
    return {"estimator": type(model.network).__name__, "params": params}


def report_content(paths: NetworkPaths) -> tuple[dict[str, Any], Path, list[str]]:
    """What `report` fills in: the metrics, the folder their figures are relative to,
    and the draft's sections: the network / best classical / baseline table, and the
    table of every run."""
    from ..core.report import read_metrics
    from ..intermediate.runs import all_runs_section, list_runs
    from .results import comparison_table

    metrics, runs = read_metrics(paths.metrics), list_runs(paths)
    every_run = all_runs_section(runs) if runs else []
    return metrics, paths.reports, [comparison_table(metrics), *every_run]


def facts(model: Any, datamodule: Any) -> dict[str, Any]:
    """What a run records of the network beyond the shared facts."""
    return {}


def rival_scores(
    model: Any, classical: Any, split: "Split", settings: Settings
) -> dict[str, float]:
    """The rival's test scores, measured as the network's are."""
    from ..core.evaluate import score

    return score(settings.project.task, split.y_test, classical.predict(split.X_test))


def figures(
    model: Any, classical: Any, split: "Split", settings: Settings, outcome: Any
) -> dict[str, Any]:
    """The figures of the rival's search (one named like an evaluation figure
    replaces it): the candidates, its learning curve, the columns it relies on."""
    from ..intermediate.part import intermediate_part
    from ..intermediate.rows import search_figures

    per_column = intermediate_part().per_column_figures
    return search_figures(classical, split, settings, outcome, per_column)
