"""What the text plain scripts share: the benchmark corpus read and split, and the
figure of each topic's most telling words."""

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

SEED = 42


def read_split(csv: Path):
    """X_train, X_test, y_train, y_test of common.write_text_corpus's CSV."""
    frame = pd.read_csv(csv)
    X, y = frame[["review"]], frame["label"].astype(str)
    return train_test_split(X, y, test_size=0.2, random_state=SEED, stratify=y)


def telling_words(output: Path, model) -> None:
    """Each class's ten heaviest words (naive Bayes: log probabilities, centred)."""
    estimator = model[-1]
    weights = getattr(estimator, "coef_", None)
    if weights is None:
        log_prob = estimator.feature_log_prob_
        weights = log_prob - log_prob.mean(axis=0)
    words = model[:-1].get_feature_names_out()
    classes = estimator.classes_
    figure, axes = plt.subplots(1, len(classes), figsize=(3.2 * len(classes), 4))
    for ax, name, row in zip(axes, classes, weights, strict=True):
        top = np.argsort(row)[::-1][:10][::-1]
        ax.barh(words[top], row[top])
        ax.set_title(name)
    figure.savefig(output / "telling_words.png", dpi=120)
