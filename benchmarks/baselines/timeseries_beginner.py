"""The beginner tier's time-series `train` as one plain script.

The same work as `python -m <package> train` in a default beginner time-series
project (co2): load and resample the series, hold out the last 24 months, fit Ridge
on lag and calendar features, forecast recursively, score it and the seasonal naive,
save the model with skops, draw the forecast and residual figures, write the metrics.
Usage: python benchmarks/baselines/timeseries_beginner.py OUTPUT_FOLDER
"""

import json
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import skops.io as sio
from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline
from timeseries_common import (
    HORIZON,
    fit_lags,
    forecast_lags,
    load_series,
    preprocessor,
    scores,
    seasonal_naive,
)

output = Path(sys.argv[1])
series = load_series()
train, test = series.iloc[:-HORIZON], series.iloc[-HORIZON:]
model = Pipeline([("preprocess", preprocessor()), ("estimator", Ridge(alpha=1.0))])
model = fit_lags(model, train)
forecast, naive = forecast_lags(model, train, HORIZON), seasonal_naive(train, HORIZON)
metrics = {
    "model": scores(train, test, forecast),
    "baseline": scores(train, test, naive),
}
sio.dump(model, output / "model.skops")

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
(output / "metrics.json").write_text(json.dumps(metrics, indent=2))
print(f"test mase: model {metrics['model']['mase']:.3f}")
