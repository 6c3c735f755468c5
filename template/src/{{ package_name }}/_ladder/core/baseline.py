"""The bar every model must clear: a model that ignores the features."""

from sklearn.base import BaseEstimator
from sklearn.dummy import DummyClassifier, DummyRegressor


def build_baseline(task: str) -> BaseEstimator:
    """The most frequent class of the training rows, or their mean target."""
    if task == "classification":
        return DummyClassifier(strategy="most_frequent")
    return DummyRegressor(strategy="mean")
