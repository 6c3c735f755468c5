"""What the time-series plain scripts share: the CO2 series, lag features, the
recursive forecast, the seasonal naive, the scores and the forecast figures.

The same steps as a default time-series project (co2, monthly, horizon 24), written
with pandas, scikit-learn and statsmodels directly. The scripts import this module
from their own folder.
"""

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.metrics import mean_absolute_error, root_mean_squared_error
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from statsmodels.datasets import co2

SEED, HORIZON, SEASON, N_LAGS = 42, 24, 12, 3


def load_series() -> pd.Series:
    """Weekly CO2 averaged by month, gaps interpolated."""
    weekly = co2.load_pandas().data["co2"]
    monthly = weekly.resample("MS").mean()
    return monthly.interpolate(method="time", limit_direction="both")


def lag_features(series: pd.Series) -> pd.DataFrame:
    change = series.diff()
    columns = {f"change_lag_{lag}": change.shift(lag) for lag in range(1, N_LAGS + 1)}
    columns["change_one_season_ago"] = change.shift(SEASON)
    columns["calendar_month"] = series.index.month
    return pd.DataFrame(columns, index=series.index)


def preprocessor() -> ColumnTransformer:
    return ColumnTransformer(
        [
            (
                "calendar",
                OneHotEncoder(handle_unknown="ignore", sparse_output=False),
                make_column_selector(pattern="^calendar_"),
            )
        ],
        remainder=StandardScaler(),
        verbose_feature_names_out=False,
    )


def fit_lags(model, history: pd.Series):
    table, change = lag_features(history), history.diff()
    complete = table.notna().all(axis=1) & change.notna()
    return clone(model).fit(table[complete], change[complete])


def forecast_lags(model, history: pd.Series, steps: int) -> np.ndarray:
    """Recursive: each forecast step is the past of the next."""
    series, values = history.iloc[-(SEASON + 2) :].copy(), []
    for _ in range(steps):
        date = series.index[-1] + pd.offsets.MonthBegin()
        series = pd.concat([series, pd.Series([np.nan], index=[date])])
        change = model.predict(lag_features(series).iloc[[-1]])[0]
        series.iloc[-1] = series.iloc[-2] + change
        values.append(series.iloc[-1])
    return np.asarray(values)


def seasonal_naive(history: pd.Series, steps: int) -> np.ndarray:
    return np.tile(history.to_numpy()[-SEASON:], -(-steps // SEASON))[:steps]


def scores(history: pd.Series, actual: pd.Series, forecast) -> dict[str, float]:
    scale = float(np.mean(np.abs(history.diff(SEASON).dropna())))
    mae = float(mean_absolute_error(actual, forecast))
    return {
        "mase": mae / scale,
        "mae": mae,
        "rmse": float(root_mean_squared_error(actual, forecast)),
    }


def forecast_figures(output: Path, train: pd.Series, test: pd.Series, forecast, naive):
    """The last 8 years, the test months and both forecasts; the residuals."""
    figure, axes = plt.subplots(figsize=(10, 4.5), layout="constrained")
    axes.plot(train.index[-96:], train.iloc[-96:], label="history")
    axes.plot(test.index, test, label="actual (test)")
    axes.plot(test.index, forecast, label="model")
    axes.plot(test.index, naive, linestyle="--", label="seasonal naive")
    axes.legend()
    figure.savefig(output / "forecast.png", dpi=120)
    figure, (over_time, spread) = plt.subplots(
        1, 2, figsize=(10, 4), layout="constrained"
    )
    over_time.bar(test.index, test - forecast, width=25)
    spread.hist(test - forecast, bins="auto")
    figure.savefig(output / "residuals.png", dpi=120)
