"""The steps of an experiment on rows and columns: core's, which the images kind
shares (core/rows.py)."""

from ...core.rows import evaluate, fit, predict, prepare

__all__ = ["prepare", "fit", "evaluate", "predict"]
