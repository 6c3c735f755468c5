"""Figures of a forecast and its residuals, and of the candidates' cross-validation."""

import pandas as pd
from matplotlib.figure import Figure

# How much history the forecast figure shows before the test period, in horizons.
HISTORY_SHOWN = 4


def forecast_figure(
    train: pd.Series, test: pd.Series, forecasts: dict[str, pd.Series], season: int
) -> Figure:
    """The end of the history, the true test period, and each forecast over it."""
    figure = Figure(figsize=(10, 4.5), layout="constrained")
    axes = figure.subplots()
    shown = max(HISTORY_SHOWN * len(test), 3 * season)
    axes.plot(train.index[-shown:], train.iloc[-shown:], color="0.4", label="history")
    axes.plot(test.index, test, color="black", linewidth=2, label="actual (test)")
    for name, forecast in forecasts.items():
        axes.plot(
            forecast.index,
            forecast,
            linestyle="--" if name != "model" else "-",
            label=name,
        )
    axes.axvline(test.index[0], color="0.6", linewidth=1)
    axes.set_title(f"Forecast of the last {len(test)} steps (the test period)")
    axes.set_ylabel(str(train.name))
    axes.legend()
    return figure


def residuals_figure(test: pd.Series, forecast: pd.Series) -> Figure:
    """What the forecast missed, step by step, and how those misses spread."""
    residuals = test - forecast
    figure = Figure(figsize=(10, 4), layout="constrained")
    over_time, spread = figure.subplots(1, 2, width_ratios=[2, 1])
    # Each bar fills its step: the width of one step, in days.
    step = (
        (test.index[1] - test.index[0]) / pd.Timedelta(days=1) if len(test) > 1 else 1
    )
    over_time.bar(residuals.index, residuals, width=0.8 * step)
    over_time.axhline(0, color="black", linewidth=1)
    over_time.set_title("Residuals over the test period (actual - forecast)")
    spread.hist(residuals, bins="auto")
    spread.set_title("Their distribution")
    return figure


def cross_validation_figure(candidates: list[dict]) -> Figure:
    """Each candidate's best trial, one dot per fold: does the winner beat the noise?"""
    # The intermediate tier's figure, imported only by the tiers that search.
    from ...intermediate.rows import cross_validation_figure as folds_figure

    figure = folds_figure(candidates, "neg_mase", "MASE on each expanding-window fold")
    figure.axes[0].axhline(1, color="0.6", linewidth=1, linestyle=":")
    return figure
