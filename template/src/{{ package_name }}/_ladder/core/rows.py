"""The steps of an experiment on rows and columns (core/kind.py's `Steps`): the
tabular kind's, and the images kind's, whose images are rows of pixels."""

from .artifacts import require_columns
from .data import Split, load_dataset, load_table, select_columns, split_dataset
from .evaluate import Evaluation, Predictor
from .evaluate import evaluate as evaluate_rows
from .paths import Paths
from .predict import predict as predict_rows
from .settings import Settings

load = load_table


def prepare(paths: Paths, settings: Settings) -> Split:
    """Load the data, leave out `data.drop_columns`, hold out the test rows."""
    X, y = load_dataset(paths, settings.project)
    X = select_columns(X, settings.data, paths.default_config)
    return split_dataset(X, y, settings.project)


def fit(settings: Settings, split: Split):
    """model.py's Pipeline, with the `features:` settings, fitted on the training
    rows."""
    from ...features import build_preprocessor
    from ...model import build_model

    preprocessor = build_preprocessor(**settings.features.as_dict())
    model = build_model(preprocessor, seed=settings.project.seed)
    return model.fit(split.X_train, split.y_train)


def evaluate(model: Predictor, split: Split, settings: Settings) -> Evaluation:
    """Test-set metrics next to the baseline's; a saved model meets the columns it
    was fitted on, or a line that says the data changed."""
    hint = "run `train` again to fit it to this data"
    X_test = require_columns(model.feature_names_in_, split.X_test, "the data", hint)
    X_train = split.X_train[X_test.columns]
    split = Split(X_train, X_test, split.y_train, split.y_test)
    return evaluate_rows(model, split, settings.project)


def predict(model: Predictor, paths: Paths, settings: Settings) -> str:
    output = predict_rows(model, settings.csv, settings.output or paths.predictions)
    return f"predictions written to {output}"
