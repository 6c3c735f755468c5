"""The text kind's beginner `train` as one plain script: the bar `train` is timed
against.

The same work as `python -m <package> train` in a beginner text project on the
benchmark corpus (common.write_text_corpus), done with the libraries directly: read the
CSV, split, fit the same TF-IDF and logistic regression Pipeline and a Dummy baseline,
score both, save the model with skops, draw the confusion matrix and the most telling
words, list the misclassified texts, write the metrics.
Usage: python benchmarks/baselines/text_beginner.py OUTPUT_FOLDER CSV
"""

import json
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import skops.io as sio
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from common import score

output, csv = Path(sys.argv[1]), Path(sys.argv[2])
frame = pd.read_csv(csv)
X, y = frame[["review"]], frame["label"].astype(str)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42, stratify=y
)
tfidf = TfidfVectorizer(
    ngram_range=(1, 2),
    min_df=2,
    sublinear_tf=True,
    max_features=50_000,
    strip_accents="unicode",
)
features = ColumnTransformer(
    [("tfidf", tfidf, "review")], verbose_feature_names_out=False
)
model = Pipeline(
    [
        ("features", features),
        ("estimator", LogisticRegression(C=10.0, max_iter=1000, random_state=42)),
    ]
).fit(X_train, y_train)
baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)

y_pred = model.predict(X_test)
wrong = y_test.to_numpy() != y_pred
metrics = {
    "model": score(y_test, y_pred),
    "baseline": score(y_test, baseline.predict(X_test)),
    "misclassified": [
        {"text": text, "label": label, "prediction": prediction}
        for text, label, prediction in zip(
            X_test["review"][wrong][:8],
            y_test[wrong][:8],
            y_pred[wrong][:8],
            strict=True,
        )
    ],
}
sio.dump(model, output / "model.skops")
ConfusionMatrixDisplay.from_predictions(y_test, y_pred)
plt.savefig(output / "confusion_matrix.png", dpi=120)

words = model[:-1].get_feature_names_out()
classes = model[-1].classes_
figure, axes = plt.subplots(1, len(classes), figsize=(3.2 * len(classes), 4))
for ax, name, weights in zip(axes, classes, model[-1].coef_, strict=True):
    top = np.argsort(weights)[::-1][:10][::-1]
    ax.barh(words[top], weights[top])
    ax.set_title(name)
figure.savefig(output / "telling_words.png", dpi=120)
(output / "metrics.json").write_text(json.dumps(metrics, indent=2))
print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
