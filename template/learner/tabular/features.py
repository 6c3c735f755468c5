"""Turn raw columns into model inputs: a part of the pipeline worth experimenting with.

Numbers get missing values filled and are standardised; text and category columns get
the most frequent value filled in and are one-hot encoded. The arguments of
`build_preprocessor` are the `features:` section of configs/default.yaml: add an
argument here (with a type and a default) and it becomes a key there, checked on start.
Try next: `PolynomialFeatures` on the numbers, or `TargetEncoder` for columns with
many categories.
"""

from typing import Literal

from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(
    numeric_imputer: Literal["mean", "median", "most_frequent"] = "median",
    scale_numeric: bool = True,
    max_categories: int = 20,
) -> ColumnTransformer:
    """Numeric and categorical columns, each with its own small pipeline.

    Args:
        numeric_imputer: how gaps in numeric columns are filled.
        scale_numeric: standardise numbers (mean 0, spread 1): linear models need
            it, trees do not care.
        max_categories: at most this many categories of a text column get a one-hot
            column; rarer ones share one.
    """
    numeric_steps = [SimpleImputer(strategy=numeric_imputer)]
    if scale_numeric:
        numeric_steps.append(StandardScaler())
    numeric = make_pipeline(*numeric_steps)
    categorical = make_pipeline(
        SimpleImputer(strategy="most_frequent"),
        # Rare categories share one column; categories unseen in training are ignored.
        OneHotEncoder(
            handle_unknown="infrequent_if_exist", max_categories=max_categories
        ),
    )
    return ColumnTransformer(
        [
            ("numeric", numeric, make_column_selector(dtype_include="number")),
            ("categorical", categorical, make_column_selector(dtype_exclude="number")),
        ],
        # Dense output: every model accepts it (gradient boosting refuses sparse).
        sparse_threshold=0.0,
    )
