"""Your forecasting model: a scikit-learn Pipeline that predicts the next change.

`build_model` takes the preprocessing of features.py and returns a Pipeline whose
last step, named "estimator", is the model. The engine feeds it the lag and calendar
features of each step and forecasts recursively: each forecast step becomes the past
of the next one.

Try next: a larger `alpha` (a smoother model), more lags in configs/default.yaml
(`features.n_lags`), or another regressor (e.g. HistGradientBoostingRegressor).
"""

from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline


def build_model(preprocessor: ColumnTransformer, seed: int) -> Pipeline:
    """Ridge regression of the next change on the lags and the calendar."""
    # seed: Ridge is deterministic; models that draw at random take it.
    return Pipeline([("preprocess", preprocessor), ("estimator", Ridge(alpha=1.0))])
