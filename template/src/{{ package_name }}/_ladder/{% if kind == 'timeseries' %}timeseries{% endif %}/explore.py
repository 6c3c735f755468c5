"""A first look at the series: the facts and figures `explore` saves for the draft.

notebooks/01-explore.py reads a table, so a time series has no exploration notebook:
`explore` loads the series as `train` does and saves what the draft's data block
reads (core/data_section.py): the facts to reports/data.json, and two figures to
reports/figures/, the series with its test period, and the autocorrelation of its
step-to-step changes, which the lag features are made of.
"""

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..core.explore import Exploration, save_exploration
from ..core.paths import Paths
from ..core.project import Project
from .series import Series

# Lags the autocorrelation figure shows at least: two seasons, when longer.
MIN_LAGS = 24


def series_facts(series: Series, project: Project) -> dict[str, Any]:
    """Steps, gaps and the spread of the values, then the series' own facts."""
    values = series.values
    horizon = int(project.horizon or 1)
    return {
        "dataset": project.dataset,
        "task": project.task,
        "rows": len(values),
        "features": "none: the model reads the series' own past (its lags)",
        # Missing steps, filled as data.fill_gaps says.
        "missing": {str(values.name): series.gaps} if series.gaps else {},
        # A date seen twice is refused when the series loads.
        "duplicate_rows": 0,
        "target": project.target,
        "target_summary": {
            name: float(value)
            for name, value in values.agg(["mean", "std", "min", "max"]).items()
        },
        "more": {
            "dates": f"{values.index[0]:%Y-%m-%d} to {values.index[-1]:%Y-%m-%d}",
            "frequency": series.frequency,
            "season": f"{series.season} steps" if series.season > 1 else "none",
            "test period": f"the last {horizon} steps",
        },
    }


def series_figure(series: Series, horizon: int) -> Figure:
    """The whole series, its test period shaded: the steps no model learns from."""
    values = series.values
    figure = Figure(figsize=(10, 4), layout="constrained")
    axes = figure.subplots()
    axes.plot(values.index, values, color="0.25")
    axes.axvspan(
        values.index[-horizon],
        values.index[-1],
        color="tab:orange",
        alpha=0.25,
        label=f"test period (last {horizon} steps)",
    )
    axes.set_ylabel(str(values.name))
    axes.set_title(f"{values.name} over time: {len(values)} steps ({series.frequency})")
    axes.legend(loc="upper left")
    return figure


def autocorrelation_figure(series: Series, horizon: int) -> Figure:
    """How much each change follows the change `lag` steps before, over the training
    period: bars beyond the noise band are the lags worth giving the model, and a
    bar at one season says the seasonal lag helps."""
    changes = series.values.iloc[:-horizon].diff().dropna()
    most = max(2 * series.season, MIN_LAGS)
    lags = np.arange(1, max(min(most, len(changes) // 2), 1) + 1)
    correlations = pd.Series([changes.autocorr(lag) for lag in lags], index=lags)
    figure = Figure(figsize=(8, 3.5), layout="constrained")
    axes = figure.subplots()
    # Where 95% of a random series' autocorrelations fall.
    noise = 1.96 / np.sqrt(len(changes))
    axes.axhspan(-noise, noise, color="0.88", label="noise (95%)")
    axes.bar(correlations.index, correlations.fillna(0), width=0.6)
    if series.season > 1 and series.season in correlations.index:
        axes.axvline(
            series.season,
            color="tab:orange",
            linestyle="--",
            label=f"one season ({series.season} steps)",
        )
    axes.axhline(0, color="black", linewidth=0.8)
    axes.set_xlabel("lag (steps)")
    axes.set_ylabel("autocorrelation")
    axes.set_title("Autocorrelation of the step-to-step changes (training period)")
    figure.legend(loc="outside lower center", ncols=2)
    return figure


def explore_series(paths: Paths, project: Project, series: Series) -> list[Path]:
    """Save the facts and figures of `series`; returns the files written."""
    horizon = int(project.horizon or 1)
    # The series as core's exploration holds data: no feature columns, the values.
    data = Exploration(
        paths, project, pd.DataFrame(index=series.values.index), series.values
    )
    figures = {
        "series": series_figure(series, horizon),
        "autocorrelation": autocorrelation_figure(series, horizon),
    }
    return save_exploration(data, series_facts(series, project), figures)
