"""What a text model learned, in words: its most telling words per class, and the
test texts it got wrong. Both go into the blog draft next to the confusion matrix.
"""

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # matplotlib is heavy: imported only when drawing
    from matplotlib.figure import Figure

# Words per class in the figure, and wrong test texts in the draft's table.
TOP_WORDS = 10
MISCLASSIFIED = 8


def word_weights(model: Any) -> tuple[np.ndarray, list[str], list[str]] | None:
    """(weights per class x word, the words, the classes) of a fitted Pipeline whose
    last step is linear (coef_) or naive Bayes (feature_log_prob_); None otherwise."""
    estimator = model.steps[-1][1]
    words = [str(word) for word in model[:-1].get_feature_names_out()]
    classes = [str(name) for name in estimator.classes_]
    if hasattr(estimator, "coef_"):
        weights = np.asarray(estimator.coef_)
        if weights.shape[0] == 1:  # two classes: one row, positive for the second
            weights = np.vstack([-weights[0], weights[0]])
        return weights, words, classes
    if hasattr(estimator, "feature_log_prob_"):
        # How much likelier a word is in this class than across the classes.
        log_prob = np.asarray(estimator.feature_log_prob_)
        return log_prob - log_prob.mean(axis=0), words, classes
    return None


def telling_words(model: Any, top: int = TOP_WORDS) -> dict[str, list[tuple]]:
    """For each class, the `top` words that push a text towards it the most."""
    found = word_weights(model)
    if found is None:
        return {}
    weights, words, classes = found
    telling = {}
    for name, row in zip(classes, weights, strict=True):
        best = np.argsort(row)[::-1][:top]
        telling[name] = [(words[index], float(row[index])) for index in best]
    return telling


def telling_words_figure(model: Any, top: int = TOP_WORDS) -> "Figure | None":
    """One bar chart per class: the words with the largest weights towards it."""
    from matplotlib.figure import Figure

    telling = telling_words(model, top)
    if not telling:
        return None
    columns = min(len(telling), 4)
    rows = -(-len(telling) // columns)
    figure = Figure(figsize=(3.2 * columns, 0.3 * top * rows + 1), layout="constrained")
    axes = np.atleast_1d(figure.subplots(rows, columns)).ravel()
    for ax, (name, pairs) in zip(axes, telling.items(), strict=False):
        words = [word for word, _ in pairs][::-1]
        ax.barh(words, [weight for _, weight in pairs][::-1], color="tab:blue")
        ax.set_title(name, fontsize=10)
        ax.tick_params(labelsize=8)
    for ax in axes[len(telling) :]:
        ax.set_visible(False)
    figure.suptitle("The most telling words per class (the model's weights)")
    return figure


def misclassified(
    texts: pd.Series, y_true: pd.Series, y_pred: Any, limit: int = MISCLASSIFIED
) -> list[dict[str, str]]:
    """Up to `limit` test texts with a wrong prediction: reading them shows what the
    model misses (sarcasm, a topic between two classes, a wrong label)."""
    wrong = np.asarray(y_true) != np.asarray(y_pred)
    return [
        {"text": str(text), "label": str(label), "prediction": str(prediction)}
        for text, label, prediction in zip(
            np.asarray(texts)[wrong][:limit],
            np.asarray(y_true)[wrong][:limit],
            np.asarray(y_pred)[wrong][:limit],
            strict=True,
        )
    ]
