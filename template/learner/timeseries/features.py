"""How the past of the series becomes model inputs: lag and calendar features.

A forecast may only use what is known before the step it forecasts. Every column
here comes from earlier steps (`shift(k)` with k >= 1) or from the date itself, which
is known in advance. The models learn the *change* from one step to the next, so
even a trend they never saw in training is carried on.

The arguments of `lag_features` (but `series` and `season`, which the data gives)
are the `features:` section of configs/default.yaml: add one, and it is a config key.
"""

import pandas as pd
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# The calendar column for each season length: the month for monthly data, ...
CALENDAR = {
    12: ("month", lambda index: index.month),
    4: ("quarter", lambda index: index.quarter),
    7: ("day_of_week", lambda index: index.dayofweek),
    5: ("day_of_week", lambda index: index.dayofweek),
    24: ("hour", lambda index: index.hour),
    52: ("week", lambda index: index.isocalendar().week.to_numpy()),
}


def lag_features(
    series: pd.Series,
    n_lags: int = 3,
    seasonal_lag: bool = True,
    calendar: bool = True,
    *,
    season: int = 1,
) -> pd.DataFrame:
    """One row per step of `series`: the changes of the `n_lags` steps before it,
    the change one season before it (`seasonal_lag`), and where in the season it
    falls (`calendar`: the month of monthly data, the weekday of daily data, ...)."""
    change = series.diff()
    columns = {f"change_lag_{lag}": change.shift(lag) for lag in range(1, n_lags + 1)}
    if seasonal_lag and season > 1:
        columns["change_one_season_ago"] = change.shift(season)
    if calendar and season in CALENDAR:
        name, position = CALENDAR[season]
        columns[f"calendar_{name}"] = position(series.index)
    return pd.DataFrame(columns, index=series.index)


def build_preprocessor() -> ColumnTransformer:
    """Calendar columns become one-hot columns (a month is a category, not a size);
    the changes are standardised, which linear models need."""
    return ColumnTransformer(
        [
            (
                "calendar",
                OneHotEncoder(handle_unknown="ignore", sparse_output=False),
                make_column_selector(pattern="^calendar_"),
            )
        ],
        remainder=StandardScaler(),
        verbose_feature_names_out=False,
    )
