"""The steps of an experiment on labelled texts (core/kind.py's `Steps`): the
tabular kind's, with texts for rows and TF-IDF for features; the evaluation adds the
model's most telling words and the test texts it got wrong."""

from typing import Any

from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline

from ...core.artifacts import read_csv
from ...core.data import Split, split_dataset
from ...core.errors import ProjectError
from ...core.evaluate import Evaluation
from ...core.evaluate import evaluate as evaluate_rows
from ...core.paths import Paths
from ...core.predict import write_rows
from ...core.settings import Settings
from .data import load_dataset as load
from .data import require_texts
from .explain import misclassified, telling_words_figure


def prepare(paths: Paths, settings: Settings) -> Split:
    """Load the texts and labels, hold out the test texts (stratified, seeded)."""
    X, y = load(paths, settings.project)
    return split_dataset(X, y, settings.project)


def text_features(settings: Settings, **overrides: Any) -> ColumnTransformer:
    """features.py's TF-IDF with the `features:` settings (and any `overrides`)."""
    from ....features import build_features

    options = {**settings.features.as_dict(), **overrides}
    return build_features(settings.project.text_column, **options)


def fit(settings: Settings, split: Split) -> Pipeline:
    """model.py's Pipeline, with the `features:` settings, fitted on the training
    texts."""
    from ....model import build_model

    model = build_model(text_features(settings), seed=settings.project.seed)
    return model.fit(split.X_train, split.y_train)


def evaluate(model: Any, split: Split, settings: Settings) -> Evaluation:
    """core's evaluation, with the wrong texts, and for a linear Pipeline its most
    telling words (a network's come from its TF-IDF rival instead)."""
    project = settings.project
    evaluation = evaluate_rows(model, split, project)
    evaluation.metrics["misclassified"] = misclassified(
        split.X_test[project.text_column], split.y_test, model.predict(split.X_test)
    )
    figure = telling_words_figure(model) if hasattr(model, "steps") else None
    if figure is not None:
        evaluation.figures["telling_words"] = figure
    return evaluation


def predict(model: Any, paths: Paths, settings: Settings) -> str:
    """`--csv`'s rows plus a `prediction` column; a CSV without the text column or
    with blank texts is refused before anything is written."""
    csv_path, column = settings.csv, settings.project.text_column
    if not csv_path.is_file():
        raise ProjectError(f"{csv_path} not found: give a CSV with texts to predict")
    rows = read_csv(csv_path)
    if column not in rows.columns:
        raise ProjectError(
            f"{csv_path} has no column {column!r} (columns: "
            f"{', '.join(map(str, rows.columns))}): put the texts in a column "
            f"named {column}"
        )
    if rows.empty:
        raise ProjectError(f"{csv_path} has a header but no texts to predict")
    # As text, even where pandas read a column of numbers ("42"): the model reads text.
    texts = require_texts(rows[column], csv_path, column).to_frame(column)
    output = write_rows(
        rows.assign(prediction=model.predict(texts)),
        settings.output or paths.predictions,
    )
    return f"predictions written to {output}"
