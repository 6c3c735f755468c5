"""The forecasters the search compares: yours from model.py among them.

Each candidate is either a scikit-learn Pipeline (the engine feeds it the lag and
calendar features of features.py and forecasts recursively) or a statistical
forecaster from statsmodels, wrapped by the engine. The `candidates:` section of
configs/default.yaml says which take part and what Optuna searches for each: a
Pipeline's keys are parameters of its "estimator" step, a forecaster's its own.

Try next: add a candidate here (e.g. a RandomForestRegressor Pipeline), then give it
a table in configs/default.yaml.
"""

from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.pipeline import Pipeline

from ._ladder.kinds.timeseries.forecasters import (
    ExponentialSmoothing,
    Forecaster,
    Sarima,
)
from .model import build_model


def build_candidates(
    preprocessor: ColumnTransformer, seed: int
) -> dict[str, Pipeline | Forecaster]:
    """The candidates by name; the names are the keys of `candidates:`."""
    return {
        # Your model: Ridge on the lags and the calendar.
        "model": build_model(clone(preprocessor), seed),
        # Trees on the same features: they find interactions a line cannot.
        "gradient_boosting": Pipeline(
            [
                ("preprocess", clone(preprocessor)),
                ("estimator", HistGradientBoostingRegressor(random_state=seed)),
            ]
        ),
        # Exponential smoothing: a level, a trend and a season, each smoothed.
        "ets": ExponentialSmoothing(),
        # SARIMA: autoregression, differencing, moving average, once more per season.
        "sarima": Sarima(),
    }
