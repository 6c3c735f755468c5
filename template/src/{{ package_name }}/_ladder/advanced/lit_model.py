"""How the network learns: its loss, its metrics, the optimizer and the LR schedule
(named in configs/default.yaml and built by jsonargparse, so any optimizer works
without a line of code here), in one LightningModule that Lightning's Trainer runs on
a CPU, a GPU or many; torchmetrics adds the metrics up across processes under DDP.
"""

from dataclasses import dataclass
from typing import Any

import lightning as L
from torch import Tensor, nn
from torch.optim.lr_scheduler import ReduceLROnPlateau
from torchmetrics import MeanMetric, MetricCollection
from torchmetrics.classification import MulticlassAccuracy, MulticlassF1Score
from torchmetrics.regression import MeanAbsoluteError, MeanSquaredError, R2Score

from ..core.artifacts import installed_versions
from .batches import LRSchedulerCallable, OptimizerCallable
from .predictor import NETWORK_LIBRARIES, NetworkSpec

# Logged per stage as train_<name> and val_<name>, beside <stage>_loss; the names are
# core's metric names, so val_accuracy here is accuracy in reports/metrics.json.
METRIC_NAMES = {
    "classification": ("accuracy", "f1_macro"),
    "regression": ("r2", "rmse", "mae"),
}


def monitored_names(task: str) -> list[str]:
    """The values early stopping and checkpoints can watch."""
    return ["val_loss", *(f"val_{name}" for name in METRIC_NAMES[task])]


@dataclass(frozen=True)
class LitParams:
    """What a LitNetwork is built from: the network and how to optimise it."""

    spec: NetworkSpec
    optimizer: OptimizerCallable
    scheduler: LRSchedulerCallable | None = None
    # What ReduceLROnPlateau watches, when it is the scheduler.
    monitor: str = "val_loss"
    # Written into each checkpoint: the resolved configuration, for the record.
    config: str = ""


class LitBase(L.LightningModule):
    """A network of network.py and how to optimise it; its checkpoints hold what
    rebuilds it. A kind's own LightningModule (the autoencoder's) adds its loss."""

    def __init__(self, params: LitParams) -> None:
        super().__init__()
        self.params = params
        self.network = params.spec.build()

    def configure_optimizers(self) -> dict[str, Any]:
        optimizer = self.params.optimizer(self.parameters())
        if self.params.scheduler is None:
            return {"optimizer": optimizer}
        scheduler = self.params.scheduler(optimizer)
        # Each schedule steps once per epoch; ReduceLROnPlateau watches a value.
        schedule: dict[str, Any] = {"scheduler": scheduler, "interval": "epoch"}
        if isinstance(scheduler, ReduceLROnPlateau):
            schedule["monitor"] = self.params.monitor
        return {"optimizer": optimizer, "lr_scheduler": schedule}

    def on_save_checkpoint(self, checkpoint: dict[str, Any]) -> None:
        """Store what rebuilds the network and how it was trained, as plain values."""
        trainer, accelerator = self.trainer, type(self.trainer.accelerator).__name__
        checkpoint["network_spec"] = self.params.spec.as_dict()
        checkpoint["versions"] = installed_versions(NETWORK_LIBRARIES)
        checkpoint["config"] = self.params.config
        checkpoint["hardware"] = {
            "accelerator": accelerator.removesuffix("Accelerator").lower(),
            "devices": trainer.num_devices,
            "nodes": trainer.num_nodes,
            "world_size": trainer.world_size,
            "strategy": type(trainer.strategy).__name__.removesuffix("Strategy"),
            "precision": str(trainer.precision),
        }


class LitNetwork(LitBase):
    """The network of network.py, with what it takes to train and score it."""

    def __init__(self, params: LitParams) -> None:
        super().__init__(params)
        self.classification = params.spec.task == "classification"
        # Cross-entropy: softmax and negative log-likelihood in one stable step.
        self.loss = nn.CrossEntropyLoss() if self.classification else nn.MSELoss()
        if self.classification:
            classes = params.spec.n_outputs
            metrics = MetricCollection(
                {
                    "accuracy": MulticlassAccuracy(classes, average="micro"),
                    "f1_macro": MulticlassF1Score(classes, average="macro"),
                }
            )
        else:
            metrics = MetricCollection(
                {
                    "r2": R2Score(),
                    "rmse": MeanSquaredError(squared=False),
                    "mae": MeanAbsoluteError(),
                }
            )
        # One copy per stage: each keeps its own running totals.
        self.train_metrics = metrics.clone(prefix="train_")
        self.val_metrics = metrics.clone(prefix="val_")
        # The mean loss of each epoch, weighted by the rows of each batch.
        self.train_loss = MeanMetric()
        self.val_loss = MeanMetric()

    def forward(self, features: Tensor) -> Tensor:
        """Scores (logits) per class, or one number per row in standard units."""
        outputs = self.network(features)
        return outputs if self.classification else outputs.squeeze(-1)

    def to_target_units(self, values: Tensor) -> Tensor:
        """Standard units back to the target's own units (regression)."""
        return values * self.params.spec.target_std + self.params.spec.target_mean

    def training_step(self, batch: list[Tensor], batch_idx: int) -> Tensor:
        return self.step(batch, self.train_loss, self.train_metrics)

    def validation_step(self, batch: list[Tensor], batch_idx: int) -> None:
        self.step(batch, self.val_loss, self.val_metrics)

    def step(
        self, batch: list[Tensor], total_loss: MeanMetric, metrics: MetricCollection
    ) -> Tensor:
        """One batch: its loss, added with its scores to the epoch's running totals."""
        features, targets = batch
        outputs = self(features)
        loss = self.loss(outputs, targets)
        total_loss.update(loss.detach(), weight=len(targets))
        if self.classification:
            metrics.update(outputs, targets)
        else:
            # Scored in the target's own units, like the baseline in metrics.json.
            metrics.update(self.to_target_units(outputs), self.to_target_units(targets))
        return loss

    def on_train_epoch_end(self) -> None:
        self.log_epoch("train", self.train_loss, self.train_metrics)

    def on_validation_epoch_end(self) -> None:
        self.log_epoch("val", self.val_loss, self.val_metrics, prog_bar=True)

    def log_epoch(
        self,
        stage: str,
        total_loss: MeanMetric,
        metrics: MetricCollection,
        prog_bar: bool = False,
    ) -> None:
        """Log the epoch's values once (not at every step: it keeps Lightning's
        bookkeeping out of the way), then start the totals afresh."""
        values = {f"{stage}_loss": total_loss.compute(), **metrics.compute()}
        self.log_dict(values, prog_bar=prog_bar)
        total_loss.reset()
        metrics.reset()
