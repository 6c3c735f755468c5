"""The steps of a forecasting experiment (core/kind.py's `Steps`): fit on the past,
score on the last `horizon` steps next to the seasonal naive baseline, forecast ahead.
MASE is the forecast's MAE over the seasonal naive's one-step MAE in training: below
1 it beats that rule, on any scale (MAE and RMSE are in the series' units).
"""

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, root_mean_squared_error

from ...core.artifacts import write_atomically
from ...core.errors import ProjectError
from ...core.evaluate import Evaluation, metrics_record
from ...core.paths import Paths
from ...core.settings import Settings
from . import figures
from .forecasters import Forecaster, LagForecaster, SeasonalNaive, describe_forecaster
from .series import Series, TimeSplit, load_series, time_split

# The metric that decides; lower is better.
PRIMARY_METRIC = "mase"

prepare = load_series


def build_forecaster(settings: Settings, season: int) -> LagForecaster:
    """model.py's Pipeline on the lag features the `features:` section sets."""
    from ....features import build_preprocessor
    from ....model import build_model

    model = build_model(build_preprocessor(), seed=settings.project.seed)
    return LagForecaster(model, settings.features.as_dict(), season)


def fit(settings: Settings, series: Series) -> LagForecaster:
    """The forecaster fitted on every step but the test period."""
    split = time_split(series.values, settings.project.horizon)
    return build_forecaster(settings, series.season).fit(split.train)


def forecast_scores(
    forecaster: Forecaster, split: TimeSplit, season: int
) -> tuple[pd.Series, dict[str, float]]:
    """The forecaster's forecast of the test steps, and its MASE, MAE and RMSE."""
    forecast = forecaster.forecast(split.train, len(split.test))
    # The seasonal naive forecast's mean absolute error one step ahead in training.
    lag = season if len(split.train) > season else 1
    scale = float(np.mean(np.abs(split.train.diff(lag).dropna())))
    if scale == 0:
        raise ProjectError(
            "the training steps repeat each season exactly: MASE cannot be scaled"
        )
    mae = float(mean_absolute_error(split.test, forecast))
    rmse = float(root_mean_squared_error(split.test, forecast))
    return forecast, {"mase": mae / scale, "mae": mae, "rmse": rmse}


def evaluate(forecaster: Forecaster, series: Series, settings: Settings) -> Evaluation:
    """Test-period metrics and figures for `forecaster` and the seasonal naive."""
    project = settings.project
    split = time_split(series.values, int(project.horizon or 1))
    forecast, scores = forecast_scores(forecaster, split, series.season)
    naive, naive_scores = forecast_scores(
        SeasonalNaive(series.season), split, series.season
    )
    metrics = metrics_record(
        project,
        {
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
        },
    )
    baseline = "seasonal naive" if series.season > 1 else "naive"
    forecasts = {"model": forecast, baseline: naive}
    drawn = {
        "forecast": figures.forecast_figure(
            split.train, split.test, forecasts, series.season
        ),
        "residuals": figures.residuals_figure(split.test, forecast),
    }
    return Evaluation(metrics, drawn)


def predict(forecaster: Forecaster, paths: Paths, settings: Settings) -> str:
    """Forecast the `horizon` steps after the series' (or `predict`'s CSV's) end."""
    series = load_series(paths, settings, settings.csv)
    trained_season = getattr(forecaster, "season", series.season)
    if series.season != trained_season:
        raise ProjectError(
            f"the series has a season of {series.season} steps, the saved forecaster "
            f"{trained_season}: run `train` again on data of this frequency"
        )
    forecast = forecaster.forecast(series.values, int(settings.project.horizon or 1))
    table = pd.DataFrame({"date": forecast.index, "forecast": forecast.to_numpy()})
    output = settings.output or paths.predictions
    write_atomically(output, lambda temporary: table.to_csv(temporary, index=False))
    return (
        f"forecast of the {len(table)} steps from {table['date'].iloc[0]:%Y-%m-%d} "
        f"written to {output}"
    )
