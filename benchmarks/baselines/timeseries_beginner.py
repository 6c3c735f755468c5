"""The beginner tier's time-series `train` as one plain script.

The same work as `python -m <package> train` in a default beginner time-series
project (co2): load and resample the series, hold out the last 24 months, fit Ridge
on lag and calendar features, forecast recursively, score it and the seasonal naive,
save the model with skops, draw the forecast and residual figures, write the metrics.
Usage: python benchmarks/baselines/timeseries_beginner.py OUTPUT_FOLDER
"""

import sys
from pathlib import Path

from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline

from common import save
from timeseries_common import (
    HORIZON,
    fit_lags,
    forecast_figures,
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
forecast_figures(output, train, test, forecast, naive)
save(output, metrics, model)
print(f"test mase: model {metrics['model']['mase']:.3f}")
