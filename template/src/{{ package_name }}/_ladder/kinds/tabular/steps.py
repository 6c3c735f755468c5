"""The steps of an experiment on rows and columns: core's, which the images kind
shares (core/rows.py)."""

from ...core.rows import evaluate, fit, load, predict, prepare

__all__ = ["load", "prepare", "fit", "evaluate", "predict"]
