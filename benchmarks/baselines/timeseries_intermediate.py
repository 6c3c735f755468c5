"""The intermediate tier's time-series `train` as a plain script.

The same work as `python -m <package> train` in a default intermediate time-series
project (co2, configs/default.yaml): 20 Optuna trials (search.py: seeded TPE, a first
trial per candidate) over Ridge and gradient boosting on lags, ETS and SARIMA, each
scored by 5 expanding-window folds of 24 months in a SQLite study; refit the best on
the training period, score it and the seasonal naive on the last 24 months, draw the
three figures, save the model with skops, write the metrics.
Usage: python benchmarks/baselines/timeseries_intermediate.py OUTPUT_FOLDER
"""

import sys
import warnings
from pathlib import Path

import numpy as np
import optuna
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit
from sklearn.pipeline import Pipeline
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.statespace.sarimax import SARIMAX

import figures
import search
from common import save
from timeseries_common import (
    HORIZON,
    SEASON,
    SEED,
    fit_lags,
    forecast_figures,
    forecast_lags,
    load_series,
    preprocessor,
    scores,
    seasonal_naive,
)

FOLDS = 5
warnings.simplefilter("ignore")


def suggest(trial: optuna.Trial, name: str) -> dict:
    """The search spaces of configs/default.yaml, under the project's names."""
    if name == "model":
        return {"alpha": trial.suggest_float("model.alpha", 0.01, 100.0, log=True)}
    if name == "gradient_boosting":
        return {
            "max_iter": 100,
            "learning_rate": trial.suggest_float(
                "gradient_boosting.learning_rate", 0.02, 0.3, log=True
            ),
            "max_leaf_nodes": trial.suggest_int(
                "gradient_boosting.max_leaf_nodes", 4, 32, log=True
            ),
        }
    if name == "ets":
        return {
            "trend": trial.suggest_categorical("ets.trend", ["add", None]),
            "damped_trend": trial.suggest_categorical(
                "ets.damped_trend", [False, True]
            ),
        }
    return {
        "p": trial.suggest_int("sarima.p", 0, 2),
        "q": trial.suggest_int("sarima.q", 0, 2),
        "seasonal_q": trial.suggest_categorical("sarima.seasonal_q", [0, 1]),
    }


def fit_forecast(name: str, params: dict, history, steps: int):
    """(fitted model, its forecast of the `steps` after `history`)."""
    if name in ("model", "gradient_boosting"):
        estimator = (
            Ridge(**params)
            if name == "model"
            else HistGradientBoostingRegressor(random_state=SEED, **params)
        )
        model = Pipeline([("preprocess", preprocessor()), ("estimator", estimator)])
        model = fit_lags(model, history)
        return model, forecast_lags(model, history, steps)
    values = history.to_numpy(dtype=float)
    if name == "ets":
        trend = params["trend"]
        model = ETSModel(
            values,
            trend=trend,
            damped_trend=params["damped_trend"] and trend is not None,
            seasonal="add",
            seasonal_periods=SEASON,
        ).fit(disp=False)
    else:
        order = (params["p"], 1, params["q"])
        seasonal = (0, 1, params["seasonal_q"], SEASON)
        model = SARIMAX(values, order=order, seasonal_order=seasonal).fit(disp=False)
    return model, np.asarray(model.forecast(steps))


def objective(trial: optuna.Trial) -> float:
    name = trial.suggest_categorical(
        "candidate", ["ets", "gradient_boosting", "model", "sarima"]
    )
    params = suggest(trial, name)
    fold_scores = []
    for past, future in TimeSeriesSplit(FOLDS, test_size=HORIZON).split(train):
        history, actual = train.iloc[past], train.iloc[future]
        _, forecast = fit_forecast(name, params, history, HORIZON)
        fold_scores.append(-scores(history, actual, forecast)["mase"])
    trial.set_user_attr("params", params)
    trial.set_user_attr("fold_scores", fold_scores)
    return float(np.mean(fold_scores))


output = Path(sys.argv[1])
series = load_series()
train, test = series.iloc[:-HORIZON], series.iloc[-HORIZON:]
optuna.logging.set_verbosity(optuna.logging.ERROR)
candidates = search.best_of_each(search.run(output, objective, name=None))
best = search.best_candidate(candidates)
model, forecast = fit_forecast(best["name"], best["params"], train, HORIZON)
naive = seasonal_naive(train, HORIZON)
metrics = {
    "model": scores(train, test, forecast),
    "baseline": scores(train, test, naive),
    "candidate": best["name"],
    "candidates": candidates,
}
# A statsmodels result is not a scikit-learn model: its fitted parameters stand in.
if not isinstance(model, Pipeline):
    model = {"params": np.asarray(model.params)}

forecast_figures(output, train, test, forecast, naive)
# The fold scores are negated MASE (the study maximises): drawn as MASE.
as_mase = [{**c, "fold_scores": [-s for s in c["fold_scores"]]} for c in candidates]
figures.cross_validation(output, as_mase, "MASE on each held-out fold")
save(output, metrics, model)
print(f"best {best['name']}; test mase: model {metrics['model']['mase']:.3f}")
