"""The clustering kind's intermediate `train` as one plain script.

The same work as `python -m <package> train` in a default intermediate clustering
project (iris, labels hidden): an Optuna study (SQLite) of 30 trials over KMeans, a
Gaussian mixture, agglomerative clustering and DBSCAN, each trial fitted with 3 seeds
and scored by its mean silhouette and stability; the best refitted (a NearestCentroid
assigning new rows where it cannot), scored against random assignment, described, drawn
and saved.
Usage: python benchmarks/baselines/clustering_intermediate.py OUTPUT_FOLDER
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import skops.io as sio

from clustering_common import (
    against_chance,
    describe,
    iris_rows,
    search_and_refit,
    write_metrics,
)

output = Path(sys.argv[1])
X_train, X_test, labels_train, labels_test = iris_rows()
model = search_and_refit(X_train, output)

metrics = against_chance(
    model[:-1].transform(X_test), model.predict(X_test), labels_test
)
X = pd.concat([X_train, X_test])
features_all = model[:-1].transform(X)
centres = getattr(model[-1], "cluster_centers_", None)
if centres is None:
    centres = getattr(model[-1], "means_", getattr(model[-1], "centroids_", None))
anomaly = np.linalg.norm(features_all[:, None] - centres[None], axis=2).min(axis=1)
labels = pd.concat([labels_train, labels_test])
clusters = np.asarray(model.predict(X))
metrics |= describe(X, features_all, clusters, anomaly, labels, len(X_train), output)
sio.dump(model, output / "model.skops")
write_metrics(output, metrics)
