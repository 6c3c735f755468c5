"""Fit your model on the training rows, score it against the baseline, save it all.

This is the whole experiment in a few plain steps, the same for every kind of data:
the kind (kinds/<kind>/steps.py) says how its data is loaded, fitted and scored.
Each step is a function you can call from a notebook too.
"""

from typing import Any

from ..core.artifacts import save_model, write_text
from ..core.evaluate import write_evaluation
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import Settings


def train(paths: Paths, settings: Settings) -> dict[str, Any]:
    """Load, split, fit, evaluate, save; returns the metrics written to reports/."""
    steps = current_kind().steps
    data = steps.prepare(paths, settings)
    model = steps.fit(settings, data)
    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = steps.evaluate(model, data, settings)
    save_model(model, paths.model)
    write_evaluation(evaluation, paths)
    write_text(paths.resolved_config, settings.yaml)
    return evaluation.metrics
