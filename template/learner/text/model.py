"""The model: the file to open when you want to try something new.

`build_model` returns one scikit-learn Pipeline, TF-IDF then a linear classifier, so
the exact same steps run at training and at prediction time. `train` fits it and
scores it against a baseline that always answers the most frequent label.
"""

from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline


def build_model(features: ColumnTransformer, seed: int) -> Pipeline:
    """TF-IDF followed by logistic regression: fast, strong on text, and its weights
    say which words point to which label."""
    # Try next: LinearSVC(C=0.5, random_state=seed), or ComplementNB() from
    # sklearn.naive_bayes, and compare the metrics.
    estimator = LogisticRegression(C=10.0, max_iter=1000, random_state=seed)
    return Pipeline([("features", features), ("estimator", estimator)])
