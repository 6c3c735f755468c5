"""Forecasters: `fit(history)`, then `forecast(history, steps)` continues any series
of the kind (the training period to score, the latest data to predict). They are
scikit-learn estimators, so the search sets their parameters and skops saves them.
"""

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone
from sklearn.pipeline import Pipeline

from ....features import lag_features
from ...core.errors import ProjectError


def future_dates(history: pd.Series, steps: int) -> pd.DatetimeIndex:
    """The `steps` dates that follow `history`, at its frequency."""
    index = history.index
    return pd.date_range(index[-1], periods=steps + 1, freq=index.freq)[1:]


class Forecaster(BaseEstimator):
    """Each one below is a dataclass whose fields are its parameters for
    scikit-learn (its equality and repr stay scikit-learn's); the engine sets
    `season` from the data."""

    season: int


@dataclass(eq=False, repr=False)
class SeasonalNaive(Forecaster):
    """The baseline: each step repeats the value one season earlier (or the last)."""

    season: int = 1

    def fit(self, history: pd.Series) -> "SeasonalNaive":
        return self

    def forecast(self, history: pd.Series, steps: int) -> pd.Series:
        last_season = history.to_numpy()[-self.season :]
        repeats = -(-steps // self.season)  # ceiling division
        values = np.tile(last_season, repeats)[:steps]
        return pd.Series(values, index=future_dates(history, steps), name=history.name)


@dataclass(eq=False, repr=False)
class LagForecaster(Forecaster):
    """A Pipeline on lag and calendar features (features.py) that learns each step's
    change and forecasts recursively: each forecast becomes the next one's past."""

    model: Pipeline | None = None
    features: dict[str, Any] | None = None
    season: int = 1

    def table(self, series: pd.Series) -> pd.DataFrame:
        return lag_features(series, **(self.features or {}), season=self.season)

    def fit(self, history: pd.Series) -> "LagForecaster":
        table = self.table(history)
        change = history.diff()
        complete = table.notna().all(axis=1) & change.notna()
        if not complete.any():
            raise ProjectError(
                f"{len(history)} steps are too few for these lag features: lower "
                "features.n_lags or give a longer series"
            )
        # The steps of the past the features reach back to: forecasting needs as many.
        self.lookback_ = int(np.argmax(complete.to_numpy()))
        self.model_ = clone(self.model).fit(table[complete], change[complete])
        self.feature_names_in_ = np.asarray(table.columns, dtype=object)
        return self

    def forecast(self, history: pd.Series, steps: int) -> pd.Series:
        window = history.iloc[-self.lookback_ :].astype(float)
        dates, values = future_dates(history, steps), []
        for date in dates:
            # The next step joins the window unknown: its features only look back.
            window.loc[date] = np.nan
            change = self.model_.predict(self.table(window).iloc[[-1]])[0]
            values.append(window.iloc[-2] + change)
            window.iloc[-1] = values[-1]
            window = window.iloc[1:]
        return pd.Series(values, index=dates, name=history.name)


class Statistical(Forecaster):
    """A statsmodels model (`build(history)`) whose parameters `fit` estimates once;
    `forecast` runs it with them over any series (`run(model)`)."""

    def fit(self, history: pd.Series) -> "Statistical":
        # statsmodels warns when an optimiser stops early; a search tries many
        # settings and scores each on held-out steps, which is what tells a bad fit.
        with warnings.catch_warnings(action="ignore"):
            self.params_ = np.asarray(self.build(history).fit(disp=False).params)
        return self

    def forecast(self, history: pd.Series, steps: int) -> pd.Series:
        with warnings.catch_warnings(action="ignore"):
            values = self.run(self.build(history)).forecast(steps)
        forecast = np.asarray(values, dtype=float)
        if not np.isfinite(forecast).all():
            raise ProjectError(f"{type(self).__name__} forecast a non-finite value")
        dates = future_dates(history, steps)
        return pd.Series(forecast, index=dates, name=history.name)


@dataclass(eq=False, repr=False)
class ExponentialSmoothing(Statistical):
    """ETS: a level, a trend and a season, each updated by exponential smoothing."""

    trend: str | None = "add"
    damped_trend: bool = False
    seasonal: str | None = "add"
    season: int = 1

    def build(self, history: pd.Series) -> Any:
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel

        seasonal = self.seasonal if self.season > 1 else None
        return ETSModel(
            history.to_numpy(dtype=float),
            trend=self.trend,
            damped_trend=self.damped_trend and self.trend is not None,
            seasonal=seasonal,
            seasonal_periods=self.season if seasonal else None,
        )

    def run(self, model: Any) -> Any:
        return model.smooth(self.params_)


@dataclass(eq=False, repr=False)
class Sarima(Statistical):
    """SARIMA: autoregression (p), differencing (d), moving average (q), per step and
    per season."""

    p: int = 1
    d: int = 1
    q: int = 1
    seasonal_p: int = 0
    seasonal_d: int = 1
    seasonal_q: int = 1
    season: int = 1

    def build(self, history: pd.Series) -> Any:
        from statsmodels.tsa.statespace.sarimax import SARIMAX

        seasonal = (self.seasonal_p, self.seasonal_d, self.seasonal_q, self.season)
        return SARIMAX(
            history.to_numpy(dtype=float),
            order=(self.p, self.d, self.q),
            seasonal_order=seasonal if self.season > 1 else (0, 0, 0, 0),
        )

    def run(self, model: Any) -> Any:
        return model.filter(self.params_)


def describe_forecaster(forecaster: Forecaster) -> dict[str, Any]:
    from ...core.evaluate import describe

    if isinstance(forecaster, LagForecaster):
        inner = describe(forecaster.model)
        return {"estimator": f"{inner['estimator']} on lags", "params": inner["params"]}
    return describe(forecaster)
