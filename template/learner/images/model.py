"""The model: the file to open when you want to try something new.

`build_model` returns one scikit-learn Pipeline, preprocessing then estimator, so the
exact same steps run at training and at prediction time. `train` fits it on the pixels
of the training images and scores it against a baseline that always answers the most
common class.
"""

from sklearn.base import TransformerMixin
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline


def build_model(preprocessor: TransformerMixin, seed: int) -> Pipeline:
    """Pixels, then a linear model: one weight per pixel and class, fast to train."""
    # Try next: SVC(random_state=seed) (an RBF kernel compares whole images) or
    # RandomForestClassifier(random_state=seed), and compare the metrics.
    estimator = LogisticRegression(C=0.1, max_iter=1000, random_state=seed)
    return Pipeline([("features", preprocessor), ("estimator", estimator)])
