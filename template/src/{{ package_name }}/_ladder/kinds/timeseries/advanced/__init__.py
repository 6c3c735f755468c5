"""The time-series kind's advanced part (advanced/part.py): a sequence network over
windows of the training period (windows.py) that forecasts like every forecaster,
beside the best classical one, both scored by their errors. The names it does not
define are the rows' (advanced/rows.py)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonargparse.typing import PositiveInt

from ....advanced.paths import NetworkPaths
from ....core.settings import AddSection, Settings, dataclass_section

SEARCHES_NETWORK = False
# The series is cleaned as the `data:` section says, in `evaluate` too.
EVALUATE_READS_CONFIG = True
# What the network is scored by while training: a regression of the next change.
NETWORK_TASK = "regression"
# The window when `window.length` is null and the series has no season.
DEFAULT_LENGTH = 24


# Here, not in windows.py: loading the settings imports no PyTorch.
@dataclass(frozen=True)
class Window:
    """The `window:` section of configs/default.yaml."""

    # Steps of the past the network reads; null: three seasons (36 months of monthly
    # data), or 24 steps when the series has no season.
    length: PositiveInt | None = None


def sections() -> Mapping[str, AddSection]:
    return {"window": dataclass_section(Window)}


def monitored(settings: Settings) -> tuple[Sequence[str], str]:
    from ....advanced.lit_model import monitored_names

    return monitored_names(NETWORK_TASK), "the network's next-change forecast"


def curve_metric(settings: Settings) -> str:
    return "mae"


def periods(settings: Settings, series: Any) -> Any:
    from ..series import time_split  # pandas and scikit-learn: not for `report`

    return time_split(series.values, settings.project.horizon)


def data_module(settings: Settings, series: Any) -> Any:
    from .windows import WindowDataModule

    season = series.season
    length = int(
        settings.window.length or (3 * season if season > 1 else DEFAULT_LENGTH)
    )
    train = periods(settings, series).train
    return WindowDataModule(train, length, settings.batches)


def model(
    checkpoint: Path, datamodule: Any, series: Any, settings: Settings
) -> tuple[Any, dict[str, Any]]:
    """The network of `checkpoint` as a forecaster, and the checkpoint."""
    from ....advanced.predictor import load_network
    from .windows import NetworkForecaster

    network, spec, saved = load_network(checkpoint)
    return NetworkForecaster(network, spec), saved


def save(model: Any, paths: NetworkPaths) -> None:
    """Nothing beside the checkpoint: the network reads the series' changes."""


def load(paths: NetworkPaths, settings: Settings) -> tuple[Any, dict[str, Any]]:
    return model(paths.checkpoint, None, None, settings)


def facts(model: Any, datamodule: Any) -> dict[str, Any]:
    return {"lower_is_better": True}


def rival_scores(
    model: Any, classical: Any, series: Any, settings: Settings
) -> dict[str, float]:
    from ..steps import forecast_scores

    split = periods(settings, series)
    return forecast_scores(classical, split, series.season)[1]


def figures(
    model: Any, classical: Any, series: Any, settings: Settings, outcome: Any
) -> dict[str, Any]:
    """The network's forecast beside its rivals' (in place of the evaluation's), and
    the candidates' cross-validation."""
    from ..figures import cross_validation_figure, forecast_figure
    from ..forecasters import SeasonalNaive

    split = periods(settings, series)
    steps = len(split.test)
    forecasts = {
        "network": model.forecast(split.train, steps),
        outcome.best["name"]: classical.forecast(split.train, steps),
        "seasonal naive": SeasonalNaive(series.season).forecast(split.train, steps),
    }
    return {
        "forecast": forecast_figure(split.train, split.test, forecasts, series.season),
        "cross_validation": cross_validation_figure(outcome.candidates),
    }
