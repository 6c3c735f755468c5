"""The config sections of the text kind's advanced rung, on top of its intermediate
ones: the network, the tokenizer, and the shared advanced sections (batches,
optimizer, scheduler, early stopping, Lightning's Trainer, cpu_threads)."""

from collections.abc import Mapping

from jsonargparse.typing import NonNegativeInt
from lightning.pytorch.cli import LRSchedulerCallable, OptimizerCallable

from .....network import build_network
from ....advanced.datamodule import Batches
from ....advanced.sections import ADAMW, EarlyStopping, trainer_section
from ....core.settings import (
    AddSection,
    dataclass_section,
    function_section,
    value_section,
)
from ....intermediate.sections import sections as lower_sections
from .tokens import TokenizerSettings


def sections() -> Mapping[str, AddSection]:
    return {
        **lower_sections(),
        "tokenizer": dataclass_section(TokenizerSettings),
        "network": function_section(build_network, skip={"input_shape", "n_outputs"}),
        "batches": dataclass_section(Batches),
        # A Namespace, not a dict: jsonargparse merges the config's init_args into it.
        "optimizer": value_section(OptimizerCallable, ADAMW),
        "scheduler": value_section(LRSchedulerCallable | None, None),
        "early_stopping": dataclass_section(EarlyStopping),
        "trainer": trainer_section,
        # PyTorch threads per process on a CPU; 0 keeps PyTorch's default.
        "cpu_threads": value_section(NonNegativeInt, 1),
    }
