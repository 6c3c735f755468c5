"""The intermediate tier's time-series `train` as a plain script.

The same work as `python -m <package> train` in a default intermediate time-series
project (co2, configs/default.yaml): 20 Optuna trials (seeded TPE, a first trial per
candidate) over Ridge and gradient boosting on lags, ETS and SARIMA, each scored by
5 expanding-window folds of 24 months in a SQLite study; refit the best on the
training period, score it and the seasonal naive on the last 24 months, draw the
three figures, save the model with skops, write the metrics.
Usage: python benchmarks/baselines/timeseries_intermediate.py OUTPUT_FOLDER
"""

import json
import sys
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import optuna
import skops.io as sio
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit
from sklearn.pipeline import Pipeline
from statsmodels.tsa.exponential_smoothing.ets import ETSModel
from statsmodels.tsa.statespace.sarimax import SARIMAX
from timeseries_common import (
    HORIZON,
    SEASON,
    SEED,
    fit_lags,
    forecast_lags,
    load_series,
    preprocessor,
    scores,
    seasonal_naive,
)

N_TRIALS, FOLDS = 20, 5
warnings.simplefilter("ignore")


class EachCandidateFirst(optuna.samplers.TPESampler):
    def sample_independent(self, study, trial, param_name, param_distribution):
        choices = getattr(param_distribution, "choices", ())
        if param_name == "candidate" and trial.number < len(choices):
            return choices[trial.number]
        return super().sample_independent(study, trial, param_name, param_distribution)


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
(output / "optuna.db").unlink(missing_ok=True)
optuna.logging.set_verbosity(optuna.logging.ERROR)
study = optuna.create_study(
    storage=f"sqlite:///{(output / 'optuna.db').as_posix()}",
    direction="maximize",
    sampler=EachCandidateFirst(seed=SEED),
)
study.optimize(objective, n_trials=N_TRIALS)

finished = study.get_trials(states=[optuna.trial.TrialState.COMPLETE])
candidates = []
for name in sorted({trial.params["candidate"] for trial in finished}):
    trials = [trial for trial in finished if trial.params["candidate"] == name]
    best_trial = max(trials, key=lambda trial: trial.value)
    candidates.append(
        {
            "name": name,
            "mean": best_trial.value,
            "fold_scores": best_trial.user_attrs["fold_scores"],
            "params": best_trial.user_attrs["params"],
        }
    )
best = max(candidates, key=lambda candidate: candidate["mean"])
model, forecast = fit_forecast(best["name"], best["params"], train, HORIZON)
naive = seasonal_naive(train, HORIZON)
metrics = {
    "model": scores(train, test, forecast),
    "baseline": scores(train, test, naive),
    "candidate": best["name"],
    "candidates": candidates,
}
if isinstance(model, Pipeline):
    sio.dump(model, output / "model.skops")
else:
    sio.dump({"params": np.asarray(model.params)}, output / "model.skops")

figure, axes = plt.subplots(figsize=(10, 4.5), layout="constrained")
axes.plot(train.index[-96:], train.iloc[-96:], label="history")
axes.plot(test.index, test, label="actual (test)")
axes.plot(test.index, forecast, label="model")
axes.plot(test.index, naive, linestyle="--", label="seasonal naive")
axes.legend()
figure.savefig(output / "forecast.png", dpi=120)
figure, (over_time, spread) = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
over_time.bar(test.index, test - forecast, width=25)
spread.hist(test - forecast, bins="auto")
figure.savefig(output / "residuals.png", dpi=120)
figure, axes = plt.subplots(figsize=(7, 4.5), layout="constrained")
axes.boxplot([[-score for score in c["fold_scores"]] for c in candidates])
axes.set_xticks(range(1, len(candidates) + 1), [c["name"] for c in candidates])
figure.savefig(output / "cross_validation.png", dpi=120)
(output / "metrics.json").write_text(json.dumps(metrics, indent=2, default=str))
print(f"best {best['name']}; test mase: model {metrics['model']['mase']:.3f}")
