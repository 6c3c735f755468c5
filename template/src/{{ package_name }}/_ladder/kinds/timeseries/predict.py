"""`predict`: forecast the next `horizon` steps after the latest data.

The saved forecaster continues the whole series (training and test steps, or a CSV
you give with the same date and value columns): its forecast starts the step after
the latest date.
"""

from pathlib import Path

import pandas as pd

from ...core.errors import ProjectError
from ...core.paths import Paths
from ...core.settings import Settings
from .forecasters import Forecaster
from .series import load_series, prepare, read_csv_series


def forecast_next(
    paths: Paths, settings: Settings, forecaster: Forecaster, csv: Path | None
) -> pd.DataFrame:
    """A table of the next `horizon` dates and the forecast for each."""
    project = settings.project
    if csv is None:
        series = load_series(paths, project, settings.data, paths.default_config)
    else:
        raw = read_csv_series(csv, project)
        series = prepare(raw, project, settings.data, paths.default_config)
    trained_season = getattr(forecaster, "season", series.season)
    if series.season != trained_season:
        raise ProjectError(
            f"the series has a season of {series.season} steps, the saved forecaster "
            f"{trained_season}: run `train` again on data of this frequency"
        )
    forecast = forecaster.forecast(series.values, int(project.horizon or 1))
    return pd.DataFrame({"date": forecast.index, "forecast": forecast.to_numpy()})
