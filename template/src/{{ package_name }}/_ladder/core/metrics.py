"""The numbers a run is judged by, computed alike for every model and the baseline."""

from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    f1_score,
    mean_absolute_error,
    r2_score,
    root_mean_squared_error,
)

# The metric that decides whether a model beats the baseline; higher is better. Its
# name is also scikit-learn's scorer name, which cross-validation uses.
PRIMARY_METRIC = {"classification": "accuracy", "regression": "r2"}


def score(task: str, y_true, y_pred) -> dict[str, float]:
    """Accuracy, balanced accuracy and macro F1 (every class counts the same); or R²
    (share of variance explained), RMSE and MAE (in the target's own units)."""
    if task == "classification":
        return {
            "accuracy": float(accuracy_score(y_true, y_pred)),
            "balanced_accuracy": float(balanced_accuracy_score(y_true, y_pred)),
            "f1_macro": float(f1_score(y_true, y_pred, average="macro")),
        }
    return {
        "r2": float(r2_score(y_true, y_pred)),
        "rmse": float(root_mean_squared_error(y_true, y_pred)),
        "mae": float(mean_absolute_error(y_true, y_pred)),
    }
