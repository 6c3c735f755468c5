"""The config sections of the advanced rung, after the intermediate ones and the
kind's own (e.g. text's `tokenizer`). jsonargparse builds each from a signature, none
lists its keys by hand: `trainer` from Lightning's `Trainer`, `optimizer` and
`scheduler` from the classes `class_path` names, `network` from build_network, the
others from dataclasses. Only the commands that build a Trainer (`train`, `search`:
commands.py's BUILDS_TRAINER) read `trainer:` against the Trainer's own signature,
importing Lightning (seconds); the others read it as a plain table.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from jsonargparse import ArgumentParser, Namespace, lazy_instance
from jsonargparse.typing import NonNegativeInt, PositiveInt
from optuna.pruners import BasePruner, MedianPruner

from ...network import build_network
from ..core.settings import (
    AddSection,
    dataclass_section,
    function_section,
    value_section,
)
from ..intermediate.sections import sections as intermediate_sections
from .batches import Batches, LRSchedulerCallable, OptimizerCallable
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


@dataclass(frozen=True)
class NetworkSearch:
    """The `network_search:` section: the network's trials that `search` adds."""

    # Network trials each `search` adds to the experiment's network study; 0 adds none.
    n_trials: NonNegativeInt = 10
    # Stops a trial early when its validation value, epoch by epoch, is worse than
    # the study's other trials at the same epoch (any optuna.pruners class).
    pruner: BasePruner = lazy_instance(
        MedianPruner, n_startup_trials=3, n_warmup_steps=5
    )
    # section -> key -> a fixed value, a list of choices, or {low, high, log}.
    space: dict[str, dict[str, Any]] = field(default_factory=dict)


def trainer_section(parser: ArgumentParser, key: str) -> None:
    """Lightning Trainer's flags, kept as values: `train` adds the engine's own."""
    import lightning as L

    parser.add_class_arguments(L.Trainer, key, skip=SET_BY_ENGINE, instantiate=False)


def sections(lightning: bool = False) -> Mapping[str, AddSection]:
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
        "trainer": trainer_section if lightning else value_section(dict[str, Any], {}),
        # PyTorch threads per process on a CPU; 0 keeps PyTorch's default.
        "cpu_threads": value_section(NonNegativeInt, 1),
        **network_search,
    }
