"""The config sections of the clustering advanced rung, on top of the intermediate
ones: `network` (build_network's arguments) and the sections every advanced project
shares: `batches`, `optimizer`, `scheduler`, `early_stopping`, `trainer`."""

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


def sections() -> Mapping[str, AddSection]:
    return {
        **lower_sections(),
        "network": function_section(build_network, skip={"n_inputs"}),
        "batches": dataclass_section(Batches),
        "optimizer": value_section(OptimizerCallable, ADAMW),
        "scheduler": value_section(LRSchedulerCallable | None, None),
        "early_stopping": dataclass_section(EarlyStopping),
        "trainer": trainer_section,
        "cpu_threads": value_section(NonNegativeInt, 1),
    }
