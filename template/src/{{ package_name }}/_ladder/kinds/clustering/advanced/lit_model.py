"""How the autoencoder learns: rebuild each row, with the mean squared error as loss.

The optimizer, the schedule and the checkpoints' content are every network's
(advanced/lit_model.py's `LitBase`).
"""

from torch import Tensor, nn
from torchmetrics import MeanMetric

from ....advanced.lit_model import LitBase, LitParams


class LitAutoencoder(LitBase):
    """The autoencoder of network.py, with its loss."""

    def __init__(self, params: LitParams) -> None:
        super().__init__(params)
        self.loss = nn.MSELoss()
        # Mean absolute reconstruction error, in scaled units: easier to read. One
        # per stage (train_mae, val_mae), each with its own running total.
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
