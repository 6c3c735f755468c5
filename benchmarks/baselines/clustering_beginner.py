"""The clustering kind's beginner `train` as one plain script.

The same work as `python -m <package> train` in a default beginner clustering project
(iris, labels hidden): split, fit scaling and KMeans, score the test rows against
random assignment, profile the clusters, score every row's distance to its nearest
centre, draw the projection and the choice of k, save the model with skops.
Usage: python benchmarks/baselines/clustering_beginner.py OUTPUT_FOLDER
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.cluster import KMeans
from sklearn.pipeline import Pipeline

from clustering_common import against_chance, describe, iris_rows, write_metrics
from common import build_preprocessor

output = Path(sys.argv[1])
X_train, X_test, labels_train, labels_test = iris_rows()
model = Pipeline(
    [
        ("features", build_preprocessor(sparse_threshold=0.0)),
        ("estimator", KMeans(n_clusters=3, n_init=10, random_state=42)),
    ]
).fit(X_train)

metrics = against_chance(
    model[:-1].transform(X_test), model.predict(X_test), labels_test
)
X = pd.concat([X_train, X_test])
features = model[:-1].transform(X)
anomaly = model[-1].transform(features).min(axis=1)
labels = pd.concat([labels_train, labels_test])
clusters = np.asarray(model.predict(X))
metrics |= describe(X, features, clusters, anomaly, labels, len(X_train), output)
sio.dump(model, output / "model.skops")
write_metrics(output, metrics)
