"""What a kind gives the advanced tier: its part, `kinds/<kind>/advanced/`.

The tier's `train`, commands and config sections are written once (train.py,
commands.py, sections.py); what differs by kind of data is asked of the names of
`AdvancedPart` that the kind's advanced `__init__.py` defines: how its data becomes
batches and the network's spec, how the trained network becomes a model that
predicts (saved beside the checkpoint, loaded again by `evaluate` and `predict`), what
a run records and draws, and what `report` fills in. The kinds on rows (tabular,
images) share rows.py's part. A part is imported by every command, `report` too: it
imports PyTorch and Lightning inside its functions only.
"""

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..core.kind import current_kind
from ..core.settings import AddSection, Settings

if TYPE_CHECKING:
    import lightning as L

    from .paths import NetworkPaths


class DataModule(Protocol):
    """The LightningDataModule a part builds: batches, and what rebuilds the
    network for them."""

    # Rows (windows, texts) held out of the training data to pick the best epoch.
    n_val: int

    # The spec of a network for this data, with the `network:` section's knobs:
    # saved in each checkpoint as plain values, it rebuilds the network.
    def spec(self, network: dict[str, Any]) -> Any: ...


class AdvancedPart(Protocol):
    """The names `kinds/<kind>/advanced/__init__.py` defines. (None is the name of
    a module in the package, which would replace it once imported.)"""

    # The network's name in the commands' help ("network", "autoencoder"), and how
    # `train`'s output names its rival, the intermediate tier's refitted best.
    NETWORK: str
    RIVAL: str
    # build_network's arguments the data sets: left out of the `network:` section.
    NETWORK_INPUTS: frozenset[str]
    # Whether `search` tunes the network too (the `network_search:` section).
    SEARCHES_NETWORK: bool
    # Whether `evaluate` reads configs/default.yaml: a kind whose data the `data:`
    # section shapes needs it; the others start faster without it.
    EVALUATE_READS_CONFIG: bool

    # The config sections the kind adds, before `network:` (e.g. `tokenizer`).
    def sections(self) -> Mapping[str, AddSection]: ...

    # The values early stopping may watch, and what they are for (for the message
    # that refuses another); the value drawn beside the loss in the training curves.
    def monitored(self, settings: Settings) -> tuple[Sequence[str], str]: ...
    def curve_metric(self, settings: Settings) -> str: ...

    # The LightningModule that trains the network of `params.spec`.
    def lit_module(self, params: Any) -> "L.LightningModule": ...

    # What must hold before training or a search starts (pretrained weights on this
    # machine, ...): raises a ProjectError that says what to do.
    def check(self, settings: Settings) -> None: ...

    # The training and validation batches, from the training part of `data` (what
    # the kind's `steps.prepare` returned).
    def data_module(self, settings: Settings, data: Any) -> DataModule: ...

    # The network of `checkpoint` as the model the kind's steps evaluate and predict
    # with, and the checkpoint's content; `save` writes what it needs beside the
    # checkpoint (preprocessor, ...), `load` reads both back.
    def model(
        self, checkpoint: Path, datamodule: DataModule, data: Any, settings: Settings
    ) -> tuple[Any, dict[str, Any]]: ...
    def save(self, model: Any, paths: "NetworkPaths") -> None: ...
    def load(
        self, paths: "NetworkPaths", settings: Settings
    ) -> tuple[Any, dict[str, Any]]: ...

    # metrics.json's `estimator` and `params`, from the resolved config; and what
    # the run records of the network beyond the shared facts.
    def describe(self, model: Any, config: str) -> dict[str, Any]: ...
    def facts(self, model: Any, datamodule: DataModule) -> dict[str, Any]: ...

    # The rival's test scores, measured as the network's (`model`'s) are.
    def rival_scores(
        self, model: Any, classical: Any, data: Any, settings: Settings
    ) -> dict[str, float]: ...

    # The figures of the rival's search and of the comparison; one named like an
    # evaluation figure replaces it in place.
    def figures(
        self, model: Any, classical: Any, data: Any, settings: Settings, outcome: Any
    ) -> dict[str, Any]: ...

    # What `report` fills in: the metrics, the folder their figures are relative to,
    # and the draft's sections (the comparison, the runs).
    def report_content(
        self, paths: "NetworkPaths"
    ) -> tuple[dict[str, Any], Path, list[str]]: ...


def advanced_part() -> AdvancedPart:
    """This project's kind's advanced part."""
    return current_kind().part("advanced")
