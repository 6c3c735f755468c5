"""What a text model learned, in words: its most telling words per class, and the
test texts it got wrong. Both go into the blog draft next to the confusion matrix.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # matplotlib is heavy: imported only when drawing
    from matplotlib.figure import Figure

# Words per class in the figure, and wrong test texts in the draft's table.
TOP_WORDS = 10
MISCLASSIFIED = 8


def telling_words(model: Any, top: int = TOP_WORDS) -> dict[str, list[tuple]]:
    """For each class, the `top` words that push a text towards it the most: the
    weights of a Pipeline whose last step is linear (coef_) or naive Bayes
    (feature_log_prob_); {} for any other model."""
    estimator = model.steps[-1][1]
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
    telling = {}
    for name, row in zip(estimator.classes_, weights, strict=True):
        best = np.argsort(row)[::-1][:top]
        telling[str(name)] = [(words[index], float(row[index])) for index in best]
    return telling


def word_bars(
    bars: Mapping[str, pd.Series], size: tuple[float, float], extra: float = 0
) -> "Figure":
    """One panel of horizontal bars per label, the first word at the top, four panels
    across at most; each panel `size` inches, plus `extra` inches of height."""
    from matplotlib.figure import Figure

    across = min(len(bars), 4)
    down = -(-len(bars) // across)
    figure = Figure(
        figsize=(size[0] * across, size[1] * down + extra), layout="constrained"
    )
    grid = figure.subplots(down, across, squeeze=False).ravel()
    for axes, (label, values) in zip(grid, bars.items(), strict=False):
        axes.barh(values.index[::-1], values.to_numpy()[::-1])  # barh draws bottom up
        axes.set_title(label, fontsize="medium")
    for axes in grid[len(bars) :]:
        axes.set_visible(False)
    return figure


def telling_words_figure(model: Any, top: int = TOP_WORDS) -> "Figure | None":
    """One bar chart per class: the words with the largest weights towards it."""
    telling = telling_words(model, top)
    if not telling:
        return None
    bars = {name: pd.Series(dict(pairs)) for name, pairs in telling.items()}
    figure = word_bars(bars, (3.2, 0.3 * top), extra=1)
    for axes in figure.axes:
        axes.tick_params(labelsize=8)
    figure.suptitle("The most telling words per class (the model's weights)")
    return figure


def misclassified(
    texts: pd.Series, y_true: pd.Series, y_pred: Any, limit: int = MISCLASSIFIED
) -> list[dict[str, str]]:
    """Up to `limit` test texts with a wrong prediction: reading them shows what the
    model misses (sarcasm, a topic between two classes, a wrong label)."""
    columns = {"text": texts, "label": y_true, "prediction": y_pred}
    rows = pd.DataFrame(
        {name: np.asarray(values) for name, values in columns.items()}
    ).astype(str)
    return rows[rows["label"] != rows["prediction"]].head(limit).to_dict("records")
