"""Where the network's files live, beside the files every tier writes."""

from dataclasses import dataclass
from pathlib import Path

from ..core.paths import Paths


@dataclass(frozen=True)
class NetworkPaths(Paths):
    """`Paths`, plus the checkpoints, the preprocessor, the logs and the history."""

    @property
    def checkpoint(self) -> Path:  # the best epoch of the last `train`
        return self.models / "model.ckpt"

    @property
    def checkpoints(self) -> Path:  # best.ckpt and last.ckpt, while training
        return self.models / "checkpoints"

    @property
    def preprocessor(self) -> Path:  # fitted on the network's training rows
        return self.models / "preprocessor.skops"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def history(self) -> Path:  # one row per epoch: losses, metrics, learning rate
        return self.reports / "history.csv"
