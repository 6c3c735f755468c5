"""The candidate models: the file to open when you want to compare another one.

`build_candidates` returns each candidate as a Pipeline, preprocessing then an
estimator step named "estimator". The search in `train` scores every one of them by
its silhouette on the training rows (no labels), tries the settings listed under
`candidates:` in configs/default.yaml (each key there is a parameter of that
candidate's estimator), and keeps the best. Your own model from model.py is the first
candidate, so whatever you build there competes with the models below.

To add a candidate: add an entry here, then a `candidates.<name>:` table with the
ranges to search to configs/default.yaml. To leave one out, delete its table.
"""

from sklearn.base import clone
from sklearn.cluster import DBSCAN, AgglomerativeClustering
from sklearn.compose import ColumnTransformer
from sklearn.mixture import GaussianMixture
from sklearn.pipeline import Pipeline

from .model import build_model


def build_candidates(preprocessor: ColumnTransformer, seed: int) -> dict[str, Pipeline]:
    """Each candidate by name, every one after its own copy of the preprocessing."""

    def after_features(estimator) -> Pipeline:
        return Pipeline([("features", clone(preprocessor)), ("estimator", estimator)])

    return {
        # Your model from model.py (KMeans): round clusters of similar size.
        "model": build_model(clone(preprocessor), seed),
        # Gaussian blobs of any shape and size, each row belonging by probability.
        "gaussian_mixture": after_features(GaussianMixture(random_state=seed)),
        # Merges the closest groups, bottom up, until n_clusters are left.
        "agglomerative": after_features(AgglomerativeClustering()),
        # Dense regions become clusters, whatever their shape; sparse rows are noise.
        "dbscan": after_features(DBSCAN()),
        # Try next: HDBSCAN() (DBSCAN without eps to tune) or Birch(), with a table
        # for each in the config.
    }
