"""Evaluate a text model: the shared evaluation (metrics next to the baseline, a
confusion matrix), plus its most telling words and the test texts it got wrong."""

from typing import Any

from ...core.data import Split
from ...core.evaluate import Evaluation, evaluate, held_out_split, write_evaluation
from ...core.paths import Paths
from ...core.project import Project
from .explain import misclassified, telling_words_figure


def evaluate_texts(model: Any, split: Split, project: Project) -> Evaluation:
    """core's `evaluate`, with the wrong texts added, and for a linear Pipeline its
    most telling words (a network's come from its TF-IDF rival instead)."""
    evaluation = evaluate(model, split, project)
    wrong = misclassified(
        split.X_test[project.text_column], split.y_test, model.predict(split.X_test)
    )
    evaluation.metrics["misclassified"] = wrong
    figure = telling_words_figure(model) if hasattr(model, "steps") else None
    if figure is not None:
        evaluation.figures["telling_words"] = figure
    return evaluation


def evaluate_saved_model(paths: Paths, project: Project, model: Any) -> dict[str, Any]:
    """Re-score a saved model on the same test texts `train` held out."""
    split = held_out_split(paths, project, model)
    evaluation = evaluate_texts(model, split, project)
    write_evaluation(evaluation, paths)
    return evaluation.metrics
