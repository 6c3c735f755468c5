"""The numbers a forecast is judged by: MAE, RMSE and MASE.

MASE (mean absolute scaled error) divides the forecast's MAE by the MAE the seasonal
naive forecast makes one step ahead on the training period: below 1, the forecast
errs less than that simple rule did; it compares across series of any scale.
"""

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, root_mean_squared_error

from ...core.errors import ProjectError

# The metric that decides; lower is better.
PRIMARY_METRIC = "mase"


def naive_scale(history: pd.Series, season: int) -> float:
    """The seasonal naive forecast's mean absolute error one step ahead in `history`."""
    lag = season if len(history) > season else 1
    scale = float(np.mean(np.abs(history.diff(lag).dropna())))
    if scale == 0:
        raise ProjectError(
            "the training steps repeat each season exactly: MASE cannot be scaled"
        )
    return scale


def score_forecast(actual: pd.Series, forecast: pd.Series, scale: float) -> dict:
    """MAE and RMSE in the series' own units, and MASE against the naive scale."""
    mae = float(mean_absolute_error(actual, forecast))
    return {
        "mase": mae / scale,
        "mae": mae,
        "rmse": float(root_mean_squared_error(actual, forecast)),
    }
