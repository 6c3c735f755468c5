"""Figures for the blog post, drawn with scikit-learn's own display classes.

Each function returns a matplotlib Figure and saves nothing: the caller decides where
figures go. matplotlib is imported here only, so commands that draw nothing start fast.
"""

from matplotlib.figure import Figure
from sklearn.metrics import ConfusionMatrixDisplay, PredictionErrorDisplay


def evaluation_figures(task: str, y_true, y_pred) -> dict[str, Figure]:
    """The figures of a test-set evaluation, by file name."""
    if task == "classification":
        return {"confusion_matrix": confusion_matrix_figure(y_true, y_pred)}
    return {"prediction_error": prediction_error_figure(y_true, y_pred)}


def confusion_matrix_figure(y_true, y_pred) -> Figure:
    """Which classes the model mixes up: rows are true classes, columns predictions."""
    figure = Figure(figsize=(6, 5), layout="constrained")
    axes = figure.subplots()
    ConfusionMatrixDisplay.from_predictions(
        y_true, y_pred, ax=axes, colorbar=False, xticks_rotation=45
    )
    axes.set_title("Confusion matrix on the test set")
    return figure


def prediction_error_figure(y_true, y_pred) -> Figure:
    """Predicted against actual values, and the residuals: where the model is off."""
    figure = Figure(figsize=(10, 4.5), layout="constrained")
    actual_axes, residual_axes = figure.subplots(1, 2)
    PredictionErrorDisplay.from_predictions(
        y_true, y_pred, kind="actual_vs_predicted", ax=actual_axes
    )
    PredictionErrorDisplay.from_predictions(
        y_true, y_pred, kind="residual_vs_predicted", ax=residual_axes
    )
    actual_axes.set_title("Predicted vs actual (test set)")
    residual_axes.set_title("Residuals (test set)")
    return figure
