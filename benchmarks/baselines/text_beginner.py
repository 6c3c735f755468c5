"""The text kind's beginner `train` as one plain script: the bar `train` is timed
against.

The same work as `python -m <package> train` in a beginner text project on the
benchmark corpus (common.write_text_corpus), done with the libraries directly: read the
CSV, split, fit the same TF-IDF and logistic regression Pipeline and a Dummy baseline,
score both, save the model with skops, draw the confusion matrix and the most telling
words, list the misclassified texts, write the metrics.
Usage: python benchmarks/baselines/text_beginner.py OUTPUT_FOLDER CSV
"""

import sys
from pathlib import Path

from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

import figures
from common import against_dummy, save
from text_common import read_split, telling_words

output, csv = Path(sys.argv[1]), Path(sys.argv[2])
X_train, X_test, y_train, y_test = read_split(csv)
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

y_pred = model.predict(X_test)
wrong = y_test.to_numpy() != y_pred
metrics = against_dummy(y_test, y_pred, X_train, y_train, X_test)
metrics["misclassified"] = [
    {"text": text, "label": label, "prediction": prediction}
    for text, label, prediction in zip(
        X_test["review"][wrong][:8], y_test[wrong][:8], y_pred[wrong][:8], strict=True
    )
]
figures.confusion_matrix(output, y_test, y_pred, plain=True)
telling_words(output, model)
save(output, metrics, model)
print(f"test accuracy: model {metrics['model']['accuracy']:.3f}")
