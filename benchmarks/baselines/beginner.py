"""The beginner tier's `train` as one plain script: the bar `train` is timed against.

The same work as `python -m <package> train` in a default beginner project (iris), done
with the libraries directly: load, split, fit the same Pipeline and a Dummy baseline,
score both, save the model with skops and a confusion matrix as PNG, write the metrics.
Usage: python benchmarks/baselines/beginner.py OUTPUT_FOLDER
"""

import sys
from pathlib import Path

from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

import figures
from common import against_dummy, build_preprocessor, save

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

y_pred = model.predict(X_test)
metrics = against_dummy(y_test, y_pred, X_train, y_train, X_test)
figures.confusion_matrix(output, y_test, y_pred, plain=True)
save(output, metrics, model)
print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
