"""Turn raw columns into model inputs: a part of the pipeline worth experimenting with.

Numbers get missing values filled with the median and are standardised; text and
category columns get the most frequent value filled in and are one-hot encoded.
Try next: `PolynomialFeatures` on the numbers, or `TargetEncoder` for columns with
many categories.
"""

from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(
    numeric_imputer: str = "median",
    scale_numeric: bool = True,
    max_categories: int = 20,
) -> ColumnTransformer:
    """Numeric and categorical columns, each with its own small pipeline.

    The arguments are the knobs worth turning; the defaults are a sound start.
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
        ]
    )
