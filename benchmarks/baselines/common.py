"""What every plain script shares, none of it under measurement: the tabular
preprocessing, the scores against a Dummy baseline, writing the results, the text
kind's corpus.

The same steps as features.py and metrics.py in a generated project, written with
scikit-learn directly. The scripts import this module (and search.py, figures.py,
training.py, trainer.py and <kind>_common.py beside it) from their own folder.
"""

import json
from pathlib import Path

from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def build_preprocessor(sparse_threshold: float = 0.3) -> ColumnTransformer:
    """Numbers: median fill, scaling; text: most frequent fill, one-hot (at most 20)."""
    return ColumnTransformer(
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
                    OneHotEncoder(
                        handle_unknown="infrequent_if_exist", max_categories=20
                    ),
                ),
                make_column_selector(dtype_exclude="number"),
            ),
        ],
        sparse_threshold=sparse_threshold,
    )


def score(y_true, y_pred) -> dict[str, float]:
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "balanced_accuracy": float(balanced_accuracy_score(y_true, y_pred)),
        "f1_macro": float(f1_score(y_true, y_pred, average="macro")),
    }


def against_dummy(y_test, y_pred, X_train, y_train, X_test) -> dict:
    """The model's scores beside those of always saying the most frequent class."""
    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    return {
        "model": score(y_test, y_pred),
        "baseline": score(y_test, baseline.predict(X_test)),
    }


def save(output: Path, metrics: dict, model=None, config: dict | None = None) -> None:
    """model.skops, metrics.json and config.yaml (JSON is YAML), as `train` saves."""
    if model is not None:
        # Imported here: skops imports torch, which run.py (importing this module
        # for its text corpus) does not need.
        import skops.io as sio

        sio.dump(model, output / "model.skops")
    write_json(output / "metrics.json", metrics)
    if config is not None:
        write_json(output / "config.yaml", config)


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, default=str))


# The text kind's benchmark corpus: four topics with words of their own, among many
# words every topic shares, one label in twenty wrong (as in real data).
TOPIC_WORDS = {
    "sport": "goal match team coach league striker referee season stadium score",
    "cooking": "recipe oven garlic butter simmer flour sauce chef onion bake",
    "space": "orbit rocket planet nasa astronaut launch moon telescope galaxy probe",
    "health": "doctor patient vaccine clinic symptom therapy nurse dose virus surgery",
}


def write_text_corpus(path, rows: int = 2000, seed: int = 0):
    """A CSV of `rows` posts (`review`) and their topics (`label`) at `path`."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    common = [f"word{number}" for number in range(400)]
    names = sorted(TOPIC_WORDS)
    topics = rng.choice(names, rows)
    labels = np.where(rng.random(rows) < 0.05, rng.choice(names, rows), topics)
    texts = [
        " ".join(
            rng.permutation(
                [*rng.choice(TOPIC_WORDS[topic].split(), 6), *rng.choice(common, 24)]
            )
        )
        for topic in topics
    ]
    pd.DataFrame({"review": texts, "label": labels}).to_csv(path, index=False)
    return path
