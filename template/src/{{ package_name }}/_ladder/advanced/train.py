"""Train the network with Lightning, and the best scikit-learn candidate beside it.

`train` at the advanced tier is the intermediate experiment plus a network, the same
for every kind of data (the kind's part, part.py, says how its data becomes batches
and the network a model that predicts). The `trainer:` section (or
`--trainer.devices 2 --trainer.strategy ddp ...`) decides where the network trains:
this CPU, a GPU, several GPUs, the nodes of a cluster; early stopping keeps the best
epoch, and `--resume last` continues a stopped run. Under DDP every process trains on
its share of each batch; only the first (rank 0) then searches the candidates, scores
and saves, so files are written once.
"""

import logging
import shutil
import warnings
from pathlib import Path
from typing import Any

import lightning as L
import pandas as pd
import torch
from lightning.pytorch.callbacks import (
    EarlyStopping,
    LearningRateMonitor,
    ModelCheckpoint,
)
from lightning.pytorch.loggers import CSVLogger
from matplotlib.figure import Figure

from ..core.artifacts import save_model, write_atomically, write_text
from ..core.errors import ProjectError
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import Settings
from ..intermediate.part import reported_mean, search_part
from ..intermediate.runs import save_run, write_latest
from ..intermediate.train import search_candidates, search_metrics
from .lit_model import LitParams
from .part import advanced_part
from .paths import NetworkPaths
from .predictor import read_checkpoint
from .results import per_class, training_facts

# Lightning suggests DataLoader workers; for data held in memory, 0 is fastest.
warnings.filterwarnings("ignore", ".*does not have many workers.*")
# Metrics are logged once per epoch, so the per-step logging interval does not matter.
warnings.filterwarnings("ignore", ".*smaller than the logging interval.*")
# Lightning advertises its cloud logger (litlogger) at every Trainer it makes: this
# project logs to CSV on purpose. Its lines come from one of these two loggers, by
# which of its packages was imported last.
for _package in ("lightning.pytorch", "lightning.fabric"):
    logging.getLogger(f"{_package}.utilities.rank_zero").addFilter(
        lambda record: "litlogger" not in record.getMessage()
    )


def check_monitor(settings: Settings) -> None:
    """The monitored value must be one the network logs, or no epoch could be best."""
    known, purpose = advanced_part().monitored(settings)
    monitor = settings.early_stopping.monitor
    if monitor not in known:
        raise ProjectError(
            f"early_stopping.monitor must be one of {', '.join(known)} for "
            f"{purpose}, got {monitor!r}"
        )


def trainer_flags(settings: Settings) -> dict[str, Any]:
    """The `trainer:` section; precision null is 16-bit mixed on a CUDA GPU, else 32."""
    flags = settings.trainer.as_dict()
    if flags["precision"] is None:
        on_gpu = flags["accelerator"] in ("auto", "gpu", "cuda")
        flags["precision"] = (
            "16-mixed" if on_gpu and torch.cuda.is_available() else "32-true"
        )
    return flags


def early_stopping(settings: Settings) -> EarlyStopping:
    """Stop when the monitored value has not improved for `patience` epochs."""
    early = settings.early_stopping
    # A plain int: checkpoints hold plain values only.
    return EarlyStopping(early.monitor, mode=early.mode, patience=int(early.patience))


def build_trainer(paths: NetworkPaths, settings: Settings) -> L.Trainer:
    """Lightning's Trainer: the `trainer:` flags, this project's callbacks and log."""
    early = settings.early_stopping
    callbacks = [
        early_stopping(settings),
        # Keep the best epoch (best.ckpt) and the latest one (last.ckpt, to resume).
        ModelCheckpoint(
            dirpath=paths.checkpoints,
            filename="best",
            monitor=early.monitor,
            mode=early.mode,
            save_last=True,
            enable_version_counter=False,
        ),
        LearningRateMonitor(logging_interval="epoch"),
    ]
    return L.Trainer(
        callbacks=callbacks,
        # A CSV log only: the training curves are drawn from it, and it is quick.
        logger=CSVLogger(paths.logs, name="csv"),
        default_root_dir=paths.root,
        **trainer_flags(settings),
    )


def build_datamodule(settings: Settings, data: Any) -> Any:
    """The training and validation batches, from the training part of `data`."""
    return advanced_part().data_module(settings, data)


def build_lit_model(settings: Settings, datamodule: Any) -> L.LightningModule:
    """The network of the `network:` section, for the data in `datamodule`."""
    params = LitParams(
        spec=datamodule.spec(settings.network.as_dict()),
        optimizer=settings.optimizer,
        scheduler=settings.scheduler,
        monitor=settings.early_stopping.monitor,
        config=settings.yaml,
    )
    return advanced_part().lit_module(params)


def read_log(metrics_csv: Path) -> pd.DataFrame:
    """Lightning's CSV log (a row each time something is logged) as one row per
    epoch, counted from 0, and one column per logged value."""
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


def training_curves_figure(
    history: pd.DataFrame, metric: str, training: dict[str, Any]
) -> Figure:
    """Loss, `metric` and learning rate per epoch: training against validation, and
    the best epoch (`training_facts`)."""
    best_epoch = training["best_epoch"]
    figure = Figure(figsize=(13, 4), layout="constrained")
    loss_axes, metric_axes, lr_axes = figure.subplots(1, 3)
    for axes, name in [(loss_axes, "loss"), (metric_axes, metric)]:
        for column in (f"train_{name}", f"val_{name}"):
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
    figure.suptitle(
        f"Training curves; best epoch by {training['monitor']}: {best_epoch}"
    )
    return figure


def train(paths: Paths, settings: Settings) -> dict[str, Any] | None:
    """Train, search, score, save; returns the metrics written, or None on the
    processes other than rank 0."""
    paths, part = NetworkPaths(paths.root), advanced_part()
    check_monitor(settings)
    resume = None
    if settings.resume is not None:
        last = paths.checkpoints / "last.ckpt"
        resume = last if settings.resume == "last" else Path(settings.resume)
        read_checkpoint(resume)  # a missing or foreign file is refused here, clearly
    part.check(settings)
    if settings.cpu_threads:
        torch.set_num_threads(settings.cpu_threads)
    L.seed_everything(settings.project.seed, workers=True, verbose=False)

    data = current_kind().steps.prepare(paths, settings)
    datamodule = build_datamodule(settings, data)
    trainer = build_trainer(paths, settings)
    trainer.fit(
        build_lit_model(settings, datamodule),
        datamodule=datamodule,
        ckpt_path=resume,
        weights_only=True,
    )
    if not trainer.is_global_zero:
        return None
    best_path = trainer.checkpoint_callback.best_model_path
    if not best_path:
        raise ProjectError("training saved no checkpoint: did any validation run?")
    model, checkpoint = part.model(Path(best_path), datamodule, data, settings)
    history = read_log(Path(trainer.logger.log_dir) / "metrics.csv")
    if resume:  # the earlier epochs first, up to where this run continued
        earlier = load_history(paths.history)
        if history.empty:
            history = earlier
        else:
            history = pd.concat([earlier[earlier.index < history.index.min()], history])

    # The intermediate experiment on the same data: the network's rival.
    outcome = search_candidates(paths, settings, data)
    classical = search_part().refit(settings, outcome.best, data)

    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = current_kind().steps.evaluate(model, data, settings)
    training = training_facts(checkpoint, history, settings.early_stopping.monitor)
    best = outcome.best
    searched = search_part().score_name(settings)
    cv = {"mean": reported_mean(searched, best["mean"]), "std": best["std"]}
    metrics = {
        **evaluation.metrics,
        **part.describe(model, settings.yaml),
        "n_val": datamodule.n_val,
        **part.facts(model, datamodule),
        "training": training,
        "best_classical": {
            "candidate": best["name"],
            "params": best["params"],
            # The feature settings, where the search tried them too (text's TF-IDF).
            **({"features": best["features"]} if "features" in best else {}),
            "scores": part.rival_scores(model, classical, data, settings),
            "cv": cv,
        },
        **search_metrics(settings, outcome),
    }
    if settings.project.is_classification:
        metrics["per_class"] = per_class(data.y_test, model.predict(data.X_test))
    curves = training_curves_figure(history, part.curve_metric(settings), training)
    figures = {
        **evaluation.figures,
        "training_curves": curves,
        **part.figures(model, classical, data, settings, outcome),
    }
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, figures)
    part.save(model, paths)
    write_atomically(
        paths.checkpoint, lambda temporary: shutil.copyfile(best_path, temporary)
    )
    save_model(classical, paths.model)
    write_text(paths.history, history.to_csv())
    write_text(paths.resolved_config, settings.yaml)
    write_latest(paths, run)
    return run.metrics
