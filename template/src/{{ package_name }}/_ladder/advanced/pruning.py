"""Optuna's pruning, as a Lightning callback: stop a hopeless trial early.

After each validation the callback reports the monitored value (val_loss by default)
to the trial; the study's pruner compares it with the other trials' values at the
same epoch and may say the trial is not worth finishing. The callback then asks the
Trainer to stop after this epoch, and the search marks the trial PRUNED. (Stopping
the Trainer, rather than raising inside it, lets Lightning finish cleanly.)
"""

import lightning as L
import optuna
from lightning.pytorch.callbacks import Callback


class ReportToOptuna(Callback):
    """Reports `monitor` to `trial` after each epoch's validation; stops a trial the
    pruner gives up on."""

    def __init__(self, trial: optuna.Trial, monitor: str) -> None:
        self.trial = trial
        self.monitor = monitor
        # epoch -> the monitored value after it
        self.values: dict[int, float] = {}
        # The epoch after which the pruner stopped the trial; None if it never did.
        self.pruned_at: int | None = None

    def on_validation_end(self, trainer: L.Trainer, module: L.LightningModule) -> None:
        # The sanity check runs a few batches before training: not an epoch's value.
        if trainer.sanity_checking or self.monitor not in trainer.callback_metrics:
            return
        epoch = trainer.current_epoch
        value = float(trainer.callback_metrics[self.monitor])
        self.values[epoch] = value
        self.trial.report(value, step=epoch)
        if self.trial.should_prune():
            self.pruned_at = epoch
            trainer.should_stop = True
