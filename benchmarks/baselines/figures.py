"""The figures every classifier's `train` saves, drawn as the plain scripts draw them:
the confusion matrix, the candidates' cross-validation scores, the learning curve and
a network's training curves. Each is saved as <name>.png in `output`.
"""

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import LearningCurveDisplay


def confusion_matrix(output: Path, y_test, y_pred, plain: bool = False) -> None:
    """`plain`: scikit-learn's figure as it comes, as the beginner tier saves it."""
    if plain:
        ConfusionMatrixDisplay.from_predictions(y_test, y_pred)
        plt.savefig(output / "confusion_matrix.png", dpi=120)
        return
    figure, axes = plt.subplots(figsize=(6, 5), layout="constrained")
    ConfusionMatrixDisplay.from_predictions(
        y_test, y_pred, ax=axes, colorbar=False, xticks_rotation=45
    )
    axes.set_title("Confusion matrix on the test set")
    figure.savefig(output / "confusion_matrix.png", dpi=120)


def cross_validation(output: Path, candidates: list[dict], ylabel: str) -> None:
    """A box and the points of each candidate's best trial's fold scores."""
    figure, axes = plt.subplots(figsize=(7, 4.5), layout="constrained")
    positions = np.arange(1, len(candidates) + 1)
    axes.boxplot([candidate["fold_scores"] for candidate in candidates])
    for position, candidate in zip(positions, candidates, strict=True):
        fold_scores = candidate["fold_scores"]
        axes.scatter(
            np.full(len(fold_scores), position), fold_scores, alpha=0.6, zorder=3
        )
    labels = [f"{c['name']}\n({c['trials']} trials)" for c in candidates]
    axes.set_xticks(positions, labels)
    axes.set_ylabel(ylabel)
    axes.set_title("Cross-validation: each candidate's best trial")
    figure.savefig(output / "cross_validation.png", dpi=120)


def learning_curve(output: Path, model, X_train, y_train, cv, seed: int = 42) -> None:
    figure, axes = plt.subplots(figsize=(7, 4.5), layout="constrained")
    LearningCurveDisplay.from_estimator(
        model,
        X_train,
        y_train,
        cv=cv,
        scoring="accuracy",
        train_sizes=np.linspace(0.3, 1.0, 5),
        shuffle=True,
        random_state=seed,
        score_name="accuracy",
        ax=axes,
    )
    axes.set_title("Learning curve of the chosen model")
    figure.savefig(output / "learning_curve.png", dpi=120)


def training_curves(output: Path, history, best_epoch: int) -> None:
    """Loss, accuracy and learning rate by epoch, the best epoch marked."""
    figure, all_axes = plt.subplots(1, 3, figsize=(13, 4), layout="constrained")
    for axes, name in zip(all_axes, ("loss", "acc", "lr-AdamW"), strict=True):
        columns = [name] if name.startswith("lr-") else [f"train_{name}", f"val_{name}"]
        for column in columns:
            axes.plot(history.index, history[column], marker=".", label=column)
        axes.axvline(best_epoch, color="grey", linestyle="--", label="best epoch")
        axes.set_title(name)
        axes.set_xlabel("epoch")
        axes.legend()
    all_axes[0].set_yscale("log")
    figure.suptitle(f"Training curves; best epoch by val_loss: {best_epoch}")
    figure.savefig(output / "training_curves.png", dpi=120)
