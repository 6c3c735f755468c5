"""The rows as PyTorch sees them: scaled tensors in training and validation loaders.

An autoencoder learns to rebuild its input, so a batch is rows only: no labels. The
validation rows, which pick the best epoch, are split off the training rows
(`batches.val_size`); the test rows stay untouched until the final score.
features.py's preprocessing is fitted on the network's training rows only.
"""

from typing import Any

from sklearn.model_selection import train_test_split
from torch.utils.data import TensorDataset

from .....features import build_preprocessor
from ....advanced.datamodule import BatchedData, Batches
from ..data import Rows
from .autoencoder import AutoencoderSpec, to_tensor


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
            "train": TensorDataset(to_tensor(self.preprocessor, train)),
            "val": TensorDataset(to_tensor(self.preprocessor, val)),
        }

    @property
    def n_inputs(self) -> int:
        """The columns of one preprocessed row."""
        return int(self.datasets["train"].tensors[0].shape[1])

    def spec(self, network: dict[str, Any]) -> AutoencoderSpec:
        """What rebuilds an autoencoder of these rows, with `network`'s knobs."""
        return AutoencoderSpec(self.n_inputs, network)
