"""Which columns the clusters are found in, and which of them tell the clusters apart.

Clusters follow the columns they are given. Unless `data.columns` names them, every
column is used but those no group can be found in: a constant one (nothing tells the
rows apart), one with a value of its own in almost every row (an identifier: every
row its own group), and dates or years (when a row was recorded, not what it is).
`train` says which were left out and why, and so does the draft.

Once the rows are clustered, `separation` ranks the columns by how far the clusters
differ in each, from 0 (the clusters look alike in it) to 1 (it alone tells them
apart): for a number, the share of its variance that lies between the clusters (the
correlation ratio, eta squared); for a category, the information it shares with the
clusters beyond chance (adjusted mutual information).
"""

import warnings

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_mutual_info_score

# Whole numbers all within these are years, not measurements.
YEARS = (1800, 2100)
# A text column is dates when at least this share of a sample of it reads as dates.
DATE_SHARE = 0.9
SAMPLE = 200
# A text column with more distinct values than this, in over half its rows, names or
# keys its rows.
MANY = 20


def left_out(X: pd.DataFrame) -> dict[str, str]:
    """The columns no group can be found in, each with why."""
    reasons = {}
    for name in X.columns:
        column = X[name].dropna()
        if column.nunique() <= 1:
            reasons[name] = "constant"
        elif is_dates(column):
            reasons[name] = "dates"
        elif is_years(column):
            reasons[name] = "years"
        elif is_identifier(column):
            reasons[name] = "a different value in almost every row: an identifier"
    return reasons


def is_identifier(column: pd.Series) -> bool:
    """Row numbers (whole numbers counting up by one), or a text column with a value
    of its own in most rows: names, codes, keys."""
    if pd.api.types.is_numeric_dtype(column):
        counts_up = column.max() - column.min() == len(column) - 1
        return bool(column.is_unique and whole_numbers(column) and counts_up)
    distinct = column.nunique()
    return column.is_unique or (distinct > MANY and distinct >= len(column) / 2)


def is_dates(column: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(column):
        return True
    if pd.api.types.is_numeric_dtype(column):
        return False
    sample = column.astype(str).head(SAMPLE)
    if not sample.str.contains(r"\d").all():  # a date has digits; a word never
        return False
    with warnings.catch_warnings():  # pandas warns when it guesses each format
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(sample, errors="coerce", format="mixed")
    return parsed.notna().mean() >= DATE_SHARE


def is_years(column: pd.Series) -> bool:
    if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
        return False
    return whole_numbers(column) and bool(column.between(*YEARS).all())


def whole_numbers(column: pd.Series) -> bool:
    return bool(np.all(np.mod(column, 1) == 0))


def separation(X: pd.DataFrame, clusters: np.ndarray) -> dict[str, float]:
    """Each column's part in telling the clusters apart, highest first."""
    values = {
        name: (
            correlation_ratio(X[name], clusters)
            if pd.api.types.is_numeric_dtype(X[name])
            else shared_information(X[name], clusters)
        )
        for name in X.columns
    }
    return dict(sorted(values.items(), key=lambda item: -item[1]))


def correlation_ratio(column: pd.Series, clusters: np.ndarray) -> float:
    """The share of the column's variance that lies between the clusters."""
    known = column.notna().to_numpy()
    values = column[known].astype(float)
    spread = ((values - values.mean()) ** 2).sum()
    if spread == 0:
        return 0.0
    means = values.groupby(clusters[known]).transform("mean")
    return float(((means - values.mean()) ** 2).sum() / spread)


def shared_information(column: pd.Series, clusters: np.ndarray) -> float:
    """How much the column's categories and the clusters tell of each other, adjusted
    for chance: a column of many categories matches any grouping by chance."""
    categories = column.fillna("(missing)").astype(str)
    return max(0.0, float(adjusted_mutual_info_score(categories, clusters)))
