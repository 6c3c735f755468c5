"""The candidate models: the file to open when you want to compare another one.

`build_candidates` returns each candidate as a Pipeline, TF-IDF then an estimator step
named "estimator". The search in `train` scores every one of them by stratified
cross-validation, tries the hyperparameters listed under `candidates:` in
configs/default.yaml (each key there is a parameter of that candidate's estimator)
together with the TF-IDF settings under `feature_search:`, and keeps the best. Your own
model from model.py is the first candidate, so whatever you build there competes with
the models below.

To add a candidate: add an entry here, then a `candidates.<name>:` table with the
ranges to search to configs/default.yaml (an empty table `{}` searches nothing).
To leave one out, delete its table from the config.
"""

from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from .model import build_model


def build_candidates(features: ColumnTransformer, seed: int) -> dict[str, Pipeline]:
    """Each candidate by name, every one after the same TF-IDF.

    Each Pipeline gets its own copy of `features` (`clone`), so fitting one candidate
    never changes another.
    """

    def after_features(estimator) -> Pipeline:
        return Pipeline([("features", clone(features)), ("estimator", estimator)])

    return {
        # Your model from model.py, as you built it.
        "model": build_model(clone(features), seed),
        # A linear model that maximises the margin between classes: often the best
        # on TF-IDF.
        "linear_svm": after_features(LinearSVC(random_state=seed)),
        # Naive Bayes made for text with uneven classes: counts words per class, fits
        # in a blink.
        "naive_bayes": after_features(ComplementNB()),
        # Try next: SGDClassifier(loss="modified_huber", random_state=seed), or
        # RidgeClassifier(), with a table for each in the config.
    }
