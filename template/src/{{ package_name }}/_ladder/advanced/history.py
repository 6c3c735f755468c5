"""The training history: one row per epoch from Lightning's CSV log, and its curves.

Lightning's CSVLogger writes a row each time something is logged (losses and metrics
at the end of each epoch, the learning rate at its start). `read_log` folds them into
one row per epoch; `train` keeps that table in reports/history.csv, so the curves can
be drawn again without the logs.
"""

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from ..core.errors import ProjectError


def read_log(metrics_csv: Path) -> pd.DataFrame:
    """One row per epoch (the index, counted from 0), one column per logged value."""
    if not metrics_csv.is_file():
        raise ProjectError(f"{metrics_csv} not found: the training log is missing")
    log = pd.read_csv(metrics_csv)
    # The learning rate is logged at each epoch's first step, without an epoch number:
    # take it from the next row that has one (same step, or the epoch's end).
    log["epoch"] = log["epoch"].bfill()
    log = log.dropna(subset=["epoch"]).astype({"epoch": int})
    # Per epoch and column, the last value logged: the epoch's final numbers.
    return log.drop(columns="step").groupby("epoch").last()


def load_history(path: Path) -> pd.DataFrame:
    """reports/history.csv as written by `train`; empty when there is none."""
    if not path.is_file():
        return pd.DataFrame(index=pd.Index([], name="epoch"))
    return pd.read_csv(path, index_col="epoch")


def merge_history(previous: Path, resumed: pd.DataFrame) -> pd.DataFrame:
    """A resumed run's epochs after the earlier epochs it continues from."""
    earlier = load_history(previous)
    if resumed.empty:
        return earlier
    return pd.concat([earlier[earlier.index < resumed.index.min()], resumed])


def training_curves_figure(
    history: pd.DataFrame, metric: str, monitor: str, best_epoch: int
) -> Figure:
    """Loss, `metric` and learning rate per epoch: training against validation."""
    figure = Figure(figsize=(13, 4), layout="constrained")
    loss_axes, metric_axes, lr_axes = figure.subplots(1, 3)
    for axes, name in [(loss_axes, "loss"), (metric_axes, metric)]:
        for stage in ("train", "val"):
            column = f"{stage}_{name}"
            if column in history:
                axes.plot(history.index, history[column], marker=".", label=column)
        axes.set_title(name)
    # A log scale shows the gap between training and validation loss late in training.
    loss_axes.set_yscale("log")
    for column in history.columns:
        if column.startswith("lr-"):  # from LearningRateMonitor, e.g. lr-AdamW
            lr_axes.plot(history.index, history[column], marker=".", label=column)
    lr_axes.set_title("learning rate")
    for axes in (loss_axes, metric_axes, lr_axes):
        # The checkpoint of this epoch is the model that was tested.
        axes.axvline(best_epoch, color="grey", linestyle="--", label="best epoch")
        axes.set_xlabel("epoch")
        axes.legend()
    figure.suptitle(f"Training curves; best epoch by {monitor}: {best_epoch}")
    return figure
