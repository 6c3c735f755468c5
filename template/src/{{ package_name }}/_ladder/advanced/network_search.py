"""The network's search: Optuna trials, each one a network trained by Lightning, the
hopeless ones stopped early.

`search` at the advanced tier runs the candidates' search, then this one. Each trial
trains the network as `train` would (on one device) with values from
`network_search.space` (network_space.py); its score is `early_stopping.monitor` on
the validation rows at its best epoch, and after every epoch the pruner
(`network_search.pruner`) may stop a trial doing worse than the others did by then.
The trials live in the candidates' storage, in a study of their own; the best one's
values go to reports/network-search/<experiment>.yaml, a file for `train --config`.
"""

import logging
import warnings
from pathlib import Path

import lightning as L
import optuna
import torch
import yaml
from lightning.pytorch.callbacks import Callback
from optuna.trial import FrozenTrial, TrialState

from ..core.artifacts import write_text
from ..core.cli import PACKAGE
from ..core.data import Split
from ..core.errors import ProjectError
from ..core.kind import current_kind
from ..core.paths import Paths
from ..core.settings import Settings
from ..intermediate.search import WORKER, default_storage, hashed_name, open_study
from .network_space import Knob, TrialSettings, network_space, overrides
from .part import advanced_part
from .train import (
    build_datamodule,
    build_lit_model,
    check_monitor,
    early_stopping,
    trainer_flags,
)

# The sections that change what a trial measures, less the keys that do not: where
# it runs, what it shows, how many trials, which pruner.
TRIAL_SECTIONS = (
    *("data", "features", "network", "batches", "optimizer", "scheduler"),
    *("early_stopping", "trainer", "network_search"),
)
HARDWARE = ("accelerator", "devices", "num_nodes", "strategy", "enable_progress_bar")
NOT_MEASURED = {"trainer": HARDWARE, "network_search": ("n_trials", "pruner")}
# One device per trial: under DDP each process would run the whole search again.
# To search on several GPUs, start one `search` worker per GPU.
ONE_DEVICE = {"devices": 1, "num_nodes": 1, "strategy": "auto"}
COMPLETE, PRUNED = TrialState.COMPLETE, TrialState.PRUNED


class ReportToOptuna(Callback):
    """Optuna's pruning as a Lightning callback: after each validation, report the
    monitored value to the trial; when the pruner gives up on it, ask the Trainer to
    stop after this epoch (rather than raise inside it, so Lightning ends cleanly)."""

    def __init__(self, trial: optuna.Trial, monitor: str) -> None:
        self.trial, self.monitor = trial, monitor
        # epoch -> the monitored value after it
        self.values: dict[int, float] = {}
        # The epoch after which the pruner stopped the trial; None if it never did.
        self.pruned_at: int | None = None

    def on_validation_end(self, trainer: L.Trainer, module: L.LightningModule) -> None:
        # The sanity check runs a few batches before training: not an epoch's value.
        if trainer.sanity_checking or self.monitor not in trainer.callback_metrics:
            return
        epoch = trainer.current_epoch
        self.values[epoch] = float(trainer.callback_metrics[self.monitor])
        self.trial.report(self.values[epoch], step=epoch)
        if self.trial.should_prune():
            self.pruned_at = epoch
            trainer.should_stop = True


def network_study_name(settings: Settings) -> str:
    """The experiment's name plus a hash of what changes a network trial's score."""
    resolved = yaml.safe_load(settings.yaml)
    measured = {section: resolved.get(section) for section in TRIAL_SECTIONS}
    for section, keys in NOT_MEASURED.items():
        for key in keys:
            measured[section].pop(key, None)
    return hashed_name(f"{settings.experiment}-network", measured, settings)


def run_trial(
    paths: Paths,
    trials: TrialSettings,
    knobs: list[Knob],
    split: Split,
    trial: optuna.Trial,
) -> float:
    """What Optuna optimises: a trial's monitored value at its best epoch. The trial
    trains its network without checkpoints or logs: it leaves nothing but its record
    in the study."""
    values = {knob.name: knob.suggest(trial) for knob in knobs}
    trial.set_user_attr("overrides", overrides(knobs, values, trials.base))
    trial.set_user_attr("worker", WORKER)
    settings = trials.with_values(
        {knob.config_key: values[knob.name] for knob in knobs}
    )
    reporter = ReportToOptuna(trial, settings.early_stopping.monitor)
    flags = {**trainer_flags(settings), **ONE_DEVICE}
    flags.update(enable_progress_bar=False, enable_model_summary=False)
    try:
        L.seed_everything(settings.project.seed, workers=True, verbose=False)
        datamodule = build_datamodule(settings, split)
        trainer = L.Trainer(
            callbacks=[early_stopping(settings), reporter],
            logger=False,
            enable_checkpointing=False,
            default_root_dir=paths.root,
            **flags,
        )
        trainer.fit(build_lit_model(settings, datamodule), datamodule=datamodule)
    except (RuntimeError, ValueError, TypeError) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise ProjectError(
            f"network trial {trial.number} with {values} failed: "
            f"{type(error).__name__}: {reason}"
        ) from None
    if not reporter.values:
        raise ProjectError(
            "a network trial ran no validation: check trainer.limit_val_batches "
            "and trainer.check_val_every_n_epoch"
        )
    trial.set_user_attr("epochs", len(reporter.values))
    if reporter.pruned_at is not None:
        raise optuna.TrialPruned(f"pruned after epoch {reporter.pruned_at}")
    pick = min if settings.early_stopping.mode == "min" else max
    best_epoch = pick(reporter.values, key=reporter.values.__getitem__)
    trial.set_user_attr("best_epoch", best_epoch)
    return reporter.values[best_epoch]


def print_trial(monitor: str, study: optuna.Study, trial: FrozenTrial) -> None:
    """One line per trial: its score or the epoch it was pruned at, and the best."""
    if trial.state == PRUNED:
        outcome = f"pruned after epoch {trial.last_step}"
    elif trial.state == COMPLETE:
        outcome = (
            f"{monitor} {trial.value:.4f} (epoch {trial.user_attrs['best_epoch']})"
        )
    else:
        return
    line = f"network trial {trial.number:>3}  {outcome:<30}"
    if study.get_trials(deepcopy=False, states=[COMPLETE]):
        line += f" best {study.best_trial.value:.4f} (trial {study.best_trial.number})"
    print(line.rstrip(), flush=True)


def best_settings_file(paths: Paths, experiment: str) -> Path:
    """Where the best trial's values go: a `--config` file named after the
    experiment, so a run with it stays in that experiment."""
    return paths.reports / "network-search" / f"{experiment}.yaml"


def train_command(paths: Paths, settings: Settings) -> str:
    """`train` with the experiment's files, then the best trial's values over them."""
    saved = best_settings_file(paths, settings.experiment).relative_to(paths.root)
    files = [*settings.files[2:], saved.as_posix()]
    return f"python -m {PACKAGE} train " + " ".join(f"--config {f}" for f in files)


class FlowLists(yaml.SafeDumper):
    """YAML with lists in brackets, as configs/default.yaml has them."""


FlowLists.add_representer(
    list,
    lambda dumper, data: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", data, flow_style=True
    ),
)


def save_best(
    paths: Paths, settings: Settings, study: optuna.Study, best: FrozenTrial
) -> Path:
    """The best trial's values as a file of overrides, and every trial as a CSV."""
    path = best_settings_file(paths, settings.experiment)
    header = [
        f"# The best network trial of study {study.study_name}: trial {best.number}, "
        f"{settings.early_stopping.monitor} {best.value:.4g} at epoch "
        f"{best.user_attrs['best_epoch']}.",
        "# Written by `search` (each search rewrites it). Train with these values:",
        f"#   {train_command(paths, settings)}",
    ]
    body = yaml.dump(best.user_attrs["overrides"], Dumper=FlowLists, sort_keys=False)
    write_text(path, "\n".join(header) + "\n" + body)
    trials = study.trials_dataframe(attrs=("number", "value", "state", "params"))
    csv = path.with_name(f"{settings.experiment}-trials.csv")
    write_text(csv, trials.to_csv(index=False))
    return path


def check_network_search(
    paths: Paths, settings: Settings
) -> tuple[TrialSettings, list[Knob]]:
    """The configuration trials start from, and the checked space. `search` calls it
    before either search: a typo stops it here, not after an hour of trials."""
    check_monitor(settings)
    advanced_part().check(settings)
    trials = TrialSettings(paths, settings)
    return trials, network_space(settings, trials)


def search_network(paths: Paths, trials: TrialSettings, knobs: list[Knob]) -> None:
    """Add `network_search.n_trials` trials to the experiment's network study; save
    the best trial's values, and say how to train with them."""
    settings = trials.with_values({})
    if settings.cpu_threads:
        torch.set_num_threads(settings.cpu_threads)
    split = current_kind().steps.prepare(paths, settings)
    study = open_study(
        settings,
        settings.search.storage or default_storage(paths),
        name=network_study_name(settings),
        direction="minimize" if settings.early_stopping.mode == "min" else "maximize",
        pruner=settings.network_search.pruner,
        sampler=optuna.samplers.TPESampler,
    )
    monitor = settings.early_stopping.monitor
    # Lightning's "GPU available: ..." lines, and its warning that newer PyTorch
    # deprecates a class it uses, once per trial, would bury the trials.
    logger = logging.getLogger("lightning.pytorch")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", ".*LeafSpec.*", FutureWarning)
            study.optimize(
                lambda trial: run_trial(paths, trials, knobs, split, trial),
                n_trials=settings.network_search.n_trials,
                callbacks=[lambda study, trial: print_trial(monitor, study, trial)],
            )
    finally:
        logger.setLevel(level)
    complete = study.get_trials(deepcopy=False, states=[COMPLETE])
    pruned = study.get_trials(deepcopy=False, states=[PRUNED])
    print(
        f"study {study.study_name}: {len(complete)} finished, "
        f"{len(pruned)} pruned network trials"
    )
    if not complete:
        print("no network trial has finished yet: nothing to train with")
        return
    best = study.best_trial
    print(
        f"best network trial {best.number}: {monitor} {best.value:.4f}; its values "
        f"are in {save_best(paths, settings, study, best)}. Train with them:\n"
        f"  {train_command(paths, settings)}"
    )
