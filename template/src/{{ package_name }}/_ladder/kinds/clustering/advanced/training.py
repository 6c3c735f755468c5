"""How the autoencoder learns: batches of rows, no labels, and its loss. The
validation rows (`batches.val_size`) are split off the training rows, on which alone
features.py's preprocessing is fitted; the rest is every network's (`LitBase`).
"""

from typing import Any

from sklearn.model_selection import train_test_split
from torch import Tensor, nn
from torch.utils.data import TensorDataset
from torchmetrics import MeanMetric

from .....features import build_preprocessor
from ....advanced.datamodule import BatchedData, Batches
from ....advanced.lit_model import LitBase, LitParams
from ....advanced.predictor import to_features
from ..data import Rows
from .autoencoder import AutoencoderSpec


class RowsDataModule(BatchedData):
    """Preprocessing and DataLoaders of unlabelled rows, for the Trainer."""

    def __init__(
        self, rows: Rows, features: dict[str, Any], batches: Batches, seed: int
    ) -> None:
        super().__init__()
        self.batches = batches
        train, val = train_test_split(
            rows.X_train, test_size=batches.val_size, random_state=seed
        )
        self.n_val = len(val)
        self.preprocessor = build_preprocessor(**features).fit(train)
        self.datasets = {
            "train": TensorDataset(to_features(self.preprocessor, train)),
            "val": TensorDataset(to_features(self.preprocessor, val)),
        }

    def spec(self, network: dict[str, Any]) -> AutoencoderSpec:
        n_inputs = int(self.datasets["train"].tensors[0].shape[1])
        return AutoencoderSpec(n_inputs, network)


class LitAutoencoder(LitBase):
    """The autoencoder of network.py, with the mean squared error as loss."""

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
