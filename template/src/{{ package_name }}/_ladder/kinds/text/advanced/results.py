"""The text network's results: re-scored by `evaluate`, loaded for `predict`.

`report` is the advanced rung's own (network vs best classical model vs baseline,
then every run); the metrics it reads hold the text kind's extras (the wrong texts,
the TF-IDF rival's telling words).
"""

from pathlib import Path
from typing import Any

from ....advanced.checkpoints import load_network
from ....advanced.results import describe_network
from ....core.artifacts import read_json, write_metrics
from ....core.evaluate import held_out_split, write_evaluation
from ....core.project import Project
from ..evaluate import evaluate_texts
from .paths import TextPaths
from .predictor import TextPredictor
from .tokens import load_tokenizer


def load_predictor(paths: TextPaths, project: Project) -> tuple[TextPredictor, dict]:
    """models/model.ckpt and models/tokenizer.json, ready to predict; and the
    checkpoint they came from."""
    network, spec, checkpoint = load_network(paths.checkpoint)
    tokenizer = load_tokenizer(paths.tokenizer)
    return TextPredictor(network, tokenizer, spec, project.text_column), checkpoint


def evaluate_network(paths: TextPaths, project: Project) -> dict[str, Any]:
    """Re-score the saved network on the test texts; keep what `train` recorded
    beside it (training facts, the best classical model, its figures)."""
    predictor, checkpoint = load_predictor(paths, project)
    previous = read_json(paths.metrics) if paths.metrics.is_file() else {}
    evaluation = evaluate_texts(
        predictor, held_out_split(paths, project, predictor), project
    )
    write_evaluation(evaluation, paths)
    fresh = read_json(paths.metrics)
    # The new figures replace the run's of the same name; the others stay.
    names = {Path(figure).name for figure in fresh["figures"]}
    kept = [
        figure
        for figure in previous.get("figures", [])
        if Path(figure).name not in names
    ]
    metrics = {
        **previous,
        **fresh,
        **describe_network(predictor, checkpoint.get("config", "")),
        "figures": [*fresh["figures"], *kept],
    }
    write_metrics(paths.metrics, metrics)
    return metrics
