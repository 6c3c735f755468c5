"""Load the series (a pandas Series on dates at one regular frequency) and split it
by time: fitted on the past, scored on what came after, never shuffled.
"""

import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
from jsonargparse.typing import PositiveInt
from sklearn.model_selection import TimeSeriesSplit

from ...core.data_checks import (
    DataProblem,
    one_value_problem,
    read_series,
    read_table,
    series_length_problem,
)
from ...core.errors import ProjectError
from ...core.paths import Paths
from ...core.project import Project
from ...core.settings import Settings

# Steps in a season, by pandas frequency: months in a year, days in a week, ...
SEASONS = {"M": 12, "Q": 4, "W": 52, "D": 7, "B": 5, "h": 24, "H": 24}
# The column of dates of a built-in series, and of the CSV `predict` writes.
DATE_COLUMN = "date"


@dataclass(frozen=True)
class SeriesSettings:
    """The `data:` section of configs/default.yaml for a time series."""

    # Resample to this pandas frequency first, averaging the values of each period
    # (MS: months, W: weeks, D: days); null keeps the data's own steps.
    resample: str | None = None
    # Missing steps (a date absent, or a value empty): interpolate between the
    # neighbours, ffill (repeat the last value), or refuse (stop and list them).
    fill_gaps: Literal["interpolate", "ffill", "refuse"] = "interpolate"
    # Steps in one season (12 for months in a year); null infers it from the
    # frequency (none for yearly data); 1 means no season.
    season: PositiveInt | None = None


@dataclass(frozen=True)
class Series:
    values: pd.Series
    # Steps in one season; 1 when the series has none.
    season: int
    # Missing steps that were filled (data.fill_gaps).
    gaps: int

    @property
    def frequency(self) -> str:
        return str(self.values.index.freqstr)


@dataclass(frozen=True)
class TimeSplit:
    """The past to learn from, and the last `horizon` steps, kept for the test."""

    train: pd.Series
    test: pd.Series


def load_series(paths: Paths, settings: Settings, csv: Path | None = None) -> Series:
    """The series of `csv`, else the project's, made regular as `data:` says."""
    project = settings.project
    if csv is None and project.dataset != "csv":
        raw = read_built_in(project.dataset, project.target)
    else:
        raw = read_csv_series(csv or paths.root / str(project.csv_file), project)
    return prepare(raw, project, settings.data, paths.default_config)


def read_built_in(dataset: str, name: str) -> pd.Series:
    """A series statsmodels ships: no download needed."""
    from statsmodels import datasets

    if dataset == "co2":
        # Weekly readings, some missing: data.resample averages them by month.
        return datasets.co2.load_pandas().data["co2"].rename(name)
    frame = datasets.sunspots.load_pandas().data
    years = pd.to_datetime(frame["YEAR"].astype(int).astype(str), format="%Y")
    return pd.Series(frame["SUNACTIVITY"].to_numpy(), index=years, name=name)


def read_csv_series(csv_path: Path, project: Project) -> pd.Series:
    """Your CSV's value column indexed by its date column, oldest first."""
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: copy your CSV there, then run again")
    date_column = project.date_column or DATE_COLUMN
    value_column = project.target
    # Read by the checks `copier copy` made on this file too: the same words in both.
    try:
        table = read_table(csv_path)
        for role, column in (("date", date_column), ("value", value_column)):
            if column not in table.header:
                raise ProjectError(
                    f"{role} column {column!r} is not in {csv_path} (columns: "
                    f"{', '.join(table.header)})"
                )
        dates, values = read_series(table, csv_path, date_column, value_column)
    except DataProblem as problem:
        raise ProjectError(str(problem)) from None
    series = pd.Series(values, index=pd.DatetimeIndex(dates), dtype=float)
    return series.rename(value_column).sort_index()


def prepare(
    raw: pd.Series, project: Project, settings: SeriesSettings, source: str | Path
) -> Series:
    """Regular steps, gaps filled or refused as data.fill_gaps says, long enough."""
    values = regular(raw, settings, source)
    gaps = int(values.isna().sum())
    if gaps and settings.fill_gaps == "refuse":
        first = values.index[values.isna()][0].date()
        raise ProjectError(
            f"the series has {gaps} missing steps (the first at {first}) and "
            "data.fill_gaps is refuse: fill them, or set it to interpolate or ffill"
        )
    if gaps and settings.fill_gaps == "ffill":
        values = values.ffill().bfill()
    elif gaps:
        values = values.interpolate(method="time", limit_direction="both")
    season = settings.season or season_of(values.index.freqstr)
    # The checks `copier copy` made too, where the dates showed the steps plainly.
    problem = series_length_problem(
        len(values), season, int(project.horizon or 1)
    ) or one_value_problem(values.tolist())
    if problem:
        raise ProjectError(problem)
    return Series(values, season, gaps)


def regular(raw: pd.Series, settings: SeriesSettings, source: str | Path) -> pd.Series:
    """The series on a regular grid of dates; a missing step becomes a gap (NaN)."""
    if settings.resample:
        try:
            return raw.resample(settings.resample).mean()
        except ValueError:
            raise ProjectError(
                f"{source}: data.resample {settings.resample!r} is not a pandas "
                "frequency (try MS for months, W for weeks, D for days)"
            ) from None
    frequency = infer_frequency(raw.index)
    if frequency is None:
        raise ProjectError(
            "the dates are not evenly spaced, so their frequency cannot be inferred: "
            "set data.resample (e.g. MS for months, D for days) in "
            f"{source}"
        )
    grid = raw.asfreq(frequency)
    off_grid = raw.index.difference(grid.index)
    if len(off_grid):
        raise ProjectError(
            f"the date {off_grid[0].date()} does not fall on the series' {frequency} "
            f"steps: set data.resample in {source} to average each period"
        )
    return grid


def infer_frequency(index: pd.DatetimeIndex) -> str | None:
    """The frequency most runs of three dates agree on, so a few gaps do not hide it."""
    if len(index) < 3:
        return None
    # pandas 3 warns that infer_freq will return an offset: take either, quietly.
    with warnings.catch_warnings(action="ignore"):
        found = pd.infer_freq(index)
        if not found:
            runs = (pd.infer_freq(index[i : i + 3]) for i in range(len(index) - 2))
            votes = Counter(run for run in runs if run)
            found = votes.most_common(1)[0][0] if votes else None
    return getattr(found, "freqstr", found)


def season_of(frequency: str) -> int:
    """Steps in a season for a frequency: 12 for months, 7 for days, 1 for years."""
    offset = pd.tseries.frequencies.to_offset(frequency)
    if offset.n != 1:
        return 1
    code = offset.rule_code.split("-")[0]
    for prefix, steps in SEASONS.items():
        if code.startswith(prefix) and not code.startswith(("Y", "A")):
            return steps
    return 1


def time_split(values: pd.Series, horizon: int) -> TimeSplit:
    """Everything but the last `horizon` steps to learn from; those to test on."""
    return TimeSplit(values.iloc[:-horizon], values.iloc[-horizon:])


def expanding_folds(
    values: pd.Series, folds: int, horizon: int, minimum: int
) -> list[TimeSplit]:
    """Expanding-window folds of `horizon` steps, the last ending with `values`; the
    first fold's past must keep `minimum` steps."""
    if len(values) - folds * horizon < minimum:
        raise ProjectError(
            f"search.folds is {folds}: {folds} folds of {horizon} steps leave the "
            f"first fold {len(values) - folds * horizon} steps to learn from, fewer "
            f"than {minimum}: lower search.folds or project.horizon"
        )
    splitter = TimeSeriesSplit(n_splits=folds, test_size=horizon)
    return [
        TimeSplit(values.iloc[past], values.iloc[future])
        for past, future in splitter.split(values)
    ]
