"""Where the network's files live, beside the files every tier writes."""

from dataclasses import dataclass
from pathlib import Path

from ..core.paths import Paths


@dataclass(frozen=True)
class NetworkPaths(Paths):
    """`Paths`, plus the checkpoints, the preprocessor, the logs and the history."""

    @property
    def checkpoint(self) -> Path:
        """The best epoch's checkpoint of the last `train`: the network `evaluate`,
        `predict` and the model card use."""
        return self.models / "model.ckpt"

    @property
    def checkpoints(self) -> Path:
        """Every checkpoint Lightning keeps while training: best.ckpt and last.ckpt."""
        return self.models / "checkpoints"

    @property
    def preprocessor(self) -> Path:
        """features.py's preprocessing, fitted on the network's training rows."""
        return self.models / "preprocessor.skops"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def history(self) -> Path:
        """One row per epoch: losses, metrics and learning rate."""
        return self.reports / "history.csv"
