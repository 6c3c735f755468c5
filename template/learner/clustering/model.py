"""The model: the file to open when you want to try something new.

`build_model` returns one scikit-learn Pipeline, preprocessing then a clustering
estimator, so the exact same steps run at training and when `predict` assigns new
rows. Its arguments but the first two are the `model:` section of
configs/default.yaml: add one here (with a type and a default) and it becomes a key
there. `train` fits it without the labels and scores it against random assignment.
"""

from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline


def build_model(
    preprocessor: ColumnTransformer, seed: int, n_clusters: int = 3
) -> Pipeline:
    """Preprocessing (scaling matters: distances add up every column) then KMeans.

    Args:
        n_clusters: how many groups to look for. The choice-of-k figure shows the
            inertia and the silhouette for each k: look for the elbow, and for a
            high silhouette.
    """
    # Try next: GaussianMixture(n_components=n_clusters, random_state=seed) for
    # clusters of other shapes and sizes than KMeans' round, even ones.
    estimator = KMeans(n_clusters=n_clusters, n_init=10, random_state=seed)
    return Pipeline([("features", preprocessor), ("estimator", estimator)])
