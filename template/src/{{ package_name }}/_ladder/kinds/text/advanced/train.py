"""Train the text network with Lightning, and the best TF-IDF model beside it.

The advanced tier's `train` (advanced/train.py), on texts:
1. load the texts and hold out the test texts, as every tier does;
2. learn a tokenizer from the network's training texts and train network.py's
   network with Lightning. The `trainer:` section (or `--trainer.devices 2
   --trainer.strategy ddp ...`) decides where; early stopping keeps the best epoch;
   `--resume last` continues a stopped run;
3. search the TF-IDF candidates and refit the best, as the intermediate tier does;
4. score the network, the best TF-IDF model and the baseline on the same test texts,
   and save the models, the tokenizer, a run folder and reports/metrics.json.
Under DDP every process trains on its share of each batch; only the first process
(rank 0) then does steps 3 and 4, so files are written once.
"""

import shutil
from pathlib import Path
from typing import Any

import lightning as L
import torch

from ....advanced.checkpoints import load_network
from ....advanced.history import merge_history, read_log, training_curves_figure
from ....advanced.lit_model import METRIC_NAMES, LitNetwork, LitParams
from ....advanced.results import describe_network, per_class, training_facts
from ....advanced.train import build_trainer, check_monitor, resolve_resume
from ....core.artifacts import save_model, write_atomically, write_text
from ....core.errors import ProjectError
from ....core.metrics import score
from ....core.paths import Paths
from ....core.settings import Settings
from ....intermediate.rows import search_figures
from ....intermediate.runs import save_run, write_latest
from ....intermediate.train import refit_best, search_candidates, search_metrics
from ..evaluate import evaluate_texts
from ..explain import telling_words_figure
from ..steps import prepare as prepare_split
from .datamodule import TextDataModule
from .paths import TextPaths
from .predictor import TextPredictor
from .tokens import save_tokenizer


def build_lit_model(settings: Settings, datamodule: TextDataModule) -> LitNetwork:
    """The network of the `network:` section, for the vocabulary in `datamodule`."""
    params = LitParams(
        spec=datamodule.spec(settings.network.as_dict()),
        optimizer=settings.optimizer,
        scheduler=settings.scheduler,
        monitor=settings.early_stopping.monitor,
        config=settings.yaml,
    )
    return LitNetwork(params)


def train(paths: Paths, settings: Settings) -> dict[str, Any] | None:
    """Train, search, score, save; returns the metrics written, or None on the
    processes other than rank 0."""
    paths = TextPaths(paths.root)
    check_monitor(settings)
    resume = resolve_resume(paths, settings.resume)
    if settings.cpu_threads:
        torch.set_num_threads(settings.cpu_threads)
    project = settings.project
    L.seed_everything(project.seed, workers=True, verbose=False)

    split = prepare_split(paths, settings)
    datamodule = TextDataModule(split, project, settings.tokenizer, settings.batches)
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
    network, spec, checkpoint = load_network(Path(best_path))
    predictor = TextPredictor(network, datamodule.tokenizer, spec, project.text_column)
    history = read_log(Path(trainer.logger.log_dir) / "metrics.csv")
    if resume:
        history = merge_history(paths.history, history)

    # The intermediate experiment on the same split: the network's TF-IDF rival.
    outcome = search_candidates(paths, settings, split)
    classical = refit_best(settings, outcome, split)

    # Evaluate before writing anything, so a failure leaves the last good run in place.
    evaluation = evaluate_texts(predictor, split, project)
    training = training_facts(checkpoint, history, settings.early_stopping.monitor)
    metrics = {
        **evaluation.metrics,
        **describe_network(predictor, settings.yaml),
        "n_val": len(datamodule.rows.X_test),
        "vocabulary": datamodule.tokenizer.get_vocab_size(),
        "training": training,
        "best_classical": {
            "candidate": outcome.best["name"],
            "params": outcome.best["params"],
            "features": outcome.best["features"],
            "scores": score(
                project.task, split.y_test, classical.predict(split.X_test)
            ),
            "cv": {"mean": outcome.best["mean"], "std": outcome.best["std"]},
        },
        **search_metrics(settings, outcome),
        "per_class": per_class(split.y_test, predictor.predict(split.X_test)),
    }
    curves = training_curves_figure(
        history,
        METRIC_NAMES[project.task][0],
        training["monitor"],
        training["best_epoch"],
    )
    figures = {
        **evaluation.figures,
        "training_curves": curves,
        **search_figures(classical, split, settings, outcome),
    }
    words = telling_words_figure(classical)
    if words is not None:
        figures["telling_words"] = words
    # The run folder first: it is complete on its own, whatever happens next.
    run = save_run(paths, settings, metrics, figures)
    save_tokenizer(datamodule.tokenizer, paths.tokenizer)
    write_atomically(
        paths.checkpoint, lambda temporary: shutil.copyfile(best_path, temporary)
    )
    save_model(classical, paths.model)
    write_text(paths.history, history.to_csv())
    write_text(paths.resolved_config, settings.yaml)
    write_latest(paths, run)
    return run.metrics
