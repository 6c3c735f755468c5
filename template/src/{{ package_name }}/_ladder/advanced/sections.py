"""The config sections of the advanced rung, on top of the intermediate ones, with
those the project's kind adds (its part's `sections`, e.g. text's `tokenizer`).

Each is built from a signature by jsonargparse; none lists its keys by hand:
- `trainer`: the arguments of Lightning's own `Trainer` (devices, strategy, precision,
  num_nodes, max_epochs, ...), except the few the engine sets itself;
- `optimizer` and `scheduler`: any class, named by `class_path` with its `init_args`,
  checked against that class's signature and built by jsonargparse;
- `network`: the arguments of build_network in network.py, but the two the data sets;
- `batches` and `early_stopping`: small dataclasses; `cpu_threads`: one number;
- `network_search`, where the kind's part searches the network: what `search`
  tries for it (network_space.py), its pruner any class of optuna.pruners.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import lightning as L
from jsonargparse import ArgumentParser, Namespace
from jsonargparse.typing import NonNegativeInt, PositiveInt
from lightning.pytorch.cli import LRSchedulerCallable, OptimizerCallable

from ...network import build_network
from ..core.settings import (
    AddSection,
    dataclass_section,
    function_section,
    value_section,
)
from . import lower
from .datamodule import Batches
from .network_space import NetworkSearch
from .part import advanced_part

# Trainer arguments the engine sets: its callbacks (early stopping, checkpoints),
# its CSV logger and where both write. Every other one is a key of `trainer:`.
SET_BY_ENGINE = {"callbacks", "logger", "enable_checkpointing", "default_root_dir"}

# The optimizer when the config names none.
ADAMW = Namespace(class_path="torch.optim.AdamW")


@dataclass(frozen=True)
class EarlyStopping:
    """The `early_stopping:` section: which validation value picks the best epoch."""

    # val_loss, or val_<metric> (see configs/default.yaml for this task's names).
    monitor: str = "val_loss"
    # min: lower is better (losses, errors); max: higher is better (accuracy, r2).
    mode: Literal["min", "max"] = "min"
    # Stop after this many epochs without a better monitored value.
    patience: PositiveInt = 20


def trainer_section(parser: ArgumentParser, key: str) -> None:
    """Lightning Trainer's flags, kept as values: `train` adds the engine's own."""
    parser.add_class_arguments(L.Trainer, key, skip=SET_BY_ENGINE, instantiate=False)


def sections() -> Mapping[str, AddSection]:
    part = advanced_part()
    network_search = (
        {"network_search": dataclass_section(NetworkSearch)}
        if part.SEARCHES_NETWORK
        else {}
    )
    return {
        **lower.sections(),
        **part.sections(),
        "network": function_section(build_network, skip=set(part.NETWORK_INPUTS)),
        "batches": dataclass_section(Batches),
        # A Namespace, not a dict: jsonargparse merges the config's init_args into it.
        "optimizer": value_section(OptimizerCallable, ADAMW),
        "scheduler": value_section(LRSchedulerCallable | None, None),
        "early_stopping": dataclass_section(EarlyStopping),
        "trainer": trainer_section,
        # PyTorch threads per process on a CPU; 0 keeps PyTorch's default.
        "cpu_threads": value_section(NonNegativeInt, 1),
        **network_search,
    }
