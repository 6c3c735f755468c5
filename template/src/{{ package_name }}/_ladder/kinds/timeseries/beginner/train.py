"""Fit your forecaster on the past, score it on the last `horizon` steps, save it.

The whole experiment in a few plain steps, each a function you can call from a
notebook too.
"""

from typing import Any

from .....features import build_preprocessor
from .....model import build_model
from ....core.artifacts import save_model, write_text
from ....core.evaluate import write_evaluation
from ....core.paths import Paths
from ....core.settings import Settings
from ..evaluate import evaluate
from ..forecasters import LagForecaster
from ..series import Series, load_series, time_split


def prepare_series(paths: Paths, settings: Settings) -> Series:
    """The series, regular and gap-free, as the `data:` section says."""
    return load_series(paths, settings.project, settings.data, paths.default_config)


def build_forecaster(settings: Settings, season: int) -> LagForecaster:
    """model.py's Pipeline on the lag features the `features:` section sets."""
    model = build_model(build_preprocessor(), seed=settings.project.seed)
    return LagForecaster(model, settings.features.as_dict(), season)


def fit_forecaster(settings: Settings, series: Series) -> LagForecaster:
    """The forecaster fitted on every step but the test period."""
    split = time_split(series.values, settings.project.horizon)
    return build_forecaster(settings, series.season).fit(split.train)


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Load, split by time, fit, evaluate, save; returns the metrics written."""
    series = prepare_series(paths, settings)
    forecaster = fit_forecaster(settings, series)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(forecaster, series, settings.project)
    save_model(forecaster, paths.model)
    write_evaluation(evaluation, paths)
    write_text(paths.resolved_config, settings.yaml)
    return evaluation.metrics
