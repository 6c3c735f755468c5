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
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.datasets import load_iris
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    ConfusionMatrixDisplay,
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def score(y_true, y_pred) -> dict[str, float]:
    return {
        "accuracy": accuracy_score(y_true, y_pred),
        "balanced_accuracy": balanced_accuracy_score(y_true, y_pred),
        "f1_macro": f1_score(y_true, y_pred, average="macro"),
    }


output = Path(sys.argv[1])
iris = load_iris(as_frame=True)
X, y = iris.data, iris.target_names[iris.target]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42, stratify=y
)

features = ColumnTransformer(
    [
        (
            "numeric",
            make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
            make_column_selector(dtype_include="number"),
        ),
        (
            "categorical",
            make_pipeline(
                SimpleImputer(strategy="most_frequent"),
                OneHotEncoder(handle_unknown="infrequent_if_exist", max_categories=20),
            ),
            make_column_selector(dtype_exclude="number"),
        ),
    ]
)
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
