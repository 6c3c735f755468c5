"""The config sections of the time-series advanced rung: the intermediate ones,
`window`, and the shared advanced rung's network, optimizer, scheduler, early
stopping and Trainer sections (built from their signatures by jsonargparse)."""

from collections.abc import Mapping

from ....advanced.sections import sections as shared_advanced
from ....core.settings import AddSection, dataclass_section
from ....intermediate.sections import sections as intermediate_sections
from .windows import Window

# The sections the shared advanced rung adds above its own lower ones.
NETWORK_SECTIONS = (
    "network",
    "batches",
    "optimizer",
    "scheduler",
    "early_stopping",
    "trainer",
    "cpu_threads",
)


def sections() -> Mapping[str, AddSection]:
    shared = shared_advanced()
    return {
        **intermediate_sections(),
        "window": dataclass_section(Window),
        **{key: shared[key] for key in NETWORK_SECTIONS},
    }
