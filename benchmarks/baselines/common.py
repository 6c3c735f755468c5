"""What the three plain scripts share with every tier: the preprocessing and scores.

The same steps as features.py and metrics.py in a generated project, written with
scikit-learn directly. The scripts import this module from their own folder.
"""

from sklearn.compose import ColumnTransformer, make_column_selector
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
