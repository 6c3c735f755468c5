"""Train the sequence network with Lightning, beside the best classical forecaster.

1. load the series and hold out its last `horizon` steps, as every tier does;
2. train network.py's network on sliding windows of the training period with
   Lightning's Trainer: the shared advanced rung's Trainer flags, callbacks (early
   stopping, best and last checkpoints, `--resume last`) and CSV log;
3. search the classical forecasters and refit the best (the intermediate rung);
4. score the network, the best classical forecaster and the seasonal naive on the
   same test period, and save the checkpoint, the forecaster, a run folder and
   reports/metrics.json.
Under DDP every process trains; only rank 0 does steps 3 and 4.
"""

import shutil
import warnings
from pathlib import Path
from typing import Any

import lightning as L
import torch

from ....advanced.checkpoints import load_network
from ....advanced.history import merge_history, read_log, training_curves_figure
from ....advanced.lit_model import LitNetwork, LitParams, monitored_names
from ....advanced.paths import NetworkPaths
from ....advanced.results import describe_network, training_facts
from ....advanced.train import build_trainer, resolve_resume
from ....core.artifacts import save_model, write_atomically, write_text
from ....core.errors import ProjectError
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.runs import save_run, write_latest
from ....intermediate.train import refit_best, search_candidates, search_metrics
from ..evaluate import evaluate, forecast_scores
from ..forecasters import SeasonalNaive
from ..intermediate.search import CV_METRIC
from ..plots import cross_validation_figure, forecast_figure
from ..series import time_split
from ..steps import prepare as prepare_series
from .windows import NetworkForecaster, WindowDataModule, window_length

# Lightning suggests DataLoader workers; for windows held in memory, 0 is fastest.
warnings.filterwarnings("ignore", ".*does not have many workers.*")
warnings.filterwarnings("ignore", ".*smaller than the logging interval.*")
# What the network is scored by while training: a regression of the next change.
NETWORK_TASK = "regression"


def check_monitor(settings: Settings) -> None:
    known = monitored_names(NETWORK_TASK)
    if settings.early_stopping.monitor not in known:
        raise ProjectError(
            f"early_stopping.monitor must be one of {', '.join(known)} for the "
            f"network's next-change forecast, got {settings.early_stopping.monitor!r}"
        )


def build_datamodule(settings: Settings, train: Any, season: int) -> WindowDataModule:
    length = window_length(settings.window, season)
    network = settings.network.as_dict()
    return WindowDataModule(train, length, network, settings.batches)


def train(paths: Paths, settings: Settings) -> dict[str, Any] | None:
    """Train, search, score, save; returns the metrics written, or None on the
    processes other than rank 0."""
    paths = NetworkPaths(paths.root)
    check_monitor(settings)
    resume = resolve_resume(paths, settings.resume)
    if settings.cpu_threads:
        torch.set_num_threads(settings.cpu_threads)
    L.seed_everything(settings.project.seed, workers=True, verbose=False)

    series = prepare_series(paths, settings)
    split = time_split(series.values, settings.project.horizon)
    datamodule = build_datamodule(settings, split.train, series.season)
    params = LitParams(
        spec=datamodule.spec(),
        optimizer=settings.optimizer,
        scheduler=settings.scheduler,
        monitor=settings.early_stopping.monitor,
        config=settings.yaml,
    )
    trainer = build_trainer(paths, settings)
    trainer.fit(
        LitNetwork(params), datamodule=datamodule, ckpt_path=resume, weights_only=True
    )
    if not trainer.is_global_zero:
        return None
    best_path = trainer.checkpoint_callback.best_model_path
    if not best_path:
        raise ProjectError("training saved no checkpoint: did any validation run?")
    network, spec, checkpoint = load_network(Path(best_path))
    forecaster = NetworkForecaster(network, spec)
    history = read_log(Path(trainer.logger.log_dir) / "metrics.csv")
    if resume:
        history = merge_history(paths.history, history)

    # The intermediate experiment on the same period: the network's rivals.
    outcome = search_candidates(paths, settings, series)
    classical = refit_best(settings, outcome, series)

    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(forecaster, series, settings.project)
    classical_forecast, classical_scores = forecast_scores(
        classical, split, series.season
    )
    monitor = settings.early_stopping.monitor
    training = training_facts(checkpoint, history, monitor)
    searched = search_metrics(settings, outcome)
    searched["cv"]["metric"] = CV_METRIC
    best = outcome.best
    metrics = {
        **evaluation.metrics,
        **describe_network(forecaster, settings.yaml),
        "lower_is_better": True,
        "n_val": datamodule.n_val,
        "training": training,
        "best_classical": {
            "candidate": best["name"],
            "params": best["params"],
            "scores": classical_scores,
            # As MASE, like the scores: the search maximised its negation.
            "cv": {"mean": -best["mean"], "std": best["std"]},
        },
        **searched,
    }
    forecasts = {
        "network": forecaster.forecast(split.train, len(split.test)),
        best["name"]: classical_forecast,
        "seasonal naive": SeasonalNaive(series.season).forecast(
            split.train, len(split.test)
        ),
    }
    figures = {
        **evaluation.figures,
        # The network's forecast beside its rivals', over the same test period.
        "forecast": forecast_figure(split.train, split.test, forecasts, series.season),
        "training_curves": training_curves_figure(
            history, "mae", training["monitor"], training["best_epoch"]
        ),
        "cross_validation": cross_validation_figure(outcome.candidates),
    }
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, figures)
    write_atomically(
        paths.checkpoint, lambda temporary: shutil.copyfile(best_path, temporary)
    )
    save_model(classical, paths.model)
    write_text(paths.history, history.to_csv())
    write_text(paths.resolved_config, settings.yaml)
    write_latest(paths, run)
    return run.metrics
