"""The candidate models: the file to open when you want to compare another one.

`build_candidates` returns each candidate as a Pipeline, preprocessing then an
estimator step named "estimator". The search in `train` scores every one of them by
cross-validation, tries the hyperparameters listed under `candidates:` in
configs/default.yaml (each key there is a parameter of that candidate's estimator),
and keeps the best. Your own model from model.py is the first candidate, so whatever
you build there competes with the models below.

To add a candidate: add an entry here, then a `candidates.<name>:` table with the
ranges to search to configs/default.yaml (an empty table `{}` searches nothing).
To leave one out, delete its table from the config.
"""

from sklearn.base import TransformerMixin, clone
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import Pipeline
from sklearn.svm import SVC

from .model import build_model


def build_candidates(preprocessor: TransformerMixin, seed: int) -> dict[str, Pipeline]:
    """Each candidate by name, every one after the same preprocessing.

    Each Pipeline gets its own copy of `preprocessor` (`clone`), so fitting one
    candidate never changes another.
    """

    def after_features(estimator) -> Pipeline:
        return Pipeline([("features", clone(preprocessor)), ("estimator", estimator)])

    return {
        # Your model from model.py, as you built it.
        "model": build_model(clone(preprocessor), seed),
        # A support vector machine with an RBF kernel: images close in pixel space
        # share a class.
        "svm": after_features(SVC(random_state=seed)),
        # Many deep trees on resampled images, voting: robust with little tuning.
        "random_forest": after_features(RandomForestClassifier(random_state=seed)),
        # Try next: KNeighborsClassifier() or ExtraTreesClassifier(random_state=seed),
        # with a table for each in the config.
    }
