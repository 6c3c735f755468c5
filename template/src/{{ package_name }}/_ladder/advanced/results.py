"""What the advanced tier adds to reports/metrics.json, and to the draft: how the
network trained (epochs, best epoch, hardware), its scores per class, the network
beside the best classical candidate and the baseline on the same test rows. No
Lightning here: `evaluate` and `report` start quickly.
"""

from pathlib import Path
from typing import Any

import pandas as pd

from ..core.artifacts import read_json, write_metrics
from ..core.caveats import beats, same_as_shown
from ..core.evaluate import held_out_split, write_evaluation
from ..core.kind import current_kind
from ..core.settings import Settings
from .paths import NetworkPaths


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
    verdict = "beats" if beats(primary, network, best) else "does not beat"
    if same_as_shown(network, best):
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


def evaluate_network(
    paths: NetworkPaths, settings: Settings, part: Any
) -> dict[str, Any]:
    """Re-score the saved network of the kind's advanced `part` (part.py) with the
    kind's `evaluate` step; keep what `train` recorded beside it (training facts,
    best classical model, ...)."""
    steps = current_kind().steps
    model, checkpoint = part.load(paths, settings)
    if part.EVALUATE_READS_CONFIG:
        data = steps.prepare(paths, settings)
    else:  # the test rows, with the columns the network was trained on
        data = held_out_split(paths, settings.project, model)
    previous = read_json(paths.metrics) if paths.metrics.is_file() else {}
    write_evaluation(steps.evaluate(model, data, settings), paths)
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
        **part.describe(model, checkpoint.get("config", "")),
        "figures": [*fresh["figures"], *kept],
    }
    write_metrics(paths.metrics, metrics)
    return metrics
