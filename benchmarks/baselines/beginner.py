"""The beginner tier's `train` as one plain script: the bar `train` is timed against.

The same work as `python -m <package> train` in a default beginner project (iris), done
with the libraries directly: load, split, fit the same Pipeline and a Dummy baseline,
score both, save the model with skops and a confusion matrix as PNG, write the metrics.
Usage: python benchmarks/baselines/beginner.py OUTPUT_FOLDER
"""

import json
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import skops.io as sio
from sklearn.datasets import load_iris
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    ConfusionMatrixDisplay,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from common import build_preprocessor, score

output = Path(sys.argv[1])
iris = load_iris(as_frame=True)
X, y = iris.data, iris.target_names[iris.target]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42, stratify=y
)

features = build_preprocessor()
model = Pipeline(
    [
        ("features", features),
        ("estimator", LogisticRegression(max_iter=1000, random_state=42)),
    ]
).fit(X_train, y_train)
baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)

y_pred = model.predict(X_test)
metrics = {
    "model": score(y_test, y_pred),
    "baseline": score(y_test, baseline.predict(X_test)),
}
sio.dump(model, output / "model.skops")
ConfusionMatrixDisplay.from_predictions(y_test, y_pred)
plt.savefig(output / "confusion_matrix.png", dpi=120)
(output / "metrics.json").write_text(json.dumps(metrics, indent=2))
print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
