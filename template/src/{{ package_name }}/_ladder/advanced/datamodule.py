"""The data as PyTorch sees it: tensors in training and validation DataLoaders.

The validation rows, which pick the best epoch, are split off the training rows as
the test rows were (core's `split_dataset`, with `batches.val_size`); features.py's
preprocessing is fitted on the rest only, so nothing of them leaks into training.
"""

from types import ModuleType
from typing import Any

import lightning as L
import pandas as pd
import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset

from ..core.data import Split, split_dataset
from ..core.project import Project
from .batches import Batches
from .predictor import NetworkSpec, to_features


class BatchedData(L.LightningDataModule):
    """Training and validation datasets (`self.datasets`), served in batches as the
    `batches:` section says: the DataLoaders every kind's DataModule shares."""

    batches: Batches
    datasets: dict[str, Dataset]
    # How a kind whose items differ in size (texts) stacks them into one batch.
    collate_fn: Any = None

    def train_dataloader(self) -> DataLoader:
        # Shuffled each epoch; under DDP, Lightning gives each process its own share.
        return self.loader("train", shuffle=True)

    def val_dataloader(self) -> DataLoader:
        return self.loader("val")

    def loader(self, name: str, **options: Any) -> DataLoader:
        workers = self.batches.num_workers
        return DataLoader(
            self.datasets[name],
            batch_size=self.batches.batch_size,
            collate_fn=self.collate_fn,
            num_workers=workers,
            persistent_workers=workers > 0,
            **options,
        )


class TableDataModule(BatchedData):
    """Splits, preprocessing and DataLoaders in one object the Trainer understands."""

    def __init__(
        self,
        split: Split,
        project: Project,
        features: dict[str, Any],
        batches: Batches,
        tensors: ModuleType | None = None,
    ) -> None:
        from ...features import build_preprocessor  # text's features.py has none

        super().__init__()
        self.project = project
        self.batches = batches
        # The rows the network learns from, and those that pick its best epoch (this
        # Split's X_test and y_test: the validation rows, not the held-out test rows).
        self.rows = split_dataset(
            split.X_train, split.y_train, project, test_size=batches.val_size
        )
        self.preprocessor = build_preprocessor(**features).fit(self.rows.X_train)
        if project.is_classification:
            # Class names become the numbers 0..n-1 the loss needs; reports use names.
            every_label = pd.concat([split.y_train, split.y_test])
            self.classes = tuple(sorted(str(label) for label in every_label.unique()))
            self.target_mean, self.target_std = 0.0, 1.0
        else:
            self.classes = ()
            # The network learns the target in standard units: (y - mean) / std.
            self.target_mean = float(self.rows.y_train.mean())
            self.target_std = float(self.rows.y_train.std(ddof=0)) or 1.0
        # A kind whose rows are more than a table's (images) shapes them, and may
        # vary the training ones (augmentation): its `tensors` module's
        # `row_shape(project)` and `dataset(features, targets, train)`.
        self.kind = tensors
        self.datasets = {
            "train": self.to_dataset(self.rows.X_train, self.rows.y_train, train=True),
            "val": self.to_dataset(self.rows.X_test, self.rows.y_test),
        }

    def to_dataset(self, X: pd.DataFrame, y: pd.Series, train: bool = False) -> Dataset:
        if self.kind is None:
            return TensorDataset(to_features(self.preprocessor, X), self.to_targets(y))
        features = to_features(self.preprocessor, X, self.kind.row_shape(self.project))
        return self.kind.dataset(features, self.to_targets(y), train=train)

    def to_targets(self, y: pd.Series) -> torch.Tensor:
        if self.project.is_classification:
            index = {name: number for number, name in enumerate(self.classes)}
            return torch.tensor(y.astype(str).map(index).to_numpy(), dtype=torch.long)
        values = (y.to_numpy(dtype="float32") - self.target_mean) / self.target_std
        return torch.as_tensor(values, dtype=torch.float32)

    @property
    def n_val(self) -> int:
        return len(self.rows.X_test)

    @property
    def input_shape(self) -> tuple[int, ...]:
        """The shape of one preprocessed row: (number of columns,), or an image's."""
        return tuple(self.datasets["val"].tensors[0].shape[1:])

    def spec(self, network: dict[str, Any]) -> NetworkSpec:
        """What rebuilds a network of these inputs, with `network`'s knobs."""
        return NetworkSpec(
            task=self.project.task,
            input_shape=self.input_shape,
            n_outputs=len(self.classes) or 1,
            network=network,
            classes=self.classes,
            target_mean=self.target_mean,
            target_std=self.target_std,
        )
