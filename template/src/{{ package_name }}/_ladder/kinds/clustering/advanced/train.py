"""Train the autoencoder with Lightning, cluster its embedding, and put it beside the
best classical candidate and random assignment.

1. load the rows and hold out the test rows, labels hidden, as every tier does;
2. train the autoencoder of network.py with the shared Trainer (the `trainer:`
   section: this CPU, a GPU, several with DDP, ...), early stopping keeping the best
   epoch; `--resume last` continues a stopped run;
3. fit KMeans (`model.n_clusters`) on the embedding of the training rows;
4. search the classical candidates and refit the best, as the intermediate tier does;
5. score both and the baseline on the same test rows; save the models, a run folder
   and reports/metrics.json.
Under DDP every process trains; only the first (rank 0) does steps 3 to 5.
"""

import shutil
import warnings
from pathlib import Path
from typing import Any

import lightning as L
import torch

from ....advanced.history import merge_history, read_log, training_curves_figure
from ....advanced.paths import NetworkPaths
from ....advanced.results import training_facts
from ....advanced.train import build_trainer, resolve_resume
from ....core.artifacts import save_model, write_atomically, write_text
from ....core.errors import ProjectError
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.runs import save_run, write_latest
from ....intermediate.train import refit_best, search_candidates, search_metrics
from ..data import prepare_rows
from ..evaluate import evaluate, feature_space, scores_against_chance
from ..figures import candidates_figure
from .autoencoder import AutoencoderSpec, cluster_embedding, load_autoencoder
from .datamodule import RowsDataModule
from .lit_model import MONITORED, LitAutoencoder, LitParams

# Lightning suggests DataLoader workers; for data held in memory, 0 is fastest.
warnings.filterwarnings("ignore", ".*does not have many workers.*")
warnings.filterwarnings("ignore", ".*smaller than the logging interval.*")


def embedding_path(paths: Paths) -> Path:
    """KMeans fitted on the embedding: the autoencoder's clusters."""
    return paths.models / "embedding_kmeans.skops"


def check_monitor(settings: Settings) -> None:
    monitor = settings.early_stopping.monitor
    if monitor not in MONITORED:
        raise ProjectError(
            f"early_stopping.monitor must be one of {', '.join(MONITORED)} for an "
            f"autoencoder, got {monitor!r}"
        )


def train(paths: Paths, settings: Settings) -> dict[str, Any] | None:
    """Train, cluster, search, score, save; returns the metrics written, or None on
    the processes other than rank 0."""
    paths = NetworkPaths(paths.root)
    check_monitor(settings)
    resume = resolve_resume(paths, settings.resume)
    if settings.cpu_threads:
        torch.set_num_threads(settings.cpu_threads)
    project = settings.project
    L.seed_everything(project.seed, workers=True, verbose=False)

    rows = prepare_rows(paths, settings)
    datamodule = RowsDataModule(
        rows, settings.features.as_dict(), settings.batches, project.seed
    )
    params = LitParams(
        spec=AutoencoderSpec(datamodule.n_inputs, settings.network.as_dict()),
        optimizer=settings.optimizer,
        scheduler=settings.scheduler,
        monitor=settings.early_stopping.monitor,
        config=settings.yaml,
    )
    trainer = build_trainer(paths, settings)
    trainer.fit(
        LitAutoencoder(params),
        datamodule=datamodule,
        ckpt_path=resume,
        weights_only=True,
    )
    if not trainer.is_global_zero:
        return None
    best_path = trainer.checkpoint_callback.best_model_path
    if not best_path:
        raise ProjectError("training saved no checkpoint: did any validation run?")
    network, checkpoint = load_autoencoder(Path(best_path))
    clusterer = cluster_embedding(
        network,
        datamodule.preprocessor,
        rows.X_train,
        n_clusters=settings.model.n_clusters,
        random_state=project.seed,
    )
    history = read_log(Path(trainer.logger.log_dir) / "metrics.csv")
    if resume:
        history = merge_history(paths.history, history)

    # The intermediate experiment on the same rows: the autoencoder's rival.
    outcome = search_candidates(paths, settings, rows)
    classical = refit_best(settings, outcome, rows)

    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate(clusterer, rows, settings)
    rival = scores_against_chance(
        feature_space(clusterer, rows.X_test),
        classical.predict(rows.X_test),
        rows,
        project.seed,
    )
    training = training_facts(checkpoint, history, settings.early_stopping.monitor)
    metrics = {
        **evaluation.metrics,
        "estimator": "autoencoder + KMeans",
        "params": {
            **settings.network.as_dict(),
            "n_clusters": clusterer.n_clusters,
        },
        "n_val": datamodule.n_val,
        "training": training,
        "best_classical": {
            "candidate": outcome.best["name"],
            "params": outcome.best["params"],
            "scores": rival["model"],
            "cv": {"mean": outcome.best["mean"], "std": outcome.best["std"]},
        },
        **search_metrics(settings, outcome),
    }
    figures = {
        **evaluation.figures,
        "training_curves": training_curves_figure(
            history, "mae", training["monitor"], training["best_epoch"]
        ),
        "candidates": candidates_figure(outcome.candidates),
    }
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, figures)
    save_model(datamodule.preprocessor, paths.preprocessor)
    save_model(clusterer.kmeans, embedding_path(paths))
    write_atomically(
        paths.checkpoint, lambda temporary: shutil.copyfile(best_path, temporary)
    )
    save_model(classical, paths.model)
    write_text(paths.history, history.to_csv())
    write_text(paths.resolved_config, settings.yaml)
    write_latest(paths, run)
    return run.metrics
