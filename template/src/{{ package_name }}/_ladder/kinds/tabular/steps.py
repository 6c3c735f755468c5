"""The steps of an experiment on rows and columns: core/rows.py's (images' too)."""

from ...core.rows import evaluate, fit, load, predict, prepare

__all__ = ["load", "prepare", "fit", "evaluate", "predict"]
