"""The config sections of the advanced rung, after the intermediate ones and the
kind's own (its part's `sections`, e.g. text's `tokenizer`). jsonargparse builds each
from a signature, none lists its keys by hand: `trainer` from Lightning's `Trainer`,
`optimizer` and `scheduler` from the class `class_path` names, `network` from
network.py's build_network, `batches`, `early_stopping` and `network_search` (where
the kind's part searches the network, network_space.py) from dataclasses.
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
from ..intermediate.sections import sections as intermediate_sections
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
        **intermediate_sections(),
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
