"""The steps of an experiment on labelled texts (core/kind.py's `Steps`): the
tabular kind's, with texts for rows and TF-IDF for features; the evaluation adds the
model's most telling words per class and the test texts it got wrong."""

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline

from ...core.artifacts import read_csv
from ...core.data import Split, split_dataset
from ...core.data_checks import blank_text_problem
from ...core.errors import ProjectError
from ...core.evaluate import Evaluation
from ...core.evaluate import evaluate as evaluate_rows
from ...core.paths import Paths
from ...core.rows import write_rows
from ...core.settings import Settings
from .data import load_dataset as load

if TYPE_CHECKING:  # matplotlib is heavy: imported only when drawing
    from matplotlib.figure import Figure

# Words per class in the figure, and wrong test texts in the draft's table.
TOP_WORDS = 10
MISCLASSIFIED = 8


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
    """model.py's Pipeline, with the `features:` settings, fitted."""
    from ....model import build_model

    model = build_model(text_features(settings), seed=settings.project.seed)
    return model.fit(split.X_train, split.y_train)


def evaluate(model: Any, split: Split, settings: Settings) -> Evaluation:
    """core's evaluation, with the wrong texts and the telling words."""
    project = settings.project
    evaluation = evaluate_rows(model, split, project)
    evaluation.metrics["misclassified"] = misclassified(
        split.X_test[project.text_column], split.y_test, model.predict(split.X_test)
    )
    evaluation.figures.update(word_figures(model))
    return evaluation


def telling_words(model: Any, top: int = TOP_WORDS) -> dict[str, list[tuple]]:
    """For each class, the `top` words that push a text towards it the most: the
    weights of a linear (coef_) or naive Bayes (feature_log_prob_) last step; {} for
    any other model (a network's figure is its TF-IDF rival's)."""
    estimator = model.steps[-1][1] if hasattr(model, "steps") else None
    if hasattr(estimator, "coef_"):
        weights = np.asarray(estimator.coef_)
        if weights.shape[0] == 1:  # two classes: one row, positive for the second
            weights = np.vstack([-weights[0], weights[0]])
    elif hasattr(estimator, "feature_log_prob_"):
        # How much likelier a word is in this class than across the classes.
        log_prob = np.asarray(estimator.feature_log_prob_)
        weights = log_prob - log_prob.mean(axis=0)
    else:
        return {}
    words = [str(word) for word in model[:-1].get_feature_names_out()]
    return {
        str(name): [(words[i], float(row[i])) for i in np.argsort(row)[::-1][:top]]
        for name, row in zip(estimator.classes_, weights, strict=True)
    }


def word_figures(model: Any, top: int = TOP_WORDS) -> dict[str, "Figure"]:
    """`telling_words` as one bar chart per class; none without word weights."""
    from .explore import word_bars

    telling = telling_words(model, top)
    if not telling:
        return {}
    bars = {name: pd.Series(dict(pairs)) for name, pairs in telling.items()}
    figure = word_bars(bars, (3.2, 0.3 * top), extra=1)
    for axes in figure.axes:
        axes.tick_params(labelsize=8)
    figure.suptitle("The most telling words per class (the model's weights)")
    return {"telling_words": figure}


def misclassified(
    texts: pd.Series, y_true: pd.Series, y_pred: Any, limit: int = MISCLASSIFIED
) -> list[dict[str, str]]:
    """Up to `limit` test texts with a wrong prediction: reading them shows what the
    model misses (sarcasm, a topic between two classes, a wrong label)."""
    columns = {"text": texts, "label": y_true, "prediction": y_pred}
    rows = pd.DataFrame({k: np.asarray(v) for k, v in columns.items()}).astype(str)
    return rows[rows["label"] != rows["prediction"]].head(limit).to_dict("records")


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
    # Blank texts are refused by their rows' numbers, from 1 under the header.
    cells = [None if pd.isna(text) else str(text) for text in rows[column]]
    problem = blank_text_problem(list(enumerate(cells, start=1)), csv_path, column)
    if problem:
        raise ProjectError(problem)
    # As text, even where pandas read a column of numbers ("42"): the model reads text.
    texts = rows[[column]].astype(str)
    output = settings.output or paths.predictions
    write_rows(rows.assign(prediction=model.predict(texts)), output)
    return f"predictions written to {output}"
