"""The steps of a clustering experiment (core/kind.py's `Steps`): the model is fitted
on the training rows alone, no labels, and scored against random assignment."""

from sklearn.pipeline import Pipeline

from ...core.errors import ProjectError
from ...core.evaluate import Evaluation
from ...core.paths import Paths
from ...core.settings import Settings
from .data import Rows, load_dataset, prepare_rows
from .evaluate import evaluate as evaluate_clusters
from .predict import assign_rows

load = load_dataset
prepare = prepare_rows


def fit(settings: Settings, rows: Rows) -> Pipeline:
    """model.py's Pipeline, with the `features:` and `model:` settings, fitted on the
    training rows alone: no labels."""
    from ....features import build_preprocessor
    from ....model import build_model

    preprocessor = build_preprocessor(**settings.features.as_dict())
    model = build_model(
        preprocessor, seed=settings.project.seed, **settings.model.as_dict()
    )
    return fit_rows(model, rows.X_train)


def fit_rows(model: Pipeline, X) -> Pipeline:
    try:
        return model.fit(X)
    except ValueError as error:  # e.g. more clusters than rows
        raise ProjectError(f"the model could not be fitted: {error}") from None


def evaluate(model: Pipeline, rows: Rows, settings: Settings) -> Evaluation:
    return evaluate_clusters(model, rows, settings)


def predict(model: Pipeline, paths: Paths, settings: Settings) -> str:
    # The advanced tier's autoencoder scores rows by its reconstruction error.
    own = getattr(model, "anomaly_scores", None)
    output = settings.output or paths.predictions
    output = assign_rows(model, settings.csv, output, score=own)
    scores = "reconstruction errors" if own else "anomaly scores"
    return f"clusters and {scores} written to {output}"
