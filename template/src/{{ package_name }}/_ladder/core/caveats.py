"""One line for each result that should not be trusted as it stands, with its likeliest
cause: the model does not beat the baseline on the test set, or (advanced tier) the
network loses to the best classical model beside it.

`train` and `evaluate` print the lines under the scores, and `report` puts them at
the top of the draft's results, so that a worse model is never published without a
word. Each line names the likeliest cause and what to try first.
"""

from typing import Any

# Errors, lower is better; every other metric the kinds report is higher-better.
ERRORS = frozenset({"mase", "rmse", "mae", "davies_bouldin"})
# With fewer training examples than this, a model has little to learn from.
FEW_EXAMPLES = 100
# A network needs more than a classical model: below this, the classical one tends
# to win.
FEW_FOR_A_NETWORK = 1000
SIDES = ("model", "baseline")


def same_as_shown(score: float, other: float) -> bool:
    """Whether the two read the same to the 3 decimals every table shows."""
    return f"{score:.3f}" == f"{other:.3f}"


def beats(metric: str, score: float, other: float) -> bool:
    """Whether `score` is better than `other` in `metric`, as shown (a tie to 3
    decimals does not beat)."""
    if same_as_shown(score, other):
        return False
    return score < other if metric in ERRORS else score > other


def caveats(metrics: dict[str, Any], examples: str = "rows") -> list[str]:
    """The lines metrics.json calls for; none when the model beats what it is
    compared with."""
    metric = metrics["primary_metric"]
    model, baseline = metrics["model"][metric], metrics["baseline"][metric]
    lines = []
    if not beats(metric, model, baseline):
        lines.append(
            f"the model does not beat the baseline on the test {examples} ({metric} "
            f"{model:.3f} against {baseline:.3f}): {baseline_cause(metrics, examples)}"
        )
    classical = metrics.get("best_classical")
    if classical and beats(metric, classical["scores"][metric], model):
        lines.append(
            f"the network loses to the best classical model, "
            f"`{classical['candidate']}`, on the test {examples} ({metric} {model:.3f} "
            f"against {classical['scores'][metric]:.3f}): "
            f"{network_cause(metrics, examples)}"
        )
    return lines


def baseline_cause(metrics: dict[str, Any], examples: str) -> str:
    n_train, cv = metrics.get("n_train"), metrics.get("cv") or {}
    if n_train is not None and n_train < FEW_EXAMPLES:
        return f"only {n_train} training {examples}; more data helps most"
    # Balanced accuracy as the baseline's: the model, too, says the majority class.
    model, baseline = (metrics[side].get("balanced_accuracy") for side in SIDES)
    if None not in (model, baseline) and same_as_shown(model, baseline):
        return (
            f"like the baseline, it predicts the most common class (balanced accuracy "
            f"{model:.3f}); the inputs separate the classes too weakly, and "
            '`class_weight="balanced"` in model.py makes every class count'
        )
    if "std" in cv and cv["std"] >= abs(cv["mean"]) / 10:
        over = "seeds" if "seeds" in cv else "folds"  # a clustering's, or the folds
        return (
            f"the validation is noisy (± {cv['std']:.3f} across the search's {over});"
            f" more data, or more {over} (search.{over}), steadies it"
        )
    return (
        "the inputs may not hold what predicts the target; look at explore's "
        "figures and at the features"
    )


def network_cause(metrics: dict[str, Any], examples: str) -> str:
    n_train, training = metrics.get("n_train"), metrics.get("training") or {}
    if n_train is not None and n_train < FEW_FOR_A_NETWORK:
        return (
            f"{n_train} training {examples} are few for a network; the classical "
            "model is the one to trust here"
        )
    epochs, best_epoch = training.get("epochs"), training.get("best_epoch")
    if epochs is not None and best_epoch == epochs - 1:
        return (
            "it was still improving at its last epoch; raise trainer.max_epochs "
            "or early_stopping.patience"
        )
    return "a network search (`make search`) may find a better network"
