"""How the autoencoder learns: rebuild each row, with the mean squared error as loss.

The optimizer and the schedule are named in configs/default.yaml and built by
jsonargparse, as for every advanced project. The checkpoint keeps what rebuilds the
network (`network_spec`) and the hardware it trained on, as plain values.
"""

from typing import Any

import lightning as L
from torch import Tensor, nn
from torch.optim.lr_scheduler import ReduceLROnPlateau
from torchmetrics import MeanMetric

from ....advanced.lit_model import LitParams

# The values logged per stage, as train_<name> and val_<name>: early stopping and the
# checkpoints can watch either validation one.
MONITORED = ("val_loss", "val_mae")


class LitAutoencoder(L.LightningModule):
    """The autoencoder of network.py, with its loss and optimizer."""

    def __init__(self, params: LitParams) -> None:
        super().__init__()
        self.params = params
        self.network = params.spec.build()
        self.loss = nn.MSELoss()
        # Mean absolute reconstruction error, in scaled units: easier to read.
        # One per stage: each keeps its own running total.
        self.train_mae, self.val_mae = MeanMetric(), MeanMetric()

    def step(self, batch: list[Tensor], stage: str) -> Tensor:
        (rows,) = batch
        rebuilt = self.network(rows)
        loss = self.loss(rebuilt, rows)
        mae = self.train_mae if stage == "train" else self.val_mae
        mae.update((rebuilt - rows).abs().mean(dim=1))
        # sync_dist: under DDP, the logged values are the mean over processes.
        self.log(f"{stage}_loss", loss, on_step=False, on_epoch=True, sync_dist=True)
        self.log(f"{stage}_mae", mae, on_step=False, on_epoch=True)
        return loss

    def training_step(self, batch: list[Tensor], batch_index: int) -> Tensor:
        return self.step(batch, "train")

    def validation_step(self, batch: list[Tensor], batch_index: int) -> None:
        self.step(batch, "val")

    def configure_optimizers(self) -> dict[str, Any]:
        optimizer = self.params.optimizer(self.parameters())
        if self.params.scheduler is None:
            return {"optimizer": optimizer}
        scheduler = self.params.scheduler(optimizer)
        schedule: dict[str, Any] = {"scheduler": scheduler, "interval": "epoch"}
        if isinstance(scheduler, ReduceLROnPlateau):
            schedule["monitor"] = self.params.monitor
        return {"optimizer": optimizer, "lr_scheduler": schedule}

    def on_save_checkpoint(self, checkpoint: dict[str, Any]) -> None:
        """Store what rebuilds the network and how it was trained, as plain values."""
        trainer = self.trainer
        checkpoint["network_spec"] = self.params.spec.as_dict()
        checkpoint["config"] = self.params.config
        checkpoint["hardware"] = {
            "accelerator": type(trainer.accelerator)
            .__name__.removesuffix("Accelerator")
            .lower(),
            "devices": trainer.num_devices,
            "nodes": trainer.num_nodes,
            "world_size": trainer.world_size,
            "strategy": type(trainer.strategy).__name__.removesuffix("Strategy"),
            "precision": str(trainer.precision),
        }
