"""The shapes of the sections the network's own code reads: `batches:` (the
DataModule) and the `optimizer:` and `scheduler:` it is built with (the
LightningModule). Apart from sections.py, which asks the kind's part for the list of
sections, and without Lightning, which reading the settings never imports.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jsonargparse.typing import NonNegativeInt, OpenUnitInterval, PositiveInt
from torch.optim import Optimizer
from torch.optim.lr_scheduler import LRScheduler

# What jsonargparse builds from a `class_path` (Lightning's OptimizerCallable and
# LRSchedulerCallable, less Lightning).
OptimizerCallable = Callable[[Iterable], Optimizer]
LRSchedulerCallable = Callable[[Optimizer], LRScheduler]


@dataclass(frozen=True)
class Batches:
    """The `batches:` section: how rows become batches."""

    # Rows per optimisation step.
    batch_size: PositiveInt = 32
    # The share of the training rows held out to pick the best epoch.
    val_size: OpenUnitInterval = 0.2
    # DataLoader worker processes; 0 loads batches in the training process itself,
    # the fastest for data held in memory.
    num_workers: NonNegativeInt = 0
