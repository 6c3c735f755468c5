"""The texts as PyTorch sees them: token numbers in padded, length-bucketed batches.

The validation texts, which pick the best epoch, are split off the training texts
(`batches.val_size`), and the tokenizer learns from the rest alone: nothing of them
leaks into training. Training batches group texts of similar length: little padding.
"""

from collections.abc import Iterator
from typing import Any

import pandas as pd
import torch
from torch.utils.data import DataLoader, Sampler

from ....advanced.datamodule import BatchedData, Batches
from ....advanced.predictor import NetworkSpec
from ....core.data import Split, split_dataset
from ....core.project import Project
from .tokens import TokenizerSettings, encode, learn_tokenizer, pad

# Texts sorted by length together: this many batches' worth, drawn at random.
BUCKET_BATCHES = 50


def collate(batch: list[tuple[torch.Tensor, torch.Tensor]]) -> list[torch.Tensor]:
    """(tokens, label) pairs -> [padded tokens (batch, longest), labels (batch,)]."""
    tokens, labels = zip(*batch, strict=True)
    return [pad(list(tokens)), torch.stack(labels)]


class BucketSampler(Sampler[int]):
    """A new random order each epoch, sorted by length within chunks of
    `BUCKET_BATCHES` batches: batches of similar lengths, still shuffled."""

    def __init__(self, lengths: list[int], batch_size: int, seed: int) -> None:
        self.lengths, self.seed, self.epoch = lengths, seed, 0
        self.chunk = batch_size * BUCKET_BATCHES

    def __len__(self) -> int:
        return len(self.lengths)

    def __iter__(self) -> Iterator[int]:
        generator = torch.Generator().manual_seed(self.seed + self.epoch)
        self.epoch += 1
        order = torch.randperm(len(self.lengths), generator=generator).tolist()
        for start in range(0, len(order), self.chunk):
            chunk = order[start : start + self.chunk]
            yield from sorted(chunk, key=self.lengths.__getitem__)


class TextDataModule(BatchedData):
    collate_fn = staticmethod(collate)

    def __init__(
        self,
        split: Split,
        project: Project,
        tokenizer: TokenizerSettings,
        batches: Batches,
    ) -> None:
        super().__init__()
        self.project, self.batches = project, batches
        # This Split's X_test and y_test are the validation texts, not the test ones.
        self.rows = split_dataset(
            split.X_train, split.y_train, project, test_size=batches.val_size
        )
        self.texts = {
            "train": self.rows.X_train[project.text_column],
            "val": self.rows.X_test[project.text_column],
        }
        self.tokenizer = learn_tokenizer(self.texts["train"], tokenizer)
        # Label names become the numbers 0..n-1 the loss needs; reports use names.
        every_label = pd.concat([split.y_train, split.y_test])
        self.classes = tuple(sorted(str(label) for label in every_label.unique()))
        index = {name: number for number, name in enumerate(self.classes)}
        # (tokens, label number) pairs: a list is all a DataLoader needs.
        self.datasets = {}
        for name, y in (("train", self.rows.y_train), ("val", self.rows.y_test)):
            labels = torch.tensor(y.astype(str).map(index).to_numpy(), dtype=torch.long)
            tokens = encode(self.tokenizer, self.texts[name])
            self.datasets[name] = list(zip(tokens, labels, strict=True))

    @property
    def n_val(self) -> int:
        return len(self.rows.X_test)

    def spec(self, network: dict[str, Any]) -> NetworkSpec:
        return NetworkSpec(
            task=self.project.task,
            input_shape=(self.tokenizer.get_vocab_size(),),
            n_outputs=len(self.classes),
            network=network,
            classes=self.classes,
        )

    def train_dataloader(self) -> DataLoader:
        # Under DDP, Lightning hands each process its share of the sampler's order.
        lengths = [len(tokens) for tokens, _ in self.datasets["train"]]
        sampler = BucketSampler(lengths, self.batches.batch_size, self.project.seed)
        return self.loader("train", sampler=sampler)
