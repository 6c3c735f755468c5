"""A first look at a series (notebooks/01-explore.py): the series with its test
period, its trend and season pulled apart, and the autocorrelation of its changes,
which the lag features are made of. `save` writes what the draft's data block reads.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ...core.cli import config_sections
from ...core.explore import Exploration, project_root, save_exploration
from ...core.paths import Paths
from ...core.project import Project
from ...core.settings import load_settings
from .series import Series, load_series

# Lags the autocorrelation figure shows at least: two seasons, when longer.
MIN_LAGS = 24
# Seasons the decomposition needs to tell a season from the trend.
MIN_SEASONS = 2


@dataclass(frozen=True)
class SeriesExploration:
    """The series as `train` sees it: regular, its gaps filled, not yet split."""

    paths: Paths
    project: Project
    series: Series
    horizon: int


def load(root: Path | None = None) -> SeriesExploration:
    """The project's series, loaded as `train` loads it (the `data:` section)."""
    paths = Paths(project_root(root))
    settings = load_settings(paths, config_sections())
    project = settings.project
    series = load_series(paths, settings)
    return SeriesExploration(paths, project, series, int(project.horizon or 1))


def series_facts(series: Series, project: Project) -> dict[str, Any]:
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
    """How much each change follows the change `lag` steps before (training period):
    bars beyond the noise band are lags worth giving the model."""
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


def decomposition_figure(series: Series, horizon: int) -> Figure | None:
    """The training period as trend, season and rest (STL); None without a season,
    or with fewer than two."""
    values = series.values.iloc[:-horizon]
    if series.season < 2 or len(values) < MIN_SEASONS * series.season:
        return None
    from statsmodels.tsa.seasonal import STL

    parts = STL(values, period=series.season, robust=True).fit()
    figure = Figure(figsize=(10, 6), layout="constrained")
    grid = figure.subplots(3, 1, sharex=True)
    for axes, (name, part) in zip(
        grid,
        [("trend", parts.trend), ("season", parts.seasonal), ("rest", parts.resid)],
        strict=True,
    ):
        axes.plot(part.index, part, color="0.25")
        axes.set_ylabel(name)
    grid[0].set_title(
        f"{values.name}: trend, season ({series.season} steps) and the rest "
        "(training period)"
    )
    return figure


def save(data: SeriesExploration, figures: dict[str, Figure | None]) -> list[Path]:
    """Save the series' facts and `figures` for the draft; returns the files written."""
    values = data.series.values  # as core's exploration holds data: no features
    held = Exploration(
        data.paths, data.project, pd.DataFrame(index=values.index), values
    )
    return save_exploration(held, series_facts(data.series, data.project), figures)
