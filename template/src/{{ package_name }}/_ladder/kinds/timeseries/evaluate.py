"""Score a forecaster on the test period next to the seasonal naive baseline.

The forecaster continues the training series over the last `horizon` steps, which
it never saw; so does the baseline. `train` and `evaluate` both call `evaluate`, then
core's `write_evaluation` saves reports/metrics.json and the figures.
"""

from datetime import datetime
from typing import Any

import pandas as pd

from ...core.evaluate import Evaluation
from ...core.project import Project
from . import figures
from .forecasters import Forecaster, SeasonalNaive, describe_forecaster
from .scores import PRIMARY_METRIC, naive_scale, score_forecast
from .series import Series, TimeSplit, time_split


def forecast_scores(
    forecaster: Forecaster, split: TimeSplit, season: int
) -> tuple[pd.Series, dict[str, float]]:
    """The forecaster's forecast of the test steps, and its scores."""
    forecast = forecaster.forecast(split.train, len(split.test))
    scale = naive_scale(split.train, season)
    return forecast, score_forecast(split.test, forecast, scale)


def evaluate(forecaster: Forecaster, series: Series, project: Project) -> Evaluation:
    """Test-period metrics and figures for `forecaster` and the seasonal naive."""
    split = time_split(series.values, int(project.horizon or 1))
    forecast, scores = forecast_scores(forecaster, split, series.season)
    baseline = SeasonalNaive(series.season)
    naive, naive_scores = forecast_scores(baseline, split, series.season)
    metrics: dict[str, Any] = {
        "project": project.slug,
        "dataset": project.dataset,
        "task": project.task,
        "primary_metric": PRIMARY_METRIC,
        "model": scores,
        "baseline": naive_scores,
        **describe_forecaster(forecaster),
        "n_train": len(split.train),
        "n_test": len(split.test),
        "horizon": len(split.test),
        "season": series.season,
        "frequency": series.frequency,
        "gaps_filled": series.gaps,
        "train_period": [str(split.train.index[0]), str(split.train.index[-1])],
        "test_period": [str(split.test.index[0]), str(split.test.index[-1])],
        "evaluated_at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    baseline_name = "seasonal naive" if series.season > 1 else "naive"
    drawn = {
        "forecast": figures.forecast_figure(
            split.train,
            split.test,
            {"model": forecast, baseline_name: naive},
            series.season,
        ),
        "residuals": figures.residuals_figure(split.test, forecast),
    }
    return Evaluation(metrics, drawn)
