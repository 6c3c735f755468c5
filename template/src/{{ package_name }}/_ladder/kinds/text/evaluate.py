"""Evaluate a text model: the shared evaluation (metrics next to the baseline, a
confusion matrix), plus its most telling words and the test texts it got wrong."""

from typing import Any

from ...core.data import Split
from ...core.evaluate import Evaluation, evaluate
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
