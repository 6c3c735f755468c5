"""What the advanced tier adds to reports/metrics.json, and to the draft.

Core's `evaluate` scores the network (behind `NetworkPredictor`) and the baseline;
this module adds how the network trained (epochs, best epoch, hardware), its scores
per class, and the best scikit-learn candidate scored on the same test rows. `report`
puts "network vs best classical model vs baseline" in the draft, the README and the
model card. No Lightning here: `evaluate` and `report` start quickly.
"""

from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ..core.artifacts import load_model, read_json, write_metrics
from ..core.evaluate import evaluate_saved_model
from ..core.project import Project
from ..core.publish import Blog
from ..core.report import documents_to_fill, fill_results, read_metrics
from ..intermediate.runs import all_runs_section, list_runs
from .checkpoints import load_network
from .paths import NetworkPaths
from .predictor import NetworkPredictor


def describe_network(predictor: NetworkPredictor, config: str) -> dict[str, Any]:
    """The network's class and its main settings, for the report's model summary."""
    settings = yaml.safe_load(config) if config else {}
    weights = sum(parameter.numel() for parameter in predictor.network.parameters())
    params: dict[str, Any] = {**predictor.spec.network, "weights": weights}
    for key in ("optimizer", "scheduler"):
        if settings.get(key):
            params[key] = settings[key]["class_path"].rsplit(".", 1)[-1]
    if settings.get("optimizer"):
        params["lr"] = settings["optimizer"]["init_args"].get("lr")
    if settings.get("batches"):
        params["batch_size"] = settings["batches"]["batch_size"]
    return {"estimator": type(predictor.network).__name__, "params": params}


def training_facts(
    checkpoint: dict[str, Any], history: pd.DataFrame, monitor: str
) -> dict[str, Any]:
    """Which epoch was best, by what, after how many, and on what hardware."""
    best_epoch = int(checkpoint["epoch"])
    facts: dict[str, Any] = {
        "epochs": len(history) or best_epoch + 1,
        "best_epoch": best_epoch,
        "monitor": monitor,
    }
    if best_epoch in history.index and monitor in history:
        facts["best_value"] = float(history.loc[best_epoch, monitor])
    return {**facts, **checkpoint.get("hardware", {})}


def per_class(y_true: pd.Series, y_pred) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of each class: where the network is weak."""
    from sklearn.metrics import classification_report

    report = classification_report(y_true, y_pred, output_dict=True, zero_division=0)
    return {
        name: {
            "precision": values["precision"],
            "recall": values["recall"],
            "f1": values["f1-score"],
            "support": int(values["support"]),
        }
        for name, values in report.items()
        if isinstance(values, dict) and name not in ("macro avg", "weighted avg")
    }


def comparison_table(metrics: dict[str, Any]) -> str:
    """Network, best scikit-learn candidate and baseline on the same test rows."""
    classical = metrics.get("best_classical")
    if not classical:
        return ""
    primary = metrics["primary_metric"]
    name = classical["candidate"]
    rows = [
        f"| metric | network (`{metrics['estimator']}`) | best classical "
        f"(`{name}`) | baseline |",
        "| --- | ---: | ---: | ---: |",
    ]
    for metric, value in metrics["model"].items():
        label = f"**{metric}**" if metric == primary else metric
        rows.append(
            f"| {label} | {value:.3f} | {classical['scores'][metric]:.3f} "
            f"| {metrics['baseline'][metric]:.3f} |"
        )
    network, best = metrics["model"][primary], classical["scores"][primary]
    # Scores are better higher; a forecast's errors (lower_is_better) lower.
    better = network < best if metrics.get("lower_is_better") else network > best
    verdict = "beats" if better else "does not beat"
    if f"{network:.3f}" == f"{best:.3f}":
        verdict = "ties with"
    cv = classical.get("cv") or {}
    spread = (
        f" (cross-validated {primary} {cv['mean']:.3f} ± {cv['std']:.3f})"
        if "mean" in cv
        else ""
    )
    sentence = (
        f"On the held-out test rows the network {verdict} the best scikit-learn "
        f"candidate, `{name}`{spread}: {primary} {network:.3f} against {best:.3f}."
    )
    return "\n".join(rows) + "\n\n" + sentence


def evaluate_network(paths: NetworkPaths, project: Project) -> dict[str, Any]:
    """Re-score the saved network with core's `evaluate_saved_model`; keep what
    `train` recorded beside it (training facts, best classical model, ...)."""
    network, spec, checkpoint = load_network(paths.checkpoint)
    predictor = NetworkPredictor(network, load_model(paths.preprocessor), spec)
    previous = read_json(paths.metrics) if paths.metrics.is_file() else {}
    evaluate_saved_model(paths, project, predictor)
    fresh = read_json(paths.metrics)
    # The new figures replace the run's of the same name; the others (training
    # curves, the classical model's) stay.
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


def report(paths: NetworkPaths, project: Project) -> list[Path]:
    """Core's report of the last run, with the network / best classical / baseline
    table, and the intermediate tier's table of every run."""
    metrics = read_metrics(paths.metrics)
    sections = [comparison_table(metrics)]
    runs = list_runs(paths)
    if runs:
        sections += all_runs_section(runs)
    documents = documents_to_fill(paths, project)
    blog = Blog(paths.root, project)
    fill_results(documents, metrics, paths.reports, blog, sections)
    return documents
