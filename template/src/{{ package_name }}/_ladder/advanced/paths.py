"""Where the network's files live, beside the files every tier writes."""

from dataclasses import dataclass

from ..core.paths import Paths, under


@dataclass(frozen=True)
class NetworkPaths(Paths):
    """`Paths`, plus the checkpoints, the preprocessor, the logs and the history."""

    # The best epoch of the last `train`; best.ckpt and last.ckpt, while training.
    checkpoint = under("models", "model.ckpt")
    checkpoints = under("models", "checkpoints")
    # Fitted on the network's training rows.
    preprocessor = under("models", "preprocessor.skops")
    logs = under("logs")
    # One row per epoch: losses, metrics, learning rate.
    history = under("reports", "history.csv")
